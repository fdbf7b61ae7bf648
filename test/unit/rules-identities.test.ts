import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/rules';
import { IDENTITIES } from '../../shared/format/identities';
import { createReport, computeTotals } from '../../shared/report';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { randomConsistentReport } from '../helpers/random-report';

const errorsOf = (r: ReturnType<typeof createReport>) => evaluate(r).filter((f) => f.severity === 'error');

describe('the identities of the format, as data', () => {
  it('declares 25 row totals, 7 column totals, 7 balances and 3 表四 totals', () => {
    const count = (code: string) => IDENTITIES.filter((i) => i.code === code).length;
    expect([count('T3-ROW-TOTAL'), count('T3-COL-TOTAL'), count('T3-BALANCE'), count('T4-TOTAL')]).toEqual([25, 7, 7, 3]);
  });

  it('finds no error on the five seed reports', () => {
    for (const f of SEED_FILES) expect(errorsOf(seedReport(f)), f).toEqual([]);
  });

  it('flags a broken row total with the expected and actual sums, naming every cell of the row', () => {
    const r = seedReport('2023_jiyuan-city.txt');
    const broken = createReport({ ...r, cells: { ...r.cells, 't3.new.total': 336 } });
    const f = errorsOf(broken).find((x) => x.code === 'T3-ROW-TOTAL')!;
    expect(f.expected).toBe(335);
    expect(f.actual).toBe(336);
    expect(f.cells).toContain('t3.new.natural');
    expect(f.cells).toContain('t3.new.total');
    expect(f.message).toContain('总计');
  });

  it('flags 一 + 二 ≠ 三 + 四 in one column with the official wording', () => {
    const r = seedReport('2023_xuchang-city.txt');
    const broken = createReport({ ...r, cells: { ...r.cells, 't3.carried_out.natural': 6, 't3.carried_out.total': 6 } });
    const f = errorsOf(broken).filter((x) => x.code === 'T3-BALANCE');
    expect(f.map((x) => x.cells.includes('t3.carried_out.natural') || x.cells.includes('t3.carried_out.total'))).toEqual([true, true]);
    expect(f[0]!.message).toContain('第一项加第二项之和，等于第三项加第四项之和');
  });

  it('flags a 表四 total that is not the sum of its four results', () => {
    const r = seedReport('2023_xuchang-city.txt');
    const f = errorsOf(createReport({ ...r, cells: { ...r.cells, 't4.review.upheld': 12 } }));
    expect(f.map((x) => x.code)).toEqual(['T4-TOTAL']);
    expect(f[0]!.cells).toEqual(['t4.review.total', 't4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending']);
  });

  it('property: a random consistent report has no error; raising any identity cell by one gives an error naming it', () => {
    const identityCells = new Set(IDENTITIES.flatMap((i) => [...i.lhs, ...i.rhs]));
    for (let seed = 1; seed <= 40; seed++) {
      const r = randomConsistentReport(seed);
      expect(errorsOf(r), `seed ${seed}`).toEqual([]);
      for (const id of identityCells) {
        const raised = createReport({ ...r, cells: { ...r.cells, [id]: (r.cells[id] as number) + 1 } });
        const errs = errorsOf(raised);
        expect(
          errs.some((e) => e.cells.includes(id)),
          `seed ${seed} cell ${id}`,
        ).toBe(true);
      }
    }
  });

  it('computes totals from the same identities (合计自动计算)', () => {
    const r = seedReport('2023_jiyuan-city.txt');
    const blanked = { ...r.cells };
    for (const i of IDENTITIES) if (i.computes) blanked[i.computes] = null;
    expect(computeTotals(blanked)).toEqual(r.cells);
  });
});

describe('an identity with one side not yet typed', () => {
  it('is a warning that says what is missing, not an error; the error comes once both sides have figures', () => {
    const started = createReport({ agency: '某县人民政府办公室', year: 2025, cells: { 't3.carried_in.natural': 6 } });
    const balance = evaluate(started).filter((f) => f.code === 'T3-BALANCE');
    expect(balance.map((f) => f.severity)).toEqual(['warning']);
    expect(balance[0]!.message).toContain('尚未填写（应为 6）');
    expect(balance[0]!.message).toContain('第一项加第二项之和，等于第三项加第四项之和');
    const typed = createReport({ ...started, cells: { ...started.cells, 't3.carried_out.natural': 4 } });
    expect(
      evaluate(typed)
        .filter((f) => f.code === 'T3-BALANCE')
        .map((f) => f.severity),
    ).toEqual(['error']);
  });
});
