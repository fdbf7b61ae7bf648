/**
 * Saving never destroys the last good copy: the new content goes to a temp file in the same folder
 * (same volume, so the rename is atomic), is flushed to the disk, and only then replaces the file.
 * The previous version is kept as `<name>.bak`, flushed too. A crash at any moment leaves either the
 * old or the new file complete under the real name; a temp file it leaves is swept at the next start.
 *
 * What the file was stays what it is: a read-only file is refused (never silently replaced), the
 * permissions of the old file carry over (0600 stays 0600), and a symbolic link stays a link — the
 * file it points to gets the new content (replacing the link with a plain file would silently cut
 * whatever shares the target; a link that points nowhere is refused, since where it "should" point
 * cannot be known).
 */
import { basename, dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { FsPort } from './fs-port';
import { errorCode } from './write-errors';

export type AtomicWriteOptions = { readonly fs: FsPort; readonly backup?: boolean };

/** What a file on disk was when we last read or wrote it: a later difference means another program saved it. */
export type DiskStamp = { readonly size: number; readonly mtimeMs: number; readonly sha256: string };

export const backupPath = (path: string): string => `${path}.bak`;
export const tempPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
/** Our temp names: `.<file>.<pid>.<8 hex>.tmp` and its backup copy `….tmp.bak`. */
const TEMP_NAME = /^\.(.+)\.(\d{1,10})\.[0-9a-f]{8}\.tmp(?:\.bak)?$/;

const fail = (code: string, message: string): Error => Object.assign(new Error(message), { code });
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

type Target = { readonly real: string; readonly mode: number | null };

/** The file a save really replaces (a link's target), refused when it is a folder, read-only or a dangling link. */
const resolveTarget = async (fs: FsPort, path: string): Promise<Target> => {
  let l;
  try {
    l = await fs.lstat(path);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { real: path, mode: null };
    throw e;
  }
  let real = path;
  if (l.isSymbolicLink()) {
    try {
      real = await fs.realpath(path);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') throw fail('EDANGLINGLINK', `${path} is a link to a missing file`);
      throw e;
    }
  }
  const s = l.isSymbolicLink() ? await fs.stat(real) : l;
  if (s.isDirectory()) throw fail('EISDIR', `${path} is a directory`);
  const mode = s.mode & 0o7777;
  // POSIX lets a rename replace a 0444 file in a writable folder; Windows' read-only attribute shows here as no write bits
  if ((mode & 0o222) === 0) throw fail('EREADONLY', `${path} is read-only`);
  return { real, mode };
};

const writeAll = async (fs: FsPort, path: string, data: Uint8Array): Promise<void> => {
  // 'wx': never follow or reuse something already there under the temp name
  const fh = await fs.open(path, 'wx', 0o666);
  try {
    let off = 0;
    while (off < data.length) {
      const { bytesWritten } = await fh.write(data, off, data.length - off, off);
      if (bytesWritten <= 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
      off += bytesWritten;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
};

const syncFile = async (fs: FsPort, path: string): Promise<void> => {
  // 'r+': Windows flushes only handles open for writing
  const fh = await fs.open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
};

/** Flushes the folder entry so the rename itself survives a power cut (POSIX; Windows has no directory handles). */
const syncDir = async (fs: FsPort, dir: string): Promise<void> => {
  if (process.platform === 'win32') return;
  try {
    const fh = await fs.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // some file systems (network shares) refuse fsync on folders; the file itself is already flushed
  }
};

/** Writes `data` to `path` whole or not at all; returns the stamp of what is now on disk. */
export const atomicWrite = async (path: string, data: Uint8Array | string, { fs, backup = false }: AtomicWriteOptions): Promise<DiskStamp> => {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const { real, mode } = await resolveTarget(fs, path);
  const tmp = tempPathFor(real);
  const bakTmp = `${tmp}.bak`;
  try {
    await writeAll(fs, tmp, bytes);
    if (mode !== null) await fs.chmod(tmp, mode);
    if (backup && mode !== null) {
      // copy (not rename) so the real name always holds a complete file, even between these steps
      await fs.copyFile(real, bakTmp);
      await syncFile(fs, bakTmp);
      await fs.rename(bakTmp, backupPath(real));
    }
    await fs.rename(tmp, real);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    await fs.unlink(bakTmp).catch(() => undefined);
    throw e;
  }
  await syncDir(fs, dirname(real));
  // what an earlier save of this file left behind when it was killed
  await sweepStaleTemps(fs, dirname(real), { only: basename(real) });
  const after = await fs.stat(real);
  return { size: bytes.length, mtimeMs: after.mtimeMs, sha256: sha256(bytes) };
};

/** The stamp of the file as it is now; null when it is gone. */
export const stampOf = async (fs: FsPort, path: string): Promise<DiskStamp | null> => {
  try {
    const s = await fs.stat(path);
    const bytes = await fs.readFile(path);
    return { size: bytes.length, mtimeMs: s.mtimeMs, sha256: sha256(bytes) };
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
};

/**
 * Whether another program changed the file since `stamp`: size and time say "maybe", the hash decides
 * (a file touched but not changed is no conflict; a same-size rewrite within the file system's time
 * resolution — 2 s on a USB stick's FAT — is still caught). A file that is gone is no conflict either:
 * saving puts it back.
 */
export const changedSince = async (fs: FsPort, path: string, stamp: DiskStamp): Promise<boolean> => {
  let s;
  try {
    s = await fs.stat(path);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return false;
    throw e;
  }
  if (s.size !== stamp.size) return true;
  return sha256(await fs.readFile(path)) !== stamp.sha256;
};

const processRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
};

/** A temp file older than this is a leftover even if its process id now belongs to another program. */
const STALE_AFTER_MS = 24 * 3600_000;

/**
 * Removes temp files of ours that a killed save left in `dir` (only our exact name pattern, only
 * plain files, never those of a save still running). Returns the names removed.
 */
export const sweepStaleTemps = async (
  fs: FsPort,
  dir: string,
  opts: { readonly only?: string; readonly running?: (pid: number) => boolean; readonly now?: number } = {},
): Promise<string[]> => {
  const running = opts.running ?? processRunning;
  const now = opts.now ?? Date.now();
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || (opts.only !== undefined && m[1] !== opts.only)) continue;
    const pid = Number(m[2]);
    const p = join(dir, name);
    try {
      const s = await fs.lstat(p);
      if (!s.isFile()) continue;
      const old = now - s.mtimeMs > STALE_AFTER_MS;
      if (!old && (pid === process.pid || running(pid))) continue;
      await fs.unlink(p);
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove: leave it
    }
  }
  return removed;
};
