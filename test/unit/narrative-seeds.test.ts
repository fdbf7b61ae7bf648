import { describe, expect, it } from 'vitest';
import { COMPLETENESS_CODES } from '../../shared/narrative/completeness';
import { importText } from '../../shared/import/text';
import { evaluate } from '../../shared/rules';
import { seedNarratives, seedReportWithNarratives } from '../helpers/seed-narratives';
import { SEED_FILES, seedExpectation, seedText } from '../helpers/seeds';

type Contradiction = { says: string; cell?: string; cells?: string; table: number; note: string };

const narrFindings = (file: string) =>
  evaluate(seedReportWithNarratives(file)).filter((f) => f.code.startsWith('NARR-') && !COMPLETENESS_CODES.has(f.code) && f.code !== 'NARR-REUSED');
/** 「sum of t3.withheld_*.total」 → a matcher of cell ids. */
const cellMatcher = (c: Contradiction) => {
  if (c.cell) return (id: string) => id === c.cell;
  const m = /sum of (\S+)/.exec(c.cells ?? '');
  const re = new RegExp(`^${m![1]!.replace(/\./g, '\\.').replace(/\*/g, '[a-z_]+')}$`);
  return (id: string) => re.test(id);
};

describe('narrative against tables on the five seed reports', () => {
  it('the seed narratives are read by their headings', () => {
    for (const f of SEED_FILES) {
      const n = seedNarratives(f);
      expect(n.overview.length, f).toBeGreaterThan(500);
      expect(n.problems.length, f).toBeGreaterThan(100);
      expect(n.other_matters, f).toMatch(/费/);
    }
  });

  for (const file of SEED_FILES) {
    it(`${file}: every listed contradiction is found with the table value and the stated number, nothing else`, () => {
      const expected = seedExpectation(file).narrative_contradictions as Contradiction[];
      const found = narrFindings(file);
      const used = new Set<number>();
      for (const c of expected) {
        const stated = Number(/(\d+)\s*件/.exec(c.says)![1]);
        const i = found.findIndex(
          (f, k) => !used.has(k) && f.narrative !== undefined && f.narrative.quote.includes(c.says) && f.expected === c.table && f.actual === stated,
        );
        expect(i, `${file}: ${c.says}`).toBeGreaterThanOrEqual(0);
        used.add(i);
        const f = found[i]!;
        const match = cellMatcher(c);
        expect(f.cells.length).toBeGreaterThan(0);
        expect(f.cells.every(match), `${c.says}: ${f.cells.join(',')}`).toBe(true);
        expect(f.message).toContain(c.says);
        expect(f.message).toContain(String(c.table));
        const report = seedReportWithNarratives(file);
        const text = report.narratives[f.narrative!.section as 'overview'];
        expect(text.slice(f.narrative!.start, f.narrative!.end)).toBe(f.narrative!.quote);
      }
      // The only other finding allowed is the 办结 sum the expectations' notes spell out (许昌: … = 1083, not the 1086 办结).
      const rest = found.filter((_, k) => !used.has(k));
      for (const f of rest) {
        expect(f.code, `${file}: unexpected ${f.code} ${f.message}`).toBe('NARR-SUM');
        expect(
          expected.some((c) => c.note.includes(`= ${f.actual}`) && c.note.includes(`${f.expected} 办结`)),
          f.message,
        ).toBe(true);
      }
      const notesWithSums = expected.filter((c) => /= \d+, not the \d+ 办结/.test(c.note));
      expect(rest.length).toBe(notesWithSums.length);
    });
  }

  it('end to end from the published text: the imported report gives the same narrative findings', () => {
    for (const f of SEED_FILES) {
      const r = importText(seedText(f));
      expect(r.ok, f).toBe(true);
      if (!r.ok) continue;
      const fromText = evaluate(r.report).filter((x) => x.code.startsWith('NARR-') && !COMPLETENESS_CODES.has(x.code));
      expect(
        fromText.map((x) => [x.code, x.expected, x.actual, x.narrative?.start]),
        f,
      ).toEqual(narrFindings(f).map((x) => [x.code, x.expected, x.actual, x.narrative?.start]));
    }
  });

  it('济源 says which column the wrong number comes from', () => {
    const f = narrFindings('2023_jiyuan-city.txt').find((x) => x.code === 'NARR-NEW')!;
    expect(f.message).toContain('261 与自然人一列相同，总计为 335');
    expect(f.cells).toEqual(['t3.new.total']);
  });

  it('许昌: 其他处理 49 equals the sub-item 3.其他 alone, and the stated outcomes add up to 1083, not the stated 1086', () => {
    const found = narrFindings('2023_xuchang-city.txt');
    expect(found.find((x) => x.code === 'NARR-OTHER')!.message).toContain('49 与「3.其他」一项相同，其他处理合计为 52');
    const sum = found.find((x) => x.code === 'NARR-SUM')!;
    expect([sum.expected, sum.actual]).toEqual([1086, 1083]);
    expect(sum.narrative!.quote).toContain('已办结 1086 件');
    expect(sum.narrative!.quote).toContain('其他处理 49 件');
  });
});
