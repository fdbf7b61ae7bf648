/**
 * Packaging smoke test: electron-builder runs our electron-builder.yml (`--linux dir`) against a
 * stand-in Electron distribution made here (the real binary cannot be downloaded on this machine),
 * and the result holds only the built app: app.asar has the bundles, the built editor and
 * package.json — no sources, tests, maps or node_modules — and the afterPack hook burnt the fuses.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { createRequire } from 'node:module';

const ROOT = resolve(__dirname, '../..');
/** electron-builder's own YAML reader (no types shipped). */
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const P = join(tmpdir(), `gk-pack-${process.pid}`);
const OUT = join(P, 'release', 'linux-unpacked');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode on, cookies plain, NODE_OPTIONS on, --inspect on, no integrity check, app from anywhere. */
const DEFAULT_WIRE = [49, 48, 49, 49, 48, 48, 48, 49];
let result: ReturnType<typeof spawnSync>;
let elapsed = 0;

const write = (rel: string, content: string | Buffer, mode?: number) => {
  mkdirSync(join(P, rel, '..'), { recursive: true });
  writeFileSync(join(P, rel), content, mode ? { mode } : undefined);
};

beforeAll(async () => {
  rmSync(P, { recursive: true, force: true });
  // the project as the build leaves it: config, hook, icons, bundles, built editor…
  for (const f of ['package.json', 'electron-builder.yml', 'scripts/after-pack.cjs', 'assets/icon.png', 'assets/icon-256.png', 'assets/icon.ico']) cpSync(join(ROOT, f), join(P, f));
  symlinkSync(join(ROOT, 'node_modules'), join(P, 'node_modules'), 'dir');
  for (const e of ['main', 'preload'])
    await build({ entryPoints: [join(ROOT, `src-main/${e}.ts`)], outfile: join(P, `out/main/${e}.cjs`), bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron'], sourcemap: true, logLevel: 'error' });
  write('dist/renderer/index.html', '<!doctype html><script type="module" src="./assets/index-abc.js"></script>');
  write('dist/renderer/assets/index-abc.js', 'console.log("editor")');
  write('dist/renderer/assets/index-abc.js.map', '{"sources":["../../src-renderer/main.tsx"]}');
  // …and everything that must stay out of the package
  for (const f of ['src-main/main.ts', 'src-renderer/main.tsx', 'shared/ipc.ts', 'shared/report/restore.ts', 'test/unit/x.test.ts', 'test/fixtures/seeds/a.txt', 'cli/main.ts', 'out/cli/main.mjs', 'bench/a.bench.ts', 'docs/desktop.md', 'README.md', 'tsconfig.json', '.tmp/vitest.json'])
    write(f, '// must not be packaged\n');
  // the stand-in Electron distribution: an executable carrying the fuse wire, locales, licence, version
  write('electron-dist/electron', Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in electron\nexit 0\n#'), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]), Buffer.from('\n')]), 0o755);
  write('electron-dist/chrome-sandbox', 'stand-in', 0o755);
  write('electron-dist/LICENSE', 'MIT (stand-in)');
  write('electron-dist/version', '45.4.1');
  for (const l of ['zh-CN', 'en-US', 'de', 'ja']) write(`electron-dist/locales/${l}.pak`, l);
  const t0 = Date.now();
  result = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--x64', `-c.electronDist=${join(P, 'electron-dist')}`, '-c.electronVersion=45.4.1'], {
    cwd: P,
    encoding: 'utf8',
    timeout: 170_000,
    env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true', CI: 'true' },
  });
  elapsed = Date.now() - t0;
});
afterAll(() => rmSync(P, { recursive: true, force: true }));

describe('packaging (electron-builder --linux dir with a stand-in electron)', () => {
  it('builds the unpacked app', () => {
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    console.log(`electron-builder --linux dir: ${elapsed} ms`);
    expect(existsSync(join(OUT, 'disclosure-report'))).toBe(true);
    expect(readdirSync(join(OUT, 'resources'))).toEqual(['app.asar']);
    expect(readdirSync(join(OUT, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('app.asar holds only the built app', () => {
    const archive = join(OUT, 'resources', 'app.asar');
    const files = asar
      .listPackage(archive, { isPack: false })
      .map((f) => f.replace(/\\/g, '/'))
      .filter((f) => !Object.hasOwn(asar.statFile(archive, f.slice(1)), 'files'));
    expect(files.sort()).toEqual(['/dist/renderer/assets/index-abc.js', '/dist/renderer/index.html', '/out/main/main.cjs', '/out/main/preload.cjs', '/package.json']);
    expect(asar.extractFile(archive, 'out/main/main.cjs').equals(readFileSync(join(P, 'out/main/main.cjs')))).toBe(true);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; name: string };
    expect(pkg.main).toBe('out/main/main.cjs');
  });

  it('the afterPack hook burnt the security fuses into the executable', async () => {
    const wire = await getCurrentFuseWire(join(OUT, 'disclosure-report'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(48);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(48);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(48);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(49);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(49);
    // a fuse we do not set keeps Electron's default
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DEFAULT_WIRE[FuseV1Options.GrantFileProtocolExtraPrivileges]);
  });

  it('the configuration targets Windows NSIS x64 and Linux AppImage + deb, with the .gkreport association and real icons', () => {
    const cfg = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
    expect(cfg['productName']).toBe('政府信息公开年报编制器');
    expect(cfg['appId']).toMatch(/^[a-z0-9.-]+$/);
    expect(cfg['win'].target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(cfg['linux'].target).toEqual(['AppImage', 'deb']);
    expect(cfg['fileAssociations']).toEqual([expect.objectContaining({ ext: 'gkreport', role: 'Editor' })]);
    expect(cfg['afterPack']).toBe('scripts/after-pack.cjs');
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(size(readFileSync(join(ROOT, 'assets/icon.png')))).toEqual([512, 512]);
    expect(size(readFileSync(join(ROOT, 'assets/icon-256.png')))).toEqual([256, 256]);
    const ico = readFileSync(join(ROOT, 'assets/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });
});
