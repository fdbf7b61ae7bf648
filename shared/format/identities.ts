/**
 * The table identities of the format as data: each says Σ lhs = Σ rhs over named cells.
 * Built from the table definitions, never written cell by cell (cf. Arelle's calculation linkbase).
 */
import type { CellId } from './types';
import { T3_COLUMNS, T3_ROWS, T3_TOTAL_COLUMN, t3RowOfKind } from './table3';
import { T4_COLUMNS, T4_GROUPS, T4_TOTAL_COLUMN } from './table4';
import { cellLabel, t3, t4 } from './cells';

export type Identity = {
  readonly code: string;
  /** The official or implied rule, in Chinese, for messages. */
  readonly rule: string;
  readonly lhs: readonly CellId[];
  readonly rhs: readonly CellId[];
  /** A sum identity (one total on the left) can be computed by 合计自动计算. */
  readonly computes?: CellId;
};

const partCols = T3_COLUMNS.filter((c) => c.id !== T3_TOTAL_COLUMN);
const resultRows = T3_ROWS.filter((r) => r.kind === 'result');

const t3RowTotals = (): Identity[] =>
  T3_ROWS.map((r) => ({
    code: 'T3-ROW-TOTAL',
    rule: `表三「${r.shortLabel}」一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`,
    lhs: [t3(r.id, T3_TOTAL_COLUMN)],
    rhs: partCols.map((c) => t3(r.id, c.id)),
    computes: t3(r.id, T3_TOTAL_COLUMN),
  }));

const t3ColumnTotals = (): Identity[] =>
  T3_COLUMNS.map((c) => ({
    code: 'T3-COL-TOTAL',
    rule: `表三「${c.label}」一列：（七）总计 = （一）至（六）各项之和`,
    lhs: [t3(t3RowOfKind('results_total'), c.id)],
    rhs: resultRows.map((r) => t3(r.id, c.id)),
    computes: t3(t3RowOfKind('results_total'), c.id),
  }));

const t3Balance = (): Identity[] =>
  T3_COLUMNS.map((c) => ({
    code: 'T3-BALANCE',
    rule: `表三「${c.label}」一列勾稽关系：第一项加第二项之和，等于第三项加第四项之和（一 + 二 = （七）总计 + 四）`,
    lhs: [t3(t3RowOfKind('new'), c.id), t3(t3RowOfKind('carried_in'), c.id)],
    rhs: [t3(t3RowOfKind('results_total'), c.id), t3(t3RowOfKind('carried_out'), c.id)],
  }));

const t4Totals = (): Identity[] =>
  T4_GROUPS.map((g) => {
    const parts = T4_COLUMNS.filter((c) => c.id !== T4_TOTAL_COLUMN);
    return {
      code: 'T4-TOTAL',
      rule: `表四「${g.label}」：总计 = ${parts.map((p) => p.label).join(' + ')}`,
      lhs: [t4(g.id, T4_TOTAL_COLUMN)],
      rhs: parts.map((p) => t4(g.id, p.id)),
      computes: t4(g.id, T4_TOTAL_COLUMN),
    };
  });

export const IDENTITIES: readonly Identity[] = [...t3RowTotals(), ...t3ColumnTotals(), ...t3Balance(), ...t4Totals()];

export const describeCells = (ids: readonly CellId[]): string => ids.map(cellLabel).join('、');
