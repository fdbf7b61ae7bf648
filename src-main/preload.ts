/**
 * The only bridge between the sandboxed editor page and the host: window.reportApi, exactly the
 * methods of ReportApi, one ipcRenderer.invoke per channel. Nothing of ipcRenderer itself is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type MenuCommand, type ReportApi } from '../shared/ipc';

type Listener = (command: MenuCommand) => void;
const listeners = new Set<Listener>();
/** Commands sent before the editor subscribed (a file opened from the desktop at start-up). */
const early: MenuCommand[] = [];

ipcRenderer.on(IPC_CHANNELS.onMenuCommand, (_event, command: MenuCommand) => {
  if (listeners.size === 0) early.push(command);
  else for (const l of listeners) l(command);
});

const reportApi = {
  openReport: () => ipcRenderer.invoke(IPC_CHANNELS.openReport),
  openTemplate: () => ipcRenderer.invoke(IPC_CHANNELS.openTemplate),
  consolidateReports: () => ipcRenderer.invoke(IPC_CHANNELS.consolidateReports),
  saveReport: (report, options) => ipcRenderer.invoke(IPC_CHANNELS.saveReport, report, { saveAs: options.saveAs }),
  exportReport: (report, kind) => ipcRenderer.invoke(IPC_CHANNELS.exportReport, report, kind),
  setDirty: (dirty, report) => {
    void ipcRenderer.invoke(IPC_CHANNELS.setDirty, dirty, report);
  },
  listRecoveries: () => ipcRenderer.invoke(IPC_CHANNELS.listRecoveries),
  restoreRecovery: (id) => ipcRenderer.invoke(IPC_CHANNELS.restoreRecovery, id),
  discardRecovery: (id) => ipcRenderer.invoke(IPC_CHANNELS.discardRecovery, id),
  onMenuCommand: (listener) => {
    listeners.add(listener);
    for (const c of early.splice(0)) listener(c);
    return () => {
      listeners.delete(listener);
    };
  },
} satisfies ReportApi;

contextBridge.exposeInMainWorld('reportApi', reportApi);
