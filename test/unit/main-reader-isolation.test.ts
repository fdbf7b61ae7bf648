/**
 * The desktop app reads files in a worker with hard limits (src-main/reader-pool.ts, the built
 * reader-worker bundle): a file that runs past the time limit or the memory limit is refused in
 * Chinese, the open document and the app are untouched, and the next file reads normally in a fresh
 * worker. The limits are made tiny here so that a real report breaches them.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildHtml } from '../../shared/export/html';
import { makeMht } from '../helpers/make-mht';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseReport } from '../../shared/report';
import { isolatedReader } from '../../src-main/converters';
import { READER_LIMITS } from '../../src-main/reader-pool';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';
import { makeController } from './main-helpers/controller';
import { tempDir } from './main-helpers/fs';
import { buildReaderWorker } from './main-helpers/reader-worker';

const t = tempDir('gk-isolation-');
let worker = '';
const seed = seedReport(SEED_FILES[0]!);
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  worker = await buildReaderWorker();
}, 60_000);
afterAll(async () => {
  for (const c of closers) await c();
  t.cleanup();
});

const controllerWith = (limits: typeof READER_LIMITS) => {
  const reader = isolatedReader(worker, limits);
  closers.push(reader.close);
  const h = makeController(join(t.dir, String(closers.length)), { converters: { readBytes: reader.read, buildExport: async () => new Uint8Array() } });
  return h;
};

describe('the desktop reads files in an isolated worker with limits', () => {
  it('reads a report in the worker, and the worker is reused for the next file', async () => {
    const { controller, dialogs } = controllerWith(READER_LIMITS);
    const a = join(t.dir, '年报.txt');
    writeFileSync(a, seedText(SEED_FILES[0]!));
    const b = join(t.dir, '本年.gkreport');
    writeFileSync(b, serialiseReport(seed));
    dialogs.openPaths.push(a, b);
    expect((await controller.openReport())?.source).toBe('import');
    expect(await controller.openReport()).toMatchObject({ source: 'own', report: seed });
    expect(dialogs.errors).toEqual([]);
  });

  it('an old Word .doc and a single-file web page (.mht) are read in the worker too, to their reports', async () => {
    const { controller, dialogs } = controllerWith(READER_LIMITS);
    const doc = join(t.dir, '修武县2023年报.doc');
    copyFileSync(fileURLToPath(new URL('../fixtures/doc/libreoffice-xiuwu-county.doc', import.meta.url)), doc);
    const mht = join(t.dir, '济源市2023年报.mht');
    writeFileSync(mht, makeMht(await buildHtml(seed), { bytes: 'gbk', charset: 'gb2312' }));
    dialogs.openPaths.push(doc, mht);
    expect((await controller.openReport())?.report.cells).toEqual(seedReport('2023_xiuwu-county.txt').cells);
    expect((await controller.openReport())?.report.cells).toEqual(seed.cells);
    expect(dialogs.errors).toEqual([]);
  });

  it('a file that takes longer than the time limit is refused in Chinese; the open report stays; the next file reads', async () => {
    const limits = { ...READER_LIMITS };
    const { controller, dialogs } = controllerWith(limits);
    const own = join(t.dir, '已打开.gkreport');
    writeFileSync(own, serialiseReport(seed));
    const slow = join(t.dir, '很慢.txt');
    writeFileSync(slow, seedText(SEED_FILES[1]!).repeat(40));
    dialogs.openPaths.push(own);
    expect((await controller.openReport())?.source).toBe('own');
    // the same reader, its time limit now shorter than any read
    Object.assign(limits, { timeoutMs: 1 });
    dialogs.openPaths.push(slow);
    expect(await controller.openReport()).toBeNull();
    expect(dialogs.errors[0]!.message).toMatch(/^无法从「很慢\.txt」读取年报：读取超过 1 秒仍未完成，已停止读取，程序和当前打开的报告不受影响/);
    expect(dialogs.errors[0]!.message).not.toMatch(/worker|timeout|\bms\b/i);
    expect(controller.state).toMatchObject({ filePath: own, dirty: false });
    Object.assign(limits, { timeoutMs: READER_LIMITS.timeoutMs });
    dialogs.openPaths.push(own);
    expect((await controller.openReport())?.report).toEqual(seed);
  });

  it('a file whose reading passes the memory limit is refused in Chinese, and the pool goes on with a fresh worker', async () => {
    const limits = { timeoutMs: 30_000, maxOldGenerationSizeMb: 16 };
    const { controller, dialogs } = controllerWith(limits);
    const big = join(t.dir, '很大.txt');
    writeFileSync(big, seedText(SEED_FILES[2]!).replace(/一、总体情况\n/, `一、总体情况\n${'本机关认真贯彻落实条例，'.repeat(400_000)}\n`));
    const small = join(t.dir, '小.gkreport');
    writeFileSync(small, serialiseReport(seed));
    // under the same small limit a normal file reads: it is the big one that passes it
    dialogs.openPaths.push(small, big);
    expect((await controller.openReport())?.source, dialogs.errors[0]?.message).toBe('own');
    expect(await controller.openReport()).toBeNull();
    expect(dialogs.errors[0]!.message).toMatch(/读取时占用的内存超过 16 MB 的上限，已停止读取，程序和当前打开的报告不受影响/);
    // the worker that ran out was replaced (with the normal limit again): a file still reads through the same reader
    Object.assign(limits, { maxOldGenerationSizeMb: READER_LIMITS.maxOldGenerationSizeMb });
    dialogs.openPaths.push(small);
    expect((await controller.openReport())?.source, dialogs.errors.at(-1)?.message).toBe('own');
  }, 60_000);
});
