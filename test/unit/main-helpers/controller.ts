/** A DocumentController on a real temp folder with scripted dialogs (what Electron would show). */
import { join } from 'node:path';
import type { ExportKind } from '../../../shared/ipc';
import { importReportFile } from '../../../shared/import';
import { type DialogPort, DocumentController, type FormatsPort, type UnsavedChoice } from '../../../src-main/document-controller';
import { type FsPort, nodeFsPort } from '../../../src-main/fs-port';
import { RecentFiles } from '../../../src-main/recent-files';
import { Autosaver, RecoveryStore } from '../../../src-main/recovery';

export type ScriptedDialogs = DialogPort & {
  openPaths: (string | null)[];
  savePaths: (string | null)[];
  unsaved: UnsavedChoice[];
  errors: { title: string; message: string }[];
  asked: { kind: 'open' | 'save' | 'unsaved'; detail: string }[];
};

export const scriptedDialogs = (): ScriptedDialogs => {
  const d: ScriptedDialogs = {
    openPaths: [],
    savePaths: [],
    unsaved: [],
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
    async showError(title, message) {
      d.errors.push({ title, message });
    },
  };
  return d;
};

export const noFormats: FormatsPort = {
  // the real readers: our own files are read through them like any other
  readBytes: importReportFile,
  buildExport: async (kind) => new TextEncoder().encode(`export ${kind}`),
};

export const makeController = (dir: string, opts: { fs?: FsPort; formats?: FormatsPort; autosaveMs?: number; now?: () => number } = {}) => {
  const fs = opts.fs ?? nodeFsPort;
  const dialogs = scriptedDialogs();
  const recent = new RecentFiles(join(dir, 'userData', 'recent.json'), nodeFsPort);
  const recovery = new RecoveryStore(join(dir, 'userData', 'recovery'), nodeFsPort);
  let changes = 0;
  const controller = new DocumentController({
    fs,
    dialogs,
    formats: opts.formats ?? noFormats,
    recent,
    recovery,
    autosaver: new Autosaver(undefined, opts.autosaveMs ?? 50),
    documentsDir: join(dir, 'docs'),
    onChange: () => changes++,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { controller, dialogs, recent, recovery, changes: () => changes };
};
