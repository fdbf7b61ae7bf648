/** The six sections of the report, in the order the format prescribes (国办公开办函〔2021〕30号). */
import type { NarrativeId, SectionDef } from './types';
import { T2_TITLE } from './table2';
import { T3_TITLE } from './table3';
import { T4_TITLE } from './table4';

export const SECTIONS: readonly SectionDef[] = [
  {
    kind: 'narrative',
    id: 'overview',
    heading: '一、总体情况',
    placeholder: '（文字描述：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）',
  },
  { kind: 'table', id: 't2', heading: `二、${T2_TITLE}` },
  { kind: 'table', id: 't3', heading: `三、${T3_TITLE}` },
  { kind: 'table', id: 't4', heading: `四、${T4_TITLE}` },
  { kind: 'narrative', id: 'problems', heading: '五、存在的主要问题及改进情况', placeholder: '（文字描述）' },
  { kind: 'narrative', id: 'other_matters', heading: '六、其他需要报告的事项', placeholder: '（文字描述，收取信息处理费情况在此处报告。）' },
];

export const NARRATIVE_IDS: readonly NarrativeId[] = ['overview', 'problems', 'other_matters'];

export const narrativeHeading = (id: NarrativeId): string => {
  const s = SECTIONS.find((x) => x.kind === 'narrative' && x.id === id);
  return s ? s.heading : id;
};

/** The report title as agencies print it: 「XX 2024 年政府信息公开工作年度报告」. */
export const REPORT_TITLE_SUFFIX = '年政府信息公开工作年度报告';
export const reportTitle = (agency: string, year: number | null): string => `${agency.trim() || '（机关名称）'}${year ?? '　　'}${REPORT_TITLE_SUFFIX}`;
