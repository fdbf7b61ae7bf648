/**
 * Excel .xlsx: our own export and sheets laid out like the official tables. The sheet XML is read
 * directly behind the zip limits (xlsx-blocks.ts); each sheet's rows become blocks, and all sheets
 * together are mapped onto the format by readBlocks. .xls (BIFF) is refused by the sniffer.
 */
import type { Block, ImportNote, ImportResult } from './types';
import { readBlocks } from './blocks-reader';
import { refusal } from './docx';
import { sheetBlocks, xlsxSheets, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from './xlsx-blocks';
import { openZip, type SafeZip } from './zip';

export const importXlsxZip = (zip: SafeZip): ImportResult => {
  try {
    const sheets = xlsxSheets(zip);
    const blocks: Block[] = sheets.flatMap((s) => sheetBlocks(s.rows));
    const r = readBlocks(blocks, 'xlsx');
    const cut = sheets.filter((s) => s.truncated).map((s) => `「${s.name}」`);
    if (!r.ok || !cut.length) return r;
    const note: ImportNote = { level: 'warning', message: `工作表${cut.join('、')}超出 ${MAX_SHEET_ROWS} 行或 ${MAX_SHEET_COLUMNS} 列的部分未读取` };
    return { ...r, notes: [...r.notes, note] };
  } catch (e) {
    return { ok: false, kind: 'xlsx', message: refusal(e, 'Excel 文件') };
  }
};

export const importXlsx = async (bytes: Uint8Array): Promise<ImportResult> => {
  let zip: SafeZip;
  try {
    zip = openZip(bytes);
  } catch (e) {
    return { ok: false, kind: 'xlsx', message: refusal(e, 'Excel 文件') };
  }
  if (!zip.has('xl/workbook.xml') && zip.has('word/document.xml'))
    return { ok: false, kind: 'xlsx', message: '该文件是 Word 文档（.docx），不是 Excel 工作簿；请按 Word 文件导入' };
  return importXlsxZip(zip);
};
