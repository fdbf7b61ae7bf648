/**
 * The Electron adapter: window, menu, dialogs, protocol and IPC wiring around DocumentController.
 * Everything that can be decided without Electron lives in the modules it imports.
 */
import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAbsolute } from 'node:path';
import { DROP_CHANNEL, IPC_CHANNELS, IpcRejected, type MenuCommand } from '../shared/ipc';
import { APP_SCHEME, APP_URL, resolveAppAsset, securityHeaders } from './app-protocol';
import { filesFromArgv } from './argv';
import { type DialogPort, DocumentController, type ConvertersPort } from './document-controller';
import { OPEN_FILTERS, SAVE_FILTERS, isOpenable } from './file-types';
import { nodeFsPort } from './fs-port';
import { type SenderPolicy, handle, registerHandlers } from './ipc-handlers';
import { buildMenuTemplate } from './menu-template';
import { RecentFiles } from './recent-files';
import { RecoveryStore } from './recovery';
import { hardenSession, hardenWebContents } from './security';

export const APP_NAME = '政府信息公开年报编制器';
/** Folder under the OS's application-data folder (ASCII: some office PCs still choke on CJK paths). */
export const USER_DATA_DIR = 'disclosure-report';

/** Must run before app is ready: our scheme is a secure, standard origin, with V8's code cache (the editor's script is compiled once, not at every start). */
export const registerScheme = (): void => {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
};

