/**
 * What the editor tells its host: the dirty marker with a revision on every change (never the report),
 * the report only when an autosave is due, a failed autosave in the status bar with retries, and the
 * one question "unsaved changes?" asked by the editor before new/open/template/consolidate/close.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutosaveOutcome, ReportApi, SaveOutcome, UnsavedChoice } from '../../shared/ipc';
import { createReport, type Report } from '../../shared/report/document';
import { loadReport, typeAgency, useDoc } from '../../src-renderer/store/document-store';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_RETRY_MS, startHostSync } from '../../src-renderer/store/host-sync';
import { useView } from '../../src-renderer/store/view-store';

type Call = [string, ...unknown[]];
const fakeApi = () => {
  const calls: Call[] = [];
  const autosaves: AutosaveOutcome[] = [];
  const unsaved: UnsavedChoice[] = [];
  const saves: SaveOutcome[] = [];
  const api = {
    setDirty: async (d: boolean, rev: number) => void calls.push(['setDirty', d, rev]),
    autosave: async (rev: number, r: Report) => (calls.push(['autosave', rev, r.agency]), autosaves.shift() ?? { ok: true }),
    askUnsaved: async () => (calls.push(['askUnsaved']), unsaved.shift() ?? 'cancel'),
    saveReport: async (r: Report) => (calls.push(['saveReport', r.agency]), saves.shift() ?? { ok: true, fileName: 'a.gkreport' }),
    closeWindow: async () => void calls.push(['closeWindow']),
    openReport: async () => (calls.push(['openReport']), null),
    onMenuCommand: () => () => undefined,
  } as unknown as ReportApi;
  return { api, calls, autosaves, unsaved, saves };
};

const clean = () => {
  loadReport(createReport({ agency: '原稿' }));
  useView.setState({ savedReport: useDoc.getState().report, fileName: 'a.gkreport', status: null });
};

describe('the dirty marker and autosave', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    clean();
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  it('sends two numbers per edit and the report once, a second after the last of many edits', async () => {
    const f = fakeApi();
    stop = startHostSync(f.api);
    f.calls.length = 0;
    for (let i = 0; i < 10; i++) {
      typeAgency(`第${i}稿`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(f.calls.filter((c) => c[0] === 'autosave')).toEqual([]);
    // every marker call carries only a flag and a growing revision
    const marks = f.calls.filter((c) => c[0] === 'setDirty');
    expect(marks.length).toBe(10);
    expect(marks.every((c) => c.length === 3 && c[1] === true && typeof c[2] === 'number')).toBe(true);
    expect(marks.map((c) => c[2])).toEqual([...marks.map((c) => c[2])].sort((a, b) => Number(a) - Number(b)));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(f.calls.filter((c) => c[0] === 'autosave')).toEqual([['autosave', marks.at(-1)![2], '第9稿']]);
  });

  it('back to the saved state: the marker clears and no autosave is sent', async () => {
    const f = fakeApi();
    stop = startHostSync(f.api);
    typeAgency('改');
    useView.setState({ savedReport: useDoc.getState().report });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(f.calls.at(-1)).toEqual(['setDirty', false, expect.any(Number)]);
    expect(f.calls.some((c) => c[0] === 'autosave')).toBe(false);
  });

  it('an autosave that cannot write shows in the status bar and is retried until it writes', async () => {
    const f = fakeApi();
    f.autosaves.push({ ok: false, message: '磁盘空间不足，无法保存「x（自动保存）」。' }, { ok: false, message: '磁盘空间不足。' });
    stop = startHostSync(f.api);
    typeAgency('改');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(useView.getState().status).toEqual({ tone: 'error', text: expect.stringContaining('自动保存失败：磁盘空间不足') });
    expect(useView.getState().status!.text).toContain(`${AUTOSAVE_RETRY_MS / 1000} 秒后重试`);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_RETRY_MS);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_RETRY_MS);
    expect(f.calls.filter((c) => c[0] === 'autosave')).toHaveLength(3);
    expect(useView.getState().status).toMatchObject({ tone: 'ok', text: '自动保存已恢复正常' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_RETRY_MS * 3);
    expect(f.calls.filter((c) => c[0] === 'autosave')).toHaveLength(3);
  });
});

describe('leaving the page', () => {
  it('sends the autosave still waiting for its second at once (quit, log-off)', async () => {
    const listeners = new Map<string, () => void>();
    vi.stubGlobal('window', {
      addEventListener: (t: string, l: () => void) => void listeners.set(t, l),
      removeEventListener: (t: string) => void listeners.delete(t),
    });
    try {
      clean();
      const f = fakeApi();
      const stop = startHostSync(f.api);
      typeAgency('最后一笔');
      expect(f.calls.some((c) => c[0] === 'autosave')).toBe(false);
      listeners.get('pagehide')!();
      await vi.waitFor(() => expect(f.calls.filter((c) => c[0] === 'autosave').map((c) => c[2])).toEqual(['最后一笔']));
      stop();
      expect(listeners.has('pagehide')).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('one owner of "unsaved changes?"', () => {
  const f = fakeApi();
  let actions: typeof import('../../src-renderer/store/app-actions');
  beforeAll(async () => {
    vi.stubGlobal('window', { reportApi: f.api });
    actions = await import('../../src-renderer/store/app-actions');
  });
  beforeEach(() => {
    clean();
    f.calls.length = 0;
  });

  it('a clean document is dropped without a question', async () => {
    await actions.openReport();
    expect(f.calls).toEqual([['openReport']]);
  });

  it('取消 keeps the document; 不保存 goes on; 保存 saves first and goes on only if the save worked', async () => {
    typeAgency('改过');
    f.unsaved.push('cancel');
    await actions.openReport();
    expect(f.calls).toEqual([['askUnsaved']]);

    f.calls.length = 0;
    f.unsaved.push('discard');
    await actions.openReport();
    expect(f.calls).toEqual([['askUnsaved'], ['openReport']]);

    f.calls.length = 0;
    f.unsaved.push('save');
    f.saves.push({ ok: false, cancelled: true });
    await actions.openReport();
    expect(f.calls).toEqual([['askUnsaved'], ['saveReport', '改过']]);

    f.calls.length = 0;
    f.unsaved.push('save');
    await actions.openReport();
    expect(f.calls).toEqual([['askUnsaved'], ['saveReport', '改过'], ['openReport']]);
  });

  it('the window closes through the same question', async () => {
    typeAgency('改过');
    f.unsaved.push('cancel', 'discard');
    actions.handleMenu('close');
    await vi.waitFor(() => expect(f.calls).toEqual([['askUnsaved']]));
    actions.handleMenu('close');
    await vi.waitFor(() => expect(f.calls).toEqual([['askUnsaved'], ['askUnsaved'], ['closeWindow']]));
  });
});
