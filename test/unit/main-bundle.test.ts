/**
 * The built main bundle out/main/main.cjs (what the package runs, made by `npm run build` before the
 * tests — not a bundle of our own making), started under node with a stand-in for `electron`:
 * it must start, serve the page with our CSP, and open a real published report (text) through the
 * shared readers and export it to Word through the shared exporter — the real code paths, bundled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app-protocol';
import { SEED_FILES, SEEDS_DIR, seedExpectation } from '../helpers/seeds';
import { tempDir } from './main-helpers/fs';

const ROOT = resolve(__dirname, '../..');
const t = tempDir('gk-bundle-');
afterAll(() => t.cleanup());

describe('the built main bundle', () => {
  it('starts, opens a published report through importReportFile and exports it with buildDocx', async () => {
    const bundle = join(ROOT, 'out', 'main', 'main.cjs');
    expect(existsSync(bundle), 'out/main/main.cjs is built by npm run build before the tests').toBe(true);
    expect(existsSync(join(ROOT, 'out', 'main', 'preload.cjs'))).toBe(true);
    // a bundle older than the main process's sources would test yesterday's code
    const newest = Math.max(
      ...['main.ts', 'desktop-app.ts', 'document-controller.ts', 'atomic-write.ts', 'security.ts'].map((f) => statSync(join(ROOT, 'src-main', f)).mtimeMs),
    );
    expect(statSync(bundle).mtimeMs, 'out/main/main.cjs is older than src-main: run npm run build').toBeGreaterThanOrEqual(newest);
    mkdirSync(join(t.dir, 'app', 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(t.dir, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    mkdirSync(join(t.dir, 'userData'));
    const seedFile = SEED_FILES[0]!;
    const expected = seedExpectation(seedFile);
    const r = spawnSync(process.execPath, ['-r', join(__dirname, 'main-helpers/fake-electron.cjs'), bundle], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        GK_USERDATA: join(t.dir, 'userData'),
        GK_APPDIR: join(t.dir, 'app'),
        GK_OPEN: join(SEEDS_DIR, seedFile),
        GK_EXPORT: join(t.dir, '导出'),
      },
    });
    expect(r.stderr.replace(/\[ipc\] refused.*\n/, '')).toBe('');
    expect(r.status).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const get = (k: string) => events.find((e) => k in e)?.[k];
    expect(get('sandbox')).toBe(true);
    expect(get('window')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(ROOT, 'out', 'main', 'preload.cjs') });
    expect(get('menu')).toEqual(process.platform === 'darwin' ? expect.any(Array) : ['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(get('loadURL')).toBe('app://renderer/index.html');
    expect(get('page')).toBe(200);
    expect(get('csp')).toBe(CONTENT_SECURITY_POLICY);
    expect(get('opened')).toMatchObject({ source: 'import', agency: expected.agency, year: expected.year });
    expect(get('exported')).toEqual({ ok: true, fileName: '导出.docx' });
    expect([...readFileSync(join(t.dir, '导出.docx')).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip: PK
    expect(String(get('refused'))).toContain('文件位置只能由对话框选择');
  }, 90_000);
});
