/**
 * The one open document of the window, and everything the host does with files: open, import, save,
 * save as, export, the dirty marker, autosave and crash recovery. Each public method of ReportApi's name
 * is that method's handler (registered generically, src-main/ipc-handlers.ts). The editor owns the
 * document and the question "unsaved changes?"; this keeps only the file it belongs to and what that
 * file held when last read or written, so a save never silently overwrites another program's change.
 * Plain TypeScript: Electron's dialogs, the disk and the readers/exporters come in as ports.
 */
import { basename, dirname, join } from 'node:path';
import { consolidateFiles } from '../shared/app/consolidate-files';
import { isTooLarge, openReportBytes, openedForEditor, type OpenOutcome, type ReadBytes, refusalText, tooLargeRefusal } from '../shared/app/open-report';
import { templateForEditor, templateFrom } from '../shared/app/template-from';
import {
  type AutosaveOutcome,
  type ExportKind,
  type ExportOptions,
  type OpenedReport,
  type RecoveryEntry,
  type SaveOutcome,
  type UnsavedChoice,
  exportBaseName,
} from '../shared/ipc';
import { REPORT_EXTENSION, type Report, serialiseReport } from '../shared/report';
import type { FsPort } from './fs-port';
import { type DiskStamp, atomicWrite, changedSince, stampOf, sweepStaleTemps } from './atomic-write';
import { describeReadError, describeWriteError } from './write-errors';
import { isOpenable, suggestedBaseName, withExtension } from './file-types';
import type { RecentFiles } from './recent-files';
import { RecoveryStore, WriteQueue, newRecoveryId } from './recovery';

export type { UnsavedChoice };
export type ConflictChoice = 'overwrite' | 'save-as' | 'cancel';

export type DialogPort = {
  /** An existing file chosen by the user; null when cancelled. */
  chooseOpenPath(purpose: 'open' | 'template'): Promise<string | null>;
  /** Several existing files (汇总多个报告); empty when cancelled. */
  chooseOpenPaths(): Promise<string[]>;
  /** Where to write; null when cancelled. */
  chooseSavePath(kind: 'report' | ExportKind, defaultPath: string): Promise<string | null>;
  /** 保存 / 不保存 / 取消 for the document named. */
  askUnsaved(title: string): Promise<UnsavedChoice>;
  /** 覆盖 / 另存为 / 取消 when the file changed on disk since it was opened or last saved. */
  askConflict(fileName: string): Promise<ConflictChoice>;
  showError(title: string, message: string): Promise<void>;
};

export type ConvertersPort = {
  /** The readers (shared/import), run where untrusted bytes cannot harm the app. */
  readonly readBytes: ReadBytes;
  buildExport(kind: ExportKind, report: Report, options?: ExportOptions): Uint8Array | Promise<Uint8Array>;
};

export type ControllerDeps = {
  readonly fs: FsPort;
  readonly dialogs: DialogPort;
  readonly converters: ConvertersPort;
  readonly recent: RecentFiles;
  readonly recovery: RecoveryStore;
  readonly writes?: WriteQueue;
  /** Default folder for the first save (the user's documents folder). */
  readonly documentsDir: string;
  /** Called whenever the title or the dirty marker changes. */
  readonly onChange?: () => void;
  /** Told about every file opened or saved, for the OS's own recent list. */
  readonly onRecent?: (path: string) => void;
  /** The editor has dealt with unsaved changes: the window may close (closeWindow). */
  readonly onCloseAllowed?: () => void;
  readonly now?: () => number;
};

export const UNTITLED = '未命名报告';
/** How long a file handed over by the OS waits for the editor's openReport() (it may ask about unsaved work first). */
export const PENDING_OPEN_MS = 60_000;

const identityOf = (r: Report): string => JSON.stringify([r.agency.trim(), r.year]);

