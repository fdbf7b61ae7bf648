/**
 * Text copied out of a PDF (pdftotext's default order, a PDF viewer's select-all → copy) keeps a table's numbers in
 * the order its cells were drawn, but not beside their labels: one cell per line, a run of row labels and then the
 * run of their numbers, a number before its label, 表四's groups interleaved. When the label-by-label reading of a
 * table is not clean, its numbers are read as one sequence in the table's own cell order (shared/format), and that
 * reading replaces the first one only when the table confirms it:
 * - 表二: exactly one number per cell, and in each block every row label stands right before or right after its
 *   row's numbers, or every column name right before its column's numbers;
 * - 表三: exactly one number per cell, row after row or a page's left columns before its right ones, one way only,
 *   and every identity holds (25 row totals, （七）总计 of each column, 勾稽关系);
 * - 表四: exactly one number per cell, each group's cells in column order (the groups may interleave, as a viewer
 *   copies a page in column blocks), each group's 总计 equal to its parts, and of the dealings that fit, one set of
 *   values in the copy order closest to the table's own (said in a note, to be checked against the file).
 * Otherwise the first reading stays, with its notes: a number is never placed by a guess.
 */
import { cellsOfTable, t2, t3, t4, TABLE_SHORT } from '../format/cells';
import { IDENTITIES } from '../format/identities';
import { TABLE_IDS } from '../format/header-layout';
import { T2_BLOCKS } from '../format/table2';
import { T3_COLUMNS, T3_ROWS } from '../format/table3';
import { T4_COLUMNS, T4_GROUPS, T4_TOTAL_COLUMN } from '../format/table4';
import type { CellId, TableId, Unit } from '../format/types';
import type { CellValue } from '../report/document';
import { bare, canonicalText, isLabelCell, numberText } from './labels';
import { cellValue, isValueish, newRead, note, type Row, type TableRead } from './table-mapper-common';

/** The value cells of a table's rows in order, and before each the label words since the previous value. */
type Stream = { readonly values: string[]; readonly labelsBefore: string[] };

const streamOf = (rows: readonly Row[]): Stream => {
  const values: string[] = [];
  const labelsBefore: string[] = [''];
  for (const row of rows)
    for (const c of row) {
      if (isValueish(c)) {
        values.push(c);
        labelsBefore.push('');
      } else if (isLabelCell(c)) labelsBefore[values.length] += c;
    }
  return { values, labelsBefore };
};

const num = (v: CellValue | undefined): number => (typeof v === 'number' ? v : 0);

/** Each table's identities, with all their cells (asked of every table read). */
type TableIdentity = { readonly lhs: readonly CellId[]; readonly rhs: readonly CellId[]; readonly all: readonly CellId[] };
const IDENTITIES_OF = new Map<TableId, readonly TableIdentity[]>(
  TABLE_IDS.map((t) => [t, IDENTITIES.filter((i) => i.lhs[0]!.startsWith(`${t}.`)).map((i) => ({ lhs: i.lhs, rhs: i.rhs, all: [...i.lhs, ...i.rhs] }))]),
);

/** The identities over this table's cells that the values break (all-blank ones say nothing, as in identityNotes). */
const brokenIdentities = (table: TableId, values: ReadonlyMap<CellId, CellValue>): number => {
  let broken = 0;
  for (const { lhs, rhs, all } of IDENTITIES_OF.get(table)!) {
    if (all.every((id) => values.get(id) === null || values.get(id) === undefined)) continue;
    let l = 0;
    for (const id of lhs) l += num(values.get(id));
    let r = 0;
    for (const id of rhs) r += num(values.get(id));
    if (l !== r) broken++;
  }
  return broken;
};

/** The first reading needs no second one: every cell found, no warning, and the identities hold. */
const isClean = (table: TableId, read: TableRead): boolean =>
  cellsOfTable(table).every((c) => read.found.has(c.id)) && !read.notes.some((n) => n.level !== 'info') && brokenIdentities(table, read.values) === 0;

