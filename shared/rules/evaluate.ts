/** ONE engine: evaluate(report, previousYear?) → Finding[]. Findings are derived, never stored. */
import type { Report } from '../report/document';
import { BUILT_IN_CHECKS } from './checks';
import type { Check, PreviousYear } from '../findings/check';
import { SEVERITY_ORDER, type Finding } from '../findings/finding';
import { NARRATIVE_CHECKS } from '../narrative';
import { templateReviewCheck } from '../narrative/template-review';

/** Every check the engine runs, in order. The narrative checks join this list (shared/narrative). */
const CHECKS: readonly Check[] = [...BUILT_IN_CHECKS, templateReviewCheck, ...NARRATIVE_CHECKS];

export const evaluate = (report: Report, previousYear?: PreviousYear | Report | null): Finding[] => {
  const previous = previousYear ?? report.baseline ?? null;
  const ctx = { report, previous };
  const out: Finding[] = [];
  for (const check of CHECKS) {
    try {
      out.push(...check(ctx));
    } catch (e) {
      // A check never takes the editor down; it reports itself instead.
      out.push({ code: 'CHECK-FAILED', severity: 'info', cells: [], message: `检查程序出错：${(e as Error).message}` });
    }
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
};

export const countBySeverity = (fs: readonly Finding[]) => ({
  error: fs.filter((f) => f.severity === 'error').length,
  warning: fs.filter((f) => f.severity === 'warning').length,
  info: fs.filter((f) => f.severity === 'info').length,
});