const serveRenderer = (root: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(root, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: securityHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
};

const electronDialogs = (window: () => BrowserWindow | null): DialogPort => ({
  async chooseOpenPath(purpose) {
    const w = window();
    const opts: Electron.OpenDialogOptions = {
      title: purpose === 'template' ? '选择上年的年度报告（本程序文件、Word、Excel、网页或文本）' : '打开年度报告',
      properties: ['openFile'],
      filters: OPEN_FILTERS,
    };
    const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  async chooseOpenPaths() {
    const w = window();
    const opts: Electron.OpenDialogOptions = { title: '选择要汇总的报告（可多选）', properties: ['openFile', 'multiSelections'], filters: OPEN_FILTERS };
    const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? [] : r.filePaths;
  },
  async chooseSavePath(kind, defaultPath) {
    const w = window();
    const title = kind === 'report' ? '保存年度报告' : kind === 'docx' ? '导出 Word 文档' : kind === 'xlsx' ? '导出 Excel 工作簿' : '导出网页';
    const opts: Electron.SaveDialogOptions = { title, defaultPath, filters: SAVE_FILTERS[kind], properties: ['showOverwriteConfirmation', 'createDirectory'] };
    const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async askUnsaved(title) {
    const w = window();
    const opts: Electron.MessageBoxOptions = {
      type: 'warning',
      title: APP_NAME,
      message: `是否保存对「${title}」的修改？`,
      detail: '如果不保存，所做的修改将丢失。',
      buttons: ['保存', '不保存', '取消'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    };
    const r = w ? await dialog.showMessageBox(w, opts) : await dialog.showMessageBox(opts);
    return r.response === 0 ? 'save' : r.response === 1 ? 'discard' : 'cancel';
  },
  async askConflict(fileName) {
    const w = window();
    const opts: Electron.MessageBoxOptions = {
      type: 'warning',
      title: APP_NAME,
      message: `「${fileName}」已被其他程序修改`,
      detail:
        '自本程序打开或上次保存该文件以来，磁盘上的文件已被修改（可能是同事或其他程序保存的）。\n覆盖：用当前内容替换它（被替换的版本保留为同名 .bak 文件）；\n另存为：把当前内容保存为新文件，两份都不丢失。',
      buttons: ['覆盖', '另存为', '取消'],
      defaultId: 1,
      cancelId: 2,
      noLink: true,
    };
    const r = w ? await dialog.showMessageBox(w, opts) : await dialog.showMessageBox(opts);
    return r.response === 0 ? 'overwrite' : r.response === 1 ? 'save-as' : 'cancel';
  },
  async showError(title, message) {
    const w = window();
    const opts: Electron.MessageBoxOptions = { type: 'error', title: APP_NAME, message: title, detail: message, buttons: ['确定'], noLink: true };
    if (w) await dialog.showMessageBox(w, opts);
    else await dialog.showMessageBox(opts);
  },
});

export type StartOptions = { readonly converters: ConvertersPort; readonly rendererRoot?: string; readonly preload?: string };

/** What the steps below share: the one window, its document, and what waits for the editor to load. */
type Shell = {
  win: BrowserWindow | null;
  controller: DocumentController | null;
  rendererReady: boolean;
  /** Set once the document has been dealt with (clean, saved, 不保存, or the page is gone): the next close goes through. */
  allowClose: boolean;
  readonly queued: MenuCommand[];
  /** Files handed over before the controller exists; one window, one document: the first is opened. */
  readonly pendingFiles: string[];
};

/** Before app is ready: scheme, sandbox, name and data folder; false when another instance already runs. */
const configureApp = (): boolean => {
  registerScheme();
  app.enableSandbox();
  app.setName(APP_NAME);
  // recovery/ and recent.json live here: %APPDATA%\disclosure-report, ~/.config/disclosure-report
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_DIR));
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
};

const sendCommand = (shell: Shell, c: MenuCommand): void => {
  if (shell.win && shell.rendererReady) shell.win.webContents.send(IPC_CHANNELS.onMenuCommand, c);
  else if (!shell.queued.includes(c)) shell.queued.push(c);
};

const bringToFront = (win: BrowserWindow | null): void => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
};

/** A file from the OS, the recent list or a drop: the editor is told to open (it asks about unsaved work first). */
const openFromOS = (shell: Shell, path: string): void => {
  if (!shell.controller) {
    shell.pendingFiles.splice(0, shell.pendingFiles.length, path);
    return;
  }
  if (shell.controller.requestOpen(path)) {
    sendCommand(shell, 'open');
    bringToFront(shell.win);
  }
};

const updateTitle = (shell: Shell): void => {
  const { win, controller } = shell;
  if (!win || !controller) return;
  win.setTitle(controller.title(APP_NAME));
  win.setDocumentEdited(controller.state.dirty);
  if (controller.state.filePath) win.setRepresentedFilename(controller.state.filePath);
};

const listenToOS = (shell: Shell): void => {
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  app.on('open-file', (e, path) => {
    e.preventDefault();
    openFromOS(shell, path);
  });
  app.on('second-instance', (_e, argv, cwd) => {
    for (const f of filesFromArgv(argv, app.isPackaged, cwd).slice(0, 1)) openFromOS(shell, f);
    bringToFront(shell.win);
  });
  app.on('window-all-closed', () => app.quit());
};

/** The application menu, rebuilt when the recent list changes; returns the function that rebuilds it. */
const installMenu = (shell: Shell, recent: RecentFiles, userData: string): (() => void) => {
  const refreshMenu = (): void => {
    const template = buildMenuTemplate(
      { platform: process.platform, recent: recent.list(), appName: APP_NAME, devTools: !app.isPackaged },
      {
        command: (c) => sendCommand(shell, c),
        openRecent: (p) => openFromOS(shell, p),
        clearRecent: () => void recent.clear().then(refreshMenu),
        about: () => {
          const opts: Electron.MessageBoxOptions = {
            type: 'info',
            title: `关于${APP_NAME}`,
            message: APP_NAME,
            detail: `版本 ${app.getVersion()}\n按国办公开办函〔2021〕30号规定的格式编制、核对、导出《政府信息公开工作年度报告》。\n自动保存位置：${join(userData, 'recovery')}`,
            buttons: ['确定'],
            noLink: true,
          };
          void (shell.win ? dialog.showMessageBox(shell.win, opts) : dialog.showMessageBox(opts));
        },
        quit: () => app.quit(),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));
  };
  refreshMenu();
  return refreshMenu;
};

const createController = (shell: Shell, converters: ConvertersPort, recent: RecentFiles, userData: string, refreshMenu: () => void): DocumentController =>
  new DocumentController({
    fs: nodeFsPort,
    dialogs: electronDialogs(() => shell.win),
    converters,
    recent,
    recovery: new RecoveryStore(join(userData, 'recovery'), nodeFsPort),
    documentsDir: app.getPath('documents'),
    onChange: () => updateTitle(shell),
    onRecent: (p) => {
      app.addRecentDocument(p);
      refreshMenu();
    },
    onCloseAllowed: () => {
      shell.allowClose = true;
      shell.win?.close();
    },
  });

const createWindow = (title: string, preload: string | undefined): BrowserWindow =>
  new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#ffffff',
    // every item of the Electron security checklist spelled out here, where reviewers and
    // electronegativity look for it, none left to defaults
    webPreferences: {
      // reviewed: the preload exposes exactly ReportApi, nothing of ipcRenderer (test/unit/main-preload.test.ts)
      preload: preload ?? join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // a dropped file is taken by the preload from the drop event, never from a navigation
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });

