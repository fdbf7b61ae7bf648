/** What the three table mappers share: the read result, notes, value cells and label cells of a row. */
import type { CellId, TableId } from '../format/types';
import type { CellValue } from '../report/document';
import { parseCellInput } from '../report/number-input';
import type { ImportNote } from './types';
import { allDigits, isDashCell, isEmptyCell, isLabelCell, isNumberCell, numberText } from './labels';
import { TABLE_SHORT } from '../format/cells';
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
  if (raw === undefined) return { value: null };
  // a count printed as plain digits (most cells), short enough to be a safe integer: what parseCellInput would give
  if (unit === 'count' && raw.length <= 15 && allDigits(raw)) return { value: Number(raw) };
  if (isEmptyCell(raw)) return { value: null };
  const s = numberText(raw);
  if (s === null) return { value: null, error: `「${raw.trim()}」不是数字` };
  const p = parseCellInput(s, unit);
  return p.ok ? { value: p.value } : { value: null, error: `「${raw.trim()}」：${p.message}` };
};

export const isValueish = (c: string): boolean => isNumberCell(c) || isDashCell(c);

/** What the mappers ask of every row, worked out once: the layout learning, the 小计 column and the line reading all need it. */
export type RowParts = {
  /** The label cells before the first number, joined. */
  readonly label: string;
  /** Index of the last label cell before the first number, -1 when the row starts with numbers. */
  readonly last: number;
  /** The cells after that label cell. */
  readonly tail: readonly string[];
  /** Indices in tail of the cells that hold a number or a dash. */
  readonly values: readonly number[];
};

// rows are never changed once a reader has made them: what a row is stays known while the row lives
const PARTS = new WeakMap<Row, RowParts>();

export const rowParts = (row: Row): RowParts => {
  let p = PARTS.get(row);
  if (p !== undefined) return p;
  const labels: string[] = [];
  let last = -1;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (isNumberCell(c)) break;
    if (isLabelCell(c)) {
      labels.push(c);
      last = i;
    }
  }
  const tail = row.slice(last + 1);
  const values: number[] = [];
  for (let i = 0; i < tail.length; i++) if (isValueish(tail[i]!)) values.push(i);
  p = { label: labels.join(''), last, tail, values };
  PARTS.set(row, p);
  return p;
};
export const hasNumber = (row: Row): boolean => row.some(isNumberCell);

/**
 * One run of digits where a row has several cells (「77132470」 for 制发/废止/现行有效): where one number ends and
 * the next begins cannot be known, so no cell gets a guess. Returns the source text, or null.
 */
export const runTogether = (tail: readonly string[], cells: number): string | null => {
  if (cells < 2) return null;
  const filled = tail.filter((c) => !isEmptyCell(c));
  if (filled.length !== 1) return null;
  const digits = numberText(filled[0]!);
  return digits !== null && /^\d+$/.test(digits) && digits.length >= cells ? filled[0]!.trim() : null;
};

/** The cells of such a row left blank (read, so nothing else reports them), and a warning that names the row and carries the source text. */
export const leaveRunTogether = (r: TableRead, table: TableId, rowName: string, source: string, ids: readonly CellId[]): void => {
  for (const id of ids) {
    r.values.set(id, null);
    r.found.add(id);
  }
  note(
    r,
    table,
    'warning',
    `${TABLE_SHORT[table]}「${rowName}」一行的数字在原文件中连在一起（「${source}」），无法确定如何分到该行 ${ids.length} 格，这 ${ids.length} 格留空：请对照原文件填写`,
    ids,
    source,
  );
};
