/**
 * The ReportApi of the web build: files are opened with the browser's file picker and saved or
 * exported as downloads; an unsaved report is kept in localStorage so a closed tab can be recovered.
 */
import { OPENABLE_EXTENSIONS } from '../../shared/import/extensions';
import { consolidateFiles } from '../../shared/app/consolidate-files';
import { isTooLarge, openReportBytes, openedForEditor, type OpenOutcome, refusalText, tooLargeRefusal } from '../../shared/app/open-report';
import { templateForEditor, templateFrom } from '../../shared/app/template-from';
import {
  type ExportKind,
  type MenuCommand,
  type OpenedReport,
  type RecoveryEntry,
  type ReportApi,
  type SaveOutcome,
  exportBaseName,
  suggestedBaseName,
} from '../../shared/ipc';
import { reportTitle } from '../../shared/format/sections';
import { REPORT_EXTENSION, type Report, serialiseReport } from '../../shared/report/document';
import { restore } from '../../shared/report/restore';
import { loadDocx, loadHtml, loadXlsx } from './lazy';
import { browserReader } from './reader-client';
import { isRecoveryKey, orphanRecoveryKeys, ownRecoveryKey } from './tab-recovery';

const OPEN_ACCEPT = OPENABLE_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Opens the browser's file picker; null when the clerk cancels. */
const pickFiles = (accept: string): Promise<File[]> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = true;
    input.style.display = 'none';
    input.dataset['testid'] = 'file-picker';
    const done = (f: File[]) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });

const pickFile = (accept: string): Promise<File | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset['testid'] = 'file-picker';
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.append(input);
    input.click();
  });

const toBlob = (data: Uint8Array | string, type: string): Blob => new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type });

