/**
 * The ReportApi of the web build: files are opened with the browser's file picker and saved or
 * exported as downloads; an unsaved report is kept in localStorage so a closed tab can be recovered.
 */
import type { ConsolidationSource } from '../../shared/app/consolidate';
import { consolidationDraft, type Unreadable } from '../../shared/app/consolidation-draft';
import type { ExportKind, MenuCommand, OpenedReport, RecoveryEntry, ReportApi, SaveOutcome } from '../../shared/ipc';
import { reportTitle } from '../../shared/format/sections';
import { REPORT_EXTENSION, type Report, serialiseReport } from '../../shared/report/document';
import { restore } from '../../shared/report/restore';
import { templateFromLastYear } from '../../shared/report/template';
import { loadDocx, loadFileImport, loadHtml, loadXlsx } from './lazy';

const OPEN_ACCEPT = `.${REPORT_EXTENSION},.json,.docx,.xlsx,.pdf,.html,.htm,.txt`;
const RECOVERY_KEY = 'disclosure-report:recovery';

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

const download = (fileName: string, data: Uint8Array | string, type: string): void => {
  const blob = new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const ownFile = (name: string) => new RegExp(`\\.(${REPORT_EXTENSION}|json)$`, 'i').test(name);

/** Reads a file the clerk picked: our own JSON through restore(), anything else through the importers. */
export const readReportFile = async (name: string, bytes: Uint8Array): Promise<OpenedReport> => {
  if (ownFile(name)) {
    const r = restore(new TextDecoder().decode(bytes));
    if (r.ok) return { report: r.report, fileName: name, source: 'own', notes: r.migratedFrom ? [`文件由旧版本（第 ${r.migratedFrom} 版）保存，已转换为当前格式`] : [] };
    // a .json that is not ours may still be something the importers know
    if (/\.gkreport$/i.test(name)) throw new Error(`无法打开「${name}」：\n${r.errors.join('\n')}`);
  }
  const { importReportFile } = await loadFileImport();
  const res = await importReportFile(name, bytes);
  if (!res.ok) throw new Error(`无法读取「${name}」：${res.message}`);
  return { report: res.report, fileName: null, source: 'import', notes: res.notes.map((n) => n.message) };
};

const baseName = (r: Report) => reportTitle(r.agency, r.year).replace(/[\\/:*?"<>|]/g, '_');

const EXPORTS: Record<ExportKind, { ext: string; type: string; build: (r: Report) => Promise<Uint8Array | string> }> = {
  docx: { ext: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', build: async (r) => (await loadDocx()).buildDocx(r) },
  xlsx: { ext: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', build: async (r) => (await loadXlsx()).buildXlsx(r) },
  html: { ext: 'html', type: 'text/html;charset=utf-8', build: async (r) => (await loadHtml()).buildHtml(r) },
};

export const createBrowserApi = (): ReportApi => {
  let fileName: string | null = null;
  let dirty = false;
  const listeners = new Set<(c: MenuCommand) => void>();
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });

  const open = async (): Promise<OpenedReport | null> => {
    const f = await pickFile(OPEN_ACCEPT);
    if (!f) return null;
    const opened = await readReportFile(f.name, new Uint8Array(await f.arrayBuffer()));
    fileName = opened.fileName;
    return opened;
  };

  return {
    openReport: open,
    async openTemplate() {
      const f = await pickFile(OPEN_ACCEPT);
      if (!f) return null;
      const last = await readReportFile(f.name, new Uint8Array(await f.arrayBuffer()));
      const t = templateFromLastYear(last.report);
      fileName = null;
      return { report: t.report, fileName: null, source: 'template', notes: [...last.notes, ...t.notes] };
    },
    async consolidateReports() {
      const files = await pickFiles(OPEN_ACCEPT);
      if (!files.length) return null;
      const sources: ConsolidationSource[] = [];
      const unreadable: Unreadable[] = [];
      for (const f of files) {
        try {
          sources.push({ name: f.name, report: (await readReportFile(f.name, new Uint8Array(await f.arrayBuffer()))).report });
        } catch (e) {
          unreadable.push({ name: f.name, message: (e as Error).message });
        }
      }
      const draft = consolidationDraft(sources, unreadable);
      if (!draft.ok) throw new Error(draft.message);
      fileName = null;
      return { report: draft.report, fileName: null, source: 'consolidation', notes: draft.notes };
    },
    async saveReport(report, { saveAs }): Promise<SaveOutcome> {
      const name = !saveAs && fileName ? fileName : `${baseName(report)}.${REPORT_EXTENSION}`;
      download(name, serialiseReport(report), 'application/json');
      fileName = name;
      return { ok: true, fileName: name };
    },
    async exportReport(report, kind): Promise<SaveOutcome> {
      const e = EXPORTS[kind];
      try {
        const data = await e.build(report);
        const name = `${baseName(report)}.${e.ext}`;
        download(name, data, e.type);
        return { ok: true, fileName: name };
      } catch (err) {
        return { ok: false, cancelled: false, message: (err as Error).message };
      }
    },
    setDirty(d, report) {
      dirty = d;
      try {
        if (d && report) localStorage.setItem(RECOVERY_KEY, JSON.stringify({ savedAt: new Date().toISOString(), report }));
        else if (!d) localStorage.removeItem(RECOVERY_KEY);
      } catch {
        // storage full or disabled: recovery is a convenience, never a reason to fail an edit
      }
    },
    async listRecoveries(): Promise<readonly RecoveryEntry[]> {
      const raw = localStorage.getItem(RECOVERY_KEY);
      if (!raw) return [];
      try {
        const { savedAt, report } = JSON.parse(raw) as { savedAt: string; report: Report };
        return [{ id: RECOVERY_KEY, title: reportTitle(report.agency ?? '', report.year ?? null), savedAt }];
      } catch {
        return [];
      }
    },
    async restoreRecovery(id) {
      const raw = localStorage.getItem(id);
      if (!raw) return null;
      const r = restore((JSON.parse(raw) as { report: unknown }).report);
      if (!r.ok) return null;
      return { report: r.report, fileName: null, source: 'recovery', notes: [] };
    },
    async discardRecovery(id) {
      localStorage.removeItem(id);
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
