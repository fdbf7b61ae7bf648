/**
 * The reader worker's entry, built as its own bundle (out/cli/reader.mjs): every file the command line reads is
 * parsed here, in a worker thread with limits (cli/worker.ts). Kept apart from the command line's bundle so that a
 * worker compiles only the readers and the checks, not the exporters.
 */
import { workerData } from 'node:worker_threads';
import { useNodeZip } from '../src-main/native-zip';
import { runCheckWorker, type CheckWorkerData } from './worker';

useNodeZip();
runCheckWorker(workerData as CheckWorkerData);
