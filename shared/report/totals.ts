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

/**
 * Whether a total typed or read differs from the sum of its parts: computeTotals' two passes over the sums, with
 * only the computed cells kept aside (every report read is asked; a copy of all 200 cells costs more than the sums).
 */
export const totalsDisagree = (cells: Cells): boolean => {
  const computed = new Map<CellId, number | null>();
  for (let pass = 0; pass < 2; pass++) {
    for (const s of SUMS) {
      let any = false;
      let total = 0;
      for (const id of s.rhs) {
        const v = computed.has(id) ? computed.get(id) : cells[id];
        if (v === null || v === undefined) continue;
        any = true;
        if (typeof v === 'number') total += v;
      }
      computed.set(s.computes!, any ? total : null);
    }
  }
  for (const id of COMPUTED_CELLS) if ((cells[id] ?? null) !== (computed.get(id) ?? null) && cells[id] !== null) return true;
  return false;
};
