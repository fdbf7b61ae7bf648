/** The preload with electron mocked at its edge: exactly ReportApi, one invoke per channel; drops only from the drop event's own files. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DROP_CHANNEL, IPC_CHANNELS, type MenuCommand, type ReportApi } from '../../shared/ipc';
import { createReport } from '../../shared/report';

const e = vi.hoisted(() => {
  const state = {
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    listeners: new Map<string, (ev: unknown, ...a: unknown[]) => void>(),
    domListeners: new Map<string, (ev: unknown) => void>(),
    /** What webUtils.getPathForFile knows: only files the user really dropped have a path. */
    paths: new Map<unknown, string>(),
  };
  return {
    state,
    module: {
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => void state.exposed.set(k, v) },
      ipcRenderer: {
        invoke: async (...a: unknown[]) => {
          state.invoked.push(a);
          return `result of ${String(a[0])}`;
        },
        on: (ch: string, l: (ev: unknown, ...a: unknown[]) => void) => void state.listeners.set(ch, l),
      },
      webUtils: { getPathForFile: (f: unknown) => state.paths.get(f) ?? '' },
    },
  };
});
vi.mock('electron', () => e.module);

let api: ReportApi;
beforeAll(async () => {
  vi.stubGlobal('window', { addEventListener: (type: string, l: (ev: unknown) => void) => void e.state.domListeners.set(type, l) });
  await import('../../src-main/preload');
  api = e.state.exposed.get('reportApi') as ReportApi;
});

const dragEvent = (types: string[], files: unknown[], isTrusted = true) => {
  const ev = { isTrusted, dataTransfer: { types, files }, prevented: false, preventDefault: () => void (ev.prevented = true) };
  return ev;
};

describe('preload', () => {
  it('exposes only window.reportApi, with exactly the methods of ReportApi', () => {
    expect([...e.state.exposed.keys()]).toEqual(['reportApi']);
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
  });

  it('calls ipcRenderer.invoke on the channel of each method, with the arguments as given', async () => {
    const r = createReport({ agency: '甲' });
    e.state.invoked.length = 0;
    await api.openReport();
    await api.openTemplate();
    await api.saveReport(r, { saveAs: true });
    await api.exportReport(r, 'xlsx');
    await api.setDirty(true, 7);
    await api.autosave(7, r);
    await api.askUnsaved();
    await api.closeWindow();
    await api.listRecoveries();
    await api.restoreRecovery('abc');
    await api.discardRecovery('abc');
    expect(e.state.invoked).toEqual([
      [IPC_CHANNELS.openReport],
      [IPC_CHANNELS.openTemplate],
      [IPC_CHANNELS.saveReport, r, { saveAs: true }],
      [IPC_CHANNELS.exportReport, r, 'xlsx'],
      [IPC_CHANNELS.setDirty, true, 7],
      [IPC_CHANNELS.autosave, 7, r],
      [IPC_CHANNELS.askUnsaved],
      [IPC_CHANNELS.closeWindow],
      [IPC_CHANNELS.listRecoveries],
      [IPC_CHANNELS.restoreRecovery, 'abc'],
      [IPC_CHANNELS.discardRecovery, 'abc'],
    ]);
    expect(await api.listRecoveries()).toBe('result of recovery:list');
  });

  it('delivers menu commands, keeping those sent before the editor subscribed', () => {
    const deliver = e.state.listeners.get(IPC_CHANNELS.onMenuCommand)!;
    deliver({}, 'open');
    const got: MenuCommand[] = [];
    const off = api.onMenuCommand((c) => got.push(c));
    deliver({}, 'save');
    off();
    deliver({}, 'new');
    expect(got).toEqual(['open', 'save']);
  });

  it('sends the path of a file the user dropped, taken from the drop event itself, on a channel the page has no method for', () => {
    const dropped = { name: '年报.gkreport' };
    e.state.paths.set(dropped, '/home/clerk/年报.gkreport');
    e.state.invoked.length = 0;
    const over = dragEvent(['Files'], []);
    e.state.domListeners.get('dragover')!(over);
    expect(over.prevented).toBe(true);
    const drop = dragEvent(['Files'], [dropped]);
    e.state.domListeners.get('drop')!(drop);
    expect(drop.prevented).toBe(true);
    expect(e.state.invoked).toEqual([[DROP_CHANNEL, { path: '/home/clerk/年报.gkreport' }]]);
    expect(Object.values(IPC_CHANNELS)).not.toContain(DROP_CHANNEL);
  });

  it('a File made by script (no path), a synthetic drop event, or dragged text opens nothing', () => {
    const real = { name: 'a.gkreport' };
    e.state.paths.set(real, '/home/clerk/a.gkreport');
    e.state.invoked.length = 0;
    e.state.domListeners.get('drop')!(dragEvent(['Files'], [{ name: 'made-by-script.gkreport' }]));
    e.state.domListeners.get('drop')!(dragEvent(['Files'], [real], false));
    const text = dragEvent(['text/plain'], []);
    e.state.domListeners.get('drop')!(text);
    e.state.domListeners.get('dragover')!(text);
    expect(text.prevented).toBe(false); // text moved within a paragraph keeps working
    expect(e.state.invoked).toEqual([]);
  });
});
