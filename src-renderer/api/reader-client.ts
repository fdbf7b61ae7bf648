/**
 * The page's side of the reader worker (reader-worker.ts): one worker, created on the first file (so the
 * editor's first screen loads nothing of it) and reused for every file after; one job at a time. A job
 * that runs past its wall-clock limit gets the worker terminated and the file refused in Chinese — the
 * same words as the desktop's reader pool — and the next file gets a fresh worker. The open report is
 * never touched: a refusal is only a message.
 */
import { readerStopped, type ReaderStop } from '../../shared/app/open-report';
import type { ImportResult } from '../../shared/import/types';
import { runReaderTask, type ReaderTask } from './reader-tasks';

export type ReaderRequest = ReaderTask & { readonly id: number };
export type ReaderReply =
  { readonly id: number; readonly ok: true; readonly result: ImportResult } | { readonly id: number; readonly ok: false; readonly error: string };

/** What the client needs of a Worker (a fake one in unit tests). */
export type ReaderWorker = {
  onmessage: ((e: MessageEvent<ReaderReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(m: ReaderRequest, transfer?: Transferable[]): void;
  terminate(): void;
};

/** 10 s, like the desktop's reader pool: the slowest real report reads in well under a second. */
export const BROWSER_READER_TIMEOUT_MS = 10_000;

type Job = { readonly request: ReaderRequest; readonly transfer: Transferable[]; readonly settle: (r: ImportResult) => void };

const stopped = (stop: ReaderStop, timeoutMs: number): ImportResult => {
  const r = readerStopped(stop, { timeoutMs, maxOldGenerationSizeMb: 0 });
  return { ok: false, message: r.message, ...(r.detail === undefined ? {} : { detail: r.detail }) };
};

export type ReaderClient = {
  readFile(fileName: string, bytes: Uint8Array): Promise<ImportResult>;
  readText(text: string): Promise<ImportResult>;
};

export const createReaderClient = (makeWorker: () => ReaderWorker, timeoutMs = BROWSER_READER_TIMEOUT_MS): ReaderClient => {
  let worker: ReaderWorker | null = null;
  let current: { job: Job; timer: ReturnType<typeof setTimeout> } | null = null;
  const queue: Job[] = [];
  let nextId = 0;

  // a stopped worker is dropped, never reused: it may be stuck in a loop or half-way through a file
  const stop = (s: ReaderStop) => {
    worker?.terminate();
    worker = null;
    finish(stopped(s, timeoutMs));
  };

  const finish = (r: ImportResult) => {
    if (!current) return;
    clearTimeout(current.timer);
    const { job } = current;
    current = null;
    job.settle(r);
    pump();
  };

  const started = (): ReaderWorker => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e) => {
      if (!current || e.data.id !== current.job.request.id) return;
      finish(e.data.ok ? e.data.result : stopped({ kind: 'crash', detail: e.data.error }, timeoutMs));
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      stop({ kind: 'crash', detail: e.message || 'worker error' });
    };
    worker = w;
    return w;
  };

  const pump = () => {
    if (current) return;
    const job = queue.shift();
    if (!job) return;
    let w: ReaderWorker;
    try {
      w = started();
    } catch (e) {
      job.settle(stopped({ kind: 'crash', detail: e instanceof Error ? e.message : String(e) }, timeoutMs));
      pump();
      return;
    }
    current = { job, timer: setTimeout(() => stop({ kind: 'timeout', detail: `over ${timeoutMs} ms` }), timeoutMs) };
    w.postMessage(job.request, job.transfer);
  };

  const run = (request: ReaderRequest, transfer: Transferable[]): Promise<ImportResult> =>
    new Promise((settle) => {
      queue.push({ request, transfer, settle });
      pump();
    });

  return {
    readFile: (fileName, bytes) => run({ id: nextId++, task: 'file', fileName, bytes }, [bytes.buffer as ArrayBuffer]),
    readText: (text) => run({ id: nextId++, task: 'text', text }, []),
  };
};

let shared: ReaderClient | null = null;

/** Where there are no Web Workers (jsdom, in the unit tests that drive this ReportApi) the reader runs in-thread. */
const inThread: ReaderClient = {
  readFile: (fileName, bytes) => runReaderTask({ task: 'file', fileName, bytes }),
  readText: (text) => runReaderTask({ task: 'text', text }),
};

/** The page's one reader; the worker script is bundled by Vite and served with the page. */
export const browserReader = (): ReaderClient =>
  (shared ??=
    typeof Worker === 'function'
      ? createReaderClient(() => new Worker(new URL('./reader-worker.ts', import.meta.url), { type: 'module' }) as unknown as ReaderWorker)
      : inThread);
