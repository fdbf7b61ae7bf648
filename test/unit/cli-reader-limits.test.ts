/**
 * The built CLI reads every file in a pooled worker with the desktop app's limits: a file that passes
 * the time or memory limit is one unreadable entry, refused in Chinese, and the rest of the batch is
 * checked as usual. The limits are tightened through the environment so that a real report breaches them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseReport } from '../../shared/report';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';
import { type ValidateJson, ensureCliBuilt, removeTempDirs, runCli, tempDir } from './cli-harness';

let dir = '';
beforeAll(async () => {
  await ensureCliBuilt();
  dir = tempDir('limits');
  writeFileSync(join(dir, 'a-本年.gkreport'), serialiseReport(seedReport(SEED_FILES[0]!)));
  // 25 MB of narrative: under the size limit, over a 48 MB heap once decoded and split
  writeFileSync(join(dir, 'b-很大.txt'), seedText(SEED_FILES[1]!).replace(/一、总体情况\n/, `一、总体情况\n${'本机关认真贯彻落实条例，'.repeat(700_000)}\n`));
  writeFileSync(join(dir, 'c-网页.txt'), seedText(SEED_FILES[2]!));
}, 120_000);
afterAll(() => removeTempDirs());

const validate = (env: Record<string, string>) => {
  const r = runCli(['validate', '--json', '-j', '2', dir], { env });
  return { ...r, json: JSON.parse(r.stdout) as ValidateJson };
};

describe('the CLI reads files in workers with limits', () => {
  it('a file past the memory limit is one unreadable entry in Chinese; the files before and after are checked', () => {
    const { code, json } = validate({ DISCLOSURE_REPORT_READ_MEMORY_MB: '48' });
    expect(code).toBe(2);
    expect(json.files.map((f) => f.error === undefined)).toEqual([true, false, true]);
    expect(json.files[1]!.error).toMatch(/^读取时占用的内存超过 48 MB 的上限，已停止读取/);
    expect(json.files[2]!.agency).not.toBe('');
  });

  it('a file past the time limit likewise (here every file: 1 ms); the run still ends with every entry', () => {
    const { json } = validate({ DISCLOSURE_REPORT_READ_TIMEOUT_MS: '1' });
    expect(json.files).toHaveLength(3);
    for (const f of json.files) expect(f.error).toMatch(/^读取超过 1 秒仍未完成，已停止读取/);
  });

  it('template reads last year in a worker too: a breach is refused in Chinese with exit code 2', () => {
    // template only reads (no checks) in the reader's own small bundle: 16 MB is breached by this file, not by a real report
    const r = runCli(['template', join(dir, 'b-很大.txt'), '-o', join(dir, 'x.gkreport')], { env: { DISCLOSURE_REPORT_READ_MEMORY_MB: '16' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/读取时占用的内存超过 16 MB 的上限/);
    const ok = runCli(['template', join(dir, 'c-网页.txt'), '-o', join(dir, 'y.gkreport')], { env: { DISCLOSURE_REPORT_READ_MEMORY_MB: '16' } });
    expect(ok.code, ok.stderr).toBe(0);
  });
});
