/**
 * What the host learns of the document. On every change, the dirty marker and the document's revision
 * (two numbers, no report: the title ● and whether closing needs a question). The report itself only
 * when an autosave is due, AUTOSAVE_DELAY_MS after the last edit. An autosave that cannot write says
 * so in the status bar and is tried again every AUTOSAVE_RETRY_MS until it succeeds — never silently.
 */
import type { ReportApi } from '../../shared/ipc';
import type { Report } from '../../shared/report/document';
import { useDoc } from './document-store';
import { setStatus, useView } from './view-store';

/** With the write itself, the last edit is in the recovery folder well within 2 s. */
export const AUTOSAVE_DELAY_MS = 1000;
export const AUTOSAVE_RETRY_MS = 10_000;

export type HostSyncTimers = { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
const realTimers: HostSyncTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** Starts telling `api` about the document in the stores; returns the function that stops it. */
export const startHostSync = (api: ReportApi, timers: HostSyncTimers = realTimers): (() => void) => {
  let revision = 0;
  let lastReport: Report = useDoc.getState().report;
  let lastDirty: boolean | null = null;
  let timer: unknown = null;
  let failing = false;
  const isDirty = () => useDoc.getState().report !== useView.getState().savedReport;

  const schedule = (ms: number): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => void autosave(), ms);
  };
  const autosave = async (): Promise<void> => {
    timer = null;
    if (!isDirty()) return;
    const rev = revision;
    const outcome = await api
      .autosave(rev, useDoc.getState().report)
      .catch((e: unknown) => ({ ok: false as const, message: e instanceof Error ? e.message : String(e) }));
    if (outcome.ok) {
      if (failing) setStatus('自动保存已恢复正常', 'ok');
      failing = false;
      return;
    }
    failing = true;
    setStatus(`自动保存失败：${outcome.message}将在 ${AUTOSAVE_RETRY_MS / 1000} 秒后重试；请尽快保存或另存到其他位置。`, 'error');
    // a newer edit has its own timer; otherwise try this state again
    if (timer === null && isDirty()) schedule(AUTOSAVE_RETRY_MS);
  };

  const update = (): void => {
    const report = useDoc.getState().report;
    const edited = report !== lastReport;
    if (edited) revision++;
    lastReport = report;
    const dirty = isDirty();
    if (dirty === lastDirty && !edited) return;
    lastDirty = dirty;
    void api.setDirty(dirty, revision).catch(() => undefined);
    if (!dirty) {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    } else if (edited || timer === null) schedule(AUTOSAVE_DELAY_MS);
  };

  /** The window is going away (quit, log-off): the autosave still waiting for its second goes now. */
  const flushNow = (): void => {
    if (timer === null) return;
    timers.clearTimeout(timer);
    void autosave();
  };

  update();
  const unsubDoc = useDoc.subscribe(update);
  const unsubView = useView.subscribe((s, p) => s.savedReport !== p.savedReport && update());
  const page = typeof window === 'undefined' ? null : window;
  page?.addEventListener('pagehide', flushNow);
  return () => {
    unsubDoc();
    unsubView();
    page?.removeEventListener('pagehide', flushNow);
    if (timer !== null) timers.clearTimeout(timer);
  };
};
