/** Writes an output file whole or not at all (temp file + rename), so a failed run leaves no half file. */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export const writeFileAtomic = (path: string, data: string | Uint8Array): void => {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`无法写入「${path}」：${code === 'ENOENT' ? '所在文件夹不存在' : code === 'EACCES' ? '没有写入权限' : (e as Error).message}`);
  }
};
