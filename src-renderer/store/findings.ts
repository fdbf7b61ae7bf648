/**
 * Findings are derived from the document, never stored: one evaluate() per document version,
 * shared by every subscriber (the panel, the counts and the 200 cells).
 */
import { cellDef } from '../../shared/format/cells';
import type { CellId, NarrativeId, TableId } from '../../shared/format/types';
import { narrativeHeading } from '../../shared/format/sections';
import type { CellValue, Report } from '../../shared/report/document';
import { evaluate } from '../../shared/rules/evaluate';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../shared/findings/finding';
import { codeInfo, targetOf } from '../../shared/findings/codes';
import { TABLE_IDS } from '../../shared/format/header-layout';

/**
 * strong: the cell most likely at fault (the total of a failed sum, a cell in two failed rules, or
 * one of a rule's few cells) gets the full mark and icon; the other parts of a long sum only a tint,
 * so one mistyped cell does not paint a whole column red.
 */
export type CellMark = { readonly severity: Severity; readonly strong: boolean; readonly title: string };
export type Derived = {
  readonly report: Report;
  readonly findings: readonly Finding[];
  /** What the panel lists: the findings, with those of a perSection code (shared/findings/codes.ts) folded into one entry per section. */
  readonly entries: readonly FindingEntry[];
  readonly marks: ReadonlyMap<CellId, CellMark>;
  /** Counted by entry: a section of copied sentences is one warning, as the clerk reads it. */
  readonly counts: Record<Severity, number>;
  /** Increases with every evaluation: the panel carries it so a change is visible in the DOM. */
  readonly rev: number;
};

/**
 * One entry of the panel: a finding, or one standing for many of one code in one section (members), as
 * 「五、… 有 24 句与上年报告相同或几乎相同」 instead of 24 lines; the members stay a click away.
 */
export type FindingEntry = { readonly finding: Finding; readonly members?: readonly Finding[] };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The one entry for a section's copied sentences: their count and their share of the section's text. */
const reusedEntry = (section: string, members: readonly Finding[], report: Report): FindingEntry => {
  const first = members[0]!;
  const text = report.narratives[section as NarrativeId] ?? '';
  const chars = members.reduce((n, f) => n + (f.narrative ? f.narrative.end - f.narrative.start : 0), 0);
  const share = text.length ? Math.min(1, chars / text.length) : 0;
  const whole = first.actual !== undefined ? `（全部正文 ${String(first.actual)} 沿用上年）` : '';
  return {
    finding: {
      ...first,
      message: `「${narrativeHeading(section as NarrativeId)}」有 ${members.length} 句与上年报告相同或几乎相同，约占本部分文字的 ${pct(share)}${whole}。内容雷同易被评议指出，请结合本年度工作重写。`,
    },
    members,
  };
};

const entriesOf = (findings: readonly Finding[], report: Report): FindingEntry[] => {
  const out: FindingEntry[] = [];
  const folded = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!codeInfo(f.code)?.perSection || !f.narrative) {
      out.push({ finding: f });
      continue;
    }
    const key = `${f.code}\u0000${f.narrative.section}`;
    const list = folded.get(key);
    if (list) list.push(f);
    else {
      const members = [f];
      folded.set(key, members);
      // the entry takes the place of the section's first sentence; its members grow as they come
      out.push({ finding: f, members });
    }
  }
  return out.map((e) => (e.members ? (e.members.length > 1 ? reusedEntry(e.finding.narrative!.section, e.members, report) : { finding: e.finding }) : e));
};

const isTableId = (s: string): s is TableId => (TABLE_IDS as readonly string[]).includes(s);

let last: Derived | null = null;
let rev = 0;

/**
 * Cells of rows the reader of the opened file was not sure of, with the value it read: while a cell keeps that value,
 * the narrative checks do not accuse the text against it; once the clerk changes it, it is theirs and checked.
 */
let uncertain: { readonly read: ReadonlyMap<CellId, CellValue>; key: string; ids: readonly CellId[] } = { read: new Map(), key: '', ids: [] };

export const setUncertainCells = (report: Report, ids: readonly CellId[]): void => {
  uncertain = { read: new Map(ids.map((id) => [id, report.cells[id] ?? null])), key: '', ids: [] };
  last = null;
};

