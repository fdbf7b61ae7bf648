/**
 * 汇总多个报告 in the app: the sources read by the host become one draft report for the clerk, with
 * notes on what was summed, what could not be read and what the sources themselves get wrong.
 * The CLI prints the same information; this is its shape for the editor's import panel.
 */
import { consolidate, type ConsolidationSource } from './consolidate';
import type { Report } from '../report/document';

export type Unreadable = { readonly name: string; readonly message: string };

export type ConsolidationDraft = { readonly ok: true; readonly report: Report; readonly notes: readonly string[] } | { readonly ok: false; readonly message: string };

export const consolidationDraft = (sources: readonly ConsolidationSource[], unreadable: readonly Unreadable[]): ConsolidationDraft => {
  if (sources.length === 0)
    return { ok: false, message: unreadable.length ? `所选文件都无法读取：\n${unreadable.map((u) => `${u.name}：${u.message}`).join('\n')}` : '没有选择要汇总的报告' };
  const res = consolidate(sources);
  if (!res.ok) return { ok: false, message: res.message };
  const notes = [
    `已逐格汇总 ${res.sources.length} 份报告（正文留空，请填写本级报告的文字部分；机关名称请填写汇总单位）：`,
    ...res.sources.map((s) => {
      const errors = s.findings.filter((f) => f.severity === 'error').length;
      return `${s.name}：${s.agency || '（未填机关名称）'} ${s.year ?? ''}${errors ? `，自身有 ${errors} 个错误，请先核对` : ''}`;
    }),
    ...unreadable.map((u) => `未能读取，未计入汇总：${u.name}：${u.message}`),
    ...res.notes,
  ];
  return { ok: true, report: res.report, notes };
};