/** Values as cells, in the order given; null when one is no number. */
const valuesAt = (ids: readonly CellId[], raws: readonly string[], unitOf: (id: CellId) => Unit): Map<CellId, CellValue> | null => {
  const out = new Map<CellId, CellValue>();
  for (const [i, id] of ids.entries()) {
    const v = cellValue(raws[i], unitOf(id));
    if (v.error) return null;
    out.set(id, v.value);
  }
  return out;
};

const readOf = (table: TableId, values: Map<CellId, CellValue>, how: string): TableRead => {
  const r = newRead();
  for (const [id, v] of values) {
    r.values.set(id, v);
    r.found.add(id);
  }
  note(r, table, 'info', `${TABLE_SHORT[table]}的行名与数字在复制的文本中是分开的，数字已按表格的行列顺序读取，${how}`);
  return r;
};

/** 表二's blocks (第二十条 items) with their label keys. */
const T2_PLAN = T2_BLOCKS.map((b) => ({
  rows: b.rows.map((r) => ({ key: bare(r.label), cells: b.columns.map((c) => t2(r.id, c.id)) })),
  columns: b.columns.map((c) => ({ key: bare(c.label), cells: b.rows.map((r) => t2(r.id, c.id)) })),
  unit: b.unit,
}));
const T2_CELLS = T2_PLAN.flatMap((b) => b.rows.flatMap((r) => r.cells));
const T2_UNIT = new Map(T2_PLAN.flatMap((b) => b.rows.flatMap((r) => r.cells.map((id) => [id, b.unit] as const))));

/** The label words copied right before the value at index at hold key. */
const wordsBeforeHold = (s: Stream, at: number, key: string): boolean => at < s.labelsBefore.length && bare(canonicalText(s.labelsBefore[at]!)).includes(key);

/**
 * Each 第二十条 block of 表二 copied row by row — every row label right before or right after its numbers — or column by
 * column — every column name right before its numbers (a viewer copying a table cell by cell down each column).
 */
const t2InOrder = (rows: readonly Row[]): TableRead | null => {
  const s = streamOf(rows);
  if (s.values.length !== T2_CELLS.length) return null;
  const order: CellId[] = [];
  let start = 0;
  for (const b of T2_PLAN) {
    const width = b.columns.length;
    const height = b.rows.length;
    const byRows = b.rows.every((r, i) => wordsBeforeHold(s, start + i * width, r.key) || wordsBeforeHold(s, start + (i + 1) * width, r.key));
    const byColumns = b.columns.every((c, j) => wordsBeforeHold(s, start + j * height, c.key));
    if (byRows) order.push(...b.rows.flatMap((r) => r.cells));
    else if (byColumns) order.push(...b.columns.flatMap((c) => c.cells));
    else return null;
    start += width * height;
  }
  const values = valuesAt(order, s.values, (id) => T2_UNIT.get(id)!);
  return values && readOf('t2', values, '每一行（或每一列）的数字都紧挨着它的行名（或列名）');
};

const T3_CELLS = T3_ROWS.flatMap((r) => T3_COLUMNS.map((c) => t3(r.id, c.id)));
const W = T3_COLUMNS.length;

/**
 * 表三's numbers as copied: row after row, except that a run of rows (a page) may come as two column blocks, its
 * left columns row by row and then its right ones (a viewer copying the page's left part before its right part).
 * Every way to cut the stream so is tried; each row's 总计 must equal its parts. Of the cuts that fit, those with the
 * fewest blocks cut in two count (row after row beats any cut); their values as raw texts in cell order, at most two
 * distinct sets (a second means the order is not known).
 */
