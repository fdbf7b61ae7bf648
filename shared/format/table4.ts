/**
 * 表四 政府信息公开行政复议、行政诉讼情况 — 国办公开办函〔2021〕30号 格式 四.
 * One data row of 15 cells under a two-level header.
 */

export const T4_TITLE = '政府信息公开行政复议、行政诉讼情况';
export const T4_REVIEW_HEADER = '行政复议';
export const T4_SUIT_HEADER = '行政诉讼';

export type T4Group = { readonly id: string; readonly label: string; readonly suit: boolean };

export const T4_GROUPS: readonly T4Group[] = [
  { id: 'review', label: '行政复议', suit: false },
  { id: 'suit_direct', label: '未经复议直接起诉', suit: true },
  { id: 'suit_after_review', label: '复议后起诉', suit: true },
];

export const T4_COLUMNS = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;

export const T4_TOTAL_COLUMN = 'total';
