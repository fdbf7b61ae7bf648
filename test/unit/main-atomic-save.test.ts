import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { atomicWrite, backupPath, sweepStaleTemps } from '../../src-main/atomic-write';
import { nodeFsPort } from '../../src-main/fs-port';
import { failingFs, tempDir } from './main-helpers/fs';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const setup = () => {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
};

describe('atomic save', () => {
  it('writes the new content and keeps the previous version as .bak', async () => {
    const dir = setup();
    const file = join(dir, '报告.gkreport');
    await atomicWrite(file, 'first', { fs: nodeFsPort, backup: true });
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(existsSync(backupPath(file))).toBe(false);
    await atomicWrite(file, 'second', { fs: nodeFsPort, backup: true });
    await atomicWrite(file, 'third', { fs: nodeFsPort, backup: true });
    expect(readFileSync(file, 'utf8')).toBe('third');
    expect(readFileSync(backupPath(file), 'utf8')).toBe('second');
    // no temp files left behind
    expect(readdirSync(dir).sort()).toEqual(['报告.gkreport', '报告.gkreport.bak']);
  });

  it('writes the temp file in the same folder, flushes it and the .bak, renames it over the file, then flushes the folder', async () => {
    const dir = setup();
    const file = join(dir, 'a.gkreport');
    writeFileSync(file, 'old');
    const fs = failingFs('open', 'NONE', () => false);
    await atomicWrite(file, 'new', { fs, backup: true });
    const tmp = fs.calls.find((c) => c.startsWith('open ') && c.endsWith('.tmp'))!.slice('open '.length);
    expect(tmp.startsWith(join(dir, '.a.gkreport.'))).toBe(true);
    // the order that survives a power cut at any moment: data on disk before the names change
    const steps = fs.calls.filter((c) => /^(sync|rename|copyFile) /.test(c));
    expect(steps).toEqual([
      `sync ${tmp}`,
      `copyFile ${file} -> ${tmp}.bak`,
      `sync ${tmp}.bak`,
      `rename ${tmp}.bak -> ${file}.bak`,
      `rename ${tmp} -> ${file}`,
      `sync ${dir}`,
    ]);
  });

  it('leaves the old file intact when the process dies between writing and renaming', async () => {
    const dir = setup();
    const file = join(dir, '县政府办公室2024年报.gkreport');
    const old = JSON.stringify({ version: 'old', body: '甲'.repeat(5000) });
    writeFileSync(file, old);
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main-helpers/crash-before-rename.ts'), file, 'NEW-CONTENT '.repeat(10000)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const tmp = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /READY (.+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`child exited ${code} before the rename: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(out).not.toContain('RENAMED');
    // the temp file was complete and flushed, yet the real name still holds the old version, whole
    expect(readFileSync(tmp, 'utf8')).toBe('NEW-CONTENT '.repeat(10000));
    expect(readFileSync(file, 'utf8')).toBe(old);
    expect(readFileSync(backupPath(file), 'utf8')).toBe(old);
    // the next start sweeps what the killed save left (its process is gone); the file itself is untouched
    expect(await sweepStaleTemps(nodeFsPort, dir)).toEqual([basename(tmp)]);
    expect(readdirSync(dir).sort()).toEqual([basename(file), basename(backupPath(file))].sort());
  }, 30_000);

  it('removes its temp file and keeps the old file when the write fails', async () => {
    const dir = setup();
    const file = join(dir, 'b.gkreport');
    writeFileSync(file, 'old');
    await expect(atomicWrite(file, 'new', { fs: failingFs('write', 'ENOSPC'), backup: true })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['b.gkreport']);
  });

  it('refuses to write over a folder', async () => {
    const dir = setup();
    await expect(atomicWrite(dir, 'x', { fs: nodeFsPort })).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
