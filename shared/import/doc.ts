/**
 * Old binary Office files (Compound File Binary): Word 97–2003 .doc and WPS .wps are read (doc-blocks.ts) and mapped
 * by readBlocks like every other source, Excel 97–2003 .xls workbooks by xls.ts; what else such a container may hold
 * (an Excel 5.0/95 workbook, an encrypted .docx/.xlsx, a PowerPoint file) is refused with what to do instead.
 */
import type { ImportNote, ImportResult } from './types';
import { readBlocks } from './blocks-reader';
import { CfbError, openCfb, type SafeCfb } from './cfb';
import { docBlocks } from './doc-blocks';
import { importXls } from './xls';

export const XLS_REFUSED = '这是 Excel 5.0/95 或更早版本的工作簿，格式太旧，暂不支持。请在 Excel/WPS 中打开后“另存为” .xlsx 再导入';
export const OFFICE_ENCRYPTED = '文件设置了打开密码（加密的 Word/Excel 文件），无法读取。请在 Word/Excel 中输入密码打开，取消密码后另存再导入';

/** What a compound file holds, by its streams. */
const refusalOf = (cfb: SafeCfb): string | null => {
  if (cfb.has('WordDocument')) return null;
  if (cfb.has('EncryptedPackage') || cfb.has('EncryptionInfo')) return OFFICE_ENCRYPTED;
  if (cfb.has('Book')) return XLS_REFUSED;
  if (cfb.has('PowerPoint Document')) return '这是 PowerPoint 演示文稿，不是年度报告文件';
  return '这是旧版 Office 二进制文件，但不是 Word 文档（没有 Word 正文），暂不支持。请在原程序中“另存为” .docx 或 .xlsx 后再导入';
};

/** A thrown CfbError is a refusal with its own message; anything else is a damaged file. */
const refusal = (e: unknown): string =>
  e instanceof CfbError
    ? e.message
    : e instanceof RangeError
      ? 'Word 文件结构过于复杂，无法读取（可能已损坏或是恶意构造的文件）'
      : 'Word 文件读取失败，文件可能已损坏或结构不受支持。请在 Word/WPS 中打开后“另存为” .docx 再导入';

export const importCfb = (bytes: Uint8Array): ImportResult => {
  try {
    const cfb = openCfb(bytes);
    if (!cfb.has('WordDocument') && cfb.has('Workbook')) return importXls(cfb);
    const refused = refusalOf(cfb);
    if (refused) return { ok: false, message: refused };
    const state = { nestedTables: 0 };
    const r = readBlocks(docBlocks(cfb, state), 'doc');
    if (!r.ok || !state.nestedTables) return r;
    const note: ImportNote = { level: 'info', message: `文档中有 ${state.nestedTables} 个嵌套在表格单元格内的表格，已作为独立表格读取` };
    return { ...r, notes: [...r.notes, note] };
  } catch (e) {
    return { ok: false, kind: 'doc', message: refusal(e) };
  }
};
