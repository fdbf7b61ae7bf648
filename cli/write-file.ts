/**
 * Writes an output file whole or not at all: a temp file in the target folder, created exclusively
 * ('wx': a file or a link planted at its name makes the open fail instead of redirecting the write)
 * under a random name, flushed, then renamed over the target. A failed run leaves no half file.
 * The output's permissions carry over when it is replaced; a read-only output is refused. A link at
 * the output's name is replaced by the new file (the file it pointed to is never written).
 */
import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

const REASONS: Record<string, string> = {
  ENOENT: '所在文件夹不存在',
  ENOTDIR: '所在文件夹不存在',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '目标位置是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘空间不足',
  EISDIR: '这是一个文件夹',
  EBUSY: '文件正被其他程序占用',
  EIO: '磁盘读写错误',
  EEXIST: '临时文件名已被占用，请重试',
  EREADONLY: '文件是只读的，未覆盖（请换一个保存位置，或取消只读后重试）',
};

const writeAll = (fd: number, bytes: Uint8Array): void => {
  let off = 0;
  while (off < bytes.length) {
    const n = writeSync(fd, bytes, off, bytes.length - off);
    if (n <= 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
    off += n;
  }
};

export const writeFileAtomic = (path: string, data: string | Uint8Array): void => {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    let mode: number | null = null;
    try {
      const old = lstatSync(path);
      if (old.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (old.isFile()) {
        mode = old.mode & 0o7777;
        if ((mode & 0o222) === 0) throw Object.assign(new Error('read-only'), { code: 'EREADONLY' });
      }
    } catch (e) {
      if (code(e) !== 'ENOENT') throw e;
    }
    const fd = openSync(tmp, 'wx', 0o666);
    created = true;
    try {
      writeAll(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== null) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    if (created)
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    const c = code(e);
    throw new Error(`无法写入「${path}」：${(c && REASONS[c]) ?? `系统错误 ${c ?? '未知'}，请换一个保存位置后重试`}`);
  }
};
