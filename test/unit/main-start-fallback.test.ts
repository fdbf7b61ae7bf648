/** npm start without the Electron binary: one clear sentence, then the editor served on 127.0.0.1. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app-protocol';
import { tempDir } from './main-helpers/fs';

const ROOT = resolve(__dirname, '../..');
let child: ChildProcess | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  cleanup?.();
});

/** Starts `npm start` (without the build step) and resolves with its output once it prints the address. */
const start = (env: Record<string, string>): Promise<{ out: string; url: string }> => {
  child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((res, rej) => {
    child!.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) res({ out, url: m[1]! });
    });
    child!.stderr!.on('data', (d) => (err += d));
    child!.on('exit', (c) => rej(new Error(`start.mjs exited ${c}: ${out}${err}`)));
  });
};

describe('npm start without the Electron binary', () => {
  it('says so in one sentence with the command that fetches it, and serves the editor on 127.0.0.1', async () => {
    const t = tempDir('gk-start-');
    cleanup = t.cleanup;
    mkdirSync(join(t.dir, 'web', 'assets'), { recursive: true });
    mkdirSync(join(t.dir, 'no-electron'));
    writeFileSync(
      join(t.dir, 'web', 'index.html'),
      '<!doctype html><html lang="zh-CN"><title>编制器</title><script type="module" src="./assets/app.js"></script></html>',
    );
    writeFileSync(join(t.dir, 'web', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(t.dir, 'secret.txt'), 'secret');
    const { out, url } = await start({ ELECTRON_OVERRIDE_DIST_PATH: join(t.dir, 'no-electron'), GK_RENDERER_DIR: join(t.dir, 'web') });
    const [sentence, address] = out.trim().split('\n');
    expect(sentence).toContain('未安装 Electron 程序文件');
    expect(sentence).toContain('node node_modules/electron/install.js');
    expect(sentence).toContain('The Electron binary is not installed');
    expect(address).toBe(`请在浏览器中打开 / Open in your browser: ${url}`);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>编制器</title>');
    expect(await (await fetch(`${url}assets/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${url}%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${url}..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('launches Electron with the app when the binary is there', async () => {
    const t = tempDir('gk-start-');
    cleanup = t.cleanup;
    const fake = join(t.dir, 'electron');
    writeFileSync(fake, `#!/bin/sh\necho "$PWD|$*" > "${join(t.dir, 'launched.txt')}"\nexit 3\n`);
    chmodSync(fake, 0o755);
    const r = spawnSync(process.execPath, ['scripts/start.mjs', '--no-build', 'x.gkreport'], {
      cwd: ROOT,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: t.dir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(readFileSync(join(t.dir, 'launched.txt'), 'utf8').trim()).toBe(`${ROOT}|. x.gkreport`);
    expect(r.status).toBe(3);
    expect(r.stdout).not.toContain('未安装');
  });

  it('the built editor runs under that CSP in Chromium without a single violation', async () => {
    expect(existsSync(join(ROOT, 'dist/renderer/index.html')), 'dist/renderer is built by npm run build before the tests').toBe(true);
    const { url } = await start({ ELECTRON_OVERRIDE_DIST_PATH: join(ROOT, '.no-electron-here') });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      // every file the page needs is served (the browser asks for /favicon.ico on its own)
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(url);
      await page.waitForSelector('#root *', { timeout: 15_000 });
      expect(problems).toEqual([]);
      // and the policy really holds (the browser says why): no inline script, no network beyond our origin
      const tried = await page.evaluate(async () => {
        const w = window as unknown as Record<string, unknown>;
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        const fetched = await fetch('https://example.com/').then(
          () => 'fetched',
          () => 'refused',
        );
        return { inline: w['__inline'] === undefined ? 'refused' : 'ran', fetched };
      });
      expect(tried).toEqual({ inline: 'refused', fetched: 'refused' });
      expect(problems.length).toBeGreaterThanOrEqual(2);
    } finally {
      await browser.close();
    }
  }, 40_000);
});