/** The uncertain cells still holding the value read, as the same array while that set does not change. */
const stillUncertain = (report: Report): readonly CellId[] => {
  if (!uncertain.read.size) return uncertain.ids;
  const ids = [...uncertain.read].filter(([id, v]) => (report.cells[id] ?? null) === v).map(([id]) => id);
  const key = ids.join(',');
  if (key !== uncertain.key) uncertain = { ...uncertain, key, ids };
  return uncertain.ids;
};

export const derive = (report: Report): Derived => {
  if (last && last.report === report) return last;
  const ids = stillUncertain(report);
  const findings = evaluate(report, undefined, ids.length ? { uncertainCells: ids } : {});
  const marks = new Map<CellId, { severity: Severity; lines: string[]; hits: number; strong: boolean }>();
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const entries = entriesOf(findings, report);
  for (const e of entries) counts[e.finding.severity]++;
  for (const f of findings) {
    // a finding naming every blank cell is listed, not painted (the registry says so): a new report would be all yellow
    if (codeInfo(f.code)?.marksCells === false) continue;
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
  last = { report, findings, entries, marks: frozen, counts, rev: ++rev };
  return last;
};

/**
 * What an export would hide from its reader: errors, blank cells (printed as 0) and a missing agency or year.
 * Any of them and the clerk is asked first; an export made anyway is marked as a draft.
 */
export type ExportConcerns = { readonly errors: readonly Finding[]; readonly blankCells: number; readonly missing: readonly Finding[]; readonly any: boolean };

export const exportConcerns = (findings: readonly Finding[]): ExportConcerns => {
  const errors = findings.filter((f) => f.severity === 'error');
  const blankCells = findings.reduce((n, f) => n + (codeInfo(f.code)?.beforeExport === 'blank-cells' ? f.cells.length : 0), 0);
  const missing = findings.filter((f) => codeInfo(f.code)?.beforeExport === 'missing-header');
  return { errors, blankCells, missing, any: errors.length > 0 || blankCells > 0 || missing.length > 0 };
};

export type FindingGroup = { readonly key: TableId | 'narrative' | 'general'; readonly label: string; readonly findings: readonly Finding[] };

const GROUP_LABEL: Record<FindingGroup['key'], string> = {
  t2: '表二 主动公开',
  t3: '表三 依申请公开',
  t4: '表四 复议诉讼',
  narrative: '正文',
  general: '基本信息',
};
const GROUP_ORDER: readonly FindingGroup['key'][] = ['t3', 't2', 't4', 'narrative', 'general'];

/** The panel's group of a finding, from where it points: a table's cells or section, the text, or the header. */
export const groupOf = (f: Finding): FindingGroup['key'] => {
  const t = targetOf(f);
  if (t.kind === 'narrative') return 'narrative';
  if (t.kind === 'section') return isTableId(t.section) ? t.section : 'narrative';
  if (t.kind === 'cells') return cellDef(t.cells[0]!)?.table ?? 'general';
  return 'general';
};

type Grouped<T> = { readonly key: FindingGroup['key']; readonly label: string; readonly items: readonly T[] };

const groupBy = <T>(items: readonly T[], finding: (t: T) => Finding): Grouped<T>[] => {
  const by = new Map<FindingGroup['key'], T[]>();
  for (const t of items) {
    const k = groupOf(finding(t));
    (by.get(k) ?? by.set(k, []).get(k)!).push(t);
  }
  return GROUP_ORDER.filter((k) => by.has(k)).map((k) => ({ key: k, label: GROUP_LABEL[k], items: by.get(k)! }));
};

export const groupFindings = (findings: readonly Finding[]): FindingGroup[] =>
  groupBy(findings, (f) => f).map((g) => ({ key: g.key, label: g.label, findings: g.items }));

export type EntryGroup = { readonly key: FindingGroup['key']; readonly label: string; readonly entries: readonly FindingEntry[] };

let lastGroups: { entries: readonly FindingEntry[]; groups: EntryGroup[] } | null = null;

/** The panel's groups (表三, 表二, 表四, 正文, 基本信息), made once per document version. */
export const groupEntries = (entries: readonly FindingEntry[]): EntryGroup[] => {
  if (lastGroups?.entries === entries) return lastGroups.groups;
  const groups = groupBy(entries, (e) => e.finding).map((g) => ({ key: g.key, label: g.label, entries: g.items }));
  lastGroups = { entries, groups };
  return groups;
};
