/** The readers, the template maker and the exporters of shared/, as the port the controller uses. */
import type { ExportKind, ExportOptions } from '../shared/ipc';
import type { Report } from '../shared/report';
import { importReportFile } from '../shared/import/index';
import { buildDocx } from '../shared/export/docx';
import { buildXlsx } from '../shared/export/xlsx';
import { buildHtml } from '../shared/export/html';
import type { ConvertersPort } from './document-controller';
import { type ReadBytes, readerStopped } from '../shared/app/open-report';
import type { ImportResult } from '../shared/import/types';
import { READER_LIMITS, ReaderPool, type ReaderLimits } from './reader-pool';

/**
 * buildHtml gives a fragment to paste into the website's CMS, with no <meta charset>: written to a file,
 * it starts with a UTF-8 byte-order mark, so a browser opening it shows the Chinese text right.
 */
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const toBytes = (x: Uint8Array | string): Uint8Array => {
  if (typeof x !== 'string') return x;
  const text = new TextEncoder().encode(x);
  const out = new Uint8Array(UTF8_BOM.length + text.length);
  out.set(UTF8_BOM);
  out.set(text, UTF8_BOM.length);
  return out;
};

const EXPORTERS: Record<ExportKind, (r: Report, o?: ExportOptions) => Promise<Uint8Array | string> | Uint8Array | string> = {
  docx: buildDocx,
  xlsx: (r) => buildXlsx(r),
  html: (r) => buildHtml(r),
};

const buildExport: ConvertersPort['buildExport'] = async (kind, report, options) => toBytes(await EXPORTERS[kind](report, options));

/** The readers in this thread: for tests of the controller that are not about isolation. */
export const sharedConverters: ConvertersPort = { readBytes: importReportFile, buildExport };

/**
 * The readers in a worker (out/main/reader-worker.cjs) with READER_LIMITS: what the app uses, so a
 * hostile file never parses in the main process. The worker starts at the first read and is reused.
 */
export type IsolatedReader = { readonly read: ReadBytes; readonly close: () => Promise<void> };

export const isolatedReader = (workerEntry: string, limits: ReaderLimits = READER_LIMITS): IsolatedReader => {
  let pool: ReaderPool | null = null;
  return {
    read: (name, bytes) => {
      pool ??= new ReaderPool(workerEntry, null, 1, limits);
      const own = bytes.slice(); // moved to the worker, not copied again
      return pool.run<ImportResult, ImportResult>('read-bytes', [name, own], (stop) => readerStopped(stop, limits), [own.buffer]);
    },
    close: async () => {
      await pool?.close();
      pool = null;
    },
  };
};

export const isolatedConverters = (workerEntry: string): ConvertersPort => ({ readBytes: isolatedReader(workerEntry).read, buildExport });
