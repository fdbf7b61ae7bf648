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
};

export type Dialog =
  | { readonly kind: 'paste-text' }
  | { readonly kind: 'help' }
  | { readonly kind: 'confirm-export'; readonly exportKind: 'docx' | 'xlsx' | 'html' }
  | null;

export type ViewState = {
  readonly edit: CellEdit | null;
  readonly anchor: CellId | null;
  readonly selection: Rect | null;
  readonly hints: Readonly<Record<CellId, string>>;
  readonly status: { readonly text: string; readonly tone: 'info' | 'error' | 'ok' } | null;
  readonly fileName: string | null;
  readonly savedReport: Report | null;
  readonly opened: Pick<OpenedReport, 'source' | 'notes' | 'fileName'> | null;
  readonly dialog: Dialog;
  readonly busy: boolean;
};

export const useView = create<ViewState>()(() => ({
  edit: null,
  anchor: null,
  selection: null,
  hints: {},
  status: null,
  fileName: null,
  savedReport: null,
  opened: null,
  dialog: null,
  busy: false,
}));

const hintTimers = new Map<CellId, ReturnType<typeof setTimeout>>();

/** A short hint beside a cell (refused input); it fades after a few seconds. */
export const showHints = (hints: Record<CellId, string>): void => {
  const ids = Object.keys(hints);
  if (!ids.length) return;
  useView.setState((s) => ({ hints: { ...s.hints, ...hints } }));
  for (const id of ids) {
    clearTimeout(hintTimers.get(id));
    hintTimers.set(
      id,
      setTimeout(() => {
        hintTimers.delete(id);
        useView.setState((s) => {
          const { [id]: _gone, ...rest } = s.hints;
          return { hints: rest };
        });
      }, 4000),
    );
  }
};

export const clearHint = (id: CellId): void => {
  if (!(id in useView.getState().hints)) return;
  clearTimeout(hintTimers.get(id));
  hintTimers.delete(id);
  useView.setState((s) => {
    const { [id]: _gone, ...rest } = s.hints;
    return { hints: rest };
  });
};

let statusTimer: ReturnType<typeof setTimeout> | undefined;
export const setStatus = (text: string, tone: 'info' | 'error' | 'ok' = 'info'): void => {
  clearTimeout(statusTimer);
  useView.setState({ status: { text, tone } });
  if (tone !== 'error') statusTimer = setTimeout(() => useView.setState({ status: null }), 6000);
};
