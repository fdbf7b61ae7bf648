/** A DocumentController on a real temp folder with scripted dialogs (what Electron would show). */
import { join } from 'node:path';
import type { ExportKind } from '../../../shared/ipc';
import { importReportFile } from '../../../shared/import';
import type { Report } from '../../../shared/report';
import { type ConflictChoice, type DialogPort, DocumentController, type ConvertersPort, type UnsavedChoice } from '../../../src-main/document-controller';
import { type FsPort, nodeFsPort } from '../../../src-main/fs-port';
import { RecentFiles } from '../../../src-main/recent-files';
import { RecoveryStore } from '../../../src-main/recovery';

export type ScriptedDialogs = DialogPort & {
  openPaths: (string | null)[];
  savePaths: (string | null)[];
  unsaved: UnsavedChoice[];
  conflicts: ConflictChoice[];
  errors: { title: string; message: string }[];
  asked: { kind: 'open' | 'save' | 'unsaved' | 'conflict'; detail: string }[];
};

export const scriptedDialogs = (): ScriptedDialogs => {
  const d: ScriptedDialogs = {
    openPaths: [],
    savePaths: [],
    unsaved: [],
    conflicts: [],
    errors: [],
    asked: [],
    async chooseOpenPath(purpose) {
      d.asked.push({ kind: 'open', detail: purpose });
      return d.openPaths.length ? d.openPaths.shift()! : null;
    },
    async chooseOpenPaths() {
      d.asked.push({ kind: 'open', detail: 'consolidate' });
      return d.openPaths.splice(0).filter((p): p is string => p !== null);
    },
    async chooseSavePath(kind: 'report' | ExportKind, defaultPath: string) {
      d.asked.push({ kind: 'save', detail: `${kind} ${defaultPath}` });
      return d.savePaths.length ? d.savePaths.shift()! : null;
    },
    async askUnsaved(title) {
      d.asked.push({ kind: 'unsaved', detail: title });
      return d.unsaved.shift() ?? 'cancel';
    },
    async askConflict(fileName) {
      d.asked.push({ kind: 'conflict', detail: fileName });
      return d.conflicts.shift() ?? 'cancel';
    },
    async showError(title, message) {
      d.errors.push({ title, message });
    },
  };
  return d;
};

export const noConverters: ConvertersPort = {
  // the real readers: our own files are read through them like any other
  readBytes: importReportFile,
  buildExport: async (kind) => new TextEncoder().encode(`export ${kind}`),
};

let revision = 0;
/** What the editor sends for one edit: the marker with a new revision, then (debounced there) the autosave. */
export const edit = (controller: DocumentController, report: Report) => {
  controller.setDirty(true, ++revision);
  return controller.autosave(revision, report);
};
/** What the editor sends once its report equals the saved one again. */
export const markClean = (controller: DocumentController) => controller.setDirty(false, ++revision);

export const makeController = (dir: string, opts: { fs?: FsPort; recoveryFs?: FsPort; converters?: ConvertersPort; now?: () => number } = {}) => {
  const fs = opts.fs ?? nodeFsPort;
  const dialogs = scriptedDialogs();
  const recent = new RecentFiles(join(dir, 'userData', 'recent.json'), nodeFsPort);
  const recovery = new RecoveryStore(join(dir, 'userData', 'recovery'), opts.recoveryFs ?? nodeFsPort);
  let changes = 0;
  let closes = 0;
  const controller = new DocumentController({
    fs,
    dialogs,
    converters: opts.converters ?? noConverters,
    recent,
    recovery,
    onCloseAllowed: () => closes++,
    documentsDir: join(dir, 'docs'),
    onChange: () => changes++,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { controller, dialogs, recent, recovery, changes: () => changes, closes: () => closes };
};
