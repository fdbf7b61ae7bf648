/** What the reader does with one request, wherever it runs: in the reader worker, or in-thread where there are no Web Workers. */
import type { ImportResult } from '../../shared/import/types';

export type ReaderTask = { readonly task: 'file'; readonly fileName: string; readonly bytes: Uint8Array } | { readonly task: 'text'; readonly text: string };

export const runReaderTask = async (req: ReaderTask): Promise<ImportResult> => {
  if (req.task === 'text') return (await import('../../shared/import/text')).importText(req.text);
  return (await import('../../shared/import/index')).importReportFile(req.fileName, req.bytes);
};
