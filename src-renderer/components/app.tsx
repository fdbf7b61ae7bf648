/** The editor: the report as the official format lays it out, with the findings beside it. */
import { startTransition, useEffect, useState } from 'react';
import { isCellId } from '../../shared/format/cells';
import { tableLayout } from '../../shared/format/header-layout';
import { SECTIONS } from '../../shared/format/sections';
import { api } from '../api';
import { handleMenu, saveReport, openReport, show } from '../store/app-actions';
import { commitCell, selectAfterDraw } from '../store/cell-actions';
import { redo, undo } from '../store/document-store';
import { startHostSync } from '../store/host-sync';
import { useView } from '../store/view-store';
import { Dialogs, StatusBar } from './dialogs';
import { FindingsPanel } from './findings-panel';
import { ImportPanel } from './import-panel';
import { NarrativeSection } from './narrative-section';
import { ReportHeader } from './report-header';
import { SignOffSection } from './sign-off';
import { TableSection } from './table-section';
import { Toolbar } from './toolbar';

/** Ctrl/Cmd+Z, Ctrl/Cmd+Y (or Shift+Z): undo and redo of document edits, wherever the focus is. */
const onGlobalKey = (e: KeyboardEvent) => {
  if (e.key === 'F1') {
    e.preventDefault();
    useView.setState({ dialog: { kind: 'help' } });
    return;
  }
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const k = e.key.toLowerCase();
  const active = document.activeElement as HTMLElement | null;
  const cell = active?.dataset['cell'];
  if (k === 'z' || k === 'y') {
    e.preventDefault();
    if (cell && isCellId(cell)) commitCell(cell);
    if (k === 'y' || e.shiftKey) redo();
    else undo();
    if (active instanceof HTMLInputElement && cell) selectAfterDraw(active);
  } else if (k === 's') {
    e.preventDefault();
    void saveReport(e.shiftKey);
  } else if (k === 'o') {
    e.preventDefault();
    void openReport();
  }
};

/**
 * The first load draws what a 1366×768 screen shows (the header, 一、总体情况 and 表二) in one go, then the
 * rest one small step per frame: 表三 a few rows at a time, then 表四, 五 and 六. No step blocks the main
 * thread for long, so the clerk can type in the first screen while the rest is still being drawn.
 */
const FIRST_SCREEN = SECTIONS.findIndex((s) => s.kind === 'table' && s.id === 't3');
const ROWS_PER_STEP = 4;
type Step = { readonly sections: number; readonly rows?: number };
const STEPS: readonly Step[] = (() => {
  const steps: Step[] = [{ sections: FIRST_SCREEN }];
  for (let i = FIRST_SCREEN; i < SECTIONS.length; i++) {
    const s = SECTIONS[i]!;
    if (s.kind === 'table') {
      const layout = tableLayout(s.id);
      const body = layout.rows.length - layout.headerRows;
      for (let r = ROWS_PER_STEP; r < body; r += ROWS_PER_STEP) steps.push({ sections: i + 1, rows: r });
    }
    steps.push({ sections: i + 1 });
  }
  return steps;
})();

/** After the frame that shows the current step has been painted. */
const afterPaint = (fn: () => void): (() => void) => {
  let t: ReturnType<typeof setTimeout> | undefined;
  const f = requestAnimationFrame(() => (t = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(f);
    clearTimeout(t);
  };
};

/**
 * Each unsaved document left by a crash is offered in turn; one window holds one document, so the
 * first one accepted opens here and any later ones stay in the recovery folder for the next start.
 */
const offerRecoveries = async (): Promise<void> => {
  for (const entry of await api.listRecoveries()) {
    if (window.confirm(`发现上次未保存的报告「${entry.title}」（${new Date(entry.savedAt).toLocaleString('zh-CN')}），是否恢复？`)) {
      const opened = await api.restoreRecovery(entry.id);
      if (opened) {
        show(opened);
        return;
      }
    } else await api.discardRecovery(entry.id);
  }
};

const useLoadSteps = (): Step => {
  const [n, setN] = useState(0);
  useEffect(() => {
    if (n === 0)
      return afterPaint(() => {
        // the first screen is on screen and answers input: what the load benchmark measures
        performance.mark('editor-ready');
        setN(1);
      });
    // a transition: React draws the step in slices of a few milliseconds, so a keystroke never waits for it
    if (n < STEPS.length - 1) return afterPaint(() => startTransition(() => setN(n + 1)));
    // data-ready: every section is in the DOM (what the end-to-end tests wait for)
    performance.mark('editor-complete');
    document.documentElement.dataset['ready'] = '1';
    // asked once the whole report is drawn, so the question comes over a finished page (and costs the first screen nothing)
    void offerRecoveries();
  }, [n]);
  return STEPS[n]!;
};

export const App = () => {
  const step = useLoadSteps();
  useEffect(() => {
    window.addEventListener('keydown', onGlobalKey, true);
    const off = api.onMenuCommand(handleMenu);
    const stopSync = startHostSync(api);
    return () => {
      window.removeEventListener('keydown', onGlobalKey, true);
      off();
      stopSync();
    };
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <div className="body">
        <main className="doc">
          <ImportPanel />
          <ReportHeader />
          {SECTIONS.slice(0, step.sections).map((s, i) =>
            s.kind === 'table' ? (
              <TableSection key={s.id} table={s.id} heading={s.heading} rows={i === step.sections - 1 ? step.rows : undefined} />
            ) : (
              <NarrativeSection key={s.id} id={s.id} heading={s.heading} placeholder={s.placeholder} />
            ),
          )}
          {step.sections === SECTIONS.length && step.rows === undefined && <SignOffSection />}
        </main>
        <FindingsPanel />
      </div>
      <StatusBar />
      <Dialogs />
    </div>
  );
};
