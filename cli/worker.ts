/**
 * Parallel checking with worker_threads. The CLI is one bundle: a worker is the same file started
 * with workerData.role === 'check' (see main.ts), so no second entry point has to be built.
 * Files go out in small chunks, results come back per chunk and are handed on in input order.
 */
import { Worker, parentPort } from 'node:worker_threads';
import { evaluate, type Finding, type PreviousYear } from '../shared/rules';
import { uncertainCells } from '../shared/import/types';
import type { OpenOutcome } from '../shared/app/open-report';
import { checkFile, unreadableEntry, type FileEntry } from './check-file';
import { readReportAt } from './read-report';

/** check: read and evaluate (validate); read: only read, the report comes back (consolidate). */
export type CheckWorkerData = { readonly role: 'check'; readonly task: 'check' | 'read'; readonly previous: PreviousYear | null };
type Job = { readonly id: number; readonly files: readonly string[] };
type Done<R> = { readonly id: number; readonly entries: readonly R[] };

/** What a 'read' task returns: the import result and, for a report, its own findings (evaluated in the worker). */
export type ReadOutcome = { readonly result: OpenOutcome; readonly findings: readonly Finding[] | null };

const readAndEvaluate = async (f: string): Promise<ReadOutcome> => {
  const result = await readReportAt(f);
  return { result, findings: result.ok ? evaluate(result.report, null, { uncertainCells: uncertainCells(result.notes) }) : null };
};

const taskFn = (data: CheckWorkerData): ((f: string) => Promise<unknown>) =>
  data.task === 'read' ? readAndEvaluate : (f) => checkFile(f, data.previous);

/** The loop a worker runs. */
export const runCheckWorker = (data: CheckWorkerData): void => {
  const fn = taskFn(data);
  parentPort!.on('message', async (job: Job) => {
    const entries: unknown[] = [];
    for (const f of job.files) entries.push(await fn(f));
    parentPort!.postMessage({ id: job.id, entries } satisfies Done<unknown>);
  });
};

/** Calls sink(index, result) for every file, in input order. */
export type Sink<R> = (index: number, result: R) => void;

export const checkInOrder = (files: readonly string[], previous: PreviousYear | null, jobs: number, entryUrl: URL | string, sink: Sink<FileEntry>): Promise<void> =>
  runInOrder<FileEntry>(files, { role: 'check', task: 'check', previous }, jobs, entryUrl, sink, (f, why) => unreadableEntry(f, why));

export const readInOrder = (files: readonly string[], jobs: number, entryUrl: URL | string, sink: Sink<ReadOutcome>): Promise<void> =>
  runInOrder<ReadOutcome>(files, { role: 'check', task: 'read', previous: null }, jobs, entryUrl, sink, (_f, why) => ({ result: { ok: false, message: why }, findings: null }));

const runInOrder = async <R>(
  files: readonly string[],
  data: CheckWorkerData,
  jobs: number,
  entryUrl: URL | string,
  sink: Sink<R>,
  failed: (file: string, why: string) => R,
): Promise<void> => {
  if (jobs <= 1 || files.length < 2) {
    const fn = taskFn(data) as (f: string) => Promise<R>;
    for (let i = 0; i < files.length; i++) sink(i, await fn(files[i]!));
    return;
  }
  const chunkSize = Math.max(1, Math.min(16, Math.ceil(files.length / (jobs * 8))));
  const chunks: Job[] = [];
  for (let i = 0, id = 0; i < files.length; i += chunkSize) chunks.push({ id: id++, files: files.slice(i, i + chunkSize) });
  const results = new Map<number, readonly R[]>();
  let nextChunk = 0;
  let emitted = 0;
  let completed = 0;
  let wake: (() => void) | null = null;
  const flush = () => {
    while (results.has(emitted)) {
      const entries = results.get(emitted)!;
      results.delete(emitted);
      const base = emitted * chunkSize;
      entries.forEach((e, k) => sink(base + k, e));
      emitted++;
    }
  };
  const complete = (id: number, entries: readonly R[]) => {
    results.set(id, entries);
    completed++;
    flush();
    wake?.();
  };
  const workers: Worker[] = [];
  const start = () => {
    const w = new Worker(entryUrl, { workerData: data });
    workers.push(w);
    const inFlight = new Set<number>();
    const feed = () => {
      // two chunks in flight per worker so it never waits for the main thread
      while (inFlight.size < 2 && nextChunk < chunks.length) {
        const job = chunks[nextChunk++]!;
        inFlight.add(job.id);
        w.postMessage(job);
      }
      if (inFlight.size === 0) void w.terminate();
    };
    const lose = (why: string) => {
      // a crashed worker (a bug, or memory exhausted by a hostile file) loses only its own chunks
      for (const id of inFlight) complete(id, chunks[id]!.files.map((f) => failed(f, why)));
      inFlight.clear();
    };
    w.on('message', (d: Done<R>) => {
      inFlight.delete(d.id);
      complete(d.id, d.entries);
      feed();
    });
    w.on('error', (e) => lose(`读取时程序出错：${e.message}`));
    w.on('exit', () => lose('读取时程序意外退出'));
    feed();
  };
  // The main thread is one of the `jobs` threads: it reads chunks too, between handling the workers' replies.
  for (let k = 0; k < Math.min(jobs - 1, chunks.length); k++) start();
  const fn = taskFn(data) as (f: string) => Promise<R>;
  while (completed < chunks.length) {
    if (nextChunk < chunks.length) {
      const job = chunks[nextChunk++]!;
      const out: R[] = [];
      for (const f of job.files) out.push(await fn(f));
      complete(job.id, out);
      await new Promise<void>((r) => setImmediate(r));
    } else {
      await new Promise<void>((r) => {
        wake = r;
      });
      wake = null;
    }
  }
  for (const w of workers) void w.terminate();
};
