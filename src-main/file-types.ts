/** Which files the app opens, and the names and filters its dialogs offer. */
import { extname } from 'node:path';
import type { ExportKind } from '../shared/ipc';
export { suggestedBaseName } from '../shared/ipc';
import { REPORT_EXTENSION } from '../shared/report';

import { OPENABLE_EXTENSIONS } from '../shared/import/extensions';

export { IMPORT_EXTENSIONS, OPENABLE_EXTENSIONS } from '../shared/import/extensions';

export const extensionOf = (path: string): string => extname(path).slice(1).toLowerCase();
export const isOwnFile = (path: string): boolean => extensionOf(path) === REPORT_EXTENSION;
export const isOpenable = (path: string): boolean => (OPENABLE_EXTENSIONS as readonly string[]).includes(extensionOf(path));

export type FileFilter = { name: string; extensions: string[] };

export const OPEN_FILTERS: FileFilter[] = [
  { name: '所有支持的文件', extensions: [...OPENABLE_EXTENSIONS] },
  { name: '年报文件（.gkreport）', extensions: [REPORT_EXTENSION] },
  { name: 'Word 文档（.docx、.doc、.wps）', extensions: ['docx', 'doc', 'wps'] },
  { name: 'Excel 工作簿（.xlsx、.xls）', extensions: ['xlsx', 'xls'] },
  { name: '已发布的 PDF（.pdf）', extensions: ['pdf'] },
  { name: '网页（.html、.mht）', extensions: ['html', 'htm', 'mht', 'mhtml'] },
  { name: '文本文件（.txt）', extensions: ['txt'] },
];

export const SAVE_FILTERS: Record<'report' | ExportKind, FileFilter[]> = {
  report: [{ name: '年报文件（.gkreport）', extensions: [REPORT_EXTENSION] }],
  docx: [{ name: 'Word 文档（.docx）', extensions: ['docx'] }],
  xlsx: [{ name: 'Excel 工作簿（.xlsx）', extensions: ['xlsx'] }],
  html: [{ name: '网页（.html）', extensions: ['html'] }],
};

export const withExtension = (path: string, ext: string): string => (extensionOf(path) === ext ? path : `${path}.${ext}`);
