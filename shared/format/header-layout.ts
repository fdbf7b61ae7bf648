/**
 * One layout of each statutory table as a grid of merged cells. The form, the Word and Excel
 * exports and the HTML fragment all draw their merged headers and row labels from here, so the
 * official structure is spelt once.
 */
import type { CellId, TableId } from './types';
import { t2, t3, t4 } from './cells';
import { T2_BLOCKS, T2_CONTENT_LABEL } from './table2';
import {
  T3_APPLICANT_HEADER,
  T3_COLUMNS,
  T3_GROUPS,
  T3_GROUPS_WITH_ITEMS,
  T3_IDENTITY_NOTE,
  T3_ORG_HEADER,
  T3_RESULTS_HEADER,
  T3_ROWS,
  type T3GroupKey,
} from './table3';
import { T4_COLUMNS, T4_GROUPS, T4_REVIEW_HEADER, T4_SUIT_HEADER } from './table4';

/** header: a column heading; label: a row label; item: a 第二十条 item line of 表二; note: the 勾稽 note. */
export type GridKind = 'header' | 'label' | 'item' | 'note' | 'data';

export type GridCell = {
  readonly kind: GridKind;
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly cellId?: CellId;
};

export type TableLayout = {
  readonly table: TableId;
  readonly columnCount: number;
  /** Leading columns that hold row labels (data starts after them). */
  readonly labelColumns: number;
  /** Rows of the grid at the top that are header rows (repeated when a table breaks across pages). */
  readonly headerRows: number;
  /** Cells in row-major order of their top-left corner; covered positions have no entry. */
  readonly rows: readonly (readonly GridCell[])[];
};

class GridBuilder {
  readonly rows: GridCell[][] = [];
  add(kind: GridKind, text: string, row: number, col: number, rowSpan = 1, colSpan = 1, cellId?: CellId): void {
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row]!.push({ kind, text, row, col, rowSpan, colSpan, ...(cellId ? { cellId } : {}) });
  }
}

const t2Layout = (): TableLayout => {
  const g = new GridBuilder();
  let r = 0;
  for (const b of T2_BLOCKS) {
    g.add('item', b.item, r++, 0, 1, 4);
    g.add('header', T2_CONTENT_LABEL, r, 0);
    const span = b.columns.length === 1 ? 3 : 1;
    b.columns.forEach((c, i) => g.add('header', c.label, r, 1 + i, 1, span));
    r++;
    for (const row of b.rows) {
      g.add('label', row.label, r, 0);
      b.columns.forEach((c, i) => g.add('data', '', r, 1 + i, 1, span, t2(row.id, c.id)));
      r++;
    }
  }
  return { table: 't2', columnCount: 4, labelColumns: 1, headerRows: 0, rows: g.rows };
};

const t3Layout = (): TableLayout => {
  const g = new GridBuilder();
  const L = 3;
  const orgCols = T3_COLUMNS.filter((c) => c.org);
  g.add('note', T3_IDENTITY_NOTE, 0, 0, 3, L);
  g.add('header', T3_APPLICANT_HEADER, 0, L, 1, T3_COLUMNS.length);
  let c = L;
  for (const col of T3_COLUMNS) {
    if (col.org && col !== orgCols[0]) continue;
    if (col.org) {
      g.add('header', T3_ORG_HEADER, 1, c, 1, orgCols.length);
      orgCols.forEach((oc, i) => g.add('header', oc.label, 2, c + i));
      c += orgCols.length;
    } else {
      g.add('header', col.label, 1, c++, 2, 1);
    }
  }
  const resultRows = T3_ROWS.filter((x) => x.kind === 'result' || x.kind === 'results_total').length;
  const groupSize = (k: string) => T3_ROWS.filter((x) => x.group === k).length;
  let r = 3;
  const seenGroups = new Set<string>();
  for (const row of T3_ROWS) {
    if (row.kind === 'result' || row.kind === 'results_total') {
      if (row.id === T3_ROWS.find((x) => x.kind === 'result')!.id) g.add('label', T3_RESULTS_HEADER, r, 0, resultRows, 1);
      const grp = row.group as T3GroupKey;
      if ((T3_GROUPS_WITH_ITEMS as readonly string[]).includes(grp)) {
        if (!seenGroups.has(grp)) {
          seenGroups.add(grp);
          g.add('label', T3_GROUPS[grp], r, 1, groupSize(grp), 1);
        }
        g.add('label', row.label, r, 2);
      } else {
        g.add('label', row.label, r, 1, 1, 2);
      }
    } else {
      g.add('label', row.label, r, 0, 1, L);
    }
    T3_COLUMNS.forEach((col, i) => g.add('data', '', r, L + i, 1, 1, t3(row.id, col.id)));
    r++;
  }
  return { table: 't3', columnCount: L + T3_COLUMNS.length, labelColumns: L, headerRows: 3, rows: g.rows };
};

const t4Layout = (): TableLayout => {
  const g = new GridBuilder();
  const n = T4_COLUMNS.length;
  const suits = T4_GROUPS.filter((x) => x.suit);
  g.add('header', T4_REVIEW_HEADER, 0, 0, 1, n);
  g.add('header', T4_SUIT_HEADER, 0, n, 1, n * suits.length);
  let c = 0;
  for (const grp of T4_GROUPS) {
    if (!grp.suit) {
      T4_COLUMNS.forEach((col) => g.add('header', col.label, 1, c++, 2, 1));
    } else {
      g.add('header', grp.label, 1, c, 1, n);
      T4_COLUMNS.forEach((col) => g.add('header', col.label, 2, c++));
    }
  }
  c = 0;
  for (const grp of T4_GROUPS) for (const col of T4_COLUMNS) g.add('data', '', 3, c++, 1, 1, t4(grp.id, col.id));
  return { table: 't4', columnCount: n * T4_GROUPS.length, labelColumns: 0, headerRows: 3, rows: g.rows };
};

const LAYOUTS: Record<TableId, TableLayout> = { t2: t2Layout(), t3: t3Layout(), t4: t4Layout() };

export const tableLayout = (t: TableId): TableLayout => LAYOUTS[t];
export const TABLE_IDS: readonly TableId[] = ['t2', 't3', 't4'];
