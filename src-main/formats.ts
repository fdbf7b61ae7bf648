/** The readers, the template maker and the exporters of shared/, as the port the controller uses. */
import type { ExportKind } from '../shared/ipc';
import type { Report } from '../shared/report';
import { importReportFile } from '../shared/import/index';
import { templateFromLastYear } from '../shared/report/template';
import { buildDocx } from '../shared/export/docx';
import { buildXlsx } from '../shared/export/xlsx';
import { buildHtml } from '../shared/export/html';
import type { FormatsPort } from './document-controller';

const toBytes = (x: Uint8Array | string): Uint8Array => (typeof x === 'string' ? new TextEncoder().encode(x) : x);

const EXPORTERS: Record<ExportKind, (r: Report) => Promise<Uint8Array | string> | Uint8Array | string> = { docx: buildDocx, xlsx: buildXlsx, html: buildHtml };

export const sharedFormats: FormatsPort = {
  importReportFile,
  templateFromLastYear,
  buildExport: async (kind, report) => toBytes(await EXPORTERS[kind](report)),
};
