/**
 * Entry of the desktop app's reader worker (bundled to out/main/reader-worker.cjs): the readers of
 * shared/import, run off the main process under the limits of reader-pool.ts.
 */
import { importReportFile } from '../shared/import';
import { useNodeZip } from './native-zip';
import { serveReaderTasks } from './reader-pool';

useNodeZip();
serveReaderTasks({ 'read-bytes': (name: string, bytes: Uint8Array) => importReportFile(name, bytes) });
