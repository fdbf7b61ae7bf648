/**
 * The one open document of the window, and everything the host does with files: open, import, save,
 * save as, export, dirty state, autosave and crash recovery, the question before unsaved work is
 * dropped. Plain TypeScript: Electron's dialogs, the disk and the readers/exporters come in as ports.
 */
import { basename, dirname, join } from 'node:path';
import { consolidateFiles } from '../shared/app/consolidate-files';
import { isTooLarge, openReportBytes, openedForEditor, type OpenOutcome, type ReadBytes, refusalText, tooLargeRefusal } from '../shared/app/open-report';
import { templateForEditor, templateFrom } from '../shared/app/template-from';
import type { ExportKind, OpenedReport, RecoveryEntry, SaveOutcome } from '../shared/ipc';
import { REPORT_EXTENSION, type Report, serialiseReport } from '../shared/report';
import type { FsPort } from './fs-port';
import { atomicWrite } from './atomic-write';
import { describeReadError, describeWriteError } from './write-errors';
import { isOpenable, suggestedBaseName, withExtension } from './file-types';
import type { RecentFiles } from './recent-files';
import { Autosaver, RecoveryStore, newRecoveryId } from './recovery';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export type DialogPort = {
  /** An existing file chosen by the user; null when cancelled. */
  chooseOpenPath(purpose: 'open' | 'template'): Promise<string | null>;
  /** Several existing files (汇总多个报告); empty when cancelled. */
  chooseOpenPaths(): Promise<string[]>;
  /** Where to write; null when cancelled. */
  chooseSavePath(kind: 'report' | ExportKind, defaultPath: string): Promise<string | null>;
  /** 保存 / 不保存 / 取消 for the document named. */
  askUnsaved(title: string): Promise<UnsavedChoice>;
  showError(title: string, message: string): Promise<void>;
};

export type FormatsPort = {
  /** The readers (shared/import), run where untrusted bytes cannot harm the app. */
  readonly readBytes: ReadBytes;
  buildExport(kind: ExportKind, report: Report): Uint8Array | Promise<Uint8Array>;
};

