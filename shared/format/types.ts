/** A cell id is `table.row.column` (or `t2.item.column`), one per numeric cell of the tables of 国办公开办函〔2021〕30号 (cells.ts). */
export type CellId = `${TableId}.${string}.${string}`;

/** Counts are non-negative integers; money is 万元 with up to 6 decimals, kept as a decimal string. */
export type Unit = 'count' | 'money';

export type TableId = 't2' | 't3' | 't4';

export type CellDef = {
  readonly id: CellId;
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  readonly unit: Unit;
  /** Row label path, outermost first (e.g. 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密). */
  readonly rowPath: readonly string[];
  /** Column label path, outermost first (e.g. 申请人情况 › 法人或其他组织 › 商业企业). */
  readonly columnPath: readonly string[];
  /** True for a 总计 cell: computed from other cells when 合计自动计算 is on. */
  readonly isTotal: boolean;
};

export type NarrativeId = 'overview' | 'problems' | 'other_matters';

export type SectionDef =
  | { readonly kind: 'narrative'; readonly id: NarrativeId; readonly heading: string; readonly placeholder: string }
  | { readonly kind: 'table'; readonly id: TableId; readonly heading: string };
