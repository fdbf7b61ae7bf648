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

export type FsPort = {
  open(path: string, flags: string, mode?: number): Promise<FileHandlePort>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
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
};
