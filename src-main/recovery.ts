/**
 * Autosave for crash recovery: while a document has unsaved changes, its latest state is written to
 * the recovery folder (userData/recovery) within 2 seconds of the last edit. A normal save or close
 * removes it; whatever is still there at the next start was left by a crash or a kill.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RecoveryEntry } from '../shared/ipc';
import { type Report, restore, serialiseReport } from '../shared/report';
import type { FsPort } from './fs-port';
import { atomicWrite } from './atomic-write';

export const RECOVERY_FORMAT = 'disclosure-report-recovery';
/**
 * The editor already reports at most once a second while the clerk types (src-renderer/components/app.tsx),
 * so 400 ms more keeps the last edit on disk well within 2 s.
 */
export const AUTOSAVE_DELAY_MS = 400;
const ID_PATTERN = /^[a-z0-9-]{1,64}$/;
const SUFFIX = '.recovery.json';

export const isRecoveryId = (id: unknown): id is string => typeof id === 'string' && ID_PATTERN.test(id);
export const newRecoveryId = (): string => randomUUID();

export type RecoveredDocument = {
  readonly id: string;
  readonly report: Report;
  readonly title: string;
  /** The file the document was last saved to, if any (kept in the main process only). */
  readonly filePath: string | null;
  readonly savedAt: string;
};

export class RecoveryStore {
  constructor(
    readonly dir: string,
    private readonly fs: FsPort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private fileOf(id: string): string {
    if (!isRecoveryId(id)) throw new Error(`无效的恢复编号：${String(id)}`);
    return join(this.dir, `${id}${SUFFIX}`);
  }

  async save(id: string, doc: { report: Report; title: string; filePath: string | null }): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true });
    const body = { format: RECOVERY_FORMAT, savedAt: this.now().toISOString(), title: doc.title, filePath: doc.filePath, report: JSON.parse(serialiseReport(doc.report)) as unknown };
    await atomicWrite(this.fileOf(id), `${JSON.stringify(body, null, 2)}\n`, { fs: this.fs });
  }

  /** Reads one recovery file; null when it is gone or damaged (a damaged one is never offered). */
  async read(id: string): Promise<RecoveredDocument | null> {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(await this.fs.readFile(this.fileOf(id))));
    } catch {
      return null;
    }
    if (typeof raw !== 'object' || raw === null) return null;
    const o = raw as Record<string, unknown>;
    if (o['format'] !== RECOVERY_FORMAT) return null;
    const r = restore(o['report']);
    if (!r.ok) return null;
    return {
      id,
      report: r.report,
      title: typeof o['title'] === 'string' ? o['title'] : '未命名报告',
      filePath: typeof o['filePath'] === 'string' ? o['filePath'] : null,
      savedAt: typeof o['savedAt'] === 'string' ? o['savedAt'] : '',
    };
  }

  async list(exclude: ReadonlySet<string> = new Set()): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch {
      return [];
    }
    const out: RecoveryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith(SUFFIX)) continue;
      const id = name.slice(0, -SUFFIX.length);
      if (!isRecoveryId(id) || exclude.has(id)) continue;
      const doc = await this.read(id);
      if (doc) out.push({ id, title: doc.title, savedAt: doc.savedAt });
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async remove(id: string): Promise<void> {
    await this.fs.unlink(this.fileOf(id)).catch(() => undefined);
  }
}

export type Timers = { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Debounces the writes: each edit restarts the timer, so a clerk typing fast costs one write a second
 * at most, and the state on disk is never older than AUTOSAVE_DELAY_MS after the last keystroke.
 */
export class Autosaver {
  private handle: unknown = null;
  private pending: (() => Promise<void>) | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly onError: (e: unknown) => void = () => undefined,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    private readonly timers: Timers = realTimers,
  ) {}

  schedule(write: () => Promise<void>): void {
    this.pending = write;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => void this.flush(), this.delayMs);
  }

  cancel(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.pending = null;
  }

  /** Writes what is pending now; resolves when every write started so far has finished. */
  flush(): Promise<void> {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    const write = this.pending;
    this.pending = null;
    if (write) this.running = this.running.then(write).catch(this.onError);
    return this.running;
  }

  /** Waits for writes in progress (so a removal after a save cannot be overtaken by a late autosave). */
  idle(): Promise<void> {
    return this.running;
  }
}