/** The path of a file dropped on the window, sent by the preload; the same checks as any other channel. */
const droppedFilePath = (raw: readonly unknown[]): [string] => {
  const a = raw[0] as { path?: unknown } | null;
  if (raw.length !== 1 || typeof a !== 'object' || a === null || Object.keys(a).join() !== 'path' || typeof a.path !== 'string')
    throw new IpcRejected('拖入文件：参数应为 { path }');
  if (!isAbsolute(a.path) || !isOpenable(a.path)) throw new IpcRejected('拖入文件：不是可打开的报告文件');
  return [a.path];
};

/** IPC, drops, loading and closing for the window. */
const wireWindow = (shell: Shell, w: BrowserWindow, c: DocumentController): void => {
  const policy: SenderPolicy = { webContents: () => w.webContents, ownUrl: APP_URL, onRefused: (ch, why) => console.warn(`[ipc] refused ${ch}: ${why}`) };
  registerHandlers(ipcMain, policy, c);
  handle(ipcMain, policy, DROP_CHANNEL, droppedFilePath, (path: string) => openFromOS(shell, path));
  // the title is ours (file name and ●), not the page's <title>
  w.on('page-title-updated', (e) => e.preventDefault());
  w.once('ready-to-show', () => w.show());
  w.webContents.on('did-finish-load', () => {
    shell.rendererReady = true;
    for (const f of shell.pendingFiles.splice(0)) openFromOS(shell, f);
    for (const q of shell.queued.splice(0)) sendCommand(shell, q);
  });
  // a page that is gone cannot answer "unsaved changes?": its autosave stays for the next start
  w.webContents.on('render-process-gone', () => {
    shell.allowClose = true;
  });
  w.on('close', (e) => {
    if (shell.allowClose) return;
    e.preventDefault();
    // the editor owns the question: it asks 保存 / 不保存 / 取消 and then calls closeWindow()
    if (c.state.dirty) sendCommand(shell, 'close');
    else void c.closeWindow();
  });
  w.on('closed', () => {
    shell.win = null;
  });
};

export const startDesktopApp = ({ converters, rendererRoot, preload }: StartOptions): void => {
  if (!configureApp()) return;
  const shell: Shell = {
    win: null,
    controller: null,
    rendererReady: false,
    allowClose: false,
    queued: [],
    pendingFiles: filesFromArgv(process.argv, app.isPackaged, process.cwd()).slice(0, 1),
  };
  listenToOS(shell);

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveRenderer(rendererRoot ?? join(app.getAppPath(), 'dist', 'renderer'));
    const userData = app.getPath('userData');
    const recent = new RecentFiles(join(userData, 'recent.json'), nodeFsPort);
    await recent.load();
    const refreshMenu = installMenu(shell, recent, userData);
    const c = createController(shell, converters, recent, userData, refreshMenu);
    shell.controller = c;
    // temp files of saves killed in an earlier run (never those of a save still running)
    void c.sweepStaleTemps().catch(() => undefined);
    const w = createWindow(c.title(APP_NAME), preload);
    shell.win = w;
    wireWindow(shell, w, c);
    updateTitle(shell);
    await w.loadURL(APP_URL);
  });
};
