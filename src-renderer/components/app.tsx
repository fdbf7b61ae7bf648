/** The editor: the report as the official format lays it out, with the findings beside it. */
import { useEffect, useState } from 'react';
import { SECTIONS } from '../../shared/format/sections';
import { api } from '../api';
import { handleMenu, isDirty, saveReport, openReport, show } from '../store/app-actions';
import { commitCell } from '../store/cell-actions';
import { redo, undo, useDoc } from '../store/document-store';
import { useView } from '../store/view-store';
import { Dialogs, StatusBar } from './dialogs';
import { FindingsPanel } from './findings-panel';
import { ImportPanel } from './import-panel';
import { NarrativeSection } from './narrative-section';
import { ReportHeader } from './report-header';
import { TableSection } from './table-section';
import { Toolbar } from './toolbar';

/** Ctrl/Cmd+Z, Ctrl/Cmd+Y (or Shift+Z): undo and redo of document edits, wherever the focus is. */
const onGlobalKey = (e: KeyboardEvent) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const k = e.key.toLowerCase();
  const active = document.activeElement as HTMLElement | null;
  const cell = active?.dataset['cell'];
  if (k === 'z' || k === 'y') {
    e.preventDefault();
    if (cell) commitCell(cell);
    if (k === 'y' || e.shiftKey) redo();
    else undo();
    if (active instanceof HTMLInputElement && cell) requestAnimationFrame(() => active.select());
  } else if (k === 's') {
    e.preventDefault();
    void saveReport(e.shiftKey);
  } else if (k === 'o') {
    e.preventDefault();
    void openReport();
  }
};

/**
 * Sections drawn in the first frame: what a 1366×768 screen shows (the header, 一、总体情况 and 表二).
 * The rest (表三's 175 inputs above all) follows in the next task, long before the clerk can scroll to it,
 * so the page is interactive in about half the time of drawing all 200 cells at once.
 */
const FIRST_SCREEN = SECTIONS.findIndex((s) => s.kind === 'table' && s.id === 't3');

const useRestOfPage = (): boolean => {
  const [all, setAll] = useState(false);
  useEffect(() => {
    performance.mark('editor-ready');
    const t = setTimeout(() => setAll(true), 0);
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    // data-ready: every section is in the DOM (what the end-to-end tests wait for)
    if (all) document.documentElement.dataset['ready'] = '1';
  }, [all]);
  return all;
};

export const App = () => {
  const all = useRestOfPage();
  useEffect(() => {
    window.addEventListener('keydown', onGlobalKey, true);
    const off = api.onMenuCommand(handleMenu);
    // the host learns of unsaved changes (title marker, close confirmation, crash recovery)
    let lastDirty: boolean | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      const d = isDirty();
      if (d !== lastDirty) {
        lastDirty = d;
        api.setDirty(d, d ? useDoc.getState().report : null);
      } else if (d) {
        clearTimeout(timer);
        timer = setTimeout(() => api.setDirty(true, useDoc.getState().report), 1000);
      }
    };
    const unsubDoc = useDoc.subscribe(report);
    const unsubView = useView.subscribe((s, p) => s.savedReport !== p.savedReport && report());
    // Each unsaved document left by a crash is offered in turn; one window holds one document, so the
    // first one accepted opens here and any later ones stay in the recovery folder for the next start.
    void api.listRecoveries().then(async (list) => {
      for (const entry of list) {
        if (window.confirm(`发现上次未保存的报告「${entry.title}」（${new Date(entry.savedAt).toLocaleString('zh-CN')}），是否恢复？`)) {
          const opened = await api.restoreRecovery(entry.id);
          if (opened) {
            show(opened);
            return;
          }
        } else await api.discardRecovery(entry.id);
      }
    });
    return () => {
      window.removeEventListener('keydown', onGlobalKey, true);
      off();
      unsubDoc();
      unsubView();
      clearTimeout(timer);
    };
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <div className="body">
        <main className="doc">
          <ImportPanel />
          <ReportHeader />
          {(all ? SECTIONS : SECTIONS.slice(0, FIRST_SCREEN)).map((s) =>
            s.kind === 'table' ? <TableSection key={s.id} table={s.id} heading={s.heading} /> : <NarrativeSection key={s.id} id={s.id} heading={s.heading} placeholder={s.placeholder} />,
          )}
        </main>
        <FindingsPanel />
      </div>
      <StatusBar />
      <Dialogs />
    </div>
  );
};
