/**
 * Untrusted files are parsed in worker threads with hard limits, never in the thread that owns the
 * window or the batch: a file that loops, allocates without end or crashes the reader costs its own
 * worker only. Each job has a wall-clock limit (the worker is terminated when it passes) and each
 * worker a heap limit (V8's resourceLimits); a breach settles that one job with a refusal and the pool
 * starts a fresh worker for the next. Workers are pooled and reused, so isolation costs one start-up
 * per worker, not per file. Node only, no Electron: the desktop main process and the CLI both use it.
 */
import { Worker, parentPort } from 'node:worker_threads';

export type ReaderLimits = {
  /** Wall-clock time one job may take, in ms. */
  readonly timeoutMs: number;
  /** V8 old-generation heap of a worker, in MB (V8 stops the worker when it is exhausted). */
  readonly maxOldGenerationSizeMb: number;
};

/**
 * 10 s and 512 MB for the desktop, which reads one file at a time: the slowest real report reads in well under
 * a second with a few MB of heap, and an office PC may have 4 GB in all, so a hostile file is stopped early.
 */
export const READER_LIMITS: ReaderLimits = { timeoutMs: 10_000, maxOldGenerationSizeMb: 512 };

/**
 * 10 s and 2 GB for a batch (the CLI): V8 paces its collector by the heap cap, and under 2 GB (64-bit) it runs a
 * full collection whenever the heap grows ~40% past what was live, so a worker reading file after file spent a
 * third of its CPU in mark-compact (117 full collections for 1,000 .docx at 512 MB, 2 at 2 GB; bench/cli.bench.ts).
 * A file that allocates without end is still stopped, at 2 GB.
 */
export const BATCH_READER_LIMITS: ReaderLimits = { timeoutMs: 10_000, maxOldGenerationSizeMb: 2048 };

export type Breach = { readonly kind: 'timeout' | 'memory' | 'crash'; readonly detail: string };

type Request = { readonly id: number; readonly task: string; readonly args: readonly unknown[] };
type Reply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

type Job = {
  readonly request: Request;
  readonly transfer: readonly ArrayBuffer[];
  readonly settle: (r: { ok: true; value: unknown } | { ok: false; breach: Breach }) => void;
};

/** jobs: sent to the worker, in the order it runs them; the first is the one running, and only it is timed. */
type Slot = { worker: Worker; jobs: Job[]; timer: ReturnType<typeof setTimeout> | null; dead: boolean };

