/**
 * The one typed contract between the editor (renderer) and its host: the Electron main process
 * (through the preload) or the browser adapter of the web build. The renderer talks to nothing else.
 *
 * Adding a method touches three places: this file (the method's type, its channel and the check of
 * its arguments), its handler in the main process (a DocumentController method of the same name) and
 * the browser adapter (src-renderer/api/browser-api.ts). The preload and the registration in main
 * are generic over IPC_CHANNELS and need no edit (docs/desktop.md).
 */
import type { Report } from './report/document';
import type { OpenedReport } from './app/opened-report';
import { restore } from './report/restore';

export type ExportKind = 'docx' | 'xlsx' | 'html';

/** draft: the clerk chose 「仍然导出草稿」 (errors, blanks or a missing agency/year): the file says so in its name, the Word file on its first page. */
export type ExportOptions = { readonly draft: boolean };

/** Characters Windows refuses in file names. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * 「某某局2024年政府信息公开工作年度报告」, the name clerks give these files anyway, the same in both hosts; a missing
 * agency or year is left out (not the title's 「（机关名称）」 or blank, which would end up in the file name).
 */
export const suggestedBaseName = (r: Pick<Report, 'agency' | 'year'>): string => {
  const agency = r.agency.replace(UNSAFE_IN_FILE_NAME, '').trim();
  const year = r.year ? `${r.year}年` : '';
  return `${agency}${year}政府信息公开工作年度报告`.slice(0, 120);
};

/** The file name of an export (without extension): 「（草稿）」 added for a draft, so it cannot be taken for the final one. */
export const exportBaseName = (base: string, options?: ExportOptions): string => (options?.draft ? `${base}（草稿）` : base);

/** A report the host opened (made by the use cases in shared/app). */
export type { OpenedReport } from './app/opened-report';

export type SaveOutcome = { readonly ok: true; readonly fileName: string } | { readonly ok: false; readonly cancelled: boolean; readonly message?: string };
/** A failed autosave says why, so the editor shows it and tries again (never silently). */
export type AutosaveOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** Commands of the application menu, sent by the host to the editor. */
export type MenuCommand =
  | 'new'
  | 'open'
  | 'open-template'
  | 'save'
  | 'save-as'
  | 'export-docx'
  | 'export-xlsx'
  | 'export-html'
  | 'consolidate'
  | 'undo'
  | 'redo'
  | 'help'
  /** The clerk closes the window with unsaved changes: the editor asks, then calls closeWindow(). */
  | 'close';

export type RecoveryEntry = { readonly id: string; readonly title: string; readonly savedAt: string };

