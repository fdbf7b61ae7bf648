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

/** The cells the sums read or write, and each sum as positions among them (looked up by name once per call, not per part). */
const SUM_CELLS: readonly CellId[] = [...new Set(SUMS.flatMap((s) => [s.computes!, ...s.rhs]))];
const SUM_PLAN = SUMS.map((s) => ({ at: SUM_CELLS.indexOf(s.computes!), parts: s.rhs.map((id) => SUM_CELLS.indexOf(id)) }));
const COMPUTED_AT = [...COMPUTED_CELLS].map((id) => SUM_CELLS.indexOf(id));

/**
 * Whether a total typed or read differs from the sum of its parts: computeTotals' two passes over the sums, on an
 * array of the cells they involve (every report read is asked; a copy of all 200 cells and a lookup by name for
 * every part cost more than the sums).
 */
export const totalsDisagree = (cells: Cells): boolean => {
  const given = SUM_CELLS.map((id) => cells[id]);
  const out = given.slice();
  for (let pass = 0; pass < 2; pass++) {
    for (const { at, parts } of SUM_PLAN) {
      let any = false;
      let total = 0;
      for (const k of parts) {
        const v = out[k];
        if (v === null || v === undefined) continue;
        any = true;
        if (typeof v === 'number') total += v;
      }
      out[at] = any ? total : null;
    }
  }
  for (const k of COMPUTED_AT) if ((given[k] ?? null) !== (out[k] ?? null) && given[k] !== null) return true;
  return false;
};
