/** ONE engine: evaluate(report, previousYear?) → Finding[]. Findings are derived, never stored. */
import type { Report } from '../report/document';
import type { CellId } from '../format/types';
import { BUILT_IN_CHECKS } from './checks';
import type { Check, CheckContext, PreviousYear } from '../findings/check';
import { SEVERITY_ORDER, type Finding } from '../findings/finding';
import { NARRATIVE_CHECKS, capped } from '../narrative';
import { templateReviewCheck } from '../narrative/template-review';
import { withCellValues } from './cell-values';

/** Every check the engine runs, in order. The narrative checks join this list (shared/narrative). */
const CHECKS: readonly Check[] = [...BUILT_IN_CHECKS, capped(templateReviewCheck), ...NARRATIVE_CHECKS];

/**
 * Which report is last year's, decided once for every check: the previous-year report the caller gives explicitly
 * (CLI `--previous`, the comparison view) wins over the baseline saved in the report (made from last year's report
 * when the template was created), because it is the one the person chose for this evaluation. Template review,
 * text reuse and the cross-year checks all read this one.
 */
export const lastYearOf = (report: Report, previousYear?: PreviousYear | Report | null): PreviousYear | null => previousYear ?? report.baseline ?? null;

/** One empty set for every evaluation without import notes, so per-section results are kept between keystrokes. */
const NO_CELLS: ReadonlySet<CellId> = new Set();

export type EvaluateOptions = {
  /** Cells whose row a reader flagged as uncertain (ImportNote.cells of warnings): no narrative finding accuses the text against them. */
  readonly uncertainCells?: Iterable<CellId>;
};

export const evaluate = (report: Report, previousYear?: PreviousYear | Report | null, options: EvaluateOptions = {}): Finding[] => {
  const ctx: CheckContext = {
    report,
    previous: lastYearOf(report, previousYear),
    uncertain: options.uncertainCells ? new Set(options.uncertainCells) : NO_CELLS,
  };
  const out: Finding[] = [];
  withCellValues(report.cells, () => {
    for (const check of CHECKS) {
      try {
        out.push(...check(ctx));
      } catch (e) {
        // A check never takes the editor down; it reports itself instead.
        out.push({ code: 'CHECK-FAILED', severity: 'info', cells: [], message: `检查程序出错：${(e as Error).message}` });
      }
    }
  });
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
};
