/** 合计自动计算: the 总计 cells derived from the sum identities, so the rule and the computation are one. */
import type { CellId } from '../format/types';
import { IDENTITIES } from '../format/identities';
import type { Cells } from './document';

const SUMS = IDENTITIES.filter((i) => i.computes !== undefined);

/** The cells that are computed (read-only in the editor) while 合计自动计算 is on. */
export const COMPUTED_CELLS: ReadonlySet<CellId> = new Set(SUMS.map((i) => i.computes!));

/**
 * Fills every computed total from its parts. A total whose parts are all blank stays blank.
 */
export const computeTotals = (cells: Cells): Cells => {
  const out: Cells = { ...cells };
  // Two passes settle the one dependency (the （七）总计 row's 总计 cell) whatever the order.
  for (let pass = 0; pass < 2; pass++) {
    for (const s of SUMS) {
      const parts = s.rhs.map((id) => out[id]);
      out[s.computes!] = parts.every((v) => v === null || v === undefined) ? null : parts.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);
    }
  }
  return out;
};

export const totalsDisagree = (cells: Cells): boolean => {
  const computed = computeTotals(cells);
  for (const id of COMPUTED_CELLS) if ((cells[id] ?? null) !== (computed[id] ?? null) && cells[id] !== null) return true;
  return false;
};
