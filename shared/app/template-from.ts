/**
 * 以上年报告为模板新建, once for every host: this year's draft from last year's report as opened by
 * openReportBytes, checked by restore() before any host shows or writes it.
 */
import type { OpenedReport } from './opened-report';
import { type Report, serialiseReport } from '../report/document';
import { restore } from '../report/restore';
import { templateFromLastYear } from '../report/template';
import { noteText, type OpenedFile, type Refusal } from './open-report';

export type Template = {
  readonly ok: true;
  readonly report: Report;
  /** What the template carried over and what is left to fill (the CLI prints these, the editor shows them). */
  readonly notes: readonly string[];
};

export const templateFrom = (last: OpenedFile, year?: number): Template | Refusal => {
  const made = templateFromLastYear(last.report, year);
  const checked = restore(JSON.parse(serialiseReport(made.report)));
  if (!checked.ok) return { ok: false, message: `无法以该报告为模板：\n${checked.errors.slice(0, 10).join('\n')}` };
  return { ok: true, report: checked.report, notes: made.notes };
};

/** The template as the editor shows it: what it was made from first, then the template's and the reader's notes. */
export const templateForEditor = (fileName: string, last: OpenedFile, t: Template): OpenedReport => ({
  report: t.report,
  fileName: null,
  source: 'template',
  notes: [`已以「${fileName}」为模板新建${t.report.year ? `${t.report.year}年度` : ''}报告。`, ...t.notes, ...last.notes.map(noteText)],
});
