/**
 * The list behind 文件 › 最近打开. The main process keeps it itself (in userData), so a path the
 * renderer never sees can be reopened; entries are only ever added from dialogs and the OS.
 */
import { dirname, isAbsolute } from 'node:path';
import type { FsPort } from './fs-port';
import { atomicWrite } from './atomic-write';

export const RECENT_MAX = 10;

export class RecentFiles {
  private paths: string[] = [];

  constructor(
    private readonly storePath: string,
    private readonly fs: FsPort,
    private readonly max = RECENT_MAX,
  ) {}

  /** Reads the stored list; a missing or damaged list is an empty one (it is only a convenience). */
  async load(): Promise<readonly string[]> {
    try {
      const raw: unknown = JSON.parse(new TextDecoder().decode(await this.fs.readFile(this.storePath)));
      const list = typeof raw === 'object' && raw !== null && Array.isArray((raw as { recent?: unknown }).recent) ? (raw as { recent: unknown[] }).recent : [];
      this.paths = list.filter((p): p is string => typeof p === 'string' && isAbsolute(p)).slice(0, this.max);
    } catch {
      this.paths = [];
    }
    return this.list();
  }

  list(): readonly string[] {
    return [...this.paths];
  }

  has(path: string): boolean {
    return this.paths.includes(path);
  }

  async add(path: string): Promise<void> {
    if (!isAbsolute(path)) return;
    this.paths = [path, ...this.paths.filter((p) => p !== path)].slice(0, this.max);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    this.paths = this.paths.filter((p) => p !== path);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.paths = [];
    await this.persist();
  }

  private async persist(): Promise<void> {
    try {
      await this.fs.mkdir(dirname(this.storePath), { recursive: true });
      await atomicWrite(this.storePath, `${JSON.stringify({ recent: this.paths }, null, 2)}\n`, { fs: this.fs });
    } catch {
      // losing the recent list is harmless; never let it fail a save
    }
  }
}
