import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReport, serialiseReport } from '../../shared/report';
import { nodeFsPort } from '../../src-main/fs-port';
import { AUTOSAVE_DELAY_MS, Autosaver, RecoveryStore, isRecoveryId } from '../../src-main/recovery';
import { randomConsistentReport } from '../helpers/random-report';
import { makeController } from './main-helpers/controller';
import { useTempFolders } from './main-helpers/fs';

const setup = useTempFolders('docs', 'userData');
const report = randomConsistentReport(7);

describe('crash recovery', () => {
  it('after a kill, the next start offers the unsaved document and restores it exactly', async () => {
    const dir = setup();
    const reportFile = join(dir, 'report.json');
    const unsaved = createReport({ ...report, agency: '某县人民政府办公室', narratives: { ...report.narratives, overview: '下午写的概述，没有保存。' } });
    writeFileSync(reportFile, serialiseReport(unsaved));
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main-helpers/autosave-then-die.ts'), join(dir, 'userData'), reportFile], { stdio: ['ignore', 'pipe', 'pipe'] });
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

  it('autosaves the latest state, debounced: one write after the last of many edits', async () => {
    const dir = setup();
    const { controller, recovery } = makeController(dir, { autosaveMs: 100 });
    for (let i = 0; i < 10; i++) controller.setDirty(true, createReport({ ...report, agency: `第${i}稿` }));
    expect(await recovery.list(new Set())).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    const files = readdirSync(join(dir, 'userData', 'recovery'));
    expect(files).toHaveLength(1);
    expect((await recovery.read(controller.state.recoveryId))!.report.agency).toBe('第9稿');
    // the editor reports edits at most once a second; with this delay the last edit is on disk within 2 s
    expect(1000 + AUTOSAVE_DELAY_MS).toBeLessThan(2000);
  });

  it('a clean close and 不保存 remove the recovery file; the own run is never offered as a crash', async () => {
    const dir = setup();
    const { controller, dialogs, recovery } = makeController(dir);
    controller.setDirty(true, report);
    await controller.flushAutosave();
    expect(await controller.listRecoveries()).toEqual([]); // ours, not a crash
    expect(await recovery.list()).toHaveLength(1);
    dialogs.unsaved.push('discard');
    expect(await controller.confirmClose()).toBe(true);
    expect(await recovery.list()).toEqual([]);
  });

  it('setDirty(false) after the editor saved drops the autosave', async () => {
    const dir = setup();
    const { controller, recovery } = makeController(dir);
    controller.setDirty(true, report);
    await controller.flushAutosave();
    controller.setDirty(false, null);
    await new Promise((r) => setTimeout(r, 50));
    expect(await recovery.list()).toEqual([]);
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

  it('an autosave error is reported to its handler and does not stop later autosaves', async () => {
    const errors: unknown[] = [];
    const a = new Autosaver((e) => errors.push(e), 10);
    let n = 0;
    a.schedule(async () => {
      throw new Error('disk gone');
    });
    await a.flush();
    a.schedule(async () => {
      n++;
    });
    await a.flush();
    expect(errors).toHaveLength(1);
    expect(n).toBe(1);
  });
});
