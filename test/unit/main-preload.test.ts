/** The preload with electron mocked at its edge: exactly ReportApi, one invoke per channel. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type MenuCommand, type ReportApi } from '../../shared/ipc';
import { createReport } from '../../shared/report';

const e = vi.hoisted(() => {
  const state = { exposed: new Map<string, unknown>(), invoked: [] as unknown[][], listeners: new Map<string, (ev: unknown, ...a: unknown[]) => void>() };
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
    },
  };
});
vi.mock('electron', () => e.module);

let api: ReportApi;
beforeAll(async () => {
  await import('../../src-main/preload');
  api = e.state.exposed.get('reportApi') as ReportApi;
});

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
    api.setDirty(true, r);
    await api.listRecoveries();
    await api.restoreRecovery('abc');
    await api.discardRecovery('abc');
    expect(e.state.invoked).toEqual([
      [IPC_CHANNELS.openReport],
      [IPC_CHANNELS.openTemplate],
      [IPC_CHANNELS.saveReport, r, { saveAs: true }],
      [IPC_CHANNELS.exportReport, r, 'xlsx'],
      [IPC_CHANNELS.setDirty, true, r],
      [IPC_CHANNELS.listRecoveries],
      [IPC_CHANNELS.restoreRecovery, 'abc'],
      [IPC_CHANNELS.discardRecovery, 'abc'],
    ]);
    expect(await api.listRecoveries()).toBe('result of recovery:list');
  });

  it('only passes saveAs, even if the page adds more to the options', async () => {
    e.state.invoked.length = 0;
    await api.saveReport(createReport(), { saveAs: false, path: '/etc/x' } as never);
    expect(e.state.invoked[0]![2]).toEqual({ saveAs: false });
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
});
