/**
 * The part of node:fs the main process writes through. Services take it as a parameter so tests can
 * inject failures (disk full, locked file) that a real disk will not produce on demand.
 */
import * as nodeFs from 'node:fs/promises';

export type FileHandlePort = {
  write(data: Uint8Array, offset?: number, length?: number, position?: number | null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
};

export type StatPort = { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; size: number; mtimeMs: number; mode: number };

export type FsPort = {
  open(path: string, flags: string, mode?: number): Promise<FileHandlePort>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<StatPort>;
  /** Does not follow a symbolic link: tells the link itself apart from its target. */
  lstat(path: string): Promise<StatPort>;
  realpath(path: string): Promise<string>;
  chmod(path: string, mode: number): Promise<void>;
};

export const nodeFsPort: FsPort = {
  open: (p, flags, mode) => nodeFs.open(p, flags, mode),
  rename: nodeFs.rename,
  copyFile: (a, b) => nodeFs.copyFile(a, b),
  readFile: (p) => nodeFs.readFile(p),
  unlink: nodeFs.unlink,
  mkdir: nodeFs.mkdir,
  readdir: (p) => nodeFs.readdir(p),
  stat: (p) => nodeFs.stat(p),
  lstat: (p) => nodeFs.lstat(p),
  realpath: (p) => nodeFs.realpath(p),
  chmod: (p, m) => nodeFs.chmod(p, m),
};
