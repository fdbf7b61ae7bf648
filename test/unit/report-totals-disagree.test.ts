import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format/cells';
import { emptyCells, type Cells } from '../../shared/report/document';
import { COMPUTED_CELLS, computeTotals, totalsDisagree } from '../../shared/report/totals';

/** The definition: some total that is filled differs from what computeTotals makes of its parts. */
const byDefinition = (cells: Cells): boolean => {
  const computed = computeTotals(cells);
  return [...COMPUTED_CELLS].some((id) => cells[id] !== null && (cells[id] ?? null) !== (computed[id] ?? null));
};

describe('totalsDisagree (asked of every report read, worked out without copying the cells)', () => {
  it('agrees with the totals computeTotals gives, for consistent, inconsistent, blank and partly blank tables', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const counts = CELL_IDS.filter((id) => !id.startsWith('t2.'));
    let disagreeing = 0;
    for (let k = 0; k < 400; k++) {
      const cells = emptyCells();
      for (const id of counts) cells[id] = rnd(4) === 0 ? null : rnd(20);
      // half of the tables have their totals made consistent first, then one total (or none) spoilt or blanked
      if (k % 2 === 0) Object.assign(cells, computeTotals(cells));
      const spoil = [...COMPUTED_CELLS][rnd(COMPUTED_CELLS.size)]!;
      if (k % 4 === 0) cells[spoil] = (Number(cells[spoil]) || 0) + 1;
      if (k % 8 === 2) cells[spoil] = null;
      expect(totalsDisagree(cells)).toBe(byDefinition(cells));
      if (byDefinition(cells)) disagreeing++;
    }
    expect(disagreeing).toBeGreaterThan(50);
    expect(disagreeing).toBeLessThan(400);
  });

  it('a blank report and a report with consistent totals agree; one total off by one disagrees', () => {
    const cells = emptyCells();
    expect(totalsDisagree(cells)).toBe(false);
    for (const id of CELL_IDS) if (id.startsWith('t4.') || id.startsWith('t3.')) cells[id] = 1;
    const consistent = computeTotals(cells);
    expect(totalsDisagree(consistent)).toBe(false);
    const id = [...COMPUTED_CELLS][0]!;
    expect(totalsDisagree({ ...consistent, [id]: (consistent[id] as number) + 1 })).toBe(true);
  });
});
