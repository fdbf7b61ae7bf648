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

type Slot = { worker: Worker; job: Job | null; timer: ReturnType<typeof setTimeout> | null; dead: boolean };

export class ReaderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly entry: URL | string,
    private readonly workerData: unknown,
    private readonly size: number,
    readonly limits: ReaderLimits = READER_LIMITS,
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

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job && !s.dead);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        try {
          slot = this.spawn();
        } catch (e) {
          // the worker cannot even start (its file is missing): every waiting job is refused, none hangs
          for (const j of this.queue.splice(0)) j.settle({ ok: false, breach: { kind: 'crash', detail: String(e) } });
          return;
        }
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => void this.retire(slot!, { kind: 'timeout', detail: `${this.limits.timeoutMs} ms` }), this.limits.timeoutMs);
      slot.worker.postMessage(job.request, job.transfer as ArrayBuffer[]);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, {
      workerData: this.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb },
    });
    const slot: Slot = { worker, job: null, timer: null, dead: false };
    this.slots.push(slot);
    worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (!job || reply.id !== job.request.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      slot.timer = null;
      // an idle worker does not keep the process alive (the CLI exits when its work is done)
      worker.unref();
      job.settle(reply.ok ? { ok: true, value: reply.value } : { ok: false, breach: { kind: 'crash', detail: `task:${reply.error}` } });
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      void this.retire(slot, { kind: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', detail: e.message });
    });
    worker.on('exit', (code) => void this.retire(slot, { kind: 'crash', detail: `worker exited with code ${code}` }));
    return slot;
  }

  /** Takes a worker out of the pool: its job (if any) settles with the breach, the next job gets a fresh worker. */
  private async retire(slot: Slot, breach: Breach): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const job = slot.job;
    slot.job = null;
    job?.settle({ ok: false, breach });
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.pump();
  }
}

/** The worker's side: answers each request with its handler's value (or the error it threw). */
export const serveReaderTasks = (handlers: Record<string, (...args: never[]) => unknown>): void => {
  parentPort!.on('message', async (req: Request) => {
    const handler = handlers[req.task];
    let reply: Reply;
    try {
      if (!handler) throw new Error(`unknown task ${req.task}`);
      reply = { id: req.id, ok: true, value: await (handler as (...a: readonly unknown[]) => unknown)(...req.args) };
    } catch (e) {
      reply = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    parentPort!.postMessage(reply);
  });
};
