/**
 * Saves that lose nothing, on real files in a temp folder: another program's change is noticed and
 * asked about (覆盖 / 另存为 / 取消), a read-only file is refused, permissions carry over, a link stays
 * a link, and temp files left by killed saves are swept at the next start.
 */
import { describe, expect, it } from 'vitest';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createReport, restore, serialiseReport } from '../../shared/report';
import { atomicWrite, sweepStaleTemps } from '../../src-main/atomic-write';
import { nodeFsPort } from '../../src-main/fs-port';
import { seedReport, SEED_FILES } from '../helpers/seeds';
import { edit, makeController } from './main-helpers/controller';
import { useTempFolders } from './main-helpers/fs';

const setup = useTempFolders('docs');
const seed = seedReport(SEED_FILES[0]!);
const ours = createReport({ ...seed, narratives: { ...seed.narratives, overview: '我们改的概述。' } });
const theirs = createReport({ ...seed, narratives: { ...seed.narratives, overview: '同事用另一台电脑改的概述。' } });
const onDisk = (path: string) => {
  const r = restore(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.report;
};

/** The clerk opens `年报.gkreport` and edits it; returns the controller and the file. */
const openAndEdit = async () => {
  const dir = setup();
  const file = join(dir, 'docs', '年报.gkreport');
  writeFileSync(file, serialiseReport(seed));
  const c = makeController(dir);
  c.dialogs.openPaths.push(file);
  await c.controller.openReport();
  await edit(c.controller, ours);
  return { ...c, dir, file };
};

describe('another program changed the file since we opened it', () => {
  it('取消: nothing is written, their version stays, the document stays dirty', async () => {
    const { controller, dialogs, file } = await openAndEdit();
    writeFileSync(file, serialiseReport(theirs));
    dialogs.conflicts.push('cancel');
    expect(await controller.saveReport(ours, { saveAs: false })).toEqual({ ok: false, cancelled: true });
    expect(dialogs.asked.at(-1)).toEqual({ kind: 'conflict', detail: '年报.gkreport' });
    expect(onDisk(file)).toEqual(theirs);
    expect(controller.state.dirty).toBe(true);
  });

  it('另存为: ours goes to a new file, theirs stays where it was', async () => {
    const { controller, dialogs, file, dir } = await openAndEdit();
    writeFileSync(file, serialiseReport(theirs));
    dialogs.conflicts.push('save-as');
    dialogs.savePaths.push(join(dir, 'docs', '年报-我的修改.gkreport'));
    expect(await controller.saveReport(ours, { saveAs: false })).toEqual({ ok: true, fileName: '年报-我的修改.gkreport' });
    expect(onDisk(file)).toEqual(theirs);
    expect(onDisk(join(dir, 'docs', '年报-我的修改.gkreport'))).toEqual(ours);
    expect(controller.state.filePath).toBe(join(dir, 'docs', '年报-我的修改.gkreport'));
  });

  it('覆盖: ours is written and theirs is kept as .bak; the next save asks nothing', async () => {
    const { controller, dialogs, file } = await openAndEdit();
    writeFileSync(file, serialiseReport(theirs));
    dialogs.conflicts.push('overwrite');
    expect((await controller.saveReport(ours, { saveAs: false })).ok).toBe(true);
    expect(onDisk(file)).toEqual(ours);
    expect(onDisk(`${file}.bak`)).toEqual(theirs);
    const asked = dialogs.asked.length;
    expect((await controller.saveReport(ours, { saveAs: false })).ok).toBe(true);
    expect(dialogs.asked.length).toBe(asked);
  });

  it('a same-size rewrite with the old time restored is still caught (the hash decides); a mere touch is not a conflict', async () => {
    const { controller, dialogs, file } = await openAndEdit();
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    const sameSize = text.replace(seed.agency, 'X'.repeat(Buffer.byteLength(seed.agency)));
    expect(Buffer.byteLength(sameSize)).toBe(before.size);
    writeFileSync(file, sameSize);
    utimesSync(file, before.atime, before.mtime);
    dialogs.conflicts.push('cancel');
    expect(await controller.saveReport(ours, { saveAs: false })).toEqual({ ok: false, cancelled: true });
    expect(readFileSync(file, 'utf8')).toBe(sameSize);

    writeFileSync(file, text);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    const asked = dialogs.asked.length;
    expect((await controller.saveReport(ours, { saveAs: false })).ok).toBe(true);
    expect(dialogs.asked.length).toBe(asked);
  });

  it('is noticed after a crash too: the stamp travels in the recovery file', async () => {
    const { dir, file } = await openAndEdit();
    writeFileSync(file, serialiseReport(theirs));
    const next = makeController(dir);
    const [entry] = await next.controller.listRecoveries();
    await next.controller.restoreRecovery(entry!.id);
    next.dialogs.conflicts.push('cancel');
    expect(await next.controller.saveReport(ours, { saveAs: false })).toEqual({ ok: false, cancelled: true });
    expect(onDisk(file)).toEqual(theirs);
  });
});

describe('what the file was stays what it is', () => {
  it('a read-only (0444) file is refused with a Chinese message and left as it was', async () => {
    const { controller, file, dir } = await openAndEdit();
    chmodSync(file, 0o444);
    const outcome = await controller.saveReport(ours, { saveAs: false });
    expect(outcome).toMatchObject({ ok: false, cancelled: false });
    expect(!outcome.ok && outcome.message).toContain('文件「年报.gkreport」是只读的，未覆盖');
    expect(onDisk(file)).toEqual(seed);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(join(dir, 'docs'))).toEqual(['年报.gkreport']);
    expect(controller.state.dirty).toBe(true);
  });

  it('a private (0600) file stays 0600, and so does its .bak', async () => {
    const dir = setup();
    const file = join(dir, 'docs', '内部.gkreport');
    writeFileSync(file, serialiseReport(seed), { mode: 0o600 });
    chmodSync(file, 0o600);
    await atomicWrite(file, serialiseReport(ours), { fs: nodeFsPort, backup: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
    expect(onDisk(file)).toEqual(ours);
  });

  it('saving through a symbolic link writes the file it points to; the link stays a link', async () => {
    const dir = setup();
    mkdirSync(join(dir, 'shared'));
    const target = join(dir, 'shared', '真实.gkreport');
    const link = join(dir, 'docs', '快捷方式.gkreport');
    writeFileSync(target, serialiseReport(seed));
    symlinkSync(target, link);
    const c = makeController(dir);
    c.dialogs.openPaths.push(link);
    await c.controller.openReport();
    await edit(c.controller, ours);
    expect((await c.controller.saveReport(ours, { saveAs: false })).ok).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(onDisk(target)).toEqual(ours);
    // the backup and the temp file sit beside the real file (same volume), none beside the link
    expect(onDisk(`${target}.bak`)).toEqual(seed);
    expect(readdirSync(join(dir, 'docs'))).toEqual(['快捷方式.gkreport']);
  });

  it('a link that points nowhere is refused (where it should point cannot be known)', async () => {
    const dir = setup();
    const link = join(dir, 'docs', '断开.gkreport');
    symlinkSync(join(dir, 'gone', 'x.gkreport'), link);
    await expect(atomicWrite(link, 'x', { fs: nodeFsPort })).rejects.toMatchObject({ code: 'EDANGLINGLINK' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });
});

describe('temp files left by killed saves', () => {
  it('are swept at start from the recovery folder and the folders of recent files; running saves and other files are left alone', async () => {
    const dir = setup();
    const docs = join(dir, 'docs');
    const file = join(docs, '年报.gkreport');
    writeFileSync(file, serialiseReport(seed));
    const first = makeController(dir);
    first.dialogs.openPaths.push(file);
    await first.controller.openReport();
    await edit(first.controller, ours);
    // what kill trials leave: a temp file (and the backup copy's temp) of a process that is gone
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const leftovers = [
      `.年报.gkreport.${dead}.0123abcd.tmp`,
      `.年报.gkreport.${dead}.0123abcd.tmp.bak`,
      `.${first.controller.state.recoveryId}.recovery.json.${dead}.89abcdef.tmp`,
    ];
    for (const n of leftovers.slice(0, 2)) writeFileSync(join(docs, n), 'half');
    writeFileSync(join(dir, 'userData', 'recovery', leftovers[2]!), 'half');
    const running = `.年报.gkreport.${process.pid}.fedcba98.tmp`;
    const notOurs = ['.年报.gkreport.tmp', '.hidden.12.txt', `.x.${dead}.0123abcd.tmp.old`];
    for (const n of [running, ...notOurs]) writeFileSync(join(docs, n), 'keep');
    symlinkSync(file, join(docs, `.link.${dead}.0123abcd.tmp`));

    const next = makeController(dir);
    await next.recent.load();
    const removed = await next.controller.sweepStaleTemps();
    expect(removed.sort()).toEqual([join(docs, leftovers[0]!), join(docs, leftovers[1]!), join(dir, 'userData', 'recovery', leftovers[2]!)].sort());
    expect(readdirSync(docs).sort()).toEqual([`.link.${dead}.0123abcd.tmp`, running, ...notOurs, '年报.gkreport'].sort());
    // a very old one is a leftover even if its process id is in use again
    expect(await sweepStaleTemps(nodeFsPort, docs, { now: Date.now() + 2 * 24 * 3600_000 })).toEqual([running]);
  });
});