export type ReportApi = {
  /** Asks the user for a file (ours, or a Word/Excel/text/HTML report) and reads it. null when cancelled. */
  openReport(): Promise<OpenedReport | null>;
  /** Asks for last year's report in any supported format and returns this year's draft made from it. */
  openTemplate(): Promise<OpenedReport | null>;
  /** 汇总多个报告: asks for several reports in any supported format and returns their cell-by-cell sum as a new draft. */
  consolidateReports(): Promise<OpenedReport | null>;
  /** Saves to the current file, or asks where when there is none or saveAs is true. */
  saveReport(report: Report, options: { readonly saveAs: boolean }): Promise<SaveOutcome>;
  /** Builds the export and asks where to write it. */
  exportReport(report: Report, kind: ExportKind, options?: ExportOptions): Promise<SaveOutcome>;
  /**
   * The dirty marker (title ●, whether closing needs a question): sent on every change, so it carries
   * no report — only the document's revision, which grows with each edit.
   */
  setDirty(dirty: boolean, revision: number): Promise<void>;
  /** The latest state for crash recovery, sent only when an autosave is due (the editor debounces). */
  autosave(revision: number, report: Report): Promise<AutosaveOutcome>;
  /** 保存 / 不保存 / 取消 in the host's own dialog; asked by the editor, the one owner of "unsaved changes?". */
  askUnsaved(): Promise<UnsavedChoice>;
  /** The editor has dealt with unsaved changes after a 'close' command: the window closes now. */
  closeWindow(): Promise<void>;
  /** Unsaved documents left by a crash. */
  listRecoveries(): Promise<readonly RecoveryEntry[]>;
  restoreRecovery(id: string): Promise<OpenedReport | null>;
  discardRecovery(id: string): Promise<void>;
  /** Subscribes to menu commands; returns the unsubscribe function. Methods named on… are events from the host. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** The channel of each method, one per method (the preload and main's registration are built from it). */
export const IPC_CHANNELS = {
  openReport: 'report:open',
  openTemplate: 'report:open-template',
  consolidateReports: 'report:consolidate',
  saveReport: 'report:save',
  exportReport: 'report:export',
  setDirty: 'report:set-dirty',
  autosave: 'report:autosave',
  askUnsaved: 'report:ask-unsaved',
  closeWindow: 'window:close',
  listRecoveries: 'recovery:list',
  restoreRecovery: 'recovery:restore',
  discardRecovery: 'recovery:discard',
  onMenuCommand: 'menu:command',
} as const satisfies Record<keyof ReportApi, string>;

/** Methods the editor calls (the rest, named on…, are events the host sends). */
export type InvokeMethod = { [K in keyof ReportApi]: K extends `on${string}` ? never : K }[keyof ReportApi];
export const isInvokeMethod = (k: string): k is InvokeMethod => k in IPC_CHANNELS && !k.startsWith('on');

/**
 * Not part of ReportApi, so no script in the page can call it: the preload sends the path of a file
 * dropped on the window, taken from the drop event's own File (webUtils.getPathForFile), and the main
 * process opens it only after the editor asks (the 'open' command). A navigation never opens a file.
 */
export const DROP_CHANNEL = 'drop:file';
export type DroppedFile = { readonly path: string };

// ——— argument checks: everything from the renderer is untrusted ———

export class IpcRejected extends Error {
  override readonly name = 'IpcRejected';
}

/** Turns the raw argument list of one method into its parameters, or throws IpcRejected. */
export type ArgumentCheck<K extends InvokeMethod> = (args: readonly unknown[]) => Parameters<ReportApi[K]>;

const arity = (args: readonly unknown[], n: number, what: string): void => {
  if (args.length !== n) throw new IpcRejected(`${what}：参数个数应为 ${n}，实际为 ${args.length}`);
};
const none =
  (what: string) =>
  (args: readonly unknown[]): [] => (arity(args, 0, what), []);

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/** A report goes through restore(), the same gate as a file from the disk. */
export const validReport = (x: unknown, what: string): Report => {
  const r = restore(x);
  if (!r.ok) throw new IpcRejected(`${what}：报告内容无效 —— ${r.errors.slice(0, 5).join('；')}`);
  return r.report;
};
const revisionOf = (x: unknown, what: string): number => {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw new IpcRejected(`${what}：修订号应为非负整数`);
  return x;
};
/** Recovery ids are ours (a UUID), never a path. */
export const isRecoveryId = (id: unknown): id is string => typeof id === 'string' && /^[a-z0-9-]{1,64}$/.test(id);
const recoveryId = (x: unknown, what: string): string => {
  if (!isRecoveryId(x)) throw new IpcRejected(`${what}：无效的恢复编号`);
  return x;
};

const EXPORT_KINDS: readonly ExportKind[] = ['docx', 'xlsx', 'html'];

/** No method takes a path: files are chosen in the host's dialogs only. */
export const IPC_ARGUMENTS: { readonly [K in InvokeMethod]: ArgumentCheck<K> } = {
  openReport: none('打开'),
  openTemplate: none('以模板新建'),
  consolidateReports: none('汇总多个报告'),
  saveReport: (args) => {
    arity(args, 2, '保存');
    const opts = args[1];
    if (!isPlainObject(opts) || typeof opts['saveAs'] !== 'boolean' || Object.keys(opts).some((k) => k !== 'saveAs'))
      throw new IpcRejected('保存：选项只能是 { saveAs: true/false }（文件位置只能由对话框选择）');
    return [validReport(args[0], '保存'), { saveAs: opts['saveAs'] }];
  },
  exportReport: (args) => {
    if (args.length !== 3) arity(args, 2, '导出');
    const kind = args[1];
    if (typeof kind !== 'string' || !(EXPORT_KINDS as readonly string[]).includes(kind)) throw new IpcRejected(`导出：未知的导出格式 ${JSON.stringify(kind)}`);
    const opts = args[2];
    if (opts === undefined) return [validReport(args[0], '导出'), kind as ExportKind];
    if (!isPlainObject(opts) || typeof opts['draft'] !== 'boolean' || Object.keys(opts).some((k) => k !== 'draft'))
      throw new IpcRejected('导出：选项只能是 { draft: true/false }（文件位置只能由对话框选择）');
    return [validReport(args[0], '导出'), kind as ExportKind, { draft: opts['draft'] }];
  },
  setDirty: (args) => {
    arity(args, 2, '标记修改');
    if (typeof args[0] !== 'boolean') throw new IpcRejected('标记修改：第一个参数应为 true/false');
    return [args[0], revisionOf(args[1], '标记修改')];
  },
  autosave: (args) => {
    arity(args, 2, '自动保存');
    return [revisionOf(args[0], '自动保存'), validReport(args[1], '自动保存')];
  },
  askUnsaved: none('询问是否保存'),
  closeWindow: none('关闭窗口'),
  listRecoveries: none('列出可恢复文档'),
  restoreRecovery: (args) => (arity(args, 1, '恢复文档'), [recoveryId(args[0], '恢复文档')]),
  discardRecovery: (args) => (arity(args, 1, '丢弃恢复文档'), [recoveryId(args[0], '丢弃恢复文档')]),
};
