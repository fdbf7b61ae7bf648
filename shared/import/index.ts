/**
 * Opening any file a clerk may have of last year's report: our own file, a Word or Excel file,
 * a saved web page, a PDF, or text (copied from a browser or a PDF). The content decides, not the name;
 * the name only catches a file that claims to be Word/Excel and is not. Never throws.
 */
import type { ImportNote, ImportResult, SourceKind } from './types';
import { importDocxZip, refusal } from './docx';
import { importCfb } from './doc';
import { importMht } from './mht';
import { importHtml } from './html';
import { importJson } from './json';
import { importPdf } from './pdf';
import { looksLikeHtml, looksLikeOurJson, sniff } from './sniff';
import { importText } from './text';
import { importXlsxZip } from './xlsx';
import { openZip, type SafeZip } from './zip';
import { errorDetail, UNREADABLE } from './blocks-reader';
import { MAX_IMPORT_BYTES, tooLargeMessage } from './limits';

export { importJson } from './json';
export { importText } from './text';
export { importHtml } from './html';
export { importPdf } from './pdf';
export { setPdfJsLoader, setPdfWorkerSrc } from './pdf-engine';
export { readBlocks } from './blocks-reader';
export type { Block, ImportNote, ImportResult, ImportStats, FormatEdition, SourceKind } from './types';

export { MAX_IMPORT_BYTES, tooLargeMessage } from './limits';

const extension = (name: string): string => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

const withNote = (r: ImportResult, note: ImportNote | null): ImportResult => (r.ok && note ? { ...r, notes: [note, ...r.notes] } : r);

const importZip = (zip: SafeZip, ext: string): ImportResult => {
  const has = (n: string) => zip.has(n);
  const types = has('[Content_Types].xml');
  if (has('word/document.xml') || (types && zip.names.some((n) => /^word\/.*document.*\.xml$/.test(n)))) return importDocxZip(zip);
  if (has('xl/workbook.xml') || has('xl/workbook.bin')) return importXlsxZip(zip);
  if (has('mimetype')) {
    const mime = new TextDecoder().decode(zip.read('mimetype')).trim();
    if (mime.includes('opendocument.text'))
      return { ok: false, kind: 'docx', message: '这是 OpenDocument 文本文件（.odt），暂不支持；请在 WPS/LibreOffice/Word 中“另存为” .docx 后再导入' };
    if (mime.includes('opendocument.spreadsheet'))
      return { ok: false, kind: 'xlsx', message: '这是 OpenDocument 表格文件（.ods），暂不支持；请“另存为” .xlsx 后再导入' };
  }
  if (has('ppt/presentation.xml')) return { ok: false, message: '这是 PowerPoint 演示文稿，不是年度报告文件' };
  return {
    ok: false,
    ...(ext === 'xlsx' ? { kind: 'xlsx' as const } : ext === 'docx' ? { kind: 'docx' as const } : {}),
    message: '这是一个普通的 ZIP 压缩包，不是 Word(.docx) 或 Excel(.xlsx) 文件；请先解压，再导入其中的报告文件',
  };
};

const OFFICE_EXT: Record<string, string> = { docx: 'Word 文档', xlsx: 'Excel 工作簿', doc: 'Word 文档', wps: 'WPS 文字文档', xls: 'Excel 工作簿' };

const importBytes = async (fileName: string, bytes: Uint8Array): Promise<ImportResult> => {
  const ext = extension(fileName);
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  const s = sniff(bytes);
  if (s.kind === 'zip') {
    try {
      return importZip(openZip(bytes), ext);
    } catch (e) {
      const kind: SourceKind | undefined = ext === 'xlsx' ? 'xlsx' : ext === 'docx' ? 'docx' : undefined;
      return { ok: false, ...(kind ? { kind } : {}), message: refusal(e, '文件') };
    }
  }
  if (s.kind === 'pdf') return importPdf(bytes);
  if (s.kind === 'cfb') return importCfb(bytes);
  if (s.kind === 'mht') return importMht(bytes);
  if (s.kind === 'refused') return { ok: false, message: s.message };
  if (OFFICE_EXT[ext]) {
    const what = looksLikeHtml(s.text) ? '网页（HTML）' : looksLikeOurJson(s.text) ? '本程序的报告文件' : '纯文本';
    return {
      ok: false,
      message: `文件扩展名为 .${ext}，但内容不是 ${OFFICE_EXT[ext]}，而是${what}。可能是改过扩展名的文件；如确为${what}，请将扩展名改为 .${what === '纯文本' ? 'txt' : what === '本程序的报告文件' ? 'gkreport' : 'html'} 后再导入`,
    };
  }
  const encodingNote: ImportNote | null =
    s.encoding === 'gb18030' ? { level: 'info', message: '文件不是 UTF-8 编码，已按 GB18030（兼容 GBK/GB2312）编码读取' } : null;
  if (looksLikeOurJson(s.text) || ext === 'json' || ext === 'gkreport') return withNote(importJson(s.text), encodingNote);
  if (looksLikeHtml(s.text) || ext === 'html' || ext === 'htm') return withNote(importHtml(s.text), encodingNote);
  return withNote(importText(s.text), encodingNote);
};

export const importReportFile = async (fileName: string, bytes: Uint8Array): Promise<ImportResult> => {
  try {
    return await importBytes(fileName, bytes);
  } catch (e) {
    // the last line of defence: a reader bug must not take the app down
    return { ok: false, message: UNREADABLE, detail: errorDetail(e) };
  }
};
