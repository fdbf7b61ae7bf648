/** What a check is: a function of this year's report (and last year's, when known) to findings. */
import type { Cells, Report } from '../report/document';
import type { Finding } from './finding';

export type PreviousYear = { readonly agency: string; readonly year: number | null; readonly cells: Cells; readonly narratives?: Report['narratives'] };
export type CheckContext = { readonly report: Report; readonly previous: PreviousYear | null };
export type Check = (ctx: CheckContext) => Finding[];