export class DocumentController {
  /** The file the document is saved to; null for a new, imported, or template document. */
  private filePath: string | null = null;
  private dirty = false;
  /** The editor's revision of the document (setDirty), so a save that finishes after a newer edit does not clear the marker. */
  private revision = 0;
  /** Bumped when another document replaces this one, so a late autosave of the old one is dropped. */
  private generation = 0;
  /** What filePath held when it was last read or written by us: a difference at save time is another program's change. */
  private diskStamp: DiskStamp | null = null;
  /** This document's recovery file id; renewed when another document replaces it. */
  private recoveryId = newRecoveryId();
  /** Recovery ids of this run, never offered as left by a crash. */
  private readonly ownRecoveryIds = new Set<string>([this.recoveryId]);
  /** Agency and year of what was last read from or written to filePath (see saveReport). */
  private fileIdentity: string | null = null;
  /**
   * A file the OS, the recent list or a drop asked to open; consumed by the next openReport(). It
   * expires, so a request the clerk cancelled in the editor does not replace a later 打开 dialog.
   */
  private pending: { path: string; at: number } | null = null;
  private readonly writes: WriteQueue;

  private readonly now: () => number;

  constructor(private readonly deps: ControllerDeps) {
    this.writes = deps.writes ?? new WriteQueue();
    this.now = deps.now ?? Date.now;
  }

  get state(): { readonly filePath: string | null; readonly dirty: boolean; readonly recoveryId: string } {
    return { filePath: this.filePath, dirty: this.dirty, recoveryId: this.recoveryId };
  }

  get fileName(): string | null {
    return this.filePath ? basename(this.filePath) : null;
  }

  title(appName: string): string {
    return `${this.dirty ? '● ' : ''}${this.fileName ?? UNTITLED} — ${appName}`;
  }

  // ——— opening ———

  /** A path handed over by the OS (argv, open-file), the recent list or a file dropped on the window. */
  requestOpen(path: string): boolean {
    if (!isOpenable(path)) return false;
    this.pending = { path, at: this.now() };
    return true;
  }

  async openReport(): Promise<OpenedReport | null> {
    // the editor has already asked about unsaved changes before calling (it owns that question here)
    const pending = this.pending && this.now() - this.pending.at <= PENDING_OPEN_MS ? this.pending.path : null;
    this.pending = null;
    const path = pending ?? (await this.deps.dialogs.chooseOpenPath('open'));
    if (!path) return null;
    return this.openPath(path);
  }

  async openTemplate(): Promise<OpenedReport | null> {
    const path = await this.deps.dialogs.chooseOpenPath('template');
    if (!path) return null;
    const name = basename(path);
    const read = await this.readAny(path);
    if (!read.ok) return this.refuse('无法打开文件', refusalText(name, read));
    const made = templateFrom(read);
    if (!made.ok) return this.refuse('无法以该报告为模板', made.message);
    this.replaceDocument(null, made.report, false);
    return templateForEditor(name, read, made);
  }

  /** 汇总多个报告: the chosen reports summed cell by cell into a new, unsaved draft. */
  async consolidateReports(): Promise<OpenedReport | null> {
    const paths = await this.deps.dialogs.chooseOpenPaths();
    if (!paths.length) return null;
    const files: { name: string; outcome: OpenOutcome }[] = [];
    for (const path of paths) files.push({ name: basename(path), outcome: await this.readAny(path) });
    const draft = consolidateFiles(files);
    if ('ok' in draft) return this.refuse('无法汇总', draft.message);
    this.replaceDocument(null, draft.report, false);
    return draft;
  }

  private async openPath(path: string): Promise<OpenedReport | null> {
    // taken before reading: a change in between shows as a conflict at the next save (the safe side)
    const stamp = await stampOf(this.deps.fs, path).catch(() => null);
    const name = basename(path);
    const read = await this.readAny(path);
    if (!read.ok) return this.refuse('无法打开文件', refusalText(name, read));
    const own = read.kind === 'own';
    this.replaceDocument(own ? path : null, read.report, false, own ? stamp : null);
    await this.deps.recent.add(path);
    this.deps.onRecent?.(path);
    return openedForEditor(name, read);
  }

  private async refuse(title: string, message: string): Promise<null> {
    await this.deps.dialogs.showError(title, message);
    return null;
  }

  /** The disk part of opening (stat, size limit, read); the rest is openReportBytes, the same for every host. */
  private async readAny(path: string): Promise<OpenOutcome> {
    const name = basename(path);
    let bytes: Uint8Array;
    try {
      const s = await this.deps.fs.stat(path);
      if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (isTooLarge(s.size)) return tooLargeRefusal(s.size);
      bytes = await this.deps.fs.readFile(path);
    } catch (e) {
      // gone or unreadable: it leaves the recent list
      if (this.deps.recent.has(path)) await this.deps.recent.remove(path);
      return { ok: false, message: describeReadError(e, name) };
    }
    return openReportBytes(name, bytes, this.deps.converters.readBytes);
  }

