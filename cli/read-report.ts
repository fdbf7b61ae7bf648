/** Reading one report file from disk into an ImportResult; every failure becomes a reason, never a throw. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, importReportFile } from '../shared/import';
import type { ImportResult } from '../shared/import/types';

/** The importers' own limit, checked before the bytes are read, so a huge file costs no memory. */
export const MAX_FILE_BYTES = MAX_IMPORT_BYTES;

export const readReportFile = async (path: string): Promise<ImportResult> => {
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, message: '不是文件' };
    if (st.size === 0) return { ok: false, message: '文件为空' };
    if (st.size > MAX_FILE_BYTES) return { ok: false, message: `文件过大（${(st.size / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），不像是年度报告` };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : `无法读取文件：${(e as Error).message}` };
  }
  try {
    return await importReportFile(basename(path), bytes);
  } catch (e) {
    // The importers promise never to throw; if one does, the batch still goes on.
    return { ok: false, message: `读取时出错：${(e as Error).message}` };
  }
};
