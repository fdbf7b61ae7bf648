/**
 * Blocks copied from Excel or WPS: rows separated by newlines, cells by tabs. Pasting fills right
 * and down from the focused cell; each value is checked like typed input and a bad one is refused
 * alone (the rest are kept).
 */
import { cellDef } from '../../shared/format/cells';
import type { CellId } from '../../shared/format/types';
import type { CellValue, Cells } from '../../shared/report/document';
import { parseCellInput } from '../../shared/report/number-input';
import { cellAt, cellsInRect, posOf, type Rect } from './grid';

export const parseBlock = (text: string): string[][] => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Excel ends a copied block with a newline
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
};

/** A number as a sheet writes one (signs and separators included, so -5 or 1,234 is a value to check, not a word). */
const NUMBER_LIKE = /^[-+－＋]?[.．]?[\d０-９][\d０-９,，.．\s]*$/;
const isNumberLike = (text: string): boolean => NUMBER_LIKE.test(text.trim());
const isWord = (text: string): boolean => text.trim() !== '' && !isNumberLike(text);

/**
 * A table copied whole from a sheet (last year's workbook, our own export) brings its title, its header rows and its
 * row labels: the leading rows with no number in them and the leading columns with words and no number are left
 * out, so the numbers land where the clerk pasted. A block without a single number is kept as it is.
 */
export const withoutLabels = (block: readonly (readonly string[])[]): { block: string[][]; rows: number; columns: number } => {
  const rows = block.findIndex((row) => row.some(isNumberLike));
  if (rows < 0) return { block: block.map((r) => [...r]), rows: 0, columns: 0 };
  const body = block.slice(rows);
  let columns = 0;
  const width = Math.max(...body.map((r) => r.length));
  while (columns < width - 1 && body.every((r) => !isNumberLike(r[columns] ?? '')) && body.some((r) => isWord(r[columns] ?? ''))) columns++;
  return { block: body.map((r) => r.slice(columns)), rows, columns };
};

export const isBlock = (text: string): boolean => /[\t\n\r]/.test(text.replace(/\r?\n$/, ''));

export type PasteResult = {
  /** Values to write, cell by cell. */
  readonly values: Record<CellId, CellValue>;
  /** Cells whose pasted text was refused, with the reason (the cell keeps its value). */
  readonly refused: Record<CellId, string>;
  /**
   * Values pasted over computed totals (合计自动计算): a sheet copied whole carries its 总计 column and row. They are
   * not written; the caller compares them with the sums the report computes, so a matching total is no alarm.
   */
  readonly totals: Record<CellId, CellValue>;
  /** Pasted values that fell outside the table. */
  readonly outside: number;
  readonly rect: Rect | null;
};

export const planPaste = (at: CellId, block: readonly (readonly string[])[], readOnly: (id: CellId) => boolean): PasteResult => {
  const p = posOf(at);
  const values: Record<CellId, CellValue> = {};
  const refused: Record<CellId, string> = {};
  const totals: Record<CellId, CellValue> = {};
  let outside = 0;
  if (!p) return { values, refused, totals, outside: block.flat().length, rect: null };
  let r1 = p.r;
  let c1 = p.c;
  block.forEach((row, i) =>
    row.forEach((text, j) => {
      const id = cellAt(p.table, p.r + i, p.c + j);
      if (!id) {
        outside++;
        return;
      }
      r1 = Math.max(r1, p.r + i);
      c1 = Math.max(c1, p.c + j);
      const parsed = parseCellInput(text, cellDef(id)!.unit);
      if (readOnly(id)) {
        if (!parsed.ok) refused[id] = '合计单元格自动计算，未粘贴';
        else if (parsed.value !== null) totals[id] = parsed.value;
      } else if (parsed.ok) values[id] = parsed.value;
      else refused[id] = `「${text.trim().slice(0, 12)}」${parsed.message}`;
    }),
  );
  return { values, refused, totals, outside, rect: { table: p.table, r0: p.r, c0: p.c, r1, c1 } };
};

export const formatValue = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The block of a selection as Excel reads it back: tabs between cells, newlines between rows. */
export const copyBlock = (rect: Rect, cells: Cells): string =>
  cellsInRect(rect)
    .map((row) => row.map((id) => formatValue(cells[id])).join('\t'))
    .join('\n');
