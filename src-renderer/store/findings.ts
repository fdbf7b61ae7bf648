/**
 * Findings are derived from the document, never stored: one evaluate() per document version,
 * shared by every subscriber (the panel, the counts and the 200 cells).
 */
import { cellDef } from '../../shared/format/cells';
import type { CellId, TableId } from '../../shared/format/types';
import type { Report } from '../../shared/report/document';
import { evaluate } from '../../shared/rules/evaluate';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../shared/findings/finding';

/**
 * strong: the cell most likely at fault (the total of a failed sum, a cell in two failed rules, or
 * one of a rule's few cells) gets the full mark and icon; the other parts of a long sum only a tint,
 * so one mistyped cell does not paint a whole column red.
 */
export type CellMark = { readonly severity: Severity; readonly strong: boolean; readonly title: string };
export type Derived = {
  readonly report: Report;
  readonly findings: readonly Finding[];
  readonly marks: ReadonlyMap<CellId, CellMark>;
  readonly counts: Record<Severity, number>;
  /** Increases with every evaluation: the panel carries it so a change is visible in the DOM. */
  readonly rev: number;
};

/** Findings that name every blank cell are listed, not painted: a new report would be all yellow. */
const UNPAINTED = new Set(['BLANK-CELLS']);

let last: Derived | null = null;
let rev = 0;

export const derive = (report: Report): Derived => {
  if (last && last.report === report) return last;
  const findings = evaluate(report);
  const marks = new Map<CellId, { severity: Severity; lines: string[]; hits: number; strong: boolean }>();
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    counts[f.severity]++;
    if (UNPAINTED.has(f.code)) continue;
    f.cells.forEach((id, i) => {
      const strong = i === 0 || f.cells.length <= 4;
      const m = marks.get(id);
      if (!m) marks.set(id, { severity: f.severity, lines: [f.message], hits: 1, strong });
      else {
        if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[m.severity]) m.severity = f.severity;
        if (!m.lines.includes(f.message)) m.lines.push(f.message);
        m.hits++;
        m.strong ||= strong || m.hits >= 2;
      }
    });
  }
  const frozen = new Map<CellId, CellMark>();
  for (const [id, m] of marks) frozen.set(id, { severity: m.severity, strong: m.strong, title: m.lines.join('\n') });
  last = { report, findings, marks: frozen, counts, rev: ++rev };
  return last;
};

/**
 * What an export would hide from its reader: errors, blank cells (printed as 0) and a missing agency or year.
 * Any of them and the clerk is asked first; an export made anyway is marked as a draft.
 */
export type ExportConcerns = { readonly errors: readonly Finding[]; readonly blankCells: number; readonly missing: readonly Finding[]; readonly any: boolean };

export const exportConcerns = (findings: readonly Finding[]): ExportConcerns => {
  const errors = findings.filter((f) => f.severity === 'error');
  const blankCells = findings.reduce((n, f) => n + (f.code === 'BLANK-CELLS' ? f.cells.length : 0), 0);
  const missing = findings.filter((f) => f.code === 'AGENCY-EMPTY' || f.code === 'YEAR-EMPTY');
  return { errors, blankCells, missing, any: errors.length > 0 || blankCells > 0 || missing.length > 0 };
};

export type FindingGroup = { readonly key: TableId | 'narrative' | 'general'; readonly label: string; readonly findings: readonly Finding[] };

const GROUP_LABEL: Record<FindingGroup['key'], string> = { t2: '表二 主动公开', t3: '表三 依申请公开', t4: '表四 复议诉讼', narrative: '正文', general: '基本信息' };
const GROUP_ORDER: readonly FindingGroup['key'][] = ['t3', 't2', 't4', 'narrative', 'general'];

export const groupOf = (f: Finding): FindingGroup['key'] => {
  if (f.narrative || f.code.startsWith('NARR')) return 'narrative';
  const first = f.cells[0];
  const def = first ? cellDef(first) : undefined;
  return def ? def.table : 'general';
};

let lastGroups: { findings: readonly Finding[]; groups: FindingGroup[] } | null = null;

export const groupFindings = (findings: readonly Finding[]): FindingGroup[] => {
  if (lastGroups?.findings === findings) return lastGroups.groups;
  const by = new Map<FindingGroup['key'], Finding[]>();
  for (const f of findings) {
    const k = groupOf(f);
    (by.get(k) ?? by.set(k, []).get(k)!).push(f);
  }
  const groups = GROUP_ORDER.filter((k) => by.has(k)).map((k) => ({ key: k, label: GROUP_LABEL[k], findings: by.get(k)! }));
  lastGroups = { findings, groups };
  return groups;
};
