/**
 * Word .docx files not made by us (last year's report written by a predecessor): the zip is opened
 * with limits, the body reduced to paragraphs and table grids (docx-blocks.ts), and those mapped
 * onto the format by readBlocks like every other source.
 */
import type { ImportNote, ImportResult } from './types';
import { readBlocks } from './blocks-reader';
import { docxBlocks } from './docx-blocks';
import { SAME_TEXT, markerInZip, readOwnExport } from './own-export';
import { XmlError } from './xml';
import { ZipError, type SafeZip } from './zip';

/** A thrown ZipError/XmlError is a refusal with its own message; anything else is a damaged file. */
export const refusal = (e: unknown, what: string): string =>
  e instanceof ZipError || e instanceof XmlError
    ? e.message
    : e instanceof RangeError
      ? `${what}结构过于复杂，无法读取（可能已损坏或是恶意构造的文件）`
      : `${what}读取失败，文件可能已损坏或结构不受支持。请在 Word/Excel 中打开后“另存为”一份再导入`;

export const importDocxZip = (zip: SafeZip): ImportResult => {
  try {
    const state = { nestedTables: 0 };
    const blocks = docxBlocks(zip, state);
    const r = readOwnExport({ blocks, visible: readBlocks(blocks, 'docx'), marker: markerInZip(zip), see: SAME_TEXT, printsSignOff: true });
    if (!r.ok || !state.nestedTables) return r;
    const note: ImportNote = { level: 'info', message: `文档中有 ${state.nestedTables} 个嵌套在表格单元格内的表格，已作为独立表格读取` };
    return { ...r, notes: [...r.notes, note] };
  } catch (e) {
    return { ok: false, kind: 'docx', message: refusal(e, 'Word 文件') };
  }
};
