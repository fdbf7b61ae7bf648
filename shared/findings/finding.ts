import type { CellId } from '../format/types';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One result of a check. `cells` names every cell of the rule so a view can paint them;
 * `message` says in Chinese what is expected, what was found and which rule.
 */
export type Finding = {
  readonly code: string;
  readonly severity: Severity;
  readonly cells: readonly CellId[];
  readonly message: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
  /** For narrative findings: where in which section the sentence stands. */
  readonly narrative?: { readonly section: string; readonly start: number; readonly end: number; readonly quote: string };
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
