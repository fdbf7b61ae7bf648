/**
 * The reader worker of `npm run fuzz`: the app's reader (importReportFile) plus what the fuzz report
 * needs, the heap the read took. Run under the same pool and limits as the app's worker, inflating zips with
 * Node's zlib as the app's and the CLI's workers do (test/unit/import-zip-native.test.ts holds fflate to the same).
 */
import { getHeapStatistics } from 'node:v8';
import { importReportFile } from '../shared/import';
import { useNodeZip } from '../src-main/native-zip';
import { serveReaderTasks } from '../src-main/reader-pool';

useNodeZip();
serveReaderTasks({
  'read-bytes': async (name: string, bytes: Uint8Array) => {
    const result = await importReportFile(name, bytes);
    const h = getHeapStatistics();
    return { result, heapMb: (h.total_heap_size + h.external_memory) / 1048576, peakMallocMb: h.peak_malloced_memory / 1048576 };
  },
});
