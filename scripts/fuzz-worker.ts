/**
 * The reader worker of `npm run fuzz`: the app's reader (importReportFile) plus what the fuzz report
 * needs, the heap the read took. Run under the same pool and limits as the app's worker.
 */
import { getHeapStatistics } from 'node:v8';
import { importReportFile } from '../shared/import';
import { serveReaderTasks } from '../src-main/reader-pool';

serveReaderTasks({
  'read-bytes': async (name: string, bytes: Uint8Array) => {
    const result = await importReportFile(name, bytes);
    const h = getHeapStatistics();
    return { result, heapMb: (h.total_heap_size + h.external_memory) / 1048576, peakMallocMb: h.peak_malloced_memory / 1048576 };
  },
});
