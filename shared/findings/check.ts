/** What a check is: a function of this year's report (and last year's, when known) to findings. */
import type { Cells, Report } from '../report/document';
import type { Finding } from './finding';
import type { CellId } from '../format/types';

export type PreviousYear = { readonly agency: string; readonly year: number | null; readonly cells: Cells; readonly narratives?: Report['narratives'] };
/**
 * What every check sees. `previous` is THE last year, resolved once by evaluate() (see lastYearOf): checks never
 * look at report.baseline themselves. `uncertain`: cells a reader marked as not read for sure (a note on their row);
 * the narrative checks do not accuse the text of disagreeing with them.
 */
export type CheckContext = { readonly report: Report; readonly previous: PreviousYear | null; readonly uncertain: ReadonlySet<CellId> };
export type Check = (ctx: CheckContext) => Finding[];
