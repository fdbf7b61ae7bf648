/** 合计自动计算: the 总计 cells derived from the sum identities, so the rule and the computation are one. */
import type { CellId } from '../format/types';
import { IDENTITIES } from '../format/identities';
import type { CellValue, Cells } from './document';
import { cellArray, cellPositions } from './cell-array';

const SUMS = IDENTITIES.filter((i) => i.computes !== undefined);

/** The cells that are computed (read-only in the editor) while 合计自动计算 is on. */
export const COMPUTED_CELLS: ReadonlySet<CellId> = new Set(SUMS.map((i) => i.computes!));

/** Each sum as positions in a CellArray (worked out once), and the positions of the computed cells. */
const SUM_PLAN = SUMS.map((s) => ({ at: cellPositions([s.computes!])[0]!, parts: cellPositions(s.rhs) }));
const COMPUTED = [...COMPUTED_CELLS];
const COMPUTED_AT = cellPositions(COMPUTED);

/**
 * The sums settled on an array of the cells, in place: a total whose parts are all blank is blank, a money text
 * counts nothing. Two passes settle the one dependency (the （七）总计 row's 总计 cell) whatever the order.
 */
const settleSums = (values: (CellValue | undefined)[]): void => {
  for (let pass = 0; pass < 2; pass++) {
    for (const { at, parts } of SUM_PLAN) {
      let any = false;
      let total = 0;
      for (const k of parts) {
        const v = values[k];
        if (v === null || v === undefined) continue;
        any = true;
        if (typeof v === 'number') total += v;
      }
      values[at] = any ? total : null;
    }
  }
};

/** Fills every computed total from its parts. A total whose parts are all blank stays blank. */
export const computeTotals = (cells: Cells): Cells => {
  const values = cellArray(cells);
  settleSums(values);
  const out: Cells = { ...cells };
  for (let k = 0; k < COMPUTED.length; k++) out[COMPUTED[k]!] = values[COMPUTED_AT[k]!] ?? null;
  return out;
};

/** Whether a total typed or read differs from the sum of its parts (every report read is asked, and the toolbar). */
export const totalsDisagree = (cells: Cells): boolean => {
  const given = cellArray(cells);
  const settled = given.slice();
  settleSums(settled);
  for (const k of COMPUTED_AT) if ((given[k] ?? null) !== (settled[k] ?? null) && given[k] !== null) return true;
  return false;
};
