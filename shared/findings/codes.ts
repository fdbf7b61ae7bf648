/**
 * The one registry of finding codes: each code's severity (the most severe it is given), its title, and what a view
 * does with it. The CLI (`disclosure-report codes`), the editor's findings panel and docs/findings.md read it; a test
 * keeps every code the checks give and the docs' table equal to it.
 */
import { NARRATIVE_IDS } from '../format/sections';
import type { NarrativeId } from '../format/types';
import type { Finding, FindingTarget, Severity } from './finding';

export type FindingCode = {
  readonly code: string;
  readonly severity: Severity;
  /** What the code is about, in the words of the editor. */
  readonly title: string;
  /** Where the finding points when it names no cells and no sentence. */
  readonly target?: FindingTarget;
  /** False when the cells named are too many to paint (every blank cell of a new report). */
  readonly marksCells?: false;
  /** Listed as one entry per section (many copied sentences are one fact about the section). */
  readonly perSection?: true;
  /** What an export asks about first besides errors: blank cells (printed as 0), a missing agency or year. */
  readonly beforeExport?: 'blank-cells' | 'missing-header';
};

const section = (s: NarrativeId): FindingTarget => ({ kind: 'section', section: s });

/**
 * 正文 against the tables: one code per statutory quantity the text can state (NARR-NEW, NARR-GRANTED, …, made from
 * the row ids in shared/narrative/quantities.ts), all with this entry.
 */
export const NARRATIVE_TABLE_CODE: FindingCode = { code: 'NARR-*', severity: 'warning', title: '正文所述数字与表格不一致' };

export const FINDING_CODES: readonly FindingCode[] = [
  { code: 'T3-ROW-TOTAL', severity: 'error', title: '表三 一行的总计不等于各类申请人之和' },
  { code: 'T3-COL-TOTAL', severity: 'error', title: '表三 （七）总计不等于各项办理结果之和' },
  { code: 'T3-BALANCE', severity: 'error', title: '表三 新收加上年结转不等于办理结果加结转下年' },
  { code: 'T4-TOTAL', severity: 'error', title: '表四 总计不等于各项结果之和' },
  { code: 'VALUE-INVALID', severity: 'error', title: '单元格的值无效（非整数、负数或金额格式不对）' },
  { code: 'VALUE-IMPLAUSIBLE', severity: 'warning', title: '单元格的值大得不合常理' },
  { code: 'BLANK-CELLS', severity: 'warning', title: '有未填写的单元格', marksCells: false, beforeExport: 'blank-cells' },
  { code: 'NARRATIVE-EMPTY', severity: 'warning', title: '正文部分尚未填写' },
  { code: 'AGENCY-EMPTY', severity: 'warning', title: '未填写机关名称', target: { kind: 'header', field: 'agency' }, beforeExport: 'missing-header' },
  { code: 'YEAR-EMPTY', severity: 'warning', title: '未填写报告年度', target: { kind: 'header', field: 'year' }, beforeExport: 'missing-header' },
  { code: 'T2-EFFECTIVE-LT-ISSUED', severity: 'info', title: '表二 现行有效件数少于本年制发件数' },
  { code: 'X-YEAR', severity: 'warning', title: '上年报告不是相邻年度', target: { kind: 'header', field: 'year' } },
  { code: 'X-AGENCY', severity: 'warning', title: '上年报告的机关名称不同', target: { kind: 'header', field: 'agency' } },
  { code: 'X-CARRY', severity: 'warning', title: '上年结转不等于上年报告的结转下年' },
  { code: 'X-EFFECTIVE', severity: 'warning', title: '现行有效件数与上年及本年制发、废止不符' },
  { code: 'TEMPLATE-REVIEW', severity: 'info', title: '沿用上年的正文中有需复核的数字或年份' },
  { code: 'NARR-SUM', severity: 'warning', title: '正文所述各项办理结果之和与办结总数不符' },
  { code: 'NARR-GROUPS', severity: 'warning', title: '正文合称的几项办理结果与表格之和不一致' },
  { code: 'NARR-YEAR', severity: 'warning', title: '正文写的年份不是本报告年度' },
  { code: 'NARR-PLACEHOLDER', severity: 'warning', title: '正文中有未替换的占位文字' },
  { code: 'NARR-FEES', severity: 'warning', title: '第六部分未说明收取信息处理费情况', target: section('other_matters') },
  { code: 'NARR-REUSED', severity: 'warning', title: '正文大量沿用上年报告的文字', perSection: true },
  { code: 'NARR-OVERVIEW-TOPIC', severity: 'warning', title: '总体情况缺少格式要求的方面', target: section('overview') },
  { code: 'NARR-PROBLEMS-HALF', severity: 'warning', title: '第五部分缺少上年度问题整改情况或本年度问题及改进措施', target: section('problems') },
  { code: 'NARR-OPENING', severity: 'info', title: '开头未写统计期限或联系方式', target: section('overview') },
  { code: 'NARR-TITLE', severity: 'info', title: '报告标题不合格式', target: { kind: 'header', field: 'agency' } },
  { code: 'NARR-GOV-ASSESSMENT', severity: 'info', title: '未报告工作考核、社会评议和责任追究结果', target: section('overview') },
  { code: 'CHECK-FAILED', severity: 'info', title: '检查程序出错' },
];

const BY_CODE = new Map(FINDING_CODES.map((c) => [c.code, c]));

/** A code's entry; the 正文-against-table codes share one. Undefined only for a code nobody registered. */
export const codeInfo = (code: string): FindingCode | undefined => BY_CODE.get(code) ?? (code.startsWith('NARR-') ? NARRATIVE_TABLE_CODE : undefined);

const isNarrativeId = (s: string): s is NarrativeId => (NARRATIVE_IDS as readonly string[]).includes(s);

/** Where a finding points: its own target, else its sentence, else its cells, else its code's. */
export const targetOf = (f: Finding): FindingTarget => {
  if (f.target) return f.target;
  if (f.narrative && isNarrativeId(f.narrative.section))
    return { kind: 'narrative', section: f.narrative.section, start: f.narrative.start, end: f.narrative.end };
  if (f.cells.length) return { kind: 'cells', cells: f.cells };
  return codeInfo(f.code)?.target ?? { kind: 'none' };
};
