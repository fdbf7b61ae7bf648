/**
 * Everything that comes from the renderer is untrusted: the sender must be the main frame of our
 * window showing our own page, and each argument list is checked before a handler sees it. A report
 * goes through restore() (the same gate as a file from the disk); no handler takes a path.
 */
import type { ExportKind, ReportApi } from '../shared/ipc';
import { type Report, restore } from '../shared/report';
import { isRecoveryId } from './recovery';

export class IpcRejected extends Error {
  override readonly name = 'IpcRejected';
}

/** Turns the raw argument list of one channel into the method's parameters, or throws IpcRejected. */
export type Validator<K extends keyof ReportApi> = (args: readonly unknown[]) => Parameters<ReportApi[K]>;

const arity = (args: readonly unknown[], n: number, what: string): void => {
  if (args.length !== n) throw new IpcRejected(`${what}：参数个数应为 ${n}，实际为 ${args.length}`);
};

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

export const validReport = (x: unknown, what: string): Report => {
  const r = restore(x);
  if (!r.ok) throw new IpcRejected(`${what}：报告内容无效 —— ${r.errors.slice(0, 5).join('；')}`);
  return r.report;
};

const EXPORT_KINDS: readonly ExportKind[] = ['docx', 'xlsx', 'html'];

export const VALIDATORS: { readonly [K in Exclude<keyof ReportApi, 'onMenuCommand'>]: Validator<K> } = {
  openReport: (args) => (arity(args, 0, '打开'), []),
  openTemplate: (args) => (arity(args, 0, '以模板新建'), []),
  consolidateReports: (args) => (arity(args, 0, '汇总多个报告'), []),
  saveReport: (args) => {
    arity(args, 2, '保存');
    const opts = args[1];
    if (!isPlainObject(opts) || typeof opts['saveAs'] !== 'boolean' || Object.keys(opts).some((k) => k !== 'saveAs'))
      throw new IpcRejected('保存：选项只能是 { saveAs: true/false }（文件位置只能由对话框选择）');
    return [validReport(args[0], '保存'), { saveAs: opts['saveAs'] }];
  },
  exportReport: (args) => {
    arity(args, 2, '导出');
    const kind = args[1];
    if (typeof kind !== 'string' || !(EXPORT_KINDS as readonly string[]).includes(kind)) throw new IpcRejected(`导出：未知的导出格式 ${JSON.stringify(kind)}`);
    return [validReport(args[0], '导出'), kind as ExportKind];
  },
  setDirty: (args) => {
    arity(args, 2, '标记修改');
    if (typeof args[0] !== 'boolean') throw new IpcRejected('标记修改：第一个参数应为 true/false');
    return [args[0], args[1] === null ? null : validReport(args[1], '标记修改')];
  },
  listRecoveries: (args) => (arity(args, 0, '列出可恢复文档'), []),
  restoreRecovery: (args) => {
    arity(args, 1, '恢复文档');
    if (!isRecoveryId(args[0])) throw new IpcRejected('恢复文档：无效的恢复编号');
    return [args[0]];
  },
  discardRecovery: (args) => {
    arity(args, 1, '丢弃恢复文档');
    if (!isRecoveryId(args[0])) throw new IpcRejected('丢弃恢复文档：无效的恢复编号');
    return [args[0]];
  },
};

/** What the sender check needs to know about a frame (Electron's WebFrameMain has these). */
export type FrameLike = { readonly url: string; readonly parent: unknown; readonly top?: unknown };
export type IpcEventLike = { readonly sender: unknown; readonly senderFrame: FrameLike | null };

/** Our page: the renderer served by the app:// protocol (or, when loaded from disk, our index.html). */
export const isOwnPageUrl = (url: string, ownUrl: string): boolean => {
  let u: URL;
  let own: URL;
  try {
    u = new URL(url);
    own = new URL(ownUrl);
  } catch {
    return false;
  }
  if (u.protocol !== own.protocol) return false;
  if (u.protocol === 'file:') return u.pathname === own.pathname;
  return u.protocol === 'app:' && u.host === own.host;
};

/**
 * True only for the main frame (no parent) of our own window's web contents, showing our own page.
 * Subframes, other windows, devtools and anything that navigated elsewhere are refused.
 */
export const isTrustedSender = (event: IpcEventLike, ownWebContents: unknown, ownUrl: string): boolean => {
  if (!ownWebContents || event.sender !== ownWebContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isOwnPageUrl(frame.url, ownUrl);
};
