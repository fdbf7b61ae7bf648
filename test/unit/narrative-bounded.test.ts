/**
 * Narrative checks on huge texts (issue 15, item 2): every finding quotes at most QUOTE_MAX characters around its
 * figure (never its paragraph), a kind of finding is listed at most PER_SECTION_MAX times per section, so the JSON of
 * a 160,000-character 一、总体情况 stays small; and a section whose text did not change is not read again. (Time is
 * measured by bench/narrative.bench.ts, not here.)
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { PER_SECTION_MAX } from '../../shared/narrative/cap';
import { COMPLETENESS_CODES } from '../../shared/narrative/completeness';
import { QUOTE_MAX } from '../../shared/narrative/sentences';
import { createReport, type Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import type { Finding } from '../../shared/findings/finding';
import { SEED_FILES, seedText } from '../helpers/seeds';

const seeds = SEED_FILES.map((f) => importText(seedText(f))).flatMap((r) => (r.ok ? [r.report] : []));
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const SIZE = 160_000;
/** Real text: the five seeds' 一 over and over, paragraphs kept. */
const realText = fill(seeds.map((r) => r.narratives.overview).join('\n') + '\n', SIZE);
/** The worst case: one paragraph without a stop, a wrong figure, a stale year and a placeholder every few characters. */
const oneLine = fill('依申请公开方面全年共受理政府信息公开申请 261 件其中予以公开 162 件 2022 年全市共 XX ', SIZE);

const big = (overview: string, withLastYear: boolean): Report => {
  const base = seeds[0]!;
  const last = { overview: overview.replace(/2023/g, '2022'), problems: '', other_matters: '' };
  return createReport({
    ...base,
    narratives: { ...base.narratives, overview },
    baseline: withLastYear ? { agency: base.agency, year: 2022, cells: base.cells, narratives: last } : null,
  });
};

const expectBounded = (fs: readonly Finding[]) => {
  expect(JSON.stringify(fs).length).toBeLessThan(5_000_000);
  const per = new Map<string, number>();
  for (const f of fs) {
    expect(f.message.length).toBeLessThan(400);
    if (!f.narrative) continue;
    expect(f.narrative.quote.length).toBeLessThanOrEqual(QUOTE_MAX);
    expect(f.narrative.end - f.narrative.start).toBeLessThanOrEqual(QUOTE_MAX);
    const k = `${f.narrative.section}/${f.code}`;
    per.set(k, (per.get(k) ?? 0) + 1);
  }
  for (const [k, n] of per) expect(n, k).toBeLessThanOrEqual(PER_SECTION_MAX + 1);
};

describe('a 160,000-character 一、总体情况', () => {
  it('real text repeated, with last year: bounded quotes and output, and the wrong figures still found', () => {
    expect(realText.length).toBe(SIZE);
    const fs = evaluate(big(realText, true));
    expectBounded(fs);
    for (const code of ['NARR-NEW', 'NARR-GRANTED', 'NARR-OTHER', 'NARR-REUSED', 'TEMPLATE-REVIEW'])
      expect(
        fs.some((f) => f.code === code),
        code,
      ).toBe(true);
    // each quote is the text it points at
    const text = realText;
    for (const f of fs) if (f.narrative?.section === 'overview') expect(text.slice(f.narrative.start, f.narrative.end)).toBe(f.narrative.quote);
  });

  it('one paragraph without a stop: bounded, and the findings left out are counted', () => {
    const fs = evaluate(big(oneLine, true));
    expectBounded(fs);
    const more = fs.find((f) => f.code === 'NARR-NEW' && /另有 \d+ 处未逐条列出/.test(f.message))!;
    expect(more).toBeDefined();
    expect(Number(more.actual)).toBeGreaterThan(1000);
  });
});

describe('only the section that changed is read again', () => {
  it('typing in 五 leaves the findings of an unchanged 一 the very same objects', () => {
    const r = big(realText, true);
    // per section: the table and year findings (completeness, reuse and the 「另有…」 counts span sections or are remade)
    const kept = (fs: readonly Finding[]) =>
      fs.filter(
        (f) =>
          f.narrative?.section === 'overview' &&
          f.code.startsWith('NARR-') &&
          !COMPLETENESS_CODES.has(f.code) &&
          f.code !== 'NARR-REUSED' &&
          !/未逐条列出/.test(f.message),
      );
    const before = kept(evaluate(r));
    // what the editor's store does on a keystroke: a new report with the same cells and the other sections' same strings
    const typed: Report = { ...r, narratives: { ...r.narratives, problems: `${r.narratives.problems}一` } };
    const after = kept(evaluate(typed));
    expect(after.length).toBeGreaterThan(100);
    const old = new Set(before);
    expect(after.filter((f) => !old.has(f))).toEqual([]);
    // a changed cell is a new comparison: new findings
    const edited: Report = { ...typed, cells: { ...typed.cells, 't3.new.total': 336 } };
    expect(kept(evaluate(edited)).filter((f) => old.has(f)).length).toBeLessThan(after.length);
  });
});
