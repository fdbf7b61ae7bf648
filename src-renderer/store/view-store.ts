/** What the screen shows besides the document: the cell being typed in, selection, hints, dialogs, file. */
import { create } from 'zustand';
import type { CellId } from '../../shared/format/types';
import type { Report } from '../../shared/report/document';
import type { OpenedReport } from '../../shared/ipc';
import type { Rect } from '../model/grid';

export type CellEdit = {
  readonly cellId: CellId;
  /** The text as typed (may be an unfinished number such as 「1,2」 that is not a value yet). */
  readonly draft: string;
  /** F2 / double-click: the arrows move the caret instead of leaving the cell. */
  readonly caret: boolean;
  /** Why the text as typed is not a value (shown with the cell marked as an error); null while it is one or may still become one. */
  readonly refused: string | null;
};

export type Dialog =
  | { readonly kind: 'paste-text' }
  | { readonly kind: 'help' }
  /** A command that failed (a file that cannot be opened…): said where the clerk looks, not only in the status bar. */
  | { readonly kind: 'error'; readonly title: string; readonly message: string }
  | { readonly kind: 'confirm-export'; readonly exportKind: 'docx' | 'xlsx' | 'html' }
  | null;

export type ViewState = {
  readonly edit: CellEdit | null;
  readonly anchor: CellId | null;
  readonly selection: Rect | null;
  readonly hints: Readonly<Record<CellId, string>>;
  /** Cells a bulk paste left out, each with why: marked and explained on hover, summed up in the status bar. */
  readonly flags: Readonly<Record<CellId, string>>;
  readonly status: { readonly text: string; readonly tone: 'info' | 'error' | 'ok' } | null;
  readonly fileName: string | null;
  readonly savedReport: Report | null;
  readonly opened: Pick<OpenedReport, 'source' | 'notes' | 'fileName' | 'sourceTexts'> | null;
  readonly dialog: Dialog;
  readonly busy: boolean;
};

export const useView = create<ViewState>()(() => ({
  edit: null,
  anchor: null,
  selection: null,
  hints: {},
  flags: {},
  status: null,
  fileName: null,
  savedReport: null,
  opened: null,
  dialog: null,
  busy: false,
}));

type Faded = 'hints' | 'flags';
const timers: Record<Faded, Map<CellId, ReturnType<typeof setTimeout>>> = { hints: new Map(), flags: new Map() };

const drop = (kind: Faded, id: CellId): void => {
  clearTimeout(timers[kind].get(id));
  timers[kind].delete(id);
  useView.setState((s) => {
    const { [id]: _gone, ...rest } = s[kind];
    return { [kind]: rest };
  });
};

const showFading = (kind: Faded, notes: Record<CellId, string>, ms: number): void => {
  const ids = Object.keys(notes) as CellId[];
  if (!ids.length) return;
  useView.setState((s) => ({ [kind]: { ...s[kind], ...notes } }));
  for (const id of ids) {
    clearTimeout(timers[kind].get(id));
    timers[kind].set(
      id,
      setTimeout(() => drop(kind, id), ms),
    );
  }
};

/** A short hint beside a cell (refused input); it fades after a few seconds. */
export const showHints = (hints: Record<CellId, string>): void => showFading('hints', hints, 4000);

/** Cells left out by a paste: marked (the reason on hover) until the clerk has had time to see them. */
export const showFlags = (flags: Record<CellId, string>): void => showFading('flags', flags, 15000);

export const clearHint = (id: CellId): void => {
  if (id in useView.getState().hints) drop('hints', id);
  if (id in useView.getState().flags) drop('flags', id);
};

let statusTimer: ReturnType<typeof setTimeout> | undefined;
export const setStatus = (text: string, tone: 'info' | 'error' | 'ok' = 'info'): void => {
  clearTimeout(statusTimer);
  useView.setState({ status: { text, tone } });
  if (tone !== 'error') statusTimer = setTimeout(() => useView.setState({ status: null }), 6000);
};
