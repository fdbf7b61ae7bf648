/**
 * Word .docx files not made by us (last year's report written by a predecessor): the zip is opened
 * with limits, the body reduced to paragraphs and table grids (docx-blocks.ts), and those mapped
 * onto the format by readBlocks like every other source.
 */
import type { ImportNote, ImportResult } from './types';
import { readBlocks } from './blocks-reader';
import { docxBlocks } from './docx-blocks';
import { XmlError } from './xml';
import { ZipError, isZip, openZip, type SafeZip } from './zip';
import { sniff } from './sniff';

/** A thrown ZipError/XmlError is a refusal with its own message; anything else is a damaged file. */
export const refusal = (e: unknown, what: string): string =>
  e instanceof ZipError || e instanceof XmlError
    ? e.message
    : e instanceof RangeError
      ? `${what}结构过于复杂，无法读取（可能已损坏或是恶意构造的文件）`
      : `${what}读取失败，文件可能已损坏（${(e as Error)?.message ?? String(e)}）`;

/** Why bytes that are not a zip cannot be this kind of file: old binary Office (.doc/.xls), PDF, text… */
export const notOfficeZip = (bytes: Uint8Array, what: string): string | null => {
  if (isZip(bytes)) return null;
  const s = sniff(bytes);
  return s.kind === 'refused' ? s.message : `文件内容不是${what}，而是文本或网页；请按文本或网页导入`;
};

export const importDocxZip = (zip: SafeZip): ImportResult => {
  try {
    const state = { nestedTables: 0 };
    const blocks = docxBlocks(zip, state);
    const r = readBlocks(blocks, 'docx');
    if (!r.ok || !state.nestedTables) return r;
    const note: ImportNote = { level: 'info', message: `文档中有 ${state.nestedTables} 个嵌套在表格单元格内的表格，已作为独立表格读取` };
    return { ...r, notes: [...r.notes, note] };
  } catch (e) {
    return { ok: false, kind: 'docx', message: refusal(e, 'Word 文件') };
  }
};

export const importDocx = (bytes: Uint8Array): ImportResult => {
  const wrong = notOfficeZip(bytes, ' Word 文档（.docx）');
  if (wrong) return { ok: false, kind: 'docx', message: wrong };
  let zip: SafeZip;
  try {
    zip = openZip(bytes);
  } catch (e) {
    return { ok: false, kind: 'docx', message: refusal(e, 'Word 文件') };
  }
  if (!zip.has('word/document.xml') && zip.has('xl/workbook.xml'))
    return { ok: false, kind: 'docx', message: '该文件是 Excel 工作簿（.xlsx），不是 Word 文档；请按 Excel 文件导入' };
  return importDocxZip(zip);
};