const download = (fileName: string, data: Uint8Array | string, type: string): void => {
  const blob = toBlob(data, type);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** The browser's save dialog (File System Access API; Chromium-based browsers, which most offices run). */
type SaveTarget = { readonly name: string; write(data: Uint8Array | string, type: string): Promise<void> };
type SavePicker = (o: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<{
  readonly name: string;
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
}>;

/**
 * Lets the clerk choose the name of an export: the browser's save dialog where there is one, else a prompt
 * whose answer becomes the download's name. null when the clerk cancels. Asked before the file is built,
 * while the click still counts as the clerk's own (the save dialog needs that).
 */
const chooseSaveTarget = async (suggestedName: string, ext: string, type: string, description: string): Promise<SaveTarget | null> => {
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName, types: [{ description, accept: { [type.split(';')[0]!]: [`.${ext}`] } }] });
      return {
        name: handle.name,
        async write(data, t) {
          const w = await handle.createWritable();
          await w.write(toBlob(data, t));
          await w.close();
        },
      };
    } catch (e) {
      if ((e as Error).name === 'AbortError') return null;
      throw e;
    }
  }
  const answer = window.prompt(`导出${description}，文件名：`, suggestedName);
  if (answer === null || answer.trim() === '') return null;
  const clean = answer.trim().replace(/[\\/:*?"<>|]/g, '_');
  const name = clean.toLowerCase().endsWith(`.${ext}`) ? clean : `${clean}.${ext}`;
  return { name, write: async (data, t) => download(name, data, t) };
};

/**
 * The browser's part of opening: the picked file's bytes (the size checked first), read in the reader
 * worker (off the editor's thread, with a time limit); the rest is openReportBytes.
 */
export const openPickedFile = async (f: File): Promise<OpenOutcome> => {
  if (isTooLarge(f.size)) return tooLargeRefusal(f.size);
  return openReportBytes(f.name, new Uint8Array(await f.arrayBuffer()), browserReader().readFile);
};

const EXPORTS: Record<ExportKind, { ext: string; type: string; description: string; build: (r: Report, draft: boolean) => Promise<Uint8Array | string> }> = {
  docx: {
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    description: ' Word 文件',
    build: async (r, draft) => (await loadDocx()).buildDocx(r, { draft }),
  },
  xlsx: {
    ext: 'xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    description: ' Excel 文件',
    build: async (r) => (await loadXlsx()).buildXlsx(r),
  },
  html: { ext: 'html', type: 'text/html;charset=utf-8', description: '网页文件', build: async (r) => (await loadHtml()).buildHtml(r) },
};

export const createBrowserApi = (): ReportApi => {
  let fileName: string | null = null;
  let dirty = false;
  const listeners = new Set<(c: MenuCommand) => void>();
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });

  // the editor shows a thrown error's message as the reason nothing was opened
  const open = async (): Promise<OpenedReport | null> => {
    const f = await pickFile(OPEN_ACCEPT);
    if (!f) return null;
    const read = await openPickedFile(f);
    if (!read.ok) throw new Error(refusalText(f.name, read));
    const opened = openedForEditor(f.name, read);
    fileName = opened.fileName;
    return opened;
  };

  return {
    openReport: open,
    async openTemplate() {
      const f = await pickFile(OPEN_ACCEPT);
      if (!f) return null;
      const last = await openPickedFile(f);
      if (!last.ok) throw new Error(refusalText(f.name, last));
      const made = templateFrom(last);
      if (!made.ok) throw new Error(made.message);
      fileName = null;
      return templateForEditor(f.name, last, made);
    },
    async consolidateReports() {
      const files = await pickFiles(OPEN_ACCEPT);
      if (!files.length) return null;
      const read: { name: string; outcome: OpenOutcome }[] = [];
      for (const f of files) read.push({ name: f.name, outcome: await openPickedFile(f) });
      const draft = consolidateFiles(read);
      if ('ok' in draft) throw new Error(draft.message);
      fileName = null;
      return draft;
    },
    async saveReport(report, { saveAs }): Promise<SaveOutcome> {
      const name = !saveAs && fileName ? fileName : `${suggestedBaseName(report)}.${REPORT_EXTENSION}`;
      download(name, serialiseReport(report), 'application/json');
      fileName = name;
      return { ok: true, fileName: name };
    },
    async exportReport(report, kind, options): Promise<SaveOutcome> {
      const e = EXPORTS[kind];
      try {
        const target = await chooseSaveTarget(`${exportBaseName(suggestedBaseName(report), options)}.${e.ext}`, e.ext, e.type, e.description);
        if (!target) return { ok: false, cancelled: true };
        await target.write(await e.build(report, !!options?.draft), e.type);
        return { ok: true, fileName: target.name };
      } catch (err) {
        return { ok: false, cancelled: false, message: (err as Error).message };
      }
    },
    async setDirty(d) {
      dirty = d;
      if (!d) {
        try {
          localStorage.removeItem(ownRecoveryKey);
        } catch {
          // storage disabled: nothing was kept
        }
      }
    },
    async autosave(_revision, report) {
      if (!dirty) return { ok: true };
      try {
        localStorage.setItem(ownRecoveryKey, JSON.stringify({ savedAt: new Date().toISOString(), report }));
        return { ok: true };
      } catch {
        return { ok: false, message: '浏览器的存储空间已满或已被禁用，未能保存恢复用副本。' };
      }
    },
    async askUnsaved() {
      // the browser has no three-button dialog: 确定 drops the changes, 取消 keeps them (保存 is a download, asked from the toolbar)
      return window.confirm('当前报告有未保存的修改，继续将丢失这些修改。是否继续？') ? 'discard' : 'cancel';
    },
    async closeWindow() {
      dirty = false;
      window.close();
    },
    async listRecoveries(): Promise<readonly RecoveryEntry[]> {
      const entries: RecoveryEntry[] = [];
      for (const id of await orphanRecoveryKeys()) {
        try {
          const { savedAt, report } = JSON.parse(localStorage.getItem(id) ?? '') as { savedAt: string; report: Report };
          entries.push({ id, title: reportTitle(report.agency ?? '', report.year ?? null), savedAt });
        } catch {
          // not a copy we can read: left where it is
        }
      }
      return entries;
    },
    async restoreRecovery(id) {
      if (!isRecoveryKey(id)) return null;
      const raw = localStorage.getItem(id);
      if (!raw) return null;
      const r = restore((JSON.parse(raw) as { report: unknown }).report);
      if (!r.ok) return null;
      // this tab holds it now: under its own key, so no other tab is offered it while it is open here
      try {
        localStorage.setItem(ownRecoveryKey, raw);
        localStorage.removeItem(id);
      } catch {
        // storage full or disabled: the copy stays where it was
      }
      return { report: r.report, fileName: null, source: 'recovery', notes: [] };
    },
    async discardRecovery(id) {
      if (isRecoveryKey(id)) localStorage.removeItem(id);
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