const t3Cuts = (raws: readonly string[]): string[][] => {
  const n = raws.map((r) => Number(numberText(r) ?? 0));
  const rowsN = T3_ROWS.length;
  type Best = { cost: number; sols: string[][] };
  const memo = new Map<number, Best>();
  const rowHolds = (cells: readonly number[]) => cells[W - 1] === cells.slice(0, W - 1).reduce((a, v) => a + v, 0);
  const from = (i: number): Best => {
    if (i === rowsN) return { cost: 0, sols: [[]] };
    const hit = memo.get(i);
    if (hit) return hit;
    let best: Best = { cost: Number.POSITIVE_INFINITY, sols: [] };
    const seen = new Set<string>();
    for (let j = i; j < rowsN; j++) {
      const h = j - i + 1;
      const base = i * W;
      // k: where the block is cut (W: not cut, one row as it is)
      for (let k = 1; k <= W; k++) {
        if ((k < W && h === 1) || (k === W && h > 1)) continue;
        const idx = (r: number, c: number) => (c < k ? base + r * k + c : base + h * k + r * (W - k) + (c - k));
        let ok = true;
        for (let r = 0; r < h && ok; r++) ok = rowHolds(Array.from({ length: W }, (_, c) => n[idx(r, c)]!));
        if (!ok) continue;
        const rest = from(j + 1);
        const cost = rest.cost + (k < W ? 1 : 0);
        if (cost > best.cost || rest.sols.length === 0) continue;
        if (cost < best.cost) {
          best = { cost, sols: [] };
          seen.clear();
        }
        const block = Array.from({ length: h * W }, (_, x) => raws[idx(Math.floor(x / W), x % W)]!);
        for (const tail of rest.sols) {
          const all = [...block, ...tail];
          const key = all.join(',');
          if (seen.has(key) || best.sols.length >= 2) continue;
          seen.add(key);
          best.sols.push(all);
        }
      }
    }
    memo.set(i, best);
    return best;
  };
  return from(0).sols;
};

const t3InOrder = (rows: readonly Row[]): TableRead | null => {
  const s = streamOf(rows);
  if (s.values.length !== T3_CELLS.length) return null;
  const cuts = t3Cuts(s.values);
  if (cuts.length !== 1) return null;
  const values = valuesAt(T3_CELLS, cuts[0]!, () => 'count');
  if (!values || brokenIdentities('t3', values) > 0) return null;
  return readOf('t3', values, '各行总计、（七）总计和勾稽关系均已核对相符');
};

const PARTS = T4_COLUMNS.length;
const TOTAL_AT = T4_COLUMNS.findIndex((c) => c.id === T4_TOTAL_COLUMN);

/** More ways to deal the numbers than any real table gives: the search stops and nothing is read. */
const MAX_STEPS = 300_000;

/**
 * The ways to deal the 15 numbers out to the three groups — each group's cells in column order, the groups starting
 * in their order — whose group totals hold, as cell values (group after group). Of these the one whose copy order
 * breaks the table's own order the fewest times (a page copied in a few column blocks, not cell by cell) is taken,
 * and only when no other set of values breaks it as few times ('tie' otherwise). null: none fits, or too many to try.
 */
const t4Reading = (nums: readonly number[]): number[] | 'tie' | null => {
  const G = T4_GROUPS.length;
  /** Per set of values, the fewest breaks of order of any dealing that gives it. */
  const best = new Map<string, { values: number[]; breaks: number }>();
  const taken: number[][] = T4_GROUPS.map(() => []);
  const cellAt: number[] = [];
  let steps = 0;
  const totalHolds = (g: readonly number[]) => g[TOTAL_AT] === g.reduce((a, v, i) => (i === TOTAL_AT ? a : a + v), 0);
  const walk = (i: number, opened: number, breaks: number) => {
    if (++steps > MAX_STEPS) return;
    if (i === nums.length) {
      const values = taken.flat();
      const key = values.join(',');
      const had = best.get(key);
      if (!had || had.breaks > breaks) best.set(key, { values, breaks });
      return;
    }
    for (let g = 0; g < Math.min(opened + 1, G); g++) {
      const cur = taken[g]!;
      if (cur.length === PARTS) continue;
      const cell = g * PARTS + cur.length;
      cur.push(nums[i]!);
      cellAt[i] = cell;
      if (cur.length < PARTS || totalHolds(cur)) walk(i + 1, Math.max(opened, g + 1), breaks + (i > 0 && cellAt[i - 1]! + 1 !== cell ? 1 : 0));
      cur.pop();
    }
  };
  walk(0, 0, 0);
  if (steps > MAX_STEPS || best.size === 0) return null;
  const ranked = [...best.values()].sort((a, b) => a.breaks - b.breaks);
  return ranked.length > 1 && ranked[1]!.breaks === ranked[0]!.breaks ? 'tie' : ranked[0]!.values;
};

