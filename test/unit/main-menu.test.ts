import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/ipc';
import { type MenuItem, buildMenuTemplate } from '../../src-main/menu-template';
import { filesFromArgv } from '../../src-main/argv';

const build = (platform: NodeJS.Platform, recent: string[] = []) => {
  const log: string[] = [];
  const tpl = buildMenuTemplate(
    { platform, recent, appName: '政府信息公开年报编制器', devTools: false },
    {
      command: (c: MenuCommand) => log.push(c),
      openRecent: (p) => log.push(`recent ${p}`),
      clearRecent: () => log.push('clear'),
      about: () => log.push('about'),
      quit: () => log.push('quit'),
    },
  );
  return { tpl, log };
};
const labels = (items: MenuItem[] | undefined) => (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);
const find = (items: MenuItem[] | undefined, label: string) => (items ?? []).find((i) => i.label === label)!;

describe('application menu', () => {
  it('has the Chinese menus and items the clerks know, in order', () => {
    const { tpl } = build('win32');
    expect(labels(tpl)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(labels(tpl[0]!.submenu)).toEqual([
      '新建(&N)',
      '打开(&O)…',
      '以上年报告为模板新建(&T)…',
      '最近打开(&R)',
      '保存(&S)',
      '另存为(&A)…',
      '导出 Word(&W)…',
      '导出 Excel(&E)…',
      '导出网页(&H)…',
      '汇总多个报告(&C)…',
      '退出(&X)',
    ]);
    expect(labels(tpl[1]!.submenu)).toEqual(['撤销(&U)', '重做(&R)', '剪切(&T)', '复制(&C)', '粘贴(&P)', '全选(&A)']);
    expect(labels(tpl[3]!.submenu)).toEqual(['填报说明(&G)', '关于政府信息公开年报编制器(&A)']);
  });

  it('each file item sends its command to the editor', () => {
    const { tpl, log } = build('linux');
    for (const i of tpl[0]!.submenu!) i.click?.();
    for (const i of tpl[1]!.submenu!) i.click?.();
    find(tpl[3]!.submenu, '填报说明(&G)').click!();
    expect(log).toEqual([
      'new',
      'open',
      'open-template',
      'save',
      'save-as',
      'export-docx',
      'export-xlsx',
      'export-html',
      'consolidate',
      'quit',
      'undo',
      'redo',
      'help',
    ]);
  });

  it('uses the shortcuts of each platform', () => {
    const acc = (p: NodeJS.Platform, menu: number, label: string) => find(build(p).tpl[menu]!.submenu, label).accelerator;
    expect(acc('win32', 0, '保存(&S)')).toBe('CmdOrCtrl+S');
    expect(acc('win32', 1, '重做(&R)')).toBe('Ctrl+Y');
    expect(acc('linux', 1, '重做(&R)')).toBe('Ctrl+Shift+Z');
    expect(acc('win32', 0, '退出(&X)')).toBe('Alt+F4');
    expect(acc('linux', 0, '退出(&X)')).toBe('Ctrl+Q');
    // keys the editor handles itself are shown but not registered, so one press never acts twice
    const win = build('win32').tpl;
    const unregistered = [...win[0]!.submenu!, ...win[1]!.submenu!].filter((i) => i.registerAccelerator === false).map((i) => i.label);
    expect(unregistered).toEqual(['打开(&O)…', '保存(&S)', '另存为(&A)…', '撤销(&U)', '重做(&R)']);
    const mac = build('darwin').tpl;
    expect(labels(mac)).toEqual(['政府信息公开年报编制器', '文件', '编辑', '视图', '帮助']);
    expect(find(mac[2]!.submenu, '重做').accelerator).toBe('Cmd+Shift+Z');
    expect(labels(mac[1]!.submenu)).not.toContain('退出');
  });

  it('lists recent files by name and opens them by the path it keeps', () => {
    const { tpl, log } = build('win32', ['C:\\报告\\A&B局.gkreport', '/home/u/b.gkreport']);
    const recent = find(tpl[0]!.submenu, '最近打开(&R)').submenu!;
    expect(labels(recent)).toEqual(['1  A&&B局.gkreport', '2  b.gkreport', '清除最近打开的文件']);
    recent[1]!.click!();
    expect(log).toEqual(['recent /home/u/b.gkreport']);
    expect(labels(find(build('win32').tpl[0]!.submenu, '最近打开(&R)').submenu)).toEqual(['（无）']);
  });
});

describe('files from the OS', () => {
  it('takes openable files from argv, skipping the executable, the app path and switches', () => {
    expect(filesFromArgv(['/opt/x/app', '--no-sandbox', '年报.gkreport', '/tmp/b.DOCX', 'c.exe'], true, '/home/u')).toEqual([
      '/home/u/年报.gkreport',
      '/tmp/b.DOCX',
    ]);
    expect(filesFromArgv(['electron', '.', '/tmp/a.gkreport'], false, '/')).toEqual(['/tmp/a.gkreport']);
  });
});
