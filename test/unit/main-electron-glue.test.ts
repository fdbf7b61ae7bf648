/**
 * The Electron adapter with `electron` mocked at its edge: what the real app, window, session,
 * protocol, menu, dialogs and ipcMain are asked to do when desktop-app starts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DROP_CHANNEL, IPC_CHANNELS } from '../../shared/ipc';
import { serialiseReport } from '../../shared/report';
import { importReportFile } from '../../shared/import';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app-protocol';
import { seedReport, SEED_FILES } from '../helpers/seeds';
import { tempDir } from './main-helpers/fs';

const t = tempDir('gk-glue-');
const seed = seedReport(SEED_FILES[3]!);

const e = vi.hoisted(() => {
  const { EventEmitter: EE } = require('node:events') as typeof import('node:events');
  const state = {
    userData: '',
    windows: [] as any[],
    handlers: new Map<string, (ev: unknown, ...a: unknown[]) => unknown>(),
    protocolHandler: null as null | ((req: { url: string; method: string }) => Promise<Response>),
    schemes: [] as unknown[],
    menu: null as any,
    messageBoxes: [] as any[],
    messageBoxAnswers: [] as number[],
    permission: null as any,
    permissionCheck: null as any,
    beforeRequest: null as any,
    headersReceived: null as any,
    sandboxEnabled: false,
    loaded: null as null | ((url: string) => void),
  };
  const app = Object.assign(new EE(), {
    isPackaged: false,
    enableSandbox: () => void (state.sandboxEnabled = true),
    setName: () => undefined,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    paths: {} as Record<string, string>,
    getPath: (k: string) => app.paths[k] ?? join(state.userData, k),
    setPath: (k: string, v: string) => void (app.paths[k] = v),
    getAppPath: () => state.userData,
    getVersion: () => '0.1.0',
    addRecentDocument: () => undefined,
    quit: () => undefined,
  });
  class BrowserWindow extends EE {
    options: any;
    title = '';
    closed = false;
    webContents: any;
    constructor(options: any) {
      super();
      this.options = options;
      const wc = Object.assign(new EE(), {
        sent: [] as unknown[][],
        send: (...a: unknown[]) => wc.sent.push(a),
        mainFrame: { url: 'app://renderer/index.html', parent: null },
        openHandler: null as any,
        setWindowOpenHandler: (h: any) => void (wc.openHandler = h),
      });
      this.webContents = wc;
      state.windows.push(this);
      app.emit('web-contents-created', {}, wc);
    }
    setTitle(s: string) {
      this.title = s;
    }
    setDocumentEdited() {}
    setRepresentedFilename() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
    close() {
      const ev = { defaultPrevented: false, preventDefault: () => void (ev.defaultPrevented = true) };
      this.emit('close', ev);
      if (!ev.defaultPrevented) this.closed = true;
    }
    async loadURL(url: string) {
      this.webContents.emit('did-finish-load');
      state.loaded?.(url);
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: any) => void (state.permission = h),
      setPermissionCheckHandler: (h: any) => void (state.permissionCheck = h),
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: (l: any) => void (state.beforeRequest = l), onHeadersReceived: (l: any) => void (state.headersReceived = l) },
    },
  };
  return {
    state,
    module: {
      app,
      BrowserWindow,
      session,
      Menu: { buildFromTemplate: (tpl: unknown) => tpl, setApplicationMenu: (m: unknown) => void (state.menu = m) },
      dialog: {
        showMessageBox: async (...a: any[]) => {
          state.messageBoxes.push(a.at(-1));
          return { response: state.messageBoxAnswers.shift() ?? 2 };
        },
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showSaveDialog: async () => ({ canceled: true }),
      },
      ipcMain: { handle: (ch: string, l: any) => void state.handlers.set(ch, l), removeHandler: (ch: string) => void state.handlers.delete(ch) },
      protocol: {
        registerSchemesAsPrivileged: (s: unknown[]) => void state.schemes.push(...s),
        handle: (_s: string, h: any) => void (state.protocolHandler = h),
      },
    },
  };
});
vi.mock('electron', () => e.module);

let win: any;
const invoke = (channel: string, frame: unknown, ...args: unknown[]) =>
  Promise.resolve().then(() => e.state.handlers.get(channel)!({ sender: win.webContents, senderFrame: frame }, ...args));

beforeAll(async () => {
  e.state.userData = t.dir;
  mkdirSync(join(t.dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(t.dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(t.dir, 'secret.txt'), 'secret');
  const loaded = new Promise<string>((r) => (e.state.loaded = r));
  const { startDesktopApp } = await import('../../src-main/desktop-app');
  startDesktopApp({ converters: { readBytes: importReportFile, buildExport: async () => new Uint8Array() }, preload: '/app/out/main/preload.cjs' });
  expect(await loaded).toBe('app://renderer/index.html');
  win = e.state.windows[0];
});
afterAll(() => t.cleanup());

describe('desktop app with electron mocked at its edge', () => {
  it('keeps its data (recovery, recent files) in an ASCII folder under the OS application data', () => {
    expect(e.module.app.getPath('userData')).toBe(join(t.dir, 'appData', 'disclosure-report'));
  });

  it('creates the window with every security switch set', () => {
    expect(e.state.sandboxEnabled).toBe(true);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/out/main/preload.cjs',
    });
    expect(win.options.title).toBe('未命名报告 — 政府信息公开年报编制器');
    expect(e.state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('registers every invoking channel and checks the sender of each', async () => {
    expect([...e.state.handlers.keys()].sort()).toEqual([...Object.values(IPC_CHANNELS).filter((c) => c !== 'menu:command'), DROP_CHANNEL].sort());
    await expect(invoke(IPC_CHANNELS.listRecoveries, win.webContents.mainFrame)).resolves.toEqual([]);
    await expect(invoke(IPC_CHANNELS.listRecoveries, { url: 'https://evil.example/', parent: null })).rejects.toThrow('拒绝');
    await expect(e.state.handlers.get(IPC_CHANNELS.listRecoveries)!({ sender: {}, senderFrame: win.webContents.mainFrame })).rejects.toThrow('拒绝');
  });

  it('shows the file state in the title: ● while dirty', async () => {
    await invoke(IPC_CHANNELS.setDirty, win.webContents.mainFrame, true, 1);
    expect(win.title).toBe('● 未命名报告 — 政府信息公开年报编制器');
    const ev = { defaultPrevented: false, preventDefault: () => void (ev.defaultPrevented = true) };
    win.emit('page-title-updated', ev);
    expect(ev.defaultPrevented).toBe(true);
  });

  it('closing with unsaved work hands the question to the editor; the window closes only when the editor says so', async () => {
    const wc = win.webContents;
    const before = wc.sent.length;
    win.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(win.closed).toBe(false);
    expect(wc.sent.slice(before)).toEqual([[IPC_CHANNELS.onMenuCommand, 'close']]);
    // the editor asks in the host's dialog …
    e.state.messageBoxAnswers.push(2);
    await expect(invoke(IPC_CHANNELS.askUnsaved, wc.mainFrame)).resolves.toBe('cancel');
    expect(e.state.messageBoxes.at(-1)).toMatchObject({ buttons: ['保存', '不保存', '取消'], cancelId: 2, message: '是否保存对「未命名报告」的修改？' });
    expect(win.closed).toBe(false);
    // … and after 不保存 (or a save) tells the host to close
    await invoke(IPC_CHANNELS.closeWindow, wc.mainFrame);
    expect(win.closed).toBe(true);
  });

  it('serves the renderer over app:// with the CSP header, and nothing outside dist/renderer', async () => {
    const res = await e.state.protocolHandler!({ url: 'app://renderer/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>x</title>');
    for (const url of ['app://renderer/../secret.txt', 'app://renderer/%2e%2e/secret.txt', 'app://renderer/..%2fsecret.txt', 'app://other/index.html'])
      expect((await e.state.protocolHandler!({ url, method: 'GET' })).status).toBe(404);
  });

  it('denies permissions, remote requests, navigation, new windows and webviews', () => {
    let granted: boolean | null = null;
    e.state.permission({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(e.state.permissionCheck()).toBe(false);
    const cancelled = (url: string) => {
      let c: boolean | null = null;
      e.state.beforeRequest({ url }, (r: { cancel: boolean }) => (c = r.cancel));
      return c;
    };
    expect(cancelled('https://cdn.example.com/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:5173/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://renderer/assets/index.js')).toBe(false);
    let headers: Record<string, unknown> = {};
    e.state.headersReceived(
      { url: 'app://renderer/index.html', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (r: { responseHeaders: Record<string, unknown> }) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });

    const wc = win.webContents;
    const nav = { defaultPrevented: false, preventDefault: () => void (nav.defaultPrevented = true) };
    wc.emit('will-navigate', nav, 'https://example.com/');
    expect(nav.defaultPrevented).toBe(true);
    expect(wc.openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const wv = { defaultPrevented: false, preventDefault: () => void (wv.defaultPrevented = true) };
    wc.emit('will-attach-webview', wv);
    expect(wv.defaultPrevented).toBe(true);
  });

  it('a file:// navigation from the page is refused and opens nothing (no file read without a dialog)', async () => {
    const wc = win.webContents;
    const file = join(t.dir, '页面想读的.gkreport');
    writeFileSync(file, serialiseReport(seed));
    const before = wc.sent.length;
    const nav = { defaultPrevented: false, preventDefault: () => void (nav.defaultPrevented = true) };
    wc.emit('will-navigate', nav, `file://${encodeURI(file)}`);
    expect(nav.defaultPrevented).toBe(true);
    expect(wc.sent.length).toBe(before);
    // the next 打开 shows the dialog (cancelled here) instead of reading the file the page named
    await expect(invoke(IPC_CHANNELS.openReport, wc.mainFrame)).resolves.toBeNull();
  });

  it('a file dropped on the window (its path from the preload, never from the page) opens through the open command', async () => {
    const wc = win.webContents;
    const file = join(t.dir, '拖入的年报.gkreport');
    writeFileSync(file, serialiseReport(seed));
    const before = wc.sent.length;
    await invoke(DROP_CHANNEL, wc.mainFrame, { path: file });
    expect(wc.sent.slice(before)).toEqual([[IPC_CHANNELS.onMenuCommand, 'open']]);
    const opened = await invoke(IPC_CHANNELS.openReport, wc.mainFrame);
    expect(opened).toEqual({ report: seed, fileName: '拖入的年报.gkreport', source: 'own', notes: [] });
    // not a report, not absolute, or not from our page: refused
    await expect(invoke(DROP_CHANNEL, wc.mainFrame, { path: '/etc/shadow' })).rejects.toThrow('不是可打开的报告文件');
    await expect(invoke(DROP_CHANNEL, wc.mainFrame, { path: 'rel.gkreport' })).rejects.toThrow('不是可打开的报告文件');
    await expect(invoke(DROP_CHANNEL, { url: 'https://evil.example/', parent: null }, { path: file })).rejects.toThrow('拒绝');
  });

  it('puts up the Chinese menu, with the file just opened under 最近打开', () => {
    const labels = (e.state.menu as any[]).map((m) => m.label);
    expect(labels).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const file = (e.state.menu as any[])[0].submenu as any[];
    const recent = file.find((i) => i.label === '最近打开(&R)');
    expect(recent.submenu[0].label).toBe('1  拖入的年报.gkreport');
  });
});