export class ReaderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  /**
   * depth: jobs sent ahead to each worker. 1 (the desktop, one file at a time) sends the next job only when the
   * worker has answered; a batch sends 2, so a worker starts its next file the moment it has answered the last
   * instead of idling while the main thread receives the answer and sends the next request (~0.3 ms a file).
   */
  constructor(
    private readonly entry: URL | string,
    private readonly workerData: unknown,
    private readonly size: number,
    readonly limits: ReaderLimits = READER_LIMITS,
    private readonly depth = 1,
  ) {}

  /**
   * Runs `task` in a worker. Resolves with the task's value, or with onBreach's when the job passed a
   * limit or its worker died; rejects only when the task itself threw (a bug in the handler).
   * `transfer`: buffers moved to the worker instead of copied (the file's bytes).
   */
  run<T, B = T>(task: string, args: readonly unknown[], onBreach: (b: Breach) => B, transfer: readonly ArrayBuffer[] = []): Promise<T | B> {
    if (this.closed) return Promise.resolve(onBreach({ kind: 'crash', detail: 'pool closed' }));
    return new Promise<T | B>((resolve, reject) => {
      const request: Request = { id: this.nextId++, task, args };
      this.queue.push({
        request,
        transfer,
        settle: (r) => {
          if (r.ok) resolve(r.value as T);
          else if (r.breach.kind === 'crash' && r.breach.detail.startsWith('task:')) reject(new Error(r.breach.detail.slice(5)));
          else resolve(onBreach(r.breach));
        },
      });
      this.pump();
    });
  }

  /** Stops every worker; pending jobs settle as breaches. */
  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.settle({ ok: false, breach: { kind: 'crash', detail: 'pool closed' } });
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, { kind: 'crash', detail: 'pool closed' })));
  }

  /** The live worker with the fewest jobs below the depth, or null. */
  private freeSlot(): Slot | null {
    let best: Slot | null = null;
    for (const s of this.slots) if (!s.dead && s.jobs.length < this.depth && (!best || s.jobs.length < best.jobs.length)) best = s;
    return best;
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.freeSlot();
      // a new worker while the pool may grow and every worker is busy (a job sent ahead waits, a new worker does not)
      if (!slot || (slot.jobs.length > 0 && this.slots.length < this.size)) {
        if (this.slots.length < this.size) {
          try {
            slot = this.spawn();
          } catch (e) {
            // the worker cannot even start (its file is missing): every waiting job is refused, none hangs
            for (const j of this.queue.splice(0)) j.settle({ ok: false, breach: { kind: 'crash', detail: String(e) } });
            return;
          }
        }
        if (!slot) return;
      }
      const job = this.queue.shift()!;
      slot.jobs.push(job);
      if (slot.jobs.length === 1) this.startTimer(slot);
      slot.worker.ref();
      slot.worker.postMessage(job.request, job.transfer as ArrayBuffer[]);
    }
  }

  /** The job at the head of a worker's list is the one it runs: its time starts now. */
  private startTimer(slot: Slot): void {
    slot.timer = setTimeout(() => void this.retire(slot, { kind: 'timeout', detail: `${this.limits.timeoutMs} ms` }), this.limits.timeoutMs);
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, {
      workerData: this.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb },
    });
    const slot: Slot = { worker, jobs: [], timer: null, dead: false };
    this.slots.push(slot);
    worker.on('message', (reply: Reply) => {
      const job = slot.jobs[0];
      if (!job || reply.id !== job.request.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.jobs.shift();
      slot.timer = null;
      if (slot.jobs.length) this.startTimer(slot);
      // an idle worker does not keep the process alive (the CLI exits when its work is done)
      else worker.unref();
      job.settle(reply.ok ? { ok: true, value: reply.value } : { ok: false, breach: { kind: 'crash', detail: `task:${reply.error}` } });
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      void this.retire(slot, { kind: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', detail: e.message });
    });
    worker.on('exit', (code) => void this.retire(slot, { kind: 'crash', detail: `worker exited with code ${code}` }));
    return slot;
  }

  /**
   * Takes a worker out of the pool: the job it was running settles with the breach; the jobs sent ahead to it,
   * which never started, go back to the front of the queue for a fresh worker.
   */
  private async retire(slot: Slot, breach: Breach): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const [running, ...waiting] = slot.jobs.splice(0);
    running?.settle({ ok: false, breach });
    if (this.closed) for (const j of waiting) j.settle({ ok: false, breach });
    else this.queue.unshift(...waiting);
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.pump();
  }
}

/** The worker's side: answers each request with its handler's value (or the error it threw). */
export const serveReaderTasks = (handlers: Record<string, (...args: never[]) => unknown>): void => {
  const answer = async (req: Request): Promise<void> => {
    const handler = handlers[req.task];
    let reply: Reply;
    try {
      if (!handler) throw new Error(`unknown task ${req.task}`);
      reply = { id: req.id, ok: true, value: await (handler as (...a: readonly unknown[]) => unknown)(...req.args) };
    } catch (e) {
      reply = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    parentPort!.postMessage(reply);
  };
  // one job at a time, in the order sent: the pool times only the job at the head of a worker's list
  let last: Promise<void> = Promise.resolve();
  parentPort!.on('message', (req: Request) => {
    last = last.then(() => answer(req));
  });
};
