/** The commands of the toolbar and the application menu, each going through the ReportApi. */
import type { ExportKind, MenuCommand, OpenedReport } from '../../shared/ipc';
import { createReport } from '../../shared/report/document';
import { uncertainCells } from '../../shared/import/types';
import { api, readPastedText } from '../api';
import { endEdit, loadReport, redo, undo, useDoc } from './document-store';
import { derive, exportConcerns, setUncertainCells } from './findings';
import { setStatus, useView } from './view-store';

const isDirty = () => useDoc.getState().report !== useView.getState().savedReport;

/**
 * The one place that asks "unsaved changes?" — before new, open, template, consolidate, pasted text and
 * closing the window alike: 保存 / 不保存 / 取消 in the host's dialog. True when the document may go.
 */
const confirmDiscard = async (): Promise<boolean> => {
  if (!isDirty()) return true;
  const choice = await api.askUnsaved();
  if (choice === 'cancel') return false;
  return choice === 'discard' || saveNow(false);
};

const EXPORT_NAME: Record<ExportKind, string> = { docx: 'Word', xlsx: 'Excel', html: '网页（HTML）' };

export const show = (opened: OpenedReport): void => {
  loadReport(opened.report);
  const report = useDoc.getState().report;
  setUncertainCells(report, opened.uncertainCells ?? []);
  useView.setState({
    fileName: opened.fileName,
    savedReport: opened.source === 'own' ? report : null,
    opened:
      opened.source === 'own' && opened.notes.length === 0
        ? null
        : { source: opened.source, notes: opened.notes, fileName: opened.fileName, ...(opened.sourceTexts ? { sourceTexts: opened.sourceTexts } : {}) },
    edit: null,
    selection: null,
    anchor: null,
    hints: {},
    flags: {},
  });
  setStatus(
    opened.source === 'own'
      ? `已打开「${opened.fileName ?? ''}」`
      : opened.source === 'template'
        ? '已按上年报告生成本年度草稿'
        : opened.source === 'consolidation'
          ? '已汇总所选报告，请填写机关名称和正文'
          : '已读取报告，请核对读取结果',
    'ok',
  );
};

const run = async (what: string, f: () => Promise<void>) => {
  endEdit();
  useView.setState({ busy: true });
  try {
    await f();
  } catch (e) {
    const message = (e as Error).message;
    setStatus(`${what}失败：${message}`, 'error');
    useView.setState({ dialog: { kind: 'error', title: `${what}失败`, message } });
  } finally {
    useView.setState({ busy: false });
  }
};

export const newReport = () =>
  run('新建', async () => {
    if (!(await confirmDiscard())) return;
    const report = createReport();
    loadReport(report);
    useView.setState({ fileName: null, savedReport: useDoc.getState().report, opened: null, edit: null, selection: null, anchor: null, hints: {}, flags: {} });
    setStatus('已新建空白报告（合计自动计算已开启）', 'ok');
  });

export const openReport = () =>
  run('打开', async () => {
    if (!(await confirmDiscard())) return;
    const opened = await api.openReport();
    if (opened) show(opened);
  });

export const openTemplate = () =>
  run('以上年报告为模板新建', async () => {
    if (!(await confirmDiscard())) return;
    const opened = await api.openTemplate();
    if (opened) show(opened);
  });

export const consolidateReports = () =>
  run('汇总多个报告', async () => {
    if (!(await confirmDiscard())) return;
    const opened = await api.consolidateReports();
    if (opened) show(opened);
  });

/** Saves now; true when the report is on disk. */
const saveNow = async (saveAs: boolean): Promise<boolean> => {
  const report = useDoc.getState().report;
  // A report that has no file yet (new, imported, template) always asks where to save, so it never overwrites another file.
  const res = await api.saveReport(report, { saveAs: saveAs || useView.getState().fileName === null });
  if (res.ok) {
    useView.setState({ savedReport: report, fileName: res.fileName });
    setStatus(`已保存「${res.fileName}」`, 'ok');
  } else if (!res.cancelled) setStatus(`保存失败：${res.message ?? ''}`, 'error');
  return res.ok;
};

export const saveReport = (saveAs: boolean) =>
  run('保存', async () => {
    await saveNow(saveAs);
  });

/** The host asked to close the window while the report has unsaved changes. */
export const closeWindow = () =>
  run('关闭窗口', async () => {
    if (await confirmDiscard()) await api.closeWindow();
  });

/**
 * Export. A report with errors, blank cells or no agency/year asks first; the clerk may go back, or still
 * hand in a draft (「仍然导出草稿」), which is then marked as one in its file name and on its first page.
 */
export const exportReport = (kind: ExportKind, asDraft = false) => {
  endEdit();
  const concerns = exportConcerns(derive(useDoc.getState().report).findings);
  if (concerns.any && !asDraft) {
    useView.setState({ dialog: { kind: 'confirm-export', exportKind: kind } });
    return Promise.resolve();
  }
  useView.setState({ dialog: null });
  return run(`导出 ${EXPORT_NAME[kind]} `, async () => {
    setStatus(`正在生成 ${EXPORT_NAME[kind]} 文件…`);
    const res = await api.exportReport(useDoc.getState().report, kind, asDraft ? { draft: true } : undefined);
    if (res.ok)
      setStatus(
        `已导出「${res.fileName}」${asDraft ? `（草稿${concerns.errors.length ? `，含 ${concerns.errors.length} 个错误` : ''}，仅作草稿，不能报送）` : ''}`,
        'ok',
      );
    else if (!res.cancelled) setStatus(`导出失败：${res.message ?? ''}`, 'error');
  });
};

/** The text of a published report pasted into the dialog, read by the text importer. */
export const importPastedText = (text: string) =>
  run('读取报告文本', async () => {
    if (!text.trim()) throw new Error('请先粘贴报告全文');
    if (!(await confirmDiscard())) return;
    const res = await readPastedText(text);
    if (!res.ok) throw new Error(res.message);
    useView.setState({ dialog: null });
    const uncertain = uncertainCells(res.notes);
    show({
      report: res.report,
      fileName: null,
      source: 'import',
      notes: res.notes.map((n) => n.message),
      ...(uncertain.length ? { uncertainCells: uncertain } : {}),
    });
  });

export const handleMenu = (command: MenuCommand): void => {
  switch (command) {
    case 'new':
      void newReport();
      return;
    case 'close':
      void closeWindow();
      return;
    case 'open':
      void openReport();
      return;
    case 'open-template':
      void openTemplate();
      return;
    case 'save':
      void saveReport(false);
      return;
    case 'save-as':
      void saveReport(true);
      return;
    case 'export-docx':
      void exportReport('docx');
      return;
    case 'export-xlsx':
      void exportReport('xlsx');
      return;
    case 'export-html':
      void exportReport('html');
      return;
    case 'undo':
      return undo();
    case 'redo':
      return redo();
    case 'consolidate':
      void consolidateReports();
      return;
    case 'help':
      useView.setState({ dialog: { kind: 'help' } });
      return;
  }
};

export { isDirty };
