/**
 * The document being edited, with undo/redo (zundo) of document edits only. Everything else the
 * screen shows (findings, marks, focus) is derived or lives in the view store.
 *
 * A cell or text is edited live, keystroke by keystroke (so the checks follow the typing), inside an
 * edit session: the history is paused while it lasts and the session becomes one undo step when it ends.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { CellId, NarrativeId, TableId } from '../../shared/format/types';
import { type CellValue, type Report, type SignOff, createReport } from '../../shared/report/document';
import { computeTotals } from '../../shared/report/totals';

export type DocState = {
  readonly report: Report;
};

/** The totals follow their parts whenever 合计自动计算 is on. */
export const withTotals = (r: Report): Report => (r.settings.autoTotals ? { ...r, cells: computeTotals(r.cells) } : r);

export const useDoc = create<DocState>()(
  temporal(() => ({ report: withTotals(createReport()) }), {
    partialize: (s) => ({ report: s.report }),
    equality: (a, b) => a.report === b.report,
    limit: 500,
  }),
);

const history = () => useDoc.temporal.getState();
const current = () => useDoc.getState().report;
const put = (report: Report) => useDoc.setState({ report });

let session: { key: string; before: Report } | null = null;

/** Starts (or continues) an edit session on one field; the history is paused until it ends. */
const touch = (key: string) => {
  if (session?.key === key) return;
  endEdit();
  session = { key, before: current() };
  history().pause();
};

/** Ends the edit session: one undo step from the state before it to now (none if nothing changed). */
export const endEdit = (): void => {
  if (!session) return;
  const { before } = session;
  session = null;
  const after = current();
  if (after === before) {
    history().resume();
    return;
  }
  put(before);
  history().resume();
  put(after);
};

/** Ends the edit session, dropping what it changed (Esc). */
export const cancelEdit = (): void => {
  if (!session) return;
  const { before } = session;
  session = null;
  put(before);
  history().resume();
};

const setCellsNow = (values: Record<CellId, CellValue>) => {
  const r = current();
  put(withTotals({ ...r, cells: { ...r.cells, ...values } }));
};

/** Whether the edit under way changed the document: it is an undo step not yet in the history (撤销 enabled). */
export const editChanged = (report: Report): boolean => session !== null && session.before !== report;

/** A live keystroke in a cell (part of the cell's edit session). */
export const typeCell = (id: CellId, value: CellValue): void => {
  touch(`cell:${id}`);
  if (current().cells[id] === value) return;
  setCellsNow({ [id]: value });
};

/** The value a cell had when its edit session began (its value now when none is under way). */
export const valueBeforeEdit = (id: CellId): CellValue => (session?.key === `cell:${id}` ? session.before : current()).cells[id] ?? null;

/** Restores one cell to its value before the session (a typed value that cannot stand is dropped). */
export const revertCell = (id: CellId): void => {
  if (session?.key !== `cell:${id}`) return;
  cancelEdit();
};

/** A paste: one undo step for the whole block. */
export const setCells = (values: Record<CellId, CellValue>): void => {
  endEdit();
  if (!Object.keys(values).length) return;
  setCellsNow(values);
};

/** Where a text's undo steps break: after a sentence, a clause or a line, as a word processor undoes a typing run. */
const STEP_BREAK = /[。！？；，\n]/;

/**
 * A keystroke in a text: part of the field's edit session, except that typing on after 。，；！？ or a new line starts
 * a new undo step. A text entered once and written in for an hour was one step: one Ctrl+Z took all of it back.
 */
const touchText = (key: string, before: string, after: string) => {
  if (session?.key === key) {
    let i = 0;
    while (i < before.length && before[i] === after[i]) i++;
    if (i > 0 && STEP_BREAK.test(before[i - 1]!)) endEdit();
  }
  touch(key);
};

export const typeNarrative = (id: NarrativeId, text: string): void => {
  touchText(`narrative:${id}`, current().narratives[id], text);
  const r = current();
  put({ ...r, narratives: { ...r.narratives, [id]: text } });
};

export const typeTableText = (id: TableId, text: string): void => {
  touchText(`tableText:${id}`, current().tableTexts[id], text);
  const r = current();
  put({ ...r, tableTexts: { ...r.tableTexts, [id]: text } });
};

export const typeAgency = (agency: string): void => {
  touch('agency');
  put({ ...current(), agency });
};

export const typeSignOff = (part: keyof SignOff, text: string): void => {
  touch(`signOff:${part}`);
  const r = current();
  put({ ...r, signOff: { ...r.signOff, [part]: text } });
};

export const typeYear = (year: number | null): void => {
  touch('year');
  put({ ...current(), year });
};

export const setAutoTotals = (on: boolean): void => {
  endEdit();
  const r = current();
  put(withTotals({ ...r, settings: { ...r.settings, autoTotals: on } }));
};

/** A new document: its own history starts empty. */
export const loadReport = (report: Report): void => {
  session = null;
  history().pause();
  put(withTotals(report));
  history().resume();
  history().clear();
};

export const undo = (): void => {
  endEdit();
  history().undo();
};
export const redo = (): void => {
  endEdit();
  history().redo();
};

/** Text put in by a command (插入标准表述): one undo step of its own. */
export const setNarrative = (id: NarrativeId, text: string): void => {
  endEdit();
  const r = current();
  put({ ...r, narratives: { ...r.narratives, [id]: text } });
};
