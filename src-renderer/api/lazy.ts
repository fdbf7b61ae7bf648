/**
 * Modules loaded only when the clerk asks for them (exports, foreign files, drafting help), so the
 * first screen stays small. A glob keeps the build working while a module does not exist yet.
 */
import type { Report } from '../../shared/report/document';
import type { ImportResult } from '../../shared/import/types';

const exporters = import.meta.glob(['../../shared/export/docx.ts', '../../shared/export/xlsx.ts', '../../shared/export/html.ts']);
// foreign files are read in the reader worker (reader-worker.ts); pasted text too, in the browser build
const importers = import.meta.glob(['../../shared/import/text.ts']);

const load = async <T>(map: Record<string, () => Promise<unknown>>, path: string, what: string): Promise<T> => {
  const f = map[path];
  if (!f) throw new Error(`${what}功能尚未安装（缺少 ${path.replace('../../', '')}）`);
  return (await f()) as T;
};

export const loadDocx = () =>
  load<{ buildDocx(r: Report, options?: { draft?: boolean }): Promise<Uint8Array> }>(exporters, '../../shared/export/docx.ts', '导出 Word ');
export const loadXlsx = () => load<{ buildXlsx(r: Report): Promise<Uint8Array> }>(exporters, '../../shared/export/xlsx.ts', '导出 Excel ');
export const loadHtml = () => load<{ buildHtml(r: Report): string }>(exporters, '../../shared/export/html.ts', '导出网页 ');
export const loadTextImport = () =>
  load<{ importText(text: string): Promise<ImportResult> | ImportResult }>(importers, '../../shared/import/text.ts', '读取报告文本');