export type ControllerDeps = {
  readonly fs: FsPort;
  readonly dialogs: DialogPort;
  readonly formats: FormatsPort;
  readonly recent: RecentFiles;
  readonly recovery: RecoveryStore;
  readonly autosaver?: Autosaver;
  /** Default folder for the first save (the user's documents folder). */
  readonly documentsDir: string;
  /** Called whenever the title or the dirty marker changes. */
  readonly onChange?: () => void;
  /** Told about every file opened or saved, for the OS's own recent list. */
  readonly onRecent?: (path: string) => void;
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
  /** The latest state the editor reported with setDirty(true, …): what a save on close writes. */
  private lastReport: Report | null = null;
  /** Bumped by each edit, so a save that finishes after a newer edit does not clear the marker. */
  private revision = 0;
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
  private readonly autosaver: Autosaver;

  private readonly now: () => number;

  constructor(private readonly deps: ControllerDeps) {
    this.autosaver = deps.autosaver ?? new Autosaver();
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
    const name = basename(path);
    const read = await this.readAny(path);
    if (!read.ok) return this.refuse('无法打开文件', refusalText(name, read));
    const own = read.kind === 'own';
    this.replaceDocument(own ? path : null, read.report, false);
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
    return openReportBytes(name, bytes, this.deps.formats.readBytes);
  }

  // ——— saving ———

  async saveReport(report: Report, options: { readonly saveAs: boolean }): Promise<SaveOutcome> {
    const startRevision = this.revision;
    // The editor can start a new document or import pasted text without telling the host. A plain save
    // of a report of another agency or year than the one in the current file would overwrite that
    // file with a different report: ask where instead.
    const sameDocument = this.fileIdentity === identityOf(report);
    let target = options.saveAs || !sameDocument ? null : this.filePath;
    if (!target) {
      const chosen = await this.deps.dialogs.chooseSavePath('report', this.defaultSavePath(report, REPORT_EXTENSION));
      if (!chosen) return { ok: false, cancelled: true };
      target = withExtension(chosen, REPORT_EXTENSION);
    }
    try {
      await atomicWrite(target, serialiseReport(report), { fs: this.deps.fs, backup: true });
    } catch (e) {
      // nothing changes: the document stays dirty, its autosave stays, the old file is untouched
      return { ok: false, cancelled: false, message: describeWriteError(e, basename(target)) };
    }
    this.filePath = target;
    this.fileIdentity = identityOf(report);
    if (this.revision === startRevision) {
      this.dirty = false;
      this.lastReport = report;
      this.autosaver.cancel();
      await this.autosaver.idle();
      await this.deps.recovery.remove(this.recoveryId);
    }
    await this.deps.recent.add(target);
    this.deps.onRecent?.(target);
    this.deps.onChange?.();
    return { ok: true, fileName: basename(target) };
  }

  async exportReport(report: Report, kind: ExportKind): Promise<SaveOutcome> {
    const chosen = await this.deps.dialogs.chooseSavePath(kind, this.defaultSavePath(report, kind));
    if (!chosen) return { ok: false, cancelled: true };
    const target = withExtension(chosen, kind);
    let bytes: Uint8Array;
    try {
      bytes = await this.deps.formats.buildExport(kind, report);
    } catch (e) {
      return { ok: false, cancelled: false, message: `生成${kind === 'docx' ? ' Word ' : kind === 'xlsx' ? ' Excel ' : '网页'}文件时出错：${e instanceof Error ? e.message : String(e)}` };
    }
    try {
      await atomicWrite(target, bytes, { fs: this.deps.fs });
    } catch (e) {
      return { ok: false, cancelled: false, message: describeWriteError(e, basename(target)).replace('当前内容仍保留在程序中，尚未保存。', '报告内容不受影响。') };
    }
    return { ok: true, fileName: basename(target) };
  }

  private defaultSavePath(report: Report, ext: string): string {
    const dir = this.filePath ? dirname(this.filePath) : this.deps.documentsDir;
    const sameDocument = this.fileIdentity === identityOf(report);
    const base = this.filePath && sameDocument && ext === REPORT_EXTENSION ? basename(this.filePath) : `${suggestedBaseName(report)}.${ext}`;
    return join(dir, base);
  }

  // ——— dirty state and autosave ———

  setDirty(dirty: boolean, report: Report | null): void {
    const changed = dirty !== this.dirty;
    this.dirty = dirty;
    if (dirty) {
      this.revision++;
      if (report) {
        this.lastReport = report;
        const id = this.recoveryId;
        const doc = { report, title: this.fileName ?? (suggestedBaseName(report) || UNTITLED), filePath: this.filePath };
        this.autosaver.schedule(() => this.deps.recovery.save(id, doc));
      }
    } else {
      if (report) this.lastReport = report;
      this.autosaver.cancel();
      void this.autosaver.idle().then(() => this.deps.recovery.remove(this.recoveryId));
    }
    if (changed) this.deps.onChange?.();
  }

  /** Writes the pending autosave now (before quitting, or in tests). */
  flushAutosave(): Promise<void> {
    return this.autosaver.flush();
  }

  /**
   * Asks 保存 / 不保存 / 取消 when there are unsaved changes. True when the caller may drop the
   * document: it was clean, was saved, or the user chose not to save.
   */
  async confirmDiscard(): Promise<boolean> {
    if (!this.dirty) return true;
    const choice = await this.deps.dialogs.askUnsaved(this.fileName ?? UNTITLED);
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    if (!this.lastReport) return false;
    const saved = await this.saveReport(this.lastReport, { saveAs: false });
    if (!saved.ok && saved.message) await this.deps.dialogs.showError('保存失败', saved.message);
    return saved.ok;
  }

  /** The window may close: ask about unsaved work; on yes, drop the recovery file (a normal close). */
  async confirmClose(): Promise<boolean> {
    if (!(await this.confirmDiscard())) return false;
    await this.closeDocument();
    return true;
  }

  private async closeDocument(): Promise<void> {
    this.autosaver.cancel();
    await this.autosaver.idle();
    await this.deps.recovery.remove(this.recoveryId);
    this.dirty = false;
  }

  private replaceDocument(filePath: string | null, report: Report | null, dirty: boolean): void {
    const oldId = this.recoveryId;
    this.autosaver.cancel();
    void this.autosaver.idle().then(() => this.deps.recovery.remove(oldId));
    this.recoveryId = newRecoveryId();
    this.ownRecoveryIds.add(this.recoveryId);
    this.filePath = filePath;
    this.fileIdentity = report && filePath ? identityOf(report) : null;
    this.lastReport = report;
    this.dirty = dirty;
    this.revision++;
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
    this.replaceDocument(doc.filePath, doc.report, true);
    // the restored state is written under this run's id before the old file goes: never zero copies
    await this.deps.recovery.save(this.recoveryId, { report: doc.report, title: doc.title, filePath: doc.filePath });
    this.lastReport = doc.report;
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

