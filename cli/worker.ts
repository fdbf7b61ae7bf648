/**
 * Every file the CLI reads is parsed in a worker thread with the desktop app's limits (the pool of
 * src-main/reader-pool.ts: a wall-clock limit per file, a heap limit per worker), so one hostile file
 * costs its own entry — refused in Chinese — and never stops a batch. A worker runs out/cli/reader.mjs, the
 * bundle of cli/reader.ts built beside the command line's own. Files go out one by one to the pooled workers
 * and are handed on in input order.
 */
import { readerFailed, readerStopped, type OpenOutcome } from '../shared/app/open-report';
import { importReportFile } from '../shared/import';
import { uncertainCells } from '../shared/import/types';
import { evaluate, type Finding, type PreviousYear } from '../shared/rules';
import { BATCH_READER_LIMITS, ReaderPool, type ReaderLimits, serveReaderTasks } from '../src-main/reader-pool';
import { checkFile, checkedFile, unreadableEntry, type CheckedFile } from './check-file';
import { readReportAt } from './read-report';

/** The reader worker's bundle, beside the command line's (scripts/cli-build-options.mjs). */
const READER_ENTRY = new URL('./reader.mjs', import.meta.url);

/** previous: last year's report for validate's cross-year checks, the same for every file of a run. */
export type CheckWorkerData = { readonly previous: PreviousYear | null };

/** What a 'read' task returns: the import result and, for a report, its own findings (evaluated in the worker). */
export type ReadOutcome = { readonly result: OpenOutcome; readonly findings: readonly Finding[] | null };

/** The tasks a worker runs; inside the worker the readers run in-thread (the worker is the isolation). */
export const runCheckWorker = (data: CheckWorkerData): void =>
  serveReaderTasks({
    check: async (f: string): Promise<CheckedFile> => checkedFile(await checkFile(f, data.previous)),
    read: async (f: string): Promise<ReadOutcome> => {
      const result = await readReportAt(f, importReportFile);
      return { result, findings: result.ok ? evaluate(result.report, null, { uncertainCells: uncertainCells(result.notes) }) : null };
    },
    open: (f: string) => readReportAt(f, importReportFile),
  });

/**
 * The desktop app's limits, which an administrator may tighten or loosen for a run (docs/cli.md):
 * DISCLOSURE_REPORT_READ_TIMEOUT_MS and DISCLOSURE_REPORT_READ_MEMORY_MB.
 */
export const cliReaderLimits = (env: NodeJS.ProcessEnv = process.env): ReaderLimits => {
  const num = (v: string | undefined, fallback: number) => (v && /^[1-9]\d{0,7}$/.test(v) ? Number(v) : fallback);
  return {
    timeoutMs: num(env['DISCLOSURE_REPORT_READ_TIMEOUT_MS'], BATCH_READER_LIMITS.timeoutMs),
    maxOldGenerationSizeMb: num(env['DISCLOSURE_REPORT_READ_MEMORY_MB'], BATCH_READER_LIMITS.maxOldGenerationSizeMb),
  };
};

/** Calls sink(index, result) for every file, in input order. */
export type Sink<R> = (index: number, result: R) => void;

/** Files sent to each worker ahead of the one it is reading (ReaderPool's depth). */
const SENT_AHEAD = 2;

const refusalOf = (pool: ReaderPool) => (stop: Parameters<typeof readerStopped>[0]) => readerStopped(stop, pool.limits).message;

export const checkInOrder = (files: readonly string[], previous: PreviousYear | null, jobs: number, sink: Sink<CheckedFile>): Promise<void> =>
  runInOrder<CheckedFile>(files, 'check', { previous }, jobs, sink, (f, why) => checkedFile(unreadableEntry(f, why)));

export const readInOrder = (files: readonly string[], jobs: number, sink: Sink<ReadOutcome>): Promise<void> =>
  runInOrder<ReadOutcome>(files, 'read', { previous: null }, jobs, sink, (_f, why) => ({
    result: { ok: false, message: why },
    findings: null,
  }));

/** One file read in a worker (template, compare, export, validate --previous): the same limits as a batch. */
export const openInWorker = async (file: string): Promise<OpenOutcome> => {
  const pool = new ReaderPool(READER_ENTRY, { previous: null } satisfies CheckWorkerData, 1, cliReaderLimits());
  try {
    return await pool.run<OpenOutcome, OpenOutcome>('open', [file], (stop) => readerStopped(stop, pool.limits)).catch((e: unknown) => readerFailed(e));
  } finally {
    await pool.close();
  }
};

const runInOrder = async <R>(
  files: readonly string[],
  task: 'check' | 'read',
  data: CheckWorkerData,
  jobs: number,
  sink: Sink<R>,
  failed: (file: string, why: string) => R,
): Promise<void> => {
  if (!files.length) return;
  const pool = new ReaderPool(READER_ENTRY, data, Math.max(1, Math.min(jobs, files.length)), cliReaderLimits(), SENT_AHEAD);
  const stopped = refusalOf(pool);
  const results = new Map<number, R>();
  let next = 0;
  let emitted = 0;
  let inFlight = 0;
  try {
    await new Promise<void>((done) => {
      const launch = () => {
        // SENT_AHEAD files per worker in flight: each worker has its next file before it answers the last
        while (inFlight < jobs * SENT_AHEAD && next < files.length) {
          const i = next++;
          const f = files[i]!;
          inFlight++;
          void pool
            .run<R, R>(task, [f], (stop) => failed(f, stopped(stop)))
            .catch((e: unknown) => failed(f, readerFailed(e).message))
            .then((r) => {
              inFlight--;
              results.set(i, r);
              while (results.has(emitted)) {
                const entry = results.get(emitted)!;
                results.delete(emitted);
                sink(emitted++, entry);
              }
              if (emitted === files.length) done();
              else launch();
            });
        }
      };
      launch();
    });
  } finally {
    await pool.close();
  }
};
