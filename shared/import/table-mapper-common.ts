/** What the three table mappers share: the read result, notes, value cells and label cells of a row. */
import type { CellId, TableId } from '../format/types';
import type { CellValue } from '../report/document';
import { parseCellInput } from '../report/number-input';
import type { ImportNote } from './types';
import { isDashCell, isEmptyCell, isLabelCell, isNumberCell, numberText } from './labels';
export type Row = readonly string[];

export type TableRead = {
  readonly values: Map<CellId, CellValue>;
  /** Cells whose row (and column) was found, with a number or read as deliberately blank. */
  readonly found: Set<CellId>;
  readonly notes: ImportNote[];
  /** The table used the 2019 试行 layout somewhere. */
  format2019: boolean;
};

export const newRead = (): TableRead => ({ values: new Map(), found: new Set(), notes: [], format2019: false });

export const note = (r: TableRead, table: TableId, level: ImportNote['level'], message: string, cells?: readonly CellId[], source?: string) =>
  r.notes.push({ level, table, message, ...(cells ? { cells } : {}), ...(source !== undefined ? { source } : {}) });

/** A value cell as a cell value: blank and dashes are null (never 0); a bad number is null with a note. */
export const cellValue = (raw: string | undefined, unit: 'count' | 'money'): { value: CellValue; error?: string } => {
  if (raw === undefined || isEmptyCell(raw)) return { value: null };
  const s = numberText(raw);
  if (s === null) return { value: null, error: `「${raw.trim()}」不是数字` };
  const p = parseCellInput(s, unit);
  return p.ok ? { value: p.value } : { value: null, error: `「${raw.trim()}」：${p.message}` };
};

export const labelText = (row: Row): string => {
  const parts: string[] = [];
  for (const c of row) {
    if (isNumberCell(c)) break;
    if (isLabelCell(c)) parts.push(c);
  }
  return parts.join('');
};

/** Index of the last label cell before the first number, -1 when the row starts with numbers. */
export const lastLabelIndex = (row: Row): number => {
  let last = -1;
  for (let i = 0; i < row.length; i++) {
    if (isNumberCell(row[i]!)) break;
    if (isLabelCell(row[i]!)) last = i;
  }
  return last;
};

export const isValueish = (c: string): boolean => isNumberCell(c) || isDashCell(c);
export const hasNumber = (row: Row): boolean => row.some(isNumberCell);
