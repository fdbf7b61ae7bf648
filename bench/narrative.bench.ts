/**
 * The narrative checks run inside evaluate() on every edit, so they must fit in a keystroke:
 *   evaluate() of a report with ~7,000 characters of narrative, compared with last year's (~7,000), ≤ 16 ms;
 *   the narrative checks alone ≤ 8 ms. Checked on the fastest of 60 runs (the machine is shared); median and CPU printed too.
 * Narratives: the five seed texts (read by importText) concatenated, last year's = the same texts in reverse order with
 * the year changed, so the reuse check has real work.
 * Huge text (issue 15 item 2): a 160,000-character 一 (the seeds' 一 repeated, last year's the same with the year
 * changed) evaluated ≤ 1,000 ms with ≤ 5 MB of findings JSON — each run a text not seen before, so nothing is served
 * from the per-section memo; the worst case (one paragraph without a stop, a wrong figure every 40 characters) too;
 * and a keystroke in 五 while that 一 stays unchanged (the editor's case: 一 is not read again) ≤ 16 ms.
 * Usage: npx tsx bench/narrative.bench.ts
 */
import type { CellId } from '../shared/format/types';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { importText } from '../shared/import/text';
import { NARRATIVE_CHECKS } from '../shared/narrative';
import { createReport, type Report } from '../shared/report';
import { evaluate, lastYearOf } from '../shared/rules';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'seeds');
const reports = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => importText(readFileSync(join(dir, f), 'utf8')))
  .flatMap((r) => (r.ok ? [r.report] : []));
const join3 = (rs: Report[], k: 'overview' | 'problems' | 'other_matters') => rs.map((r) => r.narratives[k]).join('\n');
const now = { overview: join3(reports, 'overview'), problems: join3(reports, 'problems'), other_matters: join3(reports, 'other_matters') };
const shuffled = [...reports].reverse();
const last = Object.fromEntries(
  Object.entries({ overview: join3(shuffled, 'overview'), problems: join3(shuffled, 'problems'), other_matters: join3(shuffled, 'other_matters') }).map(
    ([k, v]) => [k, v.replace(/2023/g, '2022')],
  ),
) as typeof now;
const base = reports[0]!;
const report = createReport({ ...base, narratives: now, baseline: { agency: base.agency, year: 2022, cells: base.cells, narratives: last } });
const chars = Object.values(now).reduce((a, s) => a + s.length, 0);

/**
 * Fastest run, median and CPU time per run. The build machine is shared by several jobs: the fastest of 60 runs is
 * what a quiet machine gives, and is what the target is checked against.
 */
const measure = (f: () => unknown, runs = 60): { wall: number; best: number; cpu: number } => {
  for (let i = 0; i < Math.min(5, runs); i++) f();
  const t: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  const c = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  return { wall: t[Math.floor(runs / 2)]!, best: t[0]!, cpu: (c.user + c.system) / 1000 / runs };
};

const ctx = { report, previous: lastYearOf(report), uncertain: new Set<CellId>() };
// Each run 一 gets one more character (a keystroke), so 一 is read again and only 五 and 六 are served from the memo.
let typedChars = 0;
const typing = () => ({ ...report, narratives: { ...report.narratives, overview: `${report.narratives.overview}${'字'.repeat(++typedChars % 50)}` } });
const all = measure(() => evaluate(typing()));
const narr = measure(() => {
  const r = typing();
  return NARRATIVE_CHECKS.flatMap((c) => c({ ...ctx, report: r }));
});
const findings = NARRATIVE_CHECKS.flatMap((c) => c(ctx));
const SIZE = 160_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const realText = fill(reports.map((r) => r.narratives.overview).join('\n') + '\n');
const oneLine = fill('依申请公开方面全年共受理政府信息公开申请 261 件其中予以公开 162 件 2022 年全市共 XX ');
let run = 0;
/** A report whose 一 is `text` made new for this run (a different last paragraph), so no per-section result is reused. */
const hugeReport = (text: string): Report => {
  const overview = `${text}\n第 ${++run} 稿。`;
  return createReport({
    ...base,
    narratives: { ...now, overview },
    baseline: { agency: base.agency, year: 2022, cells: base.cells, narratives: { ...last, overview: overview.replace(/2023/g, '2022') } },
  });
};
let jsonReal = 0;
let jsonLine = 0;
const huge = measure(() => (jsonReal = JSON.stringify(evaluate(hugeReport(realText))).length), 5);
const hugeLine = measure(() => (jsonLine = JSON.stringify(evaluate(hugeReport(oneLine))).length), 5);
const typedBase = hugeReport(realText);
evaluate(typedBase);
let k = 0;
const keystroke = measure(
  () => evaluate({ ...typedBase, narratives: { ...typedBase.narratives, problems: `${typedBase.narratives.problems}${'一'.repeat(++k % 7)}` } }),
  30,
);

const rows = [
  ['evaluate() with narrative checks (一 typed)', all, 16],
  ['narrative checks alone (一 typed)', narr, 8],
  ['evaluate(), 160,000-char 一, real text', huge, 1000],
  ['evaluate(), 160,000-char 一, one line', hugeLine, 1000],
  ['keystroke in 五, 160,000-char 一 kept', keystroke, 16],
] as const;
console.log(
  `narrative: ${chars} characters this year, ${Object.values(last).reduce((a, s) => a + s.length, 0)} last year; ${findings.length} narrative findings; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
);
let failed = 0;
for (const [what, m, target] of rows) {
  const ok = m.best <= target;
  if (!ok) failed++;
  console.log(
    `${what.padEnd(40)} fastest ${m.best.toFixed(2).padStart(7)} ms (target ≤ ${target} ms) ${ok ? 'ok' : 'MISSED'}   median ${m.wall.toFixed(2)} ms   CPU ${m.cpu.toFixed(2)} ms/run`,
  );
}
for (const [what, bytes] of [
  ['findings JSON, 160,000-char 一, real text', jsonReal],
  ['findings JSON, 160,000-char 一, one line', jsonLine],
] as const) {
  const ok = bytes <= 5_000_000;
  if (!ok) failed++;
  console.log(`${what.padEnd(40)} ${(bytes / 1e6).toFixed(3).padStart(7)} MB (target ≤ 5 MB) ${ok ? 'ok' : 'MISSED'}`);
}
process.exit(failed ? 1 : 0);