  // ——— saving ———

  async saveReport(report: Report, options: { readonly saveAs: boolean }): Promise<SaveOutcome> {
    const startRevision = this.revision;
    const startGeneration = this.generation;
    // The editor can start a new document or import pasted text without telling the host. A plain save
    // of a report of another agency or year than the one in the current file would overwrite that
    // file with a different report: ask where instead.
    const sameDocument = this.fileIdentity === identityOf(report);
    let target = options.saveAs || !sameDocument ? null : this.filePath;
    if (target && (await this.changedOnDisk(target))) {
      const choice = await this.deps.dialogs.askConflict(basename(target));
      if (choice === 'cancel') return { ok: false, cancelled: true };
      if (choice === 'save-as') target = null;
    }
    if (!target) {
      const chosen = await this.deps.dialogs.chooseSavePath('report', this.defaultSavePath(report, REPORT_EXTENSION));
      if (!chosen) return { ok: false, cancelled: true };
      target = withExtension(chosen, REPORT_EXTENSION);
    }
    let stamp: DiskStamp;
    try {
      stamp = await atomicWrite(target, serialiseReport(report), { fs: this.deps.fs, backup: true });
    } catch (e) {
      // nothing changes: the document stays dirty, its autosave stays, the old file is untouched
      return { ok: false, cancelled: false, message: describeWriteError(e, basename(target)) };
    }
    if (this.generation === startGeneration) {
      this.filePath = target;
      this.fileIdentity = identityOf(report);
      this.diskStamp = stamp;
      if (this.revision === startRevision) {
        this.dirty = false;
        await this.writes.run(() => this.deps.recovery.remove(this.recoveryId));
      }
    }
    await this.deps.recent.add(target);
    this.deps.onRecent?.(target);
    this.deps.onChange?.();
    return { ok: true, fileName: basename(target) };
  }

  /** Another program saved the file since we read or wrote it (a file we cannot read now counts as unchanged: the write will say why). */
  private async changedOnDisk(path: string): Promise<boolean> {
    if (!this.diskStamp || path !== this.filePath) return false;
    try {
      return await changedSince(this.deps.fs, path, this.diskStamp);
    } catch {
      return false;
    }
  }

  async exportReport(report: Report, kind: ExportKind, options?: ExportOptions): Promise<SaveOutcome> {
    const chosen = await this.deps.dialogs.chooseSavePath(kind, this.defaultSavePath(report, kind, options));
    if (!chosen) return { ok: false, cancelled: true };
    const target = withExtension(chosen, kind);
    let bytes: Uint8Array;
    try {
      bytes = await this.deps.converters.buildExport(kind, report, options);
    } catch (e) {
      return {
        ok: false,
        cancelled: false,
        message: `生成${kind === 'docx' ? ' Word ' : kind === 'xlsx' ? ' Excel ' : '网页'}文件时出错，未写入任何文件，报告内容不受影响。请重试；如仍不行，请先导出其他格式并联系技术支持`,
      };
    }
    try {
      await atomicWrite(target, bytes, { fs: this.deps.fs });
    } catch (e) {
      return {
        ok: false,
        cancelled: false,
        message: describeWriteError(e, basename(target)).replace('当前内容仍保留在程序中，尚未保存。', '报告内容不受影响。'),
      };
    }
    return { ok: true, fileName: basename(target) };
  }

  private defaultSavePath(report: Report, ext: string, options?: ExportOptions): string {
    const dir = this.filePath ? dirname(this.filePath) : this.deps.documentsDir;
    const sameDocument = this.fileIdentity === identityOf(report);
    const base =
      this.filePath && sameDocument && ext === REPORT_EXTENSION ? basename(this.filePath) : `${exportBaseName(suggestedBaseName(report), options)}.${ext}`;
    return join(dir, base);
  }

  // ——— dirty marker and autosave ———

