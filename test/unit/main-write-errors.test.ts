import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReport, restore, serialiseReport } from '../../shared/report';
import { describeReadError, describeWriteError } from '../../src-main/write-errors';
import { seedReport, SEED_FILES } from '../helpers/seeds';
import { edit, makeController } from './main-helpers/controller';
import { failingFs, fsError, useTempFolders } from './main-helpers/fs';

const setup = useTempFolders('docs');
const seed = seedReport(SEED_FILES[1]!);
const edited = createReport({ ...seed, narratives: { ...seed.narratives, overview: '修改后的概述，尚未保存。' } });

/** Opens `file` (holding seed), edits it, and tries to save the edit through the given fs. */
const failedSave = async (code: string, op: 'write' | 'rename' | 'open' | 'copyFile' | 'sync') => {
  const dir = setup();
  const file = join(dir, 'docs', '年报.gkreport');
  writeFileSync(file, serialiseReport(seed));
  const { controller, dialogs, recovery } = makeController(dir, { fs: failingFs(op, code, (p) => p.includes('年报.gkreport')) });
  dialogs.openPaths.push(file);
  await controller.openReport();
  await edit(controller, edited);
  const outcome = await controller.saveReport(edited, { saveAs: false });
  return { dir, file, controller, outcome, recovery };
};

describe('write errors are reported in Chinese and lose nothing', () => {
  for (const [code, op, words] of [
    ['ENOSPC', 'write', '磁盘空间不足'],
    ['EROFS', 'open', '只读'],
    ['EACCES', 'open', '没有写入权限'],
    ['EPERM', 'rename', '没有写入权限'],
    ['EBUSY', 'rename', '正被其他程序占用'],
    ['EIO', 'sync', '磁盘读写错误'],
  ] as const) {
    it(`${code} during ${op}: message, document still dirty, old file and autosave intact`, async () => {
      const { dir, file, controller, outcome, recovery } = await failedSave(code, op);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.cancelled).toBe(false);
      expect(outcome.message).toContain(words);
      expect(outcome.message).toContain('「年报.gkreport」');
      expect(outcome.message).toContain('当前内容仍保留在程序中');
      expect(controller.state.dirty).toBe(true);
      expect(controller.title('X')).toBe('● 年报.gkreport — X');
      // the file on disk is the old version, whole; no temp file is left next to it
      expect(restore(readFileSync(file, 'utf8'))).toEqual({ ok: true, report: seed });
      expect(readdirSync(join(dir, 'docs')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // the unsaved edit is still in the recovery folder
      const entries = await recovery.list();
      expect(entries).toHaveLength(1);
      expect((await recovery.read(entries[0]!.id))!.report).toEqual(edited);
    });
  }

  it('a save target that is a folder is refused with its own message', async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir);
    mkdirSync(join(dir, 'docs', '像文件的文件夹.gkreport'));
    dialogs.savePaths.push(join(dir, 'docs', '像文件的文件夹.gkreport'));
    await edit(controller, seed);
    const outcome = await controller.saveReport(seed, { saveAs: true });
    expect(outcome).toMatchObject({ ok: false, cancelled: false });
    expect(!outcome.ok && outcome.message).toContain('是一个文件夹');
    expect(controller.state.dirty).toBe(true);
  });

  it('a folder the user may not write to (real permissions) gives EACCES in Chinese; the old file survives', () => {
    const dir = setup();
    const ro = join(dir, 'readonly');
    mkdirSync(ro);
    const file = join(ro, '只读.gkreport');
    writeFileSync(file, 'OLD');
    chmodSync(ro, 0o555);
    chmodSync(dir, 0o755);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(ro, 0, 0);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'main-helpers/save-once.ts'), file, 'NEW'], {
      encoding: 'utf8',
      timeout: 30_000,
      // root may write anywhere: the save runs as nobody, like a clerk without rights on a share
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '../../tsconfig.json') },
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { ok: boolean; code?: string; message?: string };
    expect(out).toMatchObject({ ok: false, code: 'EACCES' });
    expect(out.message).toContain('没有写入权限，无法保存「只读.gkreport」');
    expect(readFileSync(file, 'utf8')).toBe('OLD');
    chmodSync(ro, 0o755);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('every code has a Chinese message; an unknown error gives its code for support, never its English sentence', () => {
    for (const code of ['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EBUSY', 'EISDIR', 'ENOENT', 'ENAMETOOLONG', 'EIO'])
      expect(describeWriteError(fsError(code, 'write'), 'a.gkreport')).not.toContain('simulated');
    expect(describeWriteError(new Error('strange'), 'a.gkreport')).not.toContain('strange');
    const exdev = describeWriteError(fsError('EXDEV', 'rename'), 'a.gkreport');
    expect(exdev).toMatch(/^无法保存「a\.gkreport」（系统错误 EXDEV）。请另存到其他位置后重试；当前内容仍保留在程序中，尚未保存。$/);
    expect(describeReadError(fsError('ELOOP', 'open'), 'b.docx')).toMatch(/^无法读取文件「b\.docx」（系统错误 ELOOP）。请确认/);
  });
});
