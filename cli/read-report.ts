/** The command line's part of opening a report: the file at a path, stat and read; the rest is openReportBytes. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { isTooLarge, openReportBytes, type OpenOutcome, type ReadBytes, tooLargeRefusal } from '../shared/app/open-report';

/**
 * Every failure becomes a reason, never a throw, so one bad file never stops a batch. Runs inside a
 * reader worker (cli/worker.ts), which is where `read` may parse in-thread.
 */
export const readReportAt = async (path: string, read: ReadBytes): Promise<OpenOutcome> => {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, message: '不是文件' };
    if (st.size === 0) return { ok: false, message: '文件为空' };
    if (isTooLarge(st.size)) return tooLargeRefusal(st.size);
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : `无法读取文件（系统错误 ${code ?? '未知'}）` };
  }
  return openReportBytes(name, bytes, read);
};
