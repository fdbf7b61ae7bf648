/**
 * The command line on many files, end to end (process start included), as an office runs it:
 *   validate 1,000 text reports ≤ 2 s; validate 1,000 .docx reports ≤ 4 s (every file read in an isolated worker with
 *   limits, #15); consolidate 1,000 reports ≤ 3 s;
 *   peak memory < 500 MB, growing sub-linearly with N (100, 1,000, 10,000; 10,000 for text only).
 * Prints files/second per format, wall and CPU time, the child's peak RSS (GNU time %M) and the 1-minute load
 * average when each run started (the machine may be shared: CPU time is the steadier figure under load).
 * Usage: npx tsx bench/cli.bench.ts [--quick] [--repeat N]
 *   --quick: 100 and 1,000 only; --repeat N: each timed run N times, the median wall time kept (all are printed).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCliBuilt, ROOT } from '../test/unit/cli-harness';
import { type Format, writeReports } from './helpers/synthetic-reports';

const quick = process.argv.includes('--quick');
const repeatAt = process.argv.indexOf('--repeat');
const REPEAT = repeatAt > 0 ? Math.max(1, Number(process.argv[repeatAt + 1]) || 1) : 1;
const TIME = '/usr/bin/time';

type Run = { wall: number; cpu: number; rssMB: number; code: number; load: number; walls: readonly number[] };

/** Runs the built CLI under GNU time; stdout goes to a file, as a real batch's output would. */
const runOnce = (args: readonly string[], outFile: string): Run => {
  const load = loadavg()[0]!;
  const fd = openSync(outFile, 'w');
  try {
    const r = spawnSync(TIME, ['-f', '@@TIME %e %U %S %M', process.execPath, join(ROOT, 'bin', 'disclosure-report.mjs'), ...args], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const m = /@@TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`no timing from ${TIME}: ${r.stderr.slice(-500)}`);
    const wall = Number(m[1]);
    return { wall, cpu: Number(m[2]) + Number(m[3]), rssMB: Number(m[4]) / 1024, code: r.status ?? -1, load, walls: [wall] };
  } finally {
    closeSync(fd);
  }
};

/** REPEAT runs; the one of median wall time, with every run's wall time. */
const runCli = (args: readonly string[], outFile: string): Run => {
  const runs = Array.from({ length: REPEAT }, () => runOnce(args, outFile)).sort((a, b) => a.wall - b.wall);
  return { ...runs[(runs.length - 1) >> 1]!, rssMB: Math.max(...runs.map((r) => r.rssMB)), walls: runs.map((r) => r.wall) };
};

const rows: string[][] = [];
let failed = 0;
const record = (what: string, n: number, r: Run, target?: { seconds?: number; mb?: number }) => {
  const okTime = target?.seconds === undefined || r.wall <= target.seconds;
  const okMem = r.rssMB < (target?.mb ?? 500);
  if (!okTime || !okMem) failed++;
  rows.push([
    what,
    String(n),
    r.wall.toFixed(2),
    (n / r.wall).toFixed(0),
    r.cpu.toFixed(2),
    r.rssMB.toFixed(0),
    r.load.toFixed(1),
    target?.seconds !== undefined ? `≤ ${target.seconds} s` : '',
    `< ${target?.mb ?? 500} MB`,
    okTime && okMem ? 'ok' : 'MISSED',
    String(r.code),
  ]);
  console.log(
    `  ${what} N=${n}: ${r.wall.toFixed(2)} s wall${r.walls.length > 1 ? ` (runs: ${r.walls.map((w) => w.toFixed(2)).join(', ')})` : ''}, ${(n / r.wall).toFixed(0)} files/s, ${r.cpu.toFixed(2)} s CPU, peak ${r.rssMB.toFixed(0)} MB, load ${r.load.toFixed(1)}, exit ${r.code}`,
  );
};

const main = async () => {
  await ensureCliBuilt();
  const base = mkdtempSync(join(tmpdir(), 'dr-cli-bench-'));
  const dirs = new Map<string, string>();
  const gen = async (format: Format, n: number) => {
    const dir = join(base, `${format}-${n}`);
    const t = Date.now();
    await writeReports(dir, format, n);
    console.log(`  generated ${n} ${format} reports in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    dirs.set(`${format}-${n}`, dir);
    return dir;
  };
  console.log(
    `machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (figures are only comparable on an idle machine)`,
  );
  try {
    const textNs = quick ? [100, 1000] : [100, 1000, 10000];
    for (const n of textNs) await gen('text', n);
    for (const n of [100, 1000]) await gen('docx', n);
    for (const f of ['html', 'xlsx', 'json'] as const) await gen(f, 1000);

    const out = join(base, 'out.json');
    console.log('validate --json (default threads):');
    const rss: Record<string, number[]> = { text: [], docx: [] };
    for (const n of textNs) {
      const r = runCli(['validate', '--json', dirs.get(`text-${n}`)!], out);
      rss.text!.push(r.rssMB);
      record('validate text', n, r, n === 1000 ? { seconds: 2 } : {});
    }
    for (const n of [100, 1000]) {
      const r = runCli(['validate', '--json', dirs.get(`docx-${n}`)!], out);
      rss.docx!.push(r.rssMB);
      record('validate docx', n, r, n === 1000 ? { seconds: 4 } : {});
    }
    for (const f of ['html', 'xlsx', 'json'] as const) record(`validate ${f}`, 1000, runCli(['validate', '--json', dirs.get(`${f}-1000`)!], out));
    console.log('validate --json --jobs 1 (one thread, for comparison):');
    record('validate text -j1', 1000, runCli(['validate', '--json', '--jobs', '1', dirs.get('text-1000')!], out));
    record('validate docx -j1', 1000, runCli(['validate', '--json', '--jobs', '1', dirs.get('docx-1000')!], out));
    console.log('consolidate:');
    record('consolidate json', 1000, runCli(['consolidate', dirs.get('json-1000')!, '-o', join(base, 'sum.json')], out), { seconds: 3 });
    record('consolidate text', 1000, runCli(['consolidate', dirs.get('text-1000')!, '-o', join(base, 'sum2.json')], out), { seconds: 3 });

    const head = ['what', 'N', 'wall s', 'files/s', 'CPU s', 'peak MB', 'load', 'time target', 'memory target', 'result', 'exit'];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    console.log(`\n${[head, ...rows].map((r) => r.map((c, i) => c.padEnd(w[i]!)).join('  ')).join('\n')}`);
    const growth = (xs: number[], ns: number[]) =>
      xs
        .slice(1)
        .map((x, i) => `N ×${ns[i + 1]! / ns[i]!} → memory ×${(x / xs[i]!).toFixed(2)}`)
        .join(', ');
    const textGrowth = rss.text!.slice(1).every((x, i) => x / rss.text![i]! < textNs[i + 1]! / textNs[i]! / 3);
    console.log(`memory growth, text: ${growth(rss.text!, textNs)}; docx: ${growth(rss.docx!, [100, 1000])} — sub-linear: ${textGrowth ? 'ok' : 'MISSED'}`);
    if (!textGrowth) failed++;
    console.log(failed ? `${failed} target(s) missed` : 'all targets met');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
};

await main();
