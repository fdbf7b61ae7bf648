/**
 * Reading PDFs (issue #12): targets
 *   one 6-page report PDF (the real Huaian 2024 file, WPS-made) read in ≤ 300 ms, median of 15 after 3 warm-ups;
 *   1,000 report PDFs validated by one CLI run (process start included) in ≤ 60 s, every one read; peak memory printed.
 * The 1,000 are PDFs laid out the awkward way published ones are (test/helpers/layout-pdf.ts, 100 distinct,
 * the rest copies) plus 100 copies of the real file. Usage: npx tsx bench/pdf.bench.ts [--quick] (--quick: 100 files)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importReportFile } from '../shared/import';
import { awkwardReportPdf } from '../test/helpers/layout-pdf';
import { ensureCliBuilt, ROOT } from '../test/unit/cli-harness';
import { waitForIdle } from './helpers/idle';
import { syntheticReport } from './helpers/synthetic-reports';

const quick = process.argv.includes('--quick');
const HUAIAN = join(ROOT, 'test/fixtures/pdf/2024_huaian-city.pdf');
let failed = 0;
const verdict = (ok: boolean) => {
  if (!ok) failed++;
  return ok ? 'ok' : 'MISSED';
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const singleFile = async () => {
  const bytes = new Uint8Array(readFileSync(HUAIAN));
  for (let i = 0; i < 3; i++) await importReportFile('huaian.pdf', bytes);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const r = await importReportFile('huaian.pdf', bytes);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(r.message);
  }
  const m = median(times);
  console.log(
    `  one 6-page PDF (Huaian 2024): median ${m.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), target ≤ 300 ms: ${verdict(m <= 300)}`,
  );
  console.log(
    `  heap after 18 reads: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB, RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
  );
};

const batch = async (n: number) => {
  await ensureCliBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'dr-pdf-bench-'));
  try {
    const t0 = Date.now();
    const distinct = Math.min(100, n);
    const name = (i: number) => join(dir, `${String(i).padStart(5, '0')}.pdf`);
    for (let i = 0; i < n; i++) {
      if (i % 10 === 9) copyFileSync(HUAIAN, name(i));
      else if (i < distinct)
        writeFileSync(name(i), awkwardReportPdf(syntheticReport(i), { groupChars: ((i % 2) + 1) as 1 | 2, repeatHeader: i % 3 === 0, compress: true }));
      else copyFileSync(name(i % distinct === 9 ? 0 : i % distinct), name(i));
    }
    console.log(`  generated ${n} PDFs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // outside the folder validated (a .json there would be read as a report)
    const out = `${dir}-out.json`;
    const fd = openSync(out, 'w');
    let r;
    try {
      r = spawnSync('/usr/bin/time', ['-f', '@@TIME %e %U %S %M', process.execPath, join(ROOT, 'bin', 'disclosure-report.mjs'), 'validate', '--json', dir], {
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
      });
    } finally {
      closeSync(fd);
    }
    const m = /@@TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`no timing: ${r.stderr.slice(-500)}`);
    const wall = Number(m[1]);
    const rss = Number(m[4]) / 1024;
    const { files } = JSON.parse(readFileSync(out, 'utf8')) as { files: { file: string; error?: string }[] };
    const unreadable = files.filter((f) => f.error);
    for (const f of unreadable.slice(0, 3)) console.log(`  unreadable: ${f.file}: ${f.error}`);
    console.log(
      `  validate ${n} PDFs: ${wall.toFixed(1)} s wall (${(n / wall).toFixed(1)} files/s), ${(Number(m[2]) + Number(m[3])).toFixed(1)} s CPU, peak ${rss.toFixed(0)} MB, exit ${r.status}, read ${files.length - unreadable.length} of ${n}`,
    );
    if (n === 1000)
      console.log(
        `  target ≤ 60 s: ${verdict(wall <= 60)}; every file read: ${verdict(unreadable.length === 0)}; peak memory ${rss.toFixed(0)} MB (printed, no target)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-out.json`, { force: true });
  }
};

const idle = await waitForIdle();
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, idle share ${(idle * 100).toFixed(0)} % (figures are only comparable on an idle machine)`,
);
await singleFile();
await batch(quick ? 100 : 1000);
console.log(failed ? `${failed} target(s) missed` : 'all targets met');
process.exitCode = failed ? 1 : 0;
