/**
 * The Chinese application menu as data (Electron's MenuItemConstructorOptions shape), built by a
 * pure function so the items, their order and the shortcuts of each platform can be tested.
 */
import type { MenuCommand } from '../shared/ipc';

/** The name of a file whichever OS wrote the path. */
const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

export type MenuItem = {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  /** false: shown in the menu, but the key goes to the editor, which handles it itself (no double undo). */
  registerAccelerator?: boolean;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
};

export type MenuActions = {
  /** Menu commands carried out by the editor. */
  command(c: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  about(): void;
  quit(): void;
};

export type MenuOptions = { readonly platform: NodeJS.Platform; readonly recent: readonly string[]; readonly appName: string; readonly devTools: boolean };

export const buildMenuTemplate = (o: MenuOptions, a: MenuActions): MenuItem[] => {
  const mac = o.platform === 'darwin';
  const sep: MenuItem = { type: 'separator' };
  const recent: MenuItem[] = o.recent.length
    ? [
        ...o.recent.map((p, i): MenuItem => ({ label: `${i + 1}  ${baseName(p).replace(/&/g, '&&')}`, click: () => a.openRecent(p) })),
        sep,
        { label: '清除最近打开的文件', click: () => a.clearRecent() },
      ]
    : [{ label: '（无）', enabled: false }];

  const file: MenuItem = {
    label: '文件(&F)',
    submenu: [
      { label: '新建(&N)', accelerator: 'CmdOrCtrl+N', click: () => a.command('new') },
      { label: '打开(&O)…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: () => a.command('open') },
      { label: '以上年报告为模板新建(&T)…', accelerator: 'CmdOrCtrl+Shift+N', click: () => a.command('open-template') },
      { label: '最近打开(&R)', submenu: recent },
      sep,
      { label: '保存(&S)', accelerator: 'CmdOrCtrl+S', registerAccelerator: false, click: () => a.command('save') },
      { label: '另存为(&A)…', accelerator: 'CmdOrCtrl+Shift+S', registerAccelerator: false, click: () => a.command('save-as') },
      sep,
      { label: '导出 Word(&W)…', click: () => a.command('export-docx') },
      { label: '导出 Excel(&E)…', click: () => a.command('export-xlsx') },
      { label: '导出网页(&H)…', click: () => a.command('export-html') },
      sep,
      { label: '汇总多个报告(&C)…', click: () => a.command('consolidate') },
      ...(mac ? [] : [sep, { label: '退出(&X)', accelerator: o.platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q', click: () => a.quit() }]),
    ],
  };
  const edit: MenuItem = {
    label: '编辑(&E)',
    submenu: [
      // the editor keeps its own history (cells, narratives, totals), so undo is its command, not the text
      // field's; it also catches Ctrl+Z/Y/S/O itself, so those shortcuts are only shown here
      { label: '撤销(&U)', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => a.command('undo') },
      {
        label: '重做(&R)',
        accelerator: o.platform === 'win32' ? 'Ctrl+Y' : mac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z',
        registerAccelerator: false,
        click: () => a.command('redo'),
      },
      sep,
      { label: '剪切(&T)', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: '复制(&C)', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: '粘贴(&P)', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: '全选(&A)', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };
  const view: MenuItem = {
    label: '视图(&V)',
    submenu: [
      { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      sep,
      { label: '全屏', role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(o.devTools ? [sep, { label: '开发者工具', role: 'toggleDevTools' }] : []),
    ],
  };
  const help: MenuItem = {
    label: '帮助(&H)',
    submenu: [{ label: '填报说明(&G)', accelerator: 'F1', click: () => a.command('help') }, sep, { label: `关于${o.appName}(&A)`, click: () => a.about() }],
  };
  const macApp: MenuItem = {
    label: o.appName,
    submenu: [
      { label: `关于${o.appName}`, click: () => a.about() },
      sep,
      { label: '隐藏', role: 'hide' },
      { label: '隐藏其他', role: 'hideOthers' },
      sep,
      { label: `退出${o.appName}`, accelerator: 'Cmd+Q', click: () => a.quit() },
    ],
  };
  // on macOS the mnemonics (&F) mean nothing and show literally
  const strip = (items: MenuItem[]): MenuItem[] =>
    items.map((i) => ({ ...i, ...(i.label ? { label: i.label.replace(/\(&.\)/, '') } : {}), ...(i.submenu ? { submenu: strip(i.submenu) } : {}) }));
  return mac ? strip([macApp, file, edit, view, help]) : [file, edit, view, help];
};
