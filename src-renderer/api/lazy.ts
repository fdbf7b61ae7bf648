/**
 * Modules loaded only when the clerk asks for them (exports, foreign files, drafting help), so the
 * first screen stays small. A glob keeps the build working while a module does not exist yet.
 */
import type { Report } from '../../shared/report/document';
import type { ImportResult } from '../../shared/import/types';
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

const exporters = import.meta.glob(['../../shared/export/docx.ts', '../../shared/export/xlsx.ts', '../../shared/export/html.ts']);
const importers = import.meta.glob(['../../shared/import/index.ts', '../../shared/import/text.ts']);

const load = async <T>(map: Record<string, () => Promise<unknown>>, path: string, what: string): Promise<T> => {
  const f = map[path];
  if (!f) throw new Error(`${what}功能尚未安装（缺少 ${path.replace('../../', '')}）`);
  return (await f()) as T;
};

export const loadDocx = () =>
  load<{ buildDocx(r: Report, options?: { draft?: boolean }): Promise<Uint8Array> }>(exporters, '../../shared/export/docx.ts', '导出 Word ');
export const loadXlsx = () => load<{ buildXlsx(r: Report): Promise<Uint8Array> }>(exporters, '../../shared/export/xlsx.ts', '导出 Excel ');
export const loadHtml = () => load<{ buildHtml(r: Report): string }>(exporters, '../../shared/export/html.ts', '导出网页 ');
type FileImport = {
  importReportFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> | ImportResult;
  setPdfWorkerSrc?(src: string): void;
  setPdfJsLoader?(load: () => Promise<never>): void;
};
export const loadFileImport = async (): Promise<FileImport> => {
  const m = await load<FileImport>(importers, '../../shared/import/index.ts', '读取外来文件');
  // pdf.js parses in its own worker, served with the page (never from a CDN), so the page stays responsive
  m.setPdfJsLoader?.(async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as never);
  m.setPdfWorkerSrc?.(pdfWorkerUrl);
  return m;
};
export const loadTextImport = () =>
  load<{ importText(text: string): Promise<ImportResult> | ImportResult }>(importers, '../../shared/import/text.ts', '读取报告文本');
