/**
 * 汇总多个报告, once for every host: files opened by openReportBytes are summed cell by cell; files
 * that could not be read are listed, never silently dropped. The CLI adds them as its workers finish
 * (thousands of reports are summed without holding them all) and decides by its flags whether
 * unreadable files stop the run; the editor gets one draft with notes.
 */
import type { OpenedReport } from './opened-report';
import { type ConsolidateOptions, type ConsolidateResult, Consolidator } from './consolidate';
import type { Finding } from '../findings/finding';
import type { OpenOutcome, Refusal } from './open-report';

export type Unreadable = { readonly name: string; readonly message: string };

export class FileConsolidation {
  private readonly consolidator = new Consolidator();
  private readonly unreadableFiles: Unreadable[] = [];
  private readCount = 0;

  /** findings: the report's own findings when a worker has already evaluated it. */
  add(name: string, outcome: OpenOutcome, findings?: readonly Finding[]): void {
    if (outcome.ok) {
      this.consolidator.add(name, outcome.report, findings);
      this.readCount++;
    } else this.unreadableFiles.push({ name, message: outcome.message });
  }

  get unreadable(): readonly Unreadable[] {
    return this.unreadableFiles;
  }

  finish(options: ConsolidateOptions = {}): ConsolidateResult | Refusal {
    if (this.readCount === 0)
      return {
        ok: false,
        message: this.unreadableFiles.length
          ? `所选文件都无法读取：\n${this.unreadableFiles.map((u) => `${u.name}：${u.message}`).join('\n')}`
          : '没有选择要汇总的报告',
      };
    return this.consolidator.finish(options);
  }
}

/** The editor's 汇总多个报告: one unsaved draft, with what was summed, what was not, and what the sources get wrong. */
export const consolidateFiles = (files: readonly { readonly name: string; readonly outcome: OpenOutcome }[]): OpenedReport | Refusal => {
  const c = new FileConsolidation();
  for (const f of files) c.add(f.name, f.outcome);
  const res = c.finish();
  if (!res.ok) return { ok: false, message: res.message };
  const notes = [
    `已逐格汇总 ${res.sources.length} 份报告（正文留空，请填写本级报告的文字部分；机关名称请填写汇总单位）：`,
    ...res.sources.map((s) => {
      const errors = s.findings.filter((f) => f.severity === 'error').length;
      return `${s.name}：${s.agency || '（未填机关名称）'} ${s.year ?? ''}${errors ? `，自身有 ${errors} 个错误，请先核对` : ''}`;
    }),
    ...c.unreadable.map((u) => `未能读取，未计入汇总：${u.name}：${u.message}`),
    ...res.notes,
  ];
  return { report: res.report, fileName: null, source: 'consolidation', notes };
};
