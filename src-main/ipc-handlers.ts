/**
 * Registers every invoking method of ReportApi, generically: it checks the sender, checks the
 * arguments (IPC_ARGUMENTS of the contract) and only then calls the method of the same name on the
 * implementation (the DocumentController). There is no generic channel and nothing to edit here when
 * a method is added.
 */
import { IPC_ARGUMENTS, IPC_CHANNELS, type InvokeMethod, type ReportApi, isInvokeMethod } from '../shared/ipc';
import { type IpcEventLike, IpcRejected, isTrustedSender } from './ipc-validation';

export type Implementation = { [K in InvokeMethod]: (...args: Parameters<ReportApi[K]>) => ReturnType<ReportApi[K]> | Awaited<ReturnType<ReportApi[K]>> };

/** The slice of Electron's ipcMain used here. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
};

export type SenderPolicy = { readonly webContents: () => unknown; readonly ownUrl: string; readonly onRefused?: (channel: string, reason: string) => void };

/** One channel: the sender and the arguments are checked before `fn` sees anything. */
export const handle = (
  ipcMain: IpcMainLike,
  policy: SenderPolicy,
  name: string,
  check: (raw: readonly unknown[]) => unknown[],
  fn: (...args: never[]) => unknown,
): void => {
  ipcMain.handle(name, async (event, ...raw) => {
    if (!isTrustedSender(event, policy.webContents(), policy.ownUrl)) {
      policy.onRefused?.(name, 'sender');
      throw new IpcRejected(`拒绝来自非本程序页面的请求（${name}）`);
    }
    let args: unknown[];
    try {
      args = check(raw);
    } catch (e) {
      policy.onRefused?.(name, e instanceof Error ? e.message : String(e));
      throw e;
    }
    return (fn as (...a: unknown[]) => unknown)(...args);
  });
};

export const registerHandlers = (ipcMain: IpcMainLike, policy: SenderPolicy, impl: Implementation): (() => void) => {
  const methods = Object.keys(IPC_CHANNELS).filter(isInvokeMethod);
  for (const k of methods) {
    const check = IPC_ARGUMENTS[k] as (raw: readonly unknown[]) => unknown[];
    const fn = impl[k] as (...a: unknown[]) => unknown;
    handle(ipcMain, policy, IPC_CHANNELS[k], check, (...args: never[]) => fn.apply(impl, args));
  }
  return () => {
    for (const k of methods) ipcMain.removeHandler(IPC_CHANNELS[k]);
  };
};
