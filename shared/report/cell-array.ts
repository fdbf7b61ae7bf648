/**
 * A report's cell values as an array in the format's cell order, and cells named by their positions in it: code that
 * sums or tests many cells of one report (the totals, the identity checks, the readers' identity notes) reads the
 * cells object once and then walks positions worked out once, instead of looking each cell up by name per use.
 */
import { CELLS } from '../format/cells';
import type { CellId } from '../format/types';
import type { CellValue, Cells } from './document';

export type CellArray = readonly (CellValue | undefined)[];

const POSITION = new Map<CellId, number>(CELLS.map((c, i) => [c.id, i]));

/** The positions of cells in a CellArray. */
export const cellPositions = (ids: readonly CellId[]): readonly number[] => ids.map((id) => POSITION.get(id)!);

/** The cells' values in the format's order (undefined where the record lacks the cell). */
export const cellArray = (cells: Cells): (CellValue | undefined)[] => {
  const out = new Array<CellValue | undefined>(CELLS.length);
  for (let i = 0; i < CELLS.length; i++) out[i] = cells[CELLS[i]!.id];
  return out;
};
