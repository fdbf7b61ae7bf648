/**
 * Entry of the desktop app's reader worker (bundled to out/main/reader-worker.cjs): the readers of
 * shared/import, run off the main process under the limits of reader-pool.ts.
 */
import { importReportFile } from '../shared/import';
import { serveReaderTasks } from './reader-pool';

serveReaderTasks({ 'read-bytes': (name: string, bytes: Uint8Array) => importReportFile(name, bytes) });
