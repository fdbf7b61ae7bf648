/** Temp folders and an fs port that fails on demand, for the main-process tests. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FsPort, nodeFsPort } from '../../../src-main/fs-port';

export const tempDir = (prefix = 'gk-main-'): { dir: string; cleanup: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

/** A fresh temp folder per test (with the named sub-folders), removed after each test. */
export const useTempFolders = (...subdirs: string[]): (() => string) => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());
  return () => {
    const t = tempDir();
    cleanup = t.cleanup;
    for (const d of subdirs) mkdirSync(join(t.dir, d));
    return t.dir;
  };
};

export const fsError = (code: string, syscall: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall });

/** The real disk, except that the named operation fails with the given code (for paths matching `when`). */
export const failingFs = (
  op: 'write' | 'rename' | 'open' | 'copyFile' | 'sync',
  code: string,
  when: (path: string) => boolean = () => true,
): FsPort & { calls: string[] } => {
  const calls: string[] = [];
  return {
    ...nodeFsPort,
    calls,
    async open(path, flags, mode) {
      calls.push(`open ${path}`);
      if (op === 'open' && when(path)) throw fsError(code, 'open');
      const fh = await nodeFsPort.open(path, flags, mode);
      return {
        write: async (data, off, len, pos) => {
          if (op === 'write' && when(path)) throw fsError(code, 'write');
          return fh.write(data, off, len, pos);
        },
        sync: async () => {
          calls.push(`sync ${path}`);
          if (op === 'sync' && when(path)) throw fsError(code, 'fsync');
          return fh.sync();
        },
        close: () => fh.close(),
      };
    },
    async rename(a, b) {
      calls.push(`rename ${a} -> ${b}`);
      if (op === 'rename' && when(b)) throw fsError(code, 'rename');
      return nodeFsPort.rename(a, b);
    },
    async copyFile(a, b) {
      calls.push(`copyFile ${a} -> ${b}`);
      if (op === 'copyFile' && when(b)) throw fsError(code, 'copyfile');
      return nodeFsPort.copyFile(a, b);
    },
  };
};
