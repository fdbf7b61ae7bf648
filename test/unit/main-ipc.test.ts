import { describe, expect, it } from 'vitest';
import { IPC_ARGUMENTS, IPC_CHANNELS } from '../../shared/ipc';
import { REPORT_VERSION, createReport, serialiseReport } from '../../shared/report';
import { registerHandlers, type Implementation, type IpcMainLike } from '../../src-main/ipc-handlers';
import { isOwnPageUrl, isTrustedSender, type IpcEventLike } from '../../src-main/ipc-validation';
import { APP_URL } from '../../src-main/app-protocol';
import { seedReport, SEED_FILES } from '../helpers/seeds';

const seed = seedReport(SEED_FILES[2]!);
/** A report as it arrives over IPC: a structured clone of plain data. */
const wire = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

const fakeIpc = () => {
  const handlers = new Map<string, (e: IpcEventLike, ...a: unknown[]) => unknown>();
  const ipc: IpcMainLike = { handle: (ch, l) => void handlers.set(ch, l), removeHandler: (ch) => void handlers.delete(ch) };
  return { ipc, handlers };
};

const ourContents = { id: 1 };
const mainFrame = { url: APP_URL, parent: null };
const ok: IpcEventLike = { sender: ourContents, senderFrame: mainFrame };

const recordingImpl = () => {
  const calls: [string, unknown[]][] = [];
  const rec =
    (name: string, result: unknown = null) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
      return result as never;
    };
  const impl: Implementation = {
    openReport: rec('openReport'),
    openTemplate: rec('openTemplate'),
    consolidateReports: rec('consolidateReports'),
    saveReport: rec('saveReport', { ok: true, fileName: 'x.gkreport' }),
    exportReport: rec('exportReport', { ok: true, fileName: 'x.docx' }),
    setDirty: rec('setDirty', undefined),
    autosave: rec('autosave', { ok: true }),
    askUnsaved: rec('askUnsaved', 'cancel'),
    closeWindow: rec('closeWindow', undefined),
    listRecoveries: rec('listRecoveries', []),
    restoreRecovery: rec('restoreRecovery'),
    discardRecovery: rec('discardRecovery', undefined),
  };
  return { impl, calls };
};

const setup = () => {
  const { ipc, handlers } = fakeIpc();
  const refused: string[] = [];
  const { impl, calls } = recordingImpl();
  registerHandlers(ipc, { webContents: () => ourContents, ownUrl: APP_URL, onRefused: (ch, why) => refused.push(`${ch}: ${why}`) }, impl);
  const invoke = (channel: string, event: IpcEventLike, ...args: unknown[]) => Promise.resolve().then(() => handlers.get(channel)!(event, ...args));
  return { handlers, invoke, calls, refused };
};

describe('IPC: one typed handler per channel', () => {
  it('registers exactly the invoking channels of ReportApi', () => {
    const { handlers } = setup();
    const invoking = Object.entries(IPC_CHANNELS)
      .filter(([k]) => k !== 'onMenuCommand')
      .map(([, ch]) => ch);
    expect([...handlers.keys()].sort()).toEqual(invoking.sort());
  });

  it('passes the draft option of an export through', async () => {
    const { invoke, calls } = setup();
    await invoke(IPC_CHANNELS.exportReport, ok, wire(seed), 'docx', { draft: true });
    expect(calls).toEqual([['exportReport', [seed, 'docx', { draft: true }]]]);
  });

  it('passes a valid report, restored, to saveReport', async () => {
    const { invoke, calls } = setup();
    await expect(invoke(IPC_CHANNELS.saveReport, ok, wire(seed), { saveAs: true })).resolves.toEqual({ ok: true, fileName: 'x.gkreport' });
    expect(calls).toEqual([['saveReport', [seed, { saveAs: true }]]]);
  });
});

