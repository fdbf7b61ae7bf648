/**
 * 表三 收到和处理政府信息公开申请情况 — 国办公开办函〔2021〕30号 格式 三.
 * Labels are those of the official 2021 Word template, cell by cell.
 */

export const T3_TITLE = '收到和处理政府信息公开申请情况';

/** Printed in the top-left header cell of the official table: the identity 一 + 二 = 三 + 四. */
export const T3_IDENTITY_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const T3_APPLICANT_HEADER = '申请人情况';
export const T3_ORG_HEADER = '法人或其他组织';

const COLUMNS = [
  { id: 'natural', label: '自然人', org: false },
  { id: 'commercial', label: '商业企业', org: true },
  { id: 'research', label: '科研机构', org: true },
  { id: 'nonprofit', label: '社会公益组织', org: true },
  { id: 'legal', label: '法律服务机构', org: true },
  { id: 'other_org', label: '其他', org: true },
  { id: 'total', label: '总计', org: false },
] as const satisfies readonly { readonly id: string; readonly label: string; readonly org: boolean }[];

/** Column ids of 表三 as a literal union, so a typo in a cell id does not compile. */
export type T3ColumnId = (typeof COLUMNS)[number]['id'];
export type T3Column = { readonly id: T3ColumnId; readonly label: string; readonly org: boolean };
export const T3_COLUMNS: readonly T3Column[] = COLUMNS;

export const T3_TOTAL_COLUMN: T3ColumnId = 'total';

/**
 * kind: 'new' 一, 'carried_in' 二, 'result' a row of 三 that counts once in （七）总计,
 * 'results_total' （七）总计, 'carried_out' 四.
 */
export type T3RowKind = 'new' | 'carried_in' | 'result' | 'results_total' | 'carried_out';

type RowDef<I extends string> = {
  readonly id: I;
  readonly kind: T3RowKind;
  /** The label of the row itself (the innermost label cell). */
  readonly label: string;
  /** The label as messages name the row: without the counting note of （二） (「（区分处理的，只计这一情形，不计其他情形）」). */
  readonly shortLabel: string;
  /** The result group （一）…（七） it belongs to, for rows under 三. */
  readonly group?: string;
};

export const T3_RESULTS_HEADER = '三、本年度办理结果';

/** The official note in the label of （二）部分公开: how to count, not part of the row's name. */
export const T3_PARTIAL_NOTE = '（区分处理的，只计这一情形，不计其他情形）';

/** Group labels of 三, in order; groups with sub-items span several rows. */
export const T3_GROUPS = {
  granted: '（一）予以公开',
  partial: `（二）部分公开${T3_PARTIAL_NOTE}`,
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  declined: '（五）不予处理',
  other: '（六）其他处理',
  total: '（七）总计',
} as const;

export type T3GroupKey = keyof typeof T3_GROUPS;

/** The group labels as messages name them (（二） without its counting note). */
export const T3_GROUP_SHORT: Readonly<Record<T3GroupKey, string>> = { ...T3_GROUPS, partial: '（二）部分公开' };

const sub = <I extends string>(id: I, group: T3GroupKey, label: string): RowDef<I> => ({ id, kind: 'result', label, shortLabel: label, group });
const row = <I extends string>(id: I, kind: T3RowKind, label: string): RowDef<I> => ({ id, kind, label, shortLabel: label });
const groupRow = <G extends T3GroupKey>(group: G, kind: T3RowKind = 'result'): RowDef<G> => ({
  id: group,
  kind,
  label: T3_GROUPS[group],
  shortLabel: T3_GROUP_SHORT[group],
  group,
});

const ROWS = [
  row('new', 'new', '一、本年新收政府信息公开申请数量'),
  row('carried_in', 'carried_in', '二、上年结转政府信息公开申请数量'),
  groupRow('granted'),
  groupRow('partial'),
  sub('withheld_secret', 'withheld', '1.属于国家秘密'),
  sub('withheld_law', 'withheld', '2.其他法律行政法规禁止公开'),
  sub('withheld_safety', 'withheld', '3.危及“三安全一稳定”'),
  sub('withheld_third_party', 'withheld', '4.保护第三方合法权益'),
  sub('withheld_internal', 'withheld', '5.属于三类内部事务信息'),
  sub('withheld_process', 'withheld', '6.属于四类过程性信息'),
  sub('withheld_enforcement', 'withheld', '7.属于行政执法案卷'),
  sub('withheld_query', 'withheld', '8.属于行政查询事项'),
  sub('unavailable_not_held', 'unavailable', '1.本机关不掌握相关政府信息'),
  sub('unavailable_needs_creation', 'unavailable', '2.没有现成信息需要另行制作'),
  sub('unavailable_unclear', 'unavailable', '3.补正后申请内容仍不明确'),
  sub('declined_petition', 'declined', '1.信访举报投诉类申请'),
  sub('declined_repeat', 'declined', '2.重复申请'),
  sub('declined_publication', 'declined', '3.要求提供公开出版物'),
  sub('declined_mass', 'declined', '4.无正当理由大量反复申请'),
  sub('declined_confirm', 'declined', '5.要求行政机关确认或重新出具已获取信息'),
  sub('other_no_supplement', 'other', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  sub('other_no_fee', 'other', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  sub('other_other', 'other', '3.其他'),
  groupRow('total', 'results_total'),
  row('carried_out', 'carried_out', '四、结转下年度继续办理'),
];

/** Row ids of 表三 as a literal union (from the rows above), so a typo in a cell id does not compile. */
export type T3RowId = (typeof ROWS)[number]['id'];
export type T3Row = RowDef<T3RowId>;
export const T3_ROWS: readonly T3Row[] = ROWS;

const ROW_BY_ID = new Map<string, T3Row>(T3_ROWS.map((r) => [r.id, r]));
/** A row of 表三 by its id (the ids are those of T3_ROWS; an unknown id is a programming error). */
export const t3Row = (id: string): T3Row => {
  const r = ROW_BY_ID.get(id);
  if (!r) throw new Error(`no row ${id} in 表三`);
  return r;
};
/** The id of the one row of a kind that has one row (new, carried_in, results_total, carried_out). */
export const t3RowOfKind = (kind: Exclude<T3RowKind, 'result'>): T3RowId => T3_ROWS.find((r) => r.kind === kind)!.id;

/** Groups whose rows are sub-items (1. 2. …) under a group label cell. */
export const T3_GROUPS_WITH_ITEMS: readonly T3GroupKey[] = ['withheld', 'unavailable', 'declined', 'other'];
