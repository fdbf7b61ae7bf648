import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReport, serialiseReport } from '../../shared/report';
import { nodeFsPort } from '../../src-main/fs-port';
import { RecoveryStore, isRecoveryId } from '../../src-main/recovery';
import { randomConsistentReport } from '../helpers/random-report';
import { edit, makeController, markClean } from './main-helpers/controller';
import { failingFs, useTempFolders } from './main-helpers/fs';

const setup = useTempFolders('docs', 'userData');
const report = randomConsistentReport(7);

describe('crash recovery', () => {
  it('after a kill, the next start offers the unsaved document and restores it exactly', async () => {
    const dir = setup();
    const reportFile = join(dir, 'report.json');
    const unsaved = createReport({ ...report, agency: '某县人民政府办公室', narratives: { ...report.narratives, overview: '下午写的概述，没有保存。' } });
    writeFileSync(reportFile, serialiseReport(unsaved));
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main-helpers/autosave-then-die.ts'), join(dir, 'userData'), reportFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const ms = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /AUTOSAVED (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (c) => reject(new Error(`child exited ${c}: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // on disk well within 2 seconds of the edit (the editor adds at most 1 s of its own debounce)
    expect(ms).toBeLessThan(1000);
    console.log(`autosave on disk ${ms} ms after the edit was reported`);

    const next = makeController(dir);
    const offered = await next.controller.listRecoveries();
    expect(offered).toHaveLength(1);
    expect(offered[0]!.title).toBe(`某县人民政府办公室${report.year}年政府信息公开工作年度报告`);
    expect(Date.now() - Date.parse(offered[0]!.savedAt)).toBeLessThan(60_000);
    const restored = await next.controller.restoreRecovery(offered[0]!.id);
    expect(restored).toMatchObject({ report: unsaved, source: 'recovery', fileName: null });
    expect(restored!.notes[0]).toContain('已恢复上次未保存的');
    expect(next.controller.state.dirty).toBe(true);
    // the old recovery file is gone, the document is now under this run's id (never zero copies)
    expect(await next.recovery.read(offered[0]!.id)).toBeNull();
    expect(readdirSync(join(dir, 'userData', 'recovery'))).toEqual([`${next.controller.state.recoveryId}.recovery.json`]);
    // a normal save removes it
    next.dialogs.savePaths.push(join(dir, 'docs', 'saved.gkreport'));
    expect((await next.controller.saveReport(unsaved, { saveAs: false })).ok).toBe(true);
    expect(readdirSync(join(dir, 'userData', 'recovery'))).toEqual([]);
  }, 30_000);

  it('an autosave of an older revision, or one arriving after the save, never overwrites the newer state', async () => {
    const dir = setup();
    const { controller, recovery } = makeController(dir);
    controller.setDirty(true, 5);
    expect(await controller.autosave(5, createReport({ ...report, agency: '第5稿' }))).toEqual({ ok: true });
    controller.setDirty(true, 6);
    // an autosave of revision 5 overtaken by the edit of revision 6 is dropped
    expect(await controller.autosave(5, createReport({ ...report, agency: '旧稿' }))).toEqual({ ok: true });
    expect((await recovery.read(controller.state.recoveryId))!.report.agency).toBe('第5稿');
    controller.setDirty(false, 7);
    expect(await controller.autosave(7, report)).toEqual({ ok: true });
    expect(await recovery.list()).toEqual([]);
  });

  it('a clean close removes the recovery file; the own run is never offered as a crash', async () => {
    const dir = setup();
    const { controller, recovery } = makeController(dir);
    await edit(controller, report);
    expect(await controller.listRecoveries()).toEqual([]); // ours, not a crash
    expect(await recovery.list()).toHaveLength(1);
    await controller.closeWindow();
    expect(await recovery.list()).toEqual([]);
  });

  it('setDirty(false) after the editor saved drops the autosave', async () => {
    const dir = setup();
    const { controller, recovery } = makeController(dir);
    await edit(controller, report);
    expect(await recovery.list()).toHaveLength(1);
    markClean(controller);
    await controller.autosave(0, report); // waits for the queued removal
    expect(await recovery.list()).toEqual([]);
  });

  it('an autosave that cannot write says why in Chinese (the editor shows it and retries); the next one writes', async () => {
    const dir = setup();
    let full = true;
    const disk = failingFs('write', 'ENOSPC', () => full);
    const { controller, recovery } = makeController(dir, { recoveryFs: disk });
    const outcome = await edit(controller, report);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toContain('磁盘空间不足');
    expect(!outcome.ok && outcome.message).not.toContain('ENOSPC');
    expect(controller.state.dirty).toBe(true);
    full = false;
    expect(await edit(controller, report)).toEqual({ ok: true });
    expect((await recovery.read(controller.state.recoveryId))!.report).toEqual(report);
  });

  it('never offers a damaged or foreign file, and refuses ids that could leave the folder', async () => {
    const dir = setup();
    const store = new RecoveryStore(join(dir, 'userData', 'recovery'), nodeFsPort);
    await store.save('good-1', { report, title: '好的', filePath: null });
    writeFileSync(join(store.dir, 'bad-1.recovery.json'), '{"format":"disclosure-report-recovery","report":{"format":"x"}}');
    writeFileSync(join(store.dir, 'notes.txt'), 'x');
    expect((await store.list()).map((e) => e.id)).toEqual(['good-1']);
    for (const id of ['../x', 'a/b', '', 'A'.repeat(3), '..', 'x'.repeat(65)]) expect(isRecoveryId(id)).toBe(false);
    await expect(store.save('../evil', { report, title: '', filePath: null })).rejects.toThrow('无效的恢复编号');
  });
});
