/**
 * The other figures of the tables a number stated in the narrative may have been copied from, so that a mismatch
 * can say where the number probably came from (「与自然人一列相同」). Cell ids and labels come from shared/format.
 */
import type { CellId } from '../format/types';
import { T2_BLOCKS } from '../format/table2';
import { T3_TOTAL_COLUMN, t3Row, type T3RowId } from '../format/table3';
import { T4_COLUMNS, T4_GROUPS, type T4GroupId } from '../format/table4';
import { cellDef, t2, t3, t4 } from '../format/cells';
import { countValue, type Cells } from '../report/document';
import { PART_COLUMNS, cellForText, plainLabel, type Quantity } from './quantities';

/** The 表四 groups (rows) of a quantity's cells. */
const groupsOf = (q: Quantity): T4GroupId[] => T4_GROUPS.filter((g) => q.cells.some((id) => cellDef(id)?.row === g.id)).map((g) => g.id);

/** One other figure of the table: the sum of `counts` as they stand plus the 表三 row totals `totals` (a blank 总计 is its columns' sum). */
type Alternative = { readonly label: string; readonly counts: readonly CellId[]; readonly totals: readonly CellId[] };
const totalsOf = (rows: readonly T3RowId[]): CellId[] => rows.map((r) => t3(r, T3_TOTAL_COLUMN));

const alternativesFor = (q: Quantity): Alternative[] => {
  const out: Alternative[] = [];
  const alt = (label: string, counts: readonly CellId[], totals: readonly CellId[] = []) => out.push({ label, counts, totals });
  if (q.t3Rows) {
    const rows = q.t3Rows;
    for (const c of PART_COLUMNS)
      alt(
        `${c.label}一列`,
        rows.map((r) => t3(r, c.id)),
      );
    for (const p of q.parts ?? []) alt(`「${plainLabel(p)}」一项`, [], totalsOf(p.t3Rows!));
    if (rows.length > 1) for (const r of rows) alt(`「${t3Row(r).label}」一项`, [], totalsOf([r]));
    if (q.key === 't3.new' || q.key === 't3.total') alt('本年新收与上年结转之和', [], totalsOf(['new', 'carried_in']));
    if (q.key === 't3.new') alt('办结总数（（七）总计）', [], totalsOf(['total']));
  }
  if (q.topic === 't2' && q.subject) {
    // 表二 第二十条第（一）项: the neighbouring column of the same row, or the same column of the other row.
    const [, rowKey, colKey] = q.key.split('.');
    const docs = T2_BLOCKS[0]!;
    const row = docs.rows.find((r) => r.id === rowKey);
    const col = docs.columns.find((c) => c.id === colKey);
    if (row && col) {
      for (const c of docs.columns) if (c.id !== col.id) alt(`「${row.label}${c.label}」`, [t2(row.id, c.id)]);
      for (const r of docs.rows) if (r.id !== row.id) alt(`「${r.label}${col.label}」`, [t2(r.id, col.id)]);
    }
  }
  if (q.topic === 't4' && q.subject) {
    const col = q.key.split('.')[2]!;
    for (const c of T4_COLUMNS)
      if (c.id !== col)
        alt(
          `${c.label}一栏`,
          groupsOf(q).map((g) => t4(g, c.id)),
        );
  }
  return out;
};
/** Made once per quantity (the cell ids and labels are the same for every report); a combined quantity is made anew. */
const alternativesMade = new WeakMap<Quantity, readonly Alternative[]>();
const alternativesOf = (q: Quantity): readonly Alternative[] => {
  let a = alternativesMade.get(q);
  if (!a) alternativesMade.set(q, (a = alternativesFor(q)));
  return a;
};
const alternativeValue = (a: Alternative, cells: Cells): number => {
  let v = 0;
  for (const id of a.counts) v += countValue(cells[id]);
  for (const id of a.totals) v += cellForText(cells, id)?.value ?? 0;
  return v;
};

/**
 * The first other figure of the table a stated number may have been copied from whose value passes `test` (to
 * explain a mismatch): a column of 表三 (「与自然人一列相同」), a single sub-item of a group, 一 + 二, a neighbouring
 * 表四 cell — each value summed only until one does.
 */
export const firstAlternativeFigure = (
  q: Quantity,
  cells: Cells,
  test: (value: number) => boolean,
): { readonly label: string; readonly value: number } | undefined => {
  for (const a of alternativesOf(q)) {
    const value = alternativeValue(a, cells);
    if (test(value)) return { label: a.label, value };
  }
  return undefined;
};
