/**
 * A report's cell values as an array (shared/report/cell-array.ts), read from the cells object once per evaluation:
 * the table checks together look a cell up about six times (value, plausibility, each identity it is in,
 * completeness), and a lookup by name costs far more than an array read.
 */
import type { Cells } from '../report/document';
import { cellArray as read, type CellArray } from '../report/cell-array';

/** The values read for the evaluation running now; outside one, every call reads afresh (a cells object may change between calls). */
let current: { readonly cells: Cells; readonly values: CellArray } | null = null;

export const cellValues = (cells: Cells): CellArray => (current?.cells === cells ? current.values : read(cells));

/** Runs `run` with `cells` read once for every cellValues(cells) it makes. */
export const withCellValues = <T>(cells: Cells, run: () => T): T => {
  const outer = current;
  current = { cells, values: read(cells) };
  try {
    return run();
  } finally {
    current = outer;
  }
};
