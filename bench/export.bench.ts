/**
 * Export speed: a full report (the largest seed, with its real narratives and table notes) to .docx, .xlsx and
 * HTML. Median of 30 runs after 10 warm-up runs; targets from issue 5 (≤ 100 ms for Word and for Excel).
 */
import { cpus, loadavg } from 'node:os';
import { buildDocx } from '../shared/export/docx';
import { buildXlsx } from '../shared/export/xlsx';
import { buildHtml } from '../shared/export/html';
import { createReport } from '../shared/report';
import { SEED_FILES, seedReport } from '../test/helpers/seeds';
import { seedNarratives } from '../test/unit/export-readers';

const file = SEED_FILES.find((f) => f.includes('xuchang')) ?? SEED_FILES[0]!;
const report = createReport({
  ...seedReport(file),
  narratives: seedNarratives(file),
  tableTexts: { t2: '注：现行有效件数含自然失效件数。', t3: '注：本年度申请均已按期答复。', t4: '注：复议、诉讼数量含上年度结转。' },
});

const WARM = 10;
const RUNS = 30;

/** Wall-clock median and p90, and the process's CPU time per run (which a machine busy with other work inflates less). */
const measure = async (run: () => unknown): Promise<{ median: number; p90: number; cpu: number; size: number }> => {
  let size = 0;
  for (let i = 0; i < WARM; i++) await run();
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const out = await run();
    times.push(performance.now() - t0);
    size = typeof out === 'string' ? Buffer.byteLength(out) : (out as Uint8Array).byteLength;
  }
  const c = process.cpuUsage(c0);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, p90: times[Math.floor(RUNS * 0.9)]!, cpu: (c.user + c.system) / 1000 / RUNS, size };
};

const rows: [string, () => unknown, number | null][] = [
  ['Word (.docx)', () => buildDocx(report), 100],
  ['Excel (.xlsx)', () => buildXlsx(report), 100],
  ['HTML fragment', () => buildHtml(report), null],
];

let failed = 0;
console.log(
  `export of a full report (${report.agency} ${report.year}, ${file}); median of ${RUNS} runs after ${WARM} warm-up runs; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
);
for (const [name, run, target] of rows) {
  const m = await measure(run);
  const ok = target === null || m.median <= target;
  if (!ok) failed++;
  console.log(
    `  ${name.padEnd(14)} median ${m.median.toFixed(1).padStart(6)} ms  p90 ${m.p90.toFixed(1).padStart(6)} ms  cpu ${m.cpu.toFixed(1).padStart(6)} ms/run  ${String(Math.round(m.size / 1024)).padStart(4)} KB  target ${target === null ? '—' : `≤ ${target} ms`}  ${target === null ? '' : ok ? 'OK' : 'TOO SLOW'}`,
  );
}
process.exit(failed ? 1 : 0);
