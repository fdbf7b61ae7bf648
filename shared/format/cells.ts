/** The registry of every statutory cell, built once from the table definitions. */
import type { CellDef, CellId, TableId } from './types';
import { T2_BLOCKS, T2_TITLE, type T2ColumnId, type T2RowId } from './table2';
import {
  T3_APPLICANT_HEADER,
  T3_COLUMNS,
  T3_ORG_HEADER,
  T3_RESULTS_HEADER,
  T3_ROWS,
  T3_GROUPS,
  T3_GROUPS_WITH_ITEMS,
  T3_TOTAL_COLUMN,
  t3Row,
  type T3ColumnId,
  type T3RowId,
} from './table3';
import { T4_COLUMNS, T4_GROUPS, T4_REVIEW_HEADER, T4_SUIT_HEADER, T4_TOTAL_COLUMN, type T4ColumnId, type T4GroupId } from './table4';

/** The one way to name a cell: `table.row.column`, through the typed t2/t3/t4 below. */
const cellId = (table: TableId, row: string, column: string): CellId => `${table}.${row}.${column}`;
/** Typed per table: a row or column id that is not in the table definitions does not compile. */
export const t2 = (row: T2RowId, column: T2ColumnId): CellId => cellId('t2', row, column);
export const t3 = (row: T3RowId, column: T3ColumnId): CellId => cellId('t3', row, column);
export const t4 = (group: T4GroupId, column: T4ColumnId): CellId => cellId('t4', group, column);

const t2Cells = (): CellDef[] =>
  T2_BLOCKS.flatMap((b) =>
    b.rows.flatMap((r) =>
      b.columns.map((c) => ({
        id: t2(r.id, c.id),
        table: 't2' as const,
        row: r.id,
        column: c.id,
        unit: b.unit,
        rowPath: [b.item, r.label],
        columnPath: [c.label],
        isTotal: false,
      })),
    ),
  );

const t3RowPath = (row: (typeof T3_ROWS)[number]): string[] => {
  if (row.kind !== 'result' && row.kind !== 'results_total') return [row.label];
  const g = row.group;
  if (g && (T3_GROUPS_WITH_ITEMS as readonly string[]).includes(g)) {
    return [T3_RESULTS_HEADER, T3_GROUPS[g as keyof typeof T3_GROUPS], row.label];
  }
  return [T3_RESULTS_HEADER, row.label];
};

const t3Cells = (): CellDef[] =>
  T3_ROWS.flatMap((r) =>
    T3_COLUMNS.map((c) => ({
      id: t3(r.id, c.id),
      table: 't3' as const,
      row: r.id,
      column: c.id,
      unit: 'count' as const,
      rowPath: t3RowPath(r),
      columnPath: c.org ? [T3_APPLICANT_HEADER, T3_ORG_HEADER, c.label] : c.id === T3_TOTAL_COLUMN ? [c.label] : [T3_APPLICANT_HEADER, c.label],
      isTotal: c.id === T3_TOTAL_COLUMN || r.kind === 'results_total',
    })),
  );

const t4Cells = (): CellDef[] =>
  T4_GROUPS.flatMap((g) =>
    T4_COLUMNS.map((c) => ({
      id: t4(g.id, c.id),
      table: 't4' as const,
      row: g.id,
      column: c.id,
      unit: 'count' as const,
      rowPath: [],
      columnPath: g.suit ? [T4_SUIT_HEADER, g.label, c.label] : [T4_REVIEW_HEADER, c.label],
      isTotal: c.id === T4_TOTAL_COLUMN,
    })),
  );

/** All 200 statutory cells in reading order: 表二, 表三 row by row, 表四. */
export const CELLS: readonly CellDef[] = [...t2Cells(), ...t3Cells(), ...t4Cells()];
export const CELL_IDS: readonly CellId[] = CELLS.map((c) => c.id);

const byId = new Map(CELLS.map((c) => [c.id, c]));
export const cellDef = (id: CellId): CellDef | undefined => byId.get(id);
const byTable = new Map<TableId, readonly CellDef[]>();
/** The cells of one table, in format order (made once: the editor asks on every keystroke). */
export const cellsOfTable = (t: TableId): readonly CellDef[] => {
  let cells = byTable.get(t);
  if (!cells) byTable.set(t, (cells = CELLS.filter((c) => c.table === t)));
  return cells;
};

export const TABLE_NAMES: Record<TableId, string> = {
  t2: `表二 ${T2_TITLE}`,
  t3: '表三 收到和处理政府信息公开申请情况',
  t4: '表四 政府信息公开行政复议、行政诉讼情况',
};
export const TABLE_SHORT: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** A human name of a cell for messages: 「表三 （一）予以公开·自然人」, 「表三 （三）不予公开·1.属于国家秘密·总计」. */
export const cellLabel = (id: CellId): string => {
  const d = byId.get(id);
  if (!d) return id;
  const row = d.table === 't4' ? d.columnPath.slice(0, -1).join('·') : (d.rowPath[d.rowPath.length - 1] ?? '');
  const group = d.table === 't3' && d.rowPath.length === 3 ? `${d.rowPath[1]}·` : '';
  const col = d.columnPath[d.columnPath.length - 1];
  const rowShort = d.table === 't3' ? t3Row(d.row).shortLabel : row;
  return `${TABLE_SHORT[d.table]} ${group}${rowShort}·${col}`;
};

/** A name from outside (a file, the page) is a cell id only if it is one of the statutory cells. */
export const isCellId = (id: string): id is CellId => byId.has(id as CellId);
