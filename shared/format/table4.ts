/**
 * 表四 政府信息公开行政复议、行政诉讼情况 — 国办公开办函〔2021〕30号 格式 四.
 * One data row of 15 cells under a two-level header.
 */

export const T4_TITLE = '政府信息公开行政复议、行政诉讼情况';
export const T4_REVIEW_HEADER = '行政复议';
export const T4_SUIT_HEADER = '行政诉讼';

const GROUPS = [
  { id: 'review', label: '行政复议', suit: false },
  { id: 'suit_direct', label: '未经复议直接起诉', suit: true },
  { id: 'suit_after_review', label: '复议后起诉', suit: true },
] as const satisfies readonly { readonly id: string; readonly label: string; readonly suit: boolean }[];

/** Group (row) ids of 表四 as a literal union, so a typo in a cell id does not compile. */
export type T4GroupId = (typeof GROUPS)[number]['id'];
export type T4Group = { readonly id: T4GroupId; readonly label: string; readonly suit: boolean };
export const T4_GROUPS: readonly T4Group[] = GROUPS;

export const T4_COLUMNS = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;
export type T4ColumnId = (typeof T4_COLUMNS)[number]['id'];

export const T4_TOTAL_COLUMN: T4ColumnId = 'total';
