/**
 * A report's cell values as an array in CELLS order, read from the cells object once per evaluation: the table
 * checks together look a cell up about six times (value, plausibility, each identity it is in, completeness), and a
 * lookup by name costs far more than an array read.
 */
import { CELLS } from '../format/cells';
import type { CellId } from '../format/types';
import type { CellValue, Cells } from '../report/document';

export type CellValues = readonly (CellValue | undefined)[];

const CELL_INDEX = new Map<CellId, number>(CELLS.map((c, i) => [c.id, i]));
/** The positions of cells in a CellValues. */
export const cellIndexes = (ids: readonly CellId[]): readonly number[] => ids.map((id) => CELL_INDEX.get(id)!);

const read = (cells: Cells): CellValues => {
  const out = new Array<CellValue | undefined>(CELLS.length);
  for (let i = 0; i < CELLS.length; i++) out[i] = cells[CELLS[i]!.id];
  return out;
};

/** The values read for the evaluation running now; outside one, every call reads afresh (a cells object may change between calls). */
let current: { readonly cells: Cells; readonly values: CellValues } | null = null;

export const cellValues = (cells: Cells): CellValues => (current?.cells === cells ? current.values : read(cells));

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
