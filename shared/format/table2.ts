/**
 * 表二 主动公开政府信息情况 — 国办公开办函〔2021〕30号, 《中华人民共和国政府信息公开工作年度报告格式》 二.
 * Four sub-tables on one 4-column grid, each headed by the 条例 第二十条 item it reports.
 */
import type { Unit } from './types';

type Def = { readonly item: string; readonly columns: readonly Labelled[]; readonly rows: readonly Labelled[]; readonly unit: Unit };
type Labelled = { readonly id: string; readonly label: string };

export const T2_TITLE = '主动公开政府信息情况';
export const T2_CONTENT_LABEL = '信息内容';

const BLOCKS = [
  {
    item: '第二十条第（一）项',
    columns: [
      { id: 'issued', label: '本年制发件数' },
      { id: 'repealed', label: '本年废止件数' },
      { id: 'effective', label: '现行有效件数' },
    ],
    rows: [
      { id: 'rules', label: '规章' },
      { id: 'normative', label: '行政规范性文件' },
    ],
    unit: 'count',
  },
  {
    item: '第二十条第（五）项',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [{ id: 'license', label: '行政许可' }],
    unit: 'count',
  },
  {
    item: '第二十条第（六）项',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
    unit: 'count',
  },
  {
    item: '第二十条第（八）项',
    columns: [{ id: 'amount', label: '本年收费金额（单位：万元）' }],
    rows: [{ id: 'fees', label: '行政事业性收费' }],
    unit: 'money',
  },
] as const satisfies readonly Def[];

/** Row and column ids of 表二 as literal unions (from the blocks above), so a typo in a cell id does not compile. */
export type T2RowId = (typeof BLOCKS)[number]['rows'][number]['id'];
export type T2ColumnId = (typeof BLOCKS)[number]['columns'][number]['id'];
export type T2Column = { readonly id: T2ColumnId; readonly label: string };
export type T2Row = { readonly id: T2RowId; readonly label: string };
export type T2Block = {
  readonly item: string;
  readonly columns: readonly T2Column[];
  readonly rows: readonly T2Row[];
  readonly unit: Unit;
};

export const T2_BLOCKS: readonly T2Block[] = BLOCKS;
