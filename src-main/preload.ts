/**
 * The only bridge between the sandboxed editor page and the host: window.reportApi, exactly the
 * methods of ReportApi, one ipcRenderer.invoke per channel, built from IPC_CHANNELS (so a new method
 * needs no edit here). Nothing of ipcRenderer itself is exposed.
 *
 * A file dropped on the window is taken from the drop event's own File: webUtils.getPathForFile gives
 * a path only for a file the user really dropped (a File made by script has none), and the path goes
 * straight to the main process on a channel the page cannot reach.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { DROP_CHANNEL, type DroppedFile, IPC_CHANNELS, type MenuCommand, type ReportApi, isInvokeMethod } from '../shared/ipc';

type Listener = (command: MenuCommand) => void;
const listeners = new Set<Listener>();
/** Commands sent before the editor subscribed (a file opened from the desktop at start-up). */
const early: MenuCommand[] = [];

ipcRenderer.on(IPC_CHANNELS.onMenuCommand, (_event, command: MenuCommand) => {
  if (listeners.size === 0) early.push(command);
  else for (const l of listeners) l(command);
});

const invokers = Object.fromEntries(
  Object.keys(IPC_CHANNELS)
    .filter(isInvokeMethod)
    .map((k) => [k, (...args: unknown[]) => ipcRenderer.invoke(IPC_CHANNELS[k], ...args)]),
);

const reportApi = {
  ...invokers,
  onMenuCommand: (listener: Listener) => {
    listeners.add(listener);
    for (const c of early.splice(0)) listener(c);
    return () => {
      listeners.delete(listener);
    };
  },
} as ReportApi;

contextBridge.exposeInMainWorld('reportApi', reportApi);

// files only: text dragged within the editor (a narrative paragraph) keeps its default behaviour
const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;
window.addEventListener('dragover', (e) => {
  if (carriesFiles(e)) e.preventDefault();
});
window.addEventListener('drop', (e) => {
  if (!carriesFiles(e)) return;
  e.preventDefault();
  if (!e.isTrusted) return;
  const file = e.dataTransfer?.files[0];
  const path = file ? webUtils.getPathForFile(file) : '';
  if (path) void ipcRenderer.invoke(DROP_CHANNEL, { path } satisfies DroppedFile);
});