const T4_CELLS = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => t4(g.id, c.id)));

/** 表四's numbers whose cells are not known: the 15 cells blank, the numbers listed in their copied order. */
const t4Unplaced = (s: Stream, why: string): TableRead => {
  const r = newRead();
  for (const id of T4_CELLS) {
    r.values.set(id, null);
    r.found.add(id);
  }
  const copied = s.values.map((v) => v.trim()).join('、');
  note(
    r,
    't4',
    'warning',
    `表四的 ${s.values.length} 个数字在复制的文本中顺序与表格不同（依次为 ${copied}），${why}，无法确定各自所在的格，这 ${T4_CELLS.length} 格留空：请对照原文件填写`,
    T4_CELLS,
    copied,
  );
  return r;
};

const t4InOrder = (rows: readonly Row[], byLabels: TableRead): TableRead | null => {
  const s = streamOf(rows);
  // fewer numbers than cells, one a line, and in order they break the group totals: some were copied elsewhere
  // (after the page's text), so none of them has a known place
  if (s.values.length > 0 && s.values.length < T4_CELLS.length && brokenIdentities('t4', byLabels.values) > 0)
    return t4Unplaced(s, `比表格的 ${T4_CELLS.length} 格少 ${T4_CELLS.length - s.values.length} 个，按顺序填入时各组总计不符`);
  if (s.values.length !== T4_CELLS.length) return null;
  const raw = valuesAt(T4_CELLS, s.values, () => 'count');
  if (!raw) return null;
  // blank cells (dashes) have no place to be confirmed in: only all-number tables are dealt
  if ([...raw.values()].some((v) => v === null)) return null;
  const reading = t4Reading(T4_CELLS.map((id) => num(raw.get(id))));
  if (!reading) return null;
  if (reading === 'tie') {
    if (brokenIdentities('t4', byLabels.values) === 0) return null;
    return t4Unplaced(s, '有不止一种排法都符合各组总计');
  }
  const values = new Map<CellId, CellValue>(T4_CELLS.map((id, i) => [id, reading[i]!]));
  return readOf('t4', values, '各组总计均已核对相符（数字的复制顺序与表格不同，请对照原文件核对）');
};

const IN_ORDER: Record<TableId, (rows: readonly Row[], byLabels: TableRead) => TableRead | null> = { t2: t2InOrder, t3: t3InOrder, t4: t4InOrder };

/**
 * Copied text puts a cell a line (「261 5」 now and then): most lines with numbers hold one. A table typed or copied
 * from a web page has its numbers in rows, and a reading that breaks its identities is the report's own error,
 * never a reason to move its numbers.
 */
const oneCellALine = (rows: readonly Row[]): boolean => {
  const counts = rows.map((r) => r.filter(isValueish).length).filter((n) => n > 0);
  return counts.length > 0 && counts.filter((n) => n === 1).length >= counts.length * 0.6;
};

/** The label-by-label reading, or the reading in cell order when that one is confirmed and the first is not clean. */
export const preferCopyOrder = (table: TableId, rows: readonly Row[], byLabels: TableRead): TableRead => {
  if (rows.length === 0 || isClean(table, byLabels) || !oneCellALine(rows)) return byLabels;
  const again = IN_ORDER[table](rows, byLabels);
  if (!again) return byLabels;
  // every cell read beside its label and only an identity broken: that is the report's own error (published reports
  // have them), shown as such; only a reading the identities confirm may replace it, never a blanking
  const wholeByLabels = cellsOfTable(table).every((c) => byLabels.found.has(c.id)) && !byLabels.notes.some((n) => n.level !== 'info');
  if (wholeByLabels && (again.found.size < byLabels.found.size || brokenIdentities(table, again.values) > 0)) return byLabels;
  return again;
};
