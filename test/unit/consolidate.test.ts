import { describe, expect, it } from 'vitest';
import { CELLS } from '../../shared/format/cells';
import { createReport } from '../../shared/report';
import { Consolidator, consolidate } from '../../shared/app/consolidate';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport } from '../helpers/seeds';

/** 万元 strings added digit by digit as text, independently of shared/report/money.ts. */
const addDecimalText = (a: string, b: string): string => {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const d = Math.max(af.length, bf.length);
  const sum = BigInt(ai! + af.padEnd(d, '0')) + BigInt(bi! + bf.padEnd(d, '0'));
  const s = sum.toString().padStart(d + 1, '0');
  const int = s.slice(0, s.length - d);
  const frac = s.slice(s.length - d).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
};

describe('consolidate', () => {
  it('sums every cell of the five seeds exactly (counts as integers, 万元 to the 分)', () => {
    const sources = SEED_FILES.map((f) => ({ name: f, report: seedReport(f) }));
    const r = consolidate(sources, { agency: '测试汇总' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const c of CELLS) {
      const values = sources.map((s) => s.report.cells[c.id]);
      const expected = c.unit === 'money' ? (values as string[]).reduce(addDecimalText) : (values as number[]).reduce((a, b) => a + b, 0);
      expect(r.report.cells[c.id], c.id).toBe(expected);
    }
    // the seeds are consistent, so is their sum; the narratives are left for the clerk
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(Object.values(r.report.narratives).every((t) => t === '')).toBe(true);
    expect(r.report.agency).toBe('测试汇总');
    expect(r.report.year).toBe(2023);
    expect(r.sources.map((s) => s.name)).toEqual(SEED_FILES);
  });

  it('opens with 合计自动计算 on when the summed totals agree (off only when a source brought a wrong total)', () => {
    const sources = SEED_FILES.slice(0, 2).map((f) => ({ name: f, report: seedReport(f) }));
    const r = consolidate(sources, { agency: '测试汇总' });
    expect(r.ok && r.report.settings.autoTotals).toBe(true);
    // a source whose 总计 is not the sum of its parts: the clerk sees the disagreement instead of a recomputed total
    const [first, second] = sources;
    const wrong = { ...first!, report: { ...first!.report, cells: { ...first!.report.cells, 't3.new.total': 999999 } } };
    const w = consolidate([wrong, second!], { agency: '测试汇总' });
    expect(w.ok && w.report.settings.autoTotals).toBe(false);
  });

  it('keeps money exact where floats would not (0.1 + 0.2, six decimals, large sums)', () => {
    const mk = (fee: string, agency: string) => createReport({ agency, year: 2024, cells: { 't2.fees.amount': fee } });
    const r = consolidate([
      { name: 'a', report: mk('0.1', '甲') },
      { name: 'b', report: mk('0.2', '乙') },
      { name: 'c', report: mk('9007199254740.000001', '丙') },
    ]);
    expect(r.ok && r.report.cells['t2.fees.amount']).toBe('9007199254740.300001');
  });

  it('keeps a cell blank when it is blank in every source; otherwise a blank counts as 0', () => {
    const a = createReport({ agency: '甲', year: 2024, cells: { 't3.new.natural': 3 } });
    const b = createReport({ agency: '乙', year: 2024, cells: { 't3.new.natural': null } });
    const r = consolidate([
      { name: 'a', report: a },
      { name: 'b', report: b },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.cells['t3.new.natural']).toBe(3);
    expect(r.report.cells['t3.new.commercial']).toBeNull();
  });

  it('refuses two reports of the same agency and year unless told otherwise', () => {
    const x = seedReport(SEED_FILES[0]!);
    const y = { ...x, agency: ` ${x.agency.slice(0, 2)} ${x.agency.slice(2)}` };
    const sources = [
      { name: 'x.txt', report: x },
      { name: 'y.docx', report: y },
      { name: 'z', report: seedReport(SEED_FILES[1]!) },
    ];
    const refused = consolidate(sources);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.duplicates).toEqual([{ agency: x.agency, year: x.year, names: ['x.txt', 'y.docx'] }]);
    // said to a clerk in the editor as well: it names what to do there, not a command-line option (the CLI adds that)
    expect(refused.message).toContain('请只保留其中一份后重新汇总');
    expect(refused.message).not.toContain('--');
    const allowed = consolidate(sources, { allowDuplicates: true });
    expect(allowed.ok && allowed.report.cells['t3.new.total']).toBe(
      2 * (x.cells['t3.new.total'] as number) + (seedReport(SEED_FILES[1]!).cells['t3.new.total'] as number),
    );
    // the same agency in another year is no duplicate
    expect(
      consolidate([
        { name: 'a', report: x },
        { name: 'b', report: { ...x, year: 2022 } },
      ]).ok,
    ).toBe(true);
  });

  it('lists each source with its own findings, and notes mixed years', () => {
    const good = randomConsistentReport(1, 2024);
    const bad = { ...randomConsistentReport(2, 2023), cells: { ...randomConsistentReport(2, 2023).cells, 't4.review.total': 999 } };
    const r = consolidate([
      { name: 'good', report: good },
      { name: 'bad', report: bad },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sources.find((s) => s.name === 'good')!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.sources.find((s) => s.name === 'bad')!.findings.some((f) => f.severity === 'error' && f.cells.includes('t4.review.total'))).toBe(true);
    expect(r.report.year).toBeNull();
    expect(r.notes.join()).toContain('年度不一致');
    expect(r.findings.some((f) => f.severity === 'error' && f.cells.includes('t4.review.total'))).toBe(true);
    const withYear = consolidate(
      [
        { name: 'good', report: good },
        { name: 'bad', report: bad },
      ],
      { year: 2024 },
    );
    expect(withYear.ok && withYear.report.year).toBe(2024);
    expect(withYear.ok && withYear.notes.join()).toContain('1 份报告的年度与汇总年度 2024 不同');
  });

  it('sums random consistent reports into a consistent report, one at a time', () => {
    const c = new Consolidator();
    const reports = Array.from({ length: 50 }, (_, i) => randomConsistentReport(100 + i));
    reports.forEach((r, i) => c.add(`r${i}`, r));
    const r = c.finish({ agency: '汇总' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.report.cells['t3.total.total']).toBe(reports.reduce((a, x) => a + (x.cells['t3.total.total'] as number), 0));
  });

  it('refuses an empty list', () => {
    expect(consolidate([]).ok).toBe(false);
  });
});