describe('IPC argument validation', () => {
  const refusedCases: [string, string, unknown[]][] = [
    ['a malformed report (negative count)', IPC_CHANNELS.saveReport, [{ ...(wire(seed) as object), cells: { 't3.granted.natural': -1 } }, { saveAs: false }]],
    ['a report of another format', IPC_CHANNELS.saveReport, [{ format: 'evil', version: 2 }, { saveAs: false }]],
    ['a report as a JSON string with junk', IPC_CHANNELS.saveReport, ['{"format":', { saveAs: false }]],
    ['a path instead of the options', IPC_CHANNELS.saveReport, [wire(seed), '/etc/cron.d/x']],
    ['a path smuggled into the options', IPC_CHANNELS.saveReport, [wire(seed), { saveAs: false, path: '/tmp/x.gkreport' }]],
    ['a path as an extra argument', IPC_CHANNELS.saveReport, [wire(seed), { saveAs: false }, 'C:\\Windows\\x.gkreport']],
    ['a path to open', IPC_CHANNELS.openReport, ['/home/clerk/secret.gkreport']],
    ['a path for the template', IPC_CHANNELS.openTemplate, ['/etc/passwd']],
    ['an unknown export kind', IPC_CHANNELS.exportReport, [wire(seed), 'pdf']],
    ['an export with a path', IPC_CHANNELS.exportReport, [wire(seed), '/tmp/x.docx']],
    ['an export with a path in its options', IPC_CHANNELS.exportReport, [wire(seed), 'docx', { draft: true, path: '/tmp/x.docx' }]],
    ['an export whose draft flag is not a boolean', IPC_CHANNELS.exportReport, [wire(seed), 'docx', { draft: 'yes' }]],
    ['dirty as a string', IPC_CHANNELS.setDirty, ['yes', 1]],
    ['the whole report with the dirty marker', IPC_CHANNELS.setDirty, [true, wire(seed)]],
    ['a negative revision', IPC_CHANNELS.setDirty, [true, -1]],
    ['an autosave of a malformed report', IPC_CHANNELS.autosave, [3, { format: 'disclosure-report', version: 2, year: 1900 }]],
    ['an autosave with a fractional revision', IPC_CHANNELS.autosave, [1.5, wire(seed)]],
    ['a question with a title', IPC_CHANNELS.askUnsaved, ['/etc/passwd']],
    ['a close with arguments', IPC_CHANNELS.closeWindow, [true]],
    ['a recovery id that leaves the folder', IPC_CHANNELS.restoreRecovery, ['../../.ssh/id_rsa']],
    ['a recovery id that is a path', IPC_CHANNELS.discardRecovery, ['/home/clerk/report']],
    ['a recovery id that is not a string', IPC_CHANNELS.restoreRecovery, [{ id: 'x' }]],
  ];
  for (const [what, channel, args] of refusedCases)
    it(`refuses ${what}`, async () => {
      const { invoke, calls, refused } = setup();
      await expect(invoke(channel, ok, ...args)).rejects.toThrow();
      expect(calls).toEqual([]);
      expect(refused).toHaveLength(1);
    });

  it('explains a malformed report in Chinese', () => {
    expect(() => IPC_ARGUMENTS.saveReport([{ ...(wire(seed) as object), cells: { 't3.granted.natural': 1.5 } }, { saveAs: false }])).toThrow(
      /报告内容无效.*应为整数/,
    );
  });

  it('accepts an older version of the report and hands over the migrated one', () => {
    const v1 = { ...(JSON.parse(serialiseReport(createReport({ agency: '甲' }))) as Record<string, unknown>), version: 1 };
    const [revision, r] = IPC_ARGUMENTS.autosave([3, v1]);
    expect(revision).toBe(3);
    expect(r).toMatchObject({ version: REPORT_VERSION, agency: '甲' });
  });
});

describe('IPC sender checks', () => {
  const cases: [string, IpcEventLike][] = [
    ['another web contents', { sender: { id: 2 }, senderFrame: mainFrame }],
    ['a subframe of our window', { sender: ourContents, senderFrame: { url: APP_URL, parent: mainFrame } }],
    ['our window after navigating to a web page', { sender: ourContents, senderFrame: { url: 'https://example.com/', parent: null } }],
    ['our window showing a local file', { sender: ourContents, senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['another app:// host', { sender: ourContents, senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['a frame that is gone', { sender: ourContents, senderFrame: null }],
  ];
  for (const [what, event] of cases)
    it(`refuses ${what}`, async () => {
      const { invoke, calls, refused } = setup();
      await expect(invoke(IPC_CHANNELS.listRecoveries, event)).rejects.toThrow('拒绝来自非本程序页面的请求');
      expect(calls).toEqual([]);
      expect(refused).toEqual(['recovery:list: sender']);
    });

  it('accepts the main frame of our window on our page (any path of our origin)', async () => {
    const { invoke, calls } = setup();
    await invoke(IPC_CHANNELS.listRecoveries, { sender: ourContents, senderFrame: { url: 'app://renderer/index.html#/t3', parent: null } });
    expect(calls).toEqual([['listRecoveries', []]]);
    expect(isTrustedSender(ok, null, APP_URL)).toBe(false);
  });

  it('when loaded from disk, only our index.html counts as our page', () => {
    const own = 'file:///opt/app/resources/app.asar/dist/renderer/index.html';
    expect(isOwnPageUrl(own, own)).toBe(true);
    expect(isOwnPageUrl('file:///opt/app/resources/app.asar/dist/renderer/other.html', own)).toBe(false);
    expect(isOwnPageUrl('not a url', own)).toBe(false);
  });
});
