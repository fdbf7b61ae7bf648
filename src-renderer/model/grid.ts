/**
 * The data cells of each statutory table as a matrix of rows, read from tableLayout() so the
 * keyboard, paste and copy follow the printed table. Row r, column c of a table's matrix is the
 * c-th data cell on the r-th grid row that holds data cells.
 */
import { TABLE_IDS, tableLayout } from '../../shared/format/header-layout';
import type { CellId, TableId } from '../../shared/format/types';

export type Pos = { readonly table: TableId; readonly r: number; readonly c: number };
export type TableGrid = {
  readonly table: TableId;
  readonly rows: readonly (readonly CellId[])[];
  /** The first grid column each data cell covers, and how many, for moving up and down across 表二's blocks. */
  readonly span: ReadonlyMap<CellId, readonly [number, number]>;
};

const buildGrid = (table: TableId): TableGrid => {
  const rows: CellId[][] = [];
  const span = new Map<CellId, readonly [number, number]>();
  for (const gridRow of tableLayout(table).rows) {
    const ids: CellId[] = [];
    for (const cell of gridRow) {
      if (cell.kind !== 'data' || !cell.cellId) continue;
      ids.push(cell.cellId);
      span.set(cell.cellId, [cell.col, cell.colSpan]);
    }
    if (ids.length) rows.push(ids);
  }
  return { table, rows, span };
};

export const GRIDS: Record<TableId, TableGrid> = Object.fromEntries(TABLE_IDS.map((t) => [t, buildGrid(t)])) as Record<TableId, TableGrid>;

const positions = new Map<CellId, Pos>();
for (const t of TABLE_IDS) GRIDS[t].rows.forEach((row, r) => row.forEach((id, c) => positions.set(id, { table: t, r, c })));

/** Every data cell in reading order (表二, 表三, 表四), the order of Tab. */
export const TAB_ORDER: readonly CellId[] = TABLE_IDS.flatMap((t) => GRIDS[t].rows.flat());
const tabIndex = new Map(TAB_ORDER.map((id, i) => [id, i]));

export const posOf = (id: CellId): Pos | undefined => positions.get(id);
export const cellAt = (table: TableId, r: number, c: number): CellId | undefined => GRIDS[table].rows[r]?.[c];

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev';

/**
 * The cell the keyboard moves to; the same cell at the edge of a table. Tab and Shift+Tab pass over the cells
 * `skip` names (the read-only 总计 while 合计自动计算 is on), as a spreadsheet passes over locked cells.
 */
export const moveFrom = (id: CellId, move: Move, skip: (id: CellId) => boolean = () => false): CellId => {
  if (move === 'next' || move === 'prev') {
    const i = tabIndex.get(id);
    if (i === undefined) return id;
    const step = move === 'next' ? 1 : -1;
    for (let j = i + step; j >= 0 && j < TAB_ORDER.length; j += step) if (!skip(TAB_ORDER[j]!)) return TAB_ORDER[j]!;
    return id;
  }
  const p = positions.get(id);
  if (!p) return id;
  const g = GRIDS[p.table];
  if (move === 'left' || move === 'right') return cellAt(p.table, p.r, p.c + (move === 'right' ? 1 : -1)) ?? id;
  // up/down: the cell of the neighbouring row that covers the same printed column
  const [col] = g.span.get(id)!;
  const target = g.rows[p.r + (move === 'down' ? 1 : -1)];
  if (!target) return id;
  return (
    target.find((t) => {
      const [c0, n] = g.span.get(t)!;
      return col >= c0 && col < c0 + n;
    }) ?? target[Math.min(p.c, target.length - 1)]!
  );
};

/**
 * Enter (down) and Shift+Enter (up): to the next cell in that direction that `skip` does not name, and from
 * the foot (or head) of a table on to the next (or previous) cell in reading order.
 */
export const enterFrom = (id: CellId, up: boolean, skip: (id: CellId) => boolean = () => false): CellId => {
  const move: Move = up ? 'up' : 'down';
  for (let at = id; ;) {
    const to = moveFrom(at, move);
    if (to === at) return moveFrom(at, up ? 'prev' : 'next', skip);
    if (!skip(to)) return to;
    at = to;
  }
};

export type Rect = { readonly table: TableId; readonly r0: number; readonly c0: number; readonly r1: number; readonly c1: number };

/** The rectangle between two cells of one table (null when they are in different tables). */
export const rectBetween = (a: CellId, b: CellId): Rect | null => {
  const p = positions.get(a);
  const q = positions.get(b);
  if (!p || !q || p.table !== q.table) return null;
  return { table: p.table, r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
};

export const cellsInRect = (rect: Rect): CellId[][] => {
  const out: CellId[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: CellId[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) {
      const id = cellAt(rect.table, r, c);
      if (id) row.push(id);
    }
    if (row.length) out.push(row);
  }
  return out;
};

export const inRect = (rect: Rect | null, id: CellId): boolean => {
  if (!rect) return false;
  const p = positions.get(id);
  return !!p && p.table === rect.table && p.r >= rect.r0 && p.r <= rect.r1 && p.c >= rect.c0 && p.c <= rect.c1;
};
