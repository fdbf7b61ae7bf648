/**
 * The Electron adapter: window, menu, dialogs, protocol and IPC wiring around DocumentController.
 * Everything that can be decided without Electron lives in the modules it imports.
 */
import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuCommand } from '../shared/ipc';
import { IPC_CHANNELS } from '../shared/ipc';
import { APP_SCHEME, APP_URL, resolveAppAsset, securityHeaders } from './app-protocol';
import { filesFromArgv } from './argv';
import { type DialogPort, DocumentController, type FormatsPort } from './document-controller';
import { OPEN_FILTERS, SAVE_FILTERS } from './file-types';
import { nodeFsPort } from './fs-port';
import { registerHandlers } from './ipc-handlers';
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
  async showError(title, message) {
    const w = window();
    const opts: Electron.MessageBoxOptions = { type: 'error', title: APP_NAME, message: title, detail: message, buttons: ['确定'], noLink: true };
    if (w) await dialog.showMessageBox(w, opts);
    else await dialog.showMessageBox(opts);
  },
});

export type StartOptions = { readonly formats: FormatsPort; readonly rendererRoot?: string; readonly preload?: string };

export const startDesktopApp = ({ formats, rendererRoot, preload }: StartOptions): void => {
  registerScheme();
  app.enableSandbox();
  app.setName(APP_NAME);
  // recovery/ and recent.json live here: %APPDATA%\disclosure-report, ~/.config/disclosure-report
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_DIR));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let win: BrowserWindow | null = null;
  let controller: DocumentController | null = null;
  let rendererReady = false;
  let closing = false;
  let allowClose = false;
  const queued: MenuCommand[] = [];
  // one window, one document: of several files handed over at once, the first is opened
  const pendingFiles: string[] = filesFromArgv(process.argv, app.isPackaged, process.cwd()).slice(0, 1);

  const send = (c: MenuCommand): void => {
    if (win && rendererReady) win.webContents.send(IPC_CHANNELS.onMenuCommand, c);
    else if (!queued.includes(c)) queued.push(c);
  };
  const openFromOS = (path: string): void => {
    if (!controller) {
      pendingFiles.splice(0, pendingFiles.length, path);
      return;
    }
    if (controller.requestOpen(path)) {
      send('open');
      if (win) {
        if (win.isMinimized()) win.restore();
        win.focus();
      }
    }
  };
  const updateTitle = (): void => {
    if (!win || !controller) return;
    win.setTitle(controller.title(APP_NAME));
    win.setDocumentEdited(controller.state.dirty);
    if (controller.state.filePath) win.setRepresentedFilename(controller.state.filePath);
  };

  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, openFromOS));
  app.on('open-file', (e, path) => {
    e.preventDefault();
    openFromOS(path);
  });
  app.on('second-instance', (_e, argv, cwd) => {
    for (const f of filesFromArgv(argv, app.isPackaged, cwd).slice(0, 1)) openFromOS(f);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const root = rendererRoot ?? join(app.getAppPath(), 'dist', 'renderer');
    serveRenderer(root);

    const userData = app.getPath('userData');
    const recent = new RecentFiles(join(userData, 'recent.json'), nodeFsPort);
    await recent.load();
    const refreshMenu = (): void => {
      const template = buildMenuTemplate(
        { platform: process.platform, recent: recent.list(), appName: APP_NAME, devTools: !app.isPackaged },
        {
          command: send,
          openRecent: openFromOS,
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
            void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
          },
          quit: () => app.quit(),
        },
      );
      Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));
    };

    controller = new DocumentController({
      fs: nodeFsPort,
      dialogs: electronDialogs(() => win),
      formats,
      recent,
      recovery: new RecoveryStore(join(userData, 'recovery'), nodeFsPort),
      documentsDir: app.getPath('documents'),
      onChange: updateTitle,
      onRecent: (p) => {
        app.addRecentDocument(p);
        refreshMenu();
      },
    });
    const c = controller;
    refreshMenu();

    win = new BrowserWindow({
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      title: c.title(APP_NAME),
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
        // a file dropped on the window becomes a navigation, which hardenWebContents turns into an open request
        navigateOnDragDrop: true,
        spellcheck: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const w = win;
    registerHandlers(
      ipcMain,
      { webContents: () => w.webContents, ownUrl: APP_URL, onRefused: (ch, why) => console.warn(`[ipc] refused ${ch}: ${why}`) },
      {
        openReport: () => c.openReport(),
        openTemplate: () => c.openTemplate(),
        consolidateReports: () => c.consolidateReports(),
        saveReport: (r, o) => c.saveReport(r, o),
        exportReport: (r, k) => c.exportReport(r, k),
        setDirty: (d, r) => c.setDirty(d, r),
        listRecoveries: () => c.listRecoveries(),
        restoreRecovery: (id) => c.restoreRecovery(id),
        discardRecovery: (id) => c.discardRecovery(id),
      },
    );
    // the title is ours (file name and ●), not the page's <title>
    w.on('page-title-updated', (e) => e.preventDefault());
    w.once('ready-to-show', () => w.show());
    w.webContents.on('did-finish-load', () => {
      rendererReady = true;
      for (const f of pendingFiles.splice(0)) openFromOS(f);
      for (const q of queued.splice(0)) send(q);
    });
    w.on('close', (e) => {
      if (allowClose) return;
      e.preventDefault();
      if (closing) return;
      closing = true;
      void c.confirmClose().then(
        (ok) => {
          closing = false;
          if (ok) {
            allowClose = true;
            w.close();
          }
        },
        () => {
          closing = false;
        },
      );
    });
    w.on('closed', () => {
      win = null;
    });
    app.on('before-quit', () => {
      // a quit from the OS (log-off) may not wait for dialogs: the last edits at least reach the recovery folder
      void c.flushAutosave();
    });
    updateTitle();
    await w.loadURL(APP_URL);
  });
};
