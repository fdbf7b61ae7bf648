import type { CellId, NarrativeId, TableId } from '../format/types';

export type Severity = 'error' | 'warning' | 'info';

/** A field of the report's header (or its 落款) a finding is about. */
export type HeaderField = 'agency' | 'year' | 'signOff.agency' | 'signOff.date';

/**
 * Where a finding points, so a view goes there without reading codes or messages: cells of the tables, a range
 * of a narrative section's text, a whole section (a table or a narrative), or a header field.
 */
export type FindingTarget =
  | { readonly kind: 'cells'; readonly cells: readonly CellId[] }
  | { readonly kind: 'narrative'; readonly section: NarrativeId; readonly start: number; readonly end: number }
  | { readonly kind: 'section'; readonly section: NarrativeId | TableId }
  | { readonly kind: 'header'; readonly field: HeaderField }
  | { readonly kind: 'none' };

/**
 * One result of a check. `cells` names every cell of the rule so a view can paint them;
 * `message` says in Chinese what is expected, what was found and which rule. `target` says where a view goes:
 * a check sets it when neither its sentence nor its cells say it; targetOf() (codes.ts) gives it for every finding.
 *
 * Why `target` stays optional: of the thirty-odd places in shared/rules and shared/narrative that build findings, only
 * one (NARRATIVE-EMPTY, one per section under one code) has a place its sentence, cells and code do not already say.
 * Required, every other producer would write the same place twice — `narrative` beside `{ kind: 'narrative', … }`,
 * `cells` beside `{ kind: 'cells', … }` — and the two copies could drift apart; and `validate --json` prints findings
 * as they are (docs/cli.md), so each would grow a field that repeats its neighbours. targetOf() derives it in one place instead, and is the only reader.
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
  readonly target?: FindingTarget;
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
