/**
 * Saving never destroys the last good copy: the new content goes to a temp file in the same folder
 * (same volume, so the rename is atomic), is flushed to the disk, and only then replaces the file.
 * The previous version is kept as `<name>.bak`. A crash at any moment leaves either the old or the
 * new file complete under the real name.
 */
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FsPort } from './fs-port';
import { errorCode } from './write-errors';

export type AtomicWriteOptions = { readonly fs: FsPort; readonly backup?: boolean };

export const backupPath = (path: string): string => `${path}.bak`;
export const tempPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

const exists = async (fs: FsPort, path: string): Promise<'file' | 'dir' | null> => {
  try {
    const s = await fs.stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
};

const writeAll = async (fs: FsPort, path: string, data: Uint8Array): Promise<void> => {
  // 'wx': never follow or reuse something already there under the temp name
  const fh = await fs.open(path, 'wx', 0o644);
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

export const atomicWrite = async (path: string, data: Uint8Array | string, { fs, backup = false }: AtomicWriteOptions): Promise<void> => {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const kind = await exists(fs, path);
  if (kind === 'dir') throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  const tmp = tempPathFor(path);
  try {
    await writeAll(fs, tmp, bytes);
    if (backup && kind === 'file') {
      // copy (not rename) so the real name always holds a complete file, even between these steps
      const bakTmp = `${tmp}.bak`;
      await fs.copyFile(path, bakTmp);
      await fs.rename(bakTmp, backupPath(path));
    }
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    await fs.unlink(`${tmp}.bak`).catch(() => undefined);
    throw e;
  }
  await syncDir(fs, dirname(path));
};