  setDirty(dirty: boolean, revision: number): void {
    const changed = dirty !== this.dirty;
    this.dirty = dirty;
    this.revision = revision;
    // saved or back to the saved state: the recovery copy has nothing left to keep
    if (!dirty) void this.writes.run(() => this.deps.recovery.remove(this.recoveryId));
    if (changed) this.deps.onChange?.();
  }

  /** Writes the editor's state to the recovery folder; a failure is returned (the editor shows it and retries). */
  autosave(revision: number, report: Report): Promise<AutosaveOutcome> {
    const generation = this.generation;
    return this.writes.run(async () => {
      // a save, a clean state or another document got there first
      if (!this.dirty || revision < this.revision || generation !== this.generation) return { ok: true } as const;
      const title = this.fileName ?? (suggestedBaseName(report) || UNTITLED);
      try {
        await this.deps.recovery.save(this.recoveryId, { report, title, filePath: this.filePath, diskStamp: this.diskStamp });
        return { ok: true } as const;
      } catch (e) {
        return { ok: false, message: describeWriteError(e, `${title}（自动保存）`).replace('当前内容仍保留在程序中，尚未保存。', '') };
      }
    });
  }

  /** The host's 保存 / 不保存 / 取消: the editor asks it, only when it has unsaved changes. */
  askUnsaved(): Promise<UnsavedChoice> {
    return this.deps.dialogs.askUnsaved(this.fileName ?? UNTITLED);
  }

  /** The editor has dealt with unsaved work (saved, or the clerk chose 不保存): drop the recovery file, let the window close. */
  async closeWindow(): Promise<void> {
    await this.closeDocument();
    this.deps.onCloseAllowed?.();
  }

  /** A normal end: nothing of this document is offered as a crash at the next start. */
  async closeDocument(): Promise<void> {
    this.generation++;
    this.dirty = false;
    await this.writes.run(() => this.deps.recovery.remove(this.recoveryId));
  }

  /** Start-up: temp files of saves killed in an earlier run, in the recovery folder and the folders of recent files. */
  async sweepStaleTemps(): Promise<string[]> {
    const dirs = new Set([this.deps.recovery.dir, ...this.deps.recent.list().map((p) => dirname(p))]);
    const removed: string[] = [];
    for (const d of dirs) for (const name of await sweepStaleTemps(this.deps.fs, d)) removed.push(join(d, name));
    return removed;
  }

  private replaceDocument(filePath: string | null, report: Report | null, dirty: boolean, stamp: DiskStamp | null = null): void {
    const oldId = this.recoveryId;
    this.generation++;
    void this.writes.run(() => this.deps.recovery.remove(oldId));
    this.recoveryId = newRecoveryId();
    this.ownRecoveryIds.add(this.recoveryId);
    this.filePath = filePath;
    this.fileIdentity = report && filePath ? identityOf(report) : null;
    this.diskStamp = filePath ? stamp : null;
    this.dirty = dirty;
    this.deps.onChange?.();
  }

  // ——— crash recovery ———

  /** Documents left in the recovery folder by an earlier run that did not end normally. */
  listRecoveries(): Promise<RecoveryEntry[]> {
    return this.deps.recovery.list(this.ownRecoveryIds);
  }

  async restoreRecovery(id: string): Promise<OpenedReport | null> {
    if (this.ownRecoveryIds.has(id)) return null;
    const doc = await this.deps.recovery.read(id);
    if (!doc) return null;
    this.replaceDocument(doc.filePath, doc.report, true, doc.diskStamp);
    // the restored state is written under this run's id before the old file goes: never zero copies
    const recoveryId = this.recoveryId;
    await this.writes.run(() =>
      this.deps.recovery.save(recoveryId, { report: doc.report, title: doc.title, filePath: doc.filePath, diskStamp: doc.diskStamp }),
    );
    await this.deps.recovery.remove(id);
    const when = doc.savedAt ? `（自动保存于 ${new Date(doc.savedAt).toLocaleString('zh-CN', { hour12: false })}）` : '';
    return {
      report: doc.report,
      fileName: doc.filePath ? basename(doc.filePath) : null,
      source: 'recovery',
      notes: [`已恢复上次未保存的「${doc.title}」${when}，请检查后保存。`],
    };
  }

  async discardRecovery(id: string): Promise<void> {
    if (this.ownRecoveryIds.has(id)) return;
    await this.deps.recovery.remove(id);
  }
}
