/**
 * One typed helper registers every invoking channel of ReportApi: it checks the sender, validates
 * the arguments and only then calls the implementation. There is no generic channel.
 */
import { IPC_CHANNELS, type ReportApi } from '../shared/ipc';
import { type IpcEventLike, IpcRejected, VALIDATORS, type Validator, isTrustedSender } from './ipc-validation';

export type InvokeChannel = Exclude<keyof ReportApi, 'onMenuCommand'>;
export type Implementation = { [K in InvokeChannel]: (...args: Parameters<ReportApi[K]>) => ReturnType<ReportApi[K]> | Awaited<ReturnType<ReportApi[K]>> };

/** The slice of Electron's ipcMain used here. */
export type IpcMainLike = { handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void; removeHandler(channel: string): void };

export type SenderPolicy = { readonly webContents: () => unknown; readonly ownUrl: string; readonly onRefused?: (channel: string, reason: string) => void };

export const handle = <K extends InvokeChannel>(
  ipcMain: IpcMainLike,
  policy: SenderPolicy,
  channel: K,
  validator: Validator<K>,
  fn: (...args: Parameters<ReportApi[K]>) => unknown,
): void => {
  const name = IPC_CHANNELS[channel];
  ipcMain.handle(name, async (event, ...raw) => {
    if (!isTrustedSender(event, policy.webContents(), policy.ownUrl)) {
      policy.onRefused?.(name, 'sender');
      throw new IpcRejected(`拒绝来自非本程序页面的请求（${name}）`);
    }
    let args: Parameters<ReportApi[K]>;
    try {
      args = validator(raw);
    } catch (e) {
      policy.onRefused?.(name, e instanceof Error ? e.message : String(e));
      throw e;
    }
    return fn(...args);
  });
};

export const registerHandlers = (ipcMain: IpcMainLike, policy: SenderPolicy, impl: Implementation): (() => void) => {
  handle(ipcMain, policy, 'openReport', VALIDATORS.openReport, () => impl.openReport());
  handle(ipcMain, policy, 'openTemplate', VALIDATORS.openTemplate, () => impl.openTemplate());
  handle(ipcMain, policy, 'consolidateReports', VALIDATORS.consolidateReports, () => impl.consolidateReports());
  handle(ipcMain, policy, 'saveReport', VALIDATORS.saveReport, (r, o) => impl.saveReport(r, o));
  handle(ipcMain, policy, 'exportReport', VALIDATORS.exportReport, (r, k) => impl.exportReport(r, k));
  handle(ipcMain, policy, 'setDirty', VALIDATORS.setDirty, (d, r) => impl.setDirty(d, r));
  handle(ipcMain, policy, 'listRecoveries', VALIDATORS.listRecoveries, () => impl.listRecoveries());
  handle(ipcMain, policy, 'restoreRecovery', VALIDATORS.restoreRecovery, (id) => impl.restoreRecovery(id));
  handle(ipcMain, policy, 'discardRecovery', VALIDATORS.discardRecovery, (id) => impl.discardRecovery(id));
  return () => {
    for (const [k, ch] of Object.entries(IPC_CHANNELS)) if (k !== 'onMenuCommand') ipcMain.removeHandler(ch);
  };
};
