/**
 * Autosave for crash recovery: while a document has unsaved changes, the editor sends its latest state
 * about a second after the last edit and it is written to the recovery folder (userData/recovery). A normal save or close
 * removes it; whatever is still there at the next start was left by a crash or a kill.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type RecoveryEntry, isRecoveryId } from '../shared/ipc';
import { type Report, restore, serialiseReport } from '../shared/report';
import type { FsPort } from './fs-port';
import { type DiskStamp, atomicWrite } from './atomic-write';

export const RECOVERY_FORMAT = 'disclosure-report-recovery';
const SUFFIX = '.recovery.json';

export { isRecoveryId };
export const newRecoveryId = (): string => randomUUID();

export type RecoveredDocument = {
  readonly id: string;
  readonly report: Report;
  readonly title: string;
  /** The file the document was last saved to, if any (kept in the main process only). */
  readonly filePath: string | null;
  readonly savedAt: string;
  /** What filePath held when the document was opened or last saved (so a later save still notices another program's change). */
  readonly diskStamp: DiskStamp | null;
};

export type RecoveryDocument = { readonly report: Report; readonly title: string; readonly filePath: string | null; readonly diskStamp?: DiskStamp | null };

const isStamp = (x: unknown): x is DiskStamp =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as DiskStamp).size === 'number' &&
  typeof (x as DiskStamp).mtimeMs === 'number' &&
  typeof (x as DiskStamp).sha256 === 'string';

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

  async save(id: string, doc: RecoveryDocument): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true });
    const body = {
      format: RECOVERY_FORMAT,
      savedAt: this.now().toISOString(),
      title: doc.title,
      filePath: doc.filePath,
      diskStamp: doc.diskStamp ?? null,
      report: JSON.parse(serialiseReport(doc.report)) as unknown,
    };
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
      diskStamp: isStamp(o['diskStamp']) ? o['diskStamp'] : null,
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

/**
 * Writes one after another, so a removal after a save cannot be overtaken by a late autosave and two
 * autosaves never race for the same file. The debounce is the editor's (src-renderer/store/host-sync.ts):
 * it sends the report only when an autosave is due.
 */
export class WriteQueue {
  private running: Promise<unknown> = Promise.resolve();

  run<T>(write: () => Promise<T>): Promise<T> {
    const next = this.running.then(write, write);
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every write started so far has finished. */
  async idle(): Promise<void> {
    await this.running;
  }
}
