// Preloaded (node -r) into the built out/main/main.cjs in main-bundle.test.ts: answers require('electron')
// with a minimal stand-in, drives the app once the page "loads", and prints what happened as JSON lines.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const path = require('node:path');

const log = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const env = process.env;
const handlers = new Map();
let protocolHandler = null;
const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  enableSandbox: () => log({ sandbox: true }),
  setName: () => undefined,
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  paths: {},
  getPath: (k) => app.paths[k] ?? path.join(env.GK_USERDATA, k),
  setPath: (k, v) => (app.paths[k] = v),
  getAppPath: () => env.GK_APPDIR,
  getVersion: () => '0.0.0',
  addRecentDocument: () => undefined,
  quit: () => process.exit(0),
});
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    log({ window: options.webPreferences });
    this.webContents = Object.assign(new EventEmitter(), {
      send: (...a) => log({ send: a }),
      mainFrame: { url: 'app://renderer/index.html', parent: null },
      setWindowOpenHandler: () => undefined,
    });
    app.emit('web-contents-created', {}, this.webContents);
  }
  setTitle(t) {
    log({ title: t });
  }
  setDocumentEdited() {}
  setRepresentedFilename() {}
  isMinimized() {
    return false;
  }
  focus() {}
  show() {}
  async loadURL(url) {
    log({ loadURL: url });
    const page = await protocolHandler({ url, method: 'GET' });
    log({ page: page.status, csp: page.headers.get('content-security-policy') });
    const call = (ch, ...args) => handlers.get(ch)({ sender: this.webContents, senderFrame: this.webContents.mainFrame }, ...args);
    const opened = await call('report:open');
    log({
      opened: opened && {
        source: opened.source,
        agency: opened.report.agency,
        year: opened.report.year,
        granted: opened.report.cells['t3.granted.total'] ?? null,
        notes: opened.notes.length,
      },
    });
    const exported = await call('report:export', opened.report, 'docx');
    log({ exported });
    try {
      await call('report:save', opened.report, { saveAs: false, path: '/tmp/x' });
    } catch (e) {
      log({ refused: e.message });
    }
    process.exit(0);
  }
}
const fake = {
  app,
  BrowserWindow,
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => log({ menu: m.map((x) => x.label) }) },
  dialog: {
    showOpenDialog: async () => ({ canceled: false, filePaths: [env.GK_OPEN] }),
    showSaveDialog: async () => ({ canceled: false, filePath: env.GK_EXPORT }),
    showMessageBox: async (...a) => (log({ messageBox: a.at(-1) }), { response: 0 }),
  },
  ipcMain: { handle: (ch, l) => handlers.set(ch, l), removeHandler: () => undefined },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: (_s, h) => (protocolHandler = h) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: () => undefined, onHeadersReceived: () => undefined },
    },
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};
process.on('unhandledRejection', (e) => {
  log({ error: String(e && e.stack) });
  process.exit(2);
});
