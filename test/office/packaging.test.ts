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
let lastElapsed = 0;

const write = (rel: string, content: string | Buffer, mode?: number) => {
  mkdirSync(join(P, rel, '..'), { recursive: true });
  writeFileSync(join(P, rel), content, mode ? { mode } : undefined);
};

/** resedit (electron-builder's own PE editor; no types shipped), for a stand-in Windows executable. */
const resedit = createRequire(import.meta.url)('resedit') as any;
const FUSE_WIRE = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE])]);

/**
 * electron-builder writes the asar integrity into the Windows executable's resources, so the stand-in
 * must be a real (empty) PE image with a version resource, like electron.exe; the fuse wire rides in its overlay.
 */
const standInWindowsExe = (): Buffer => {
  const exe = resedit.NtExecutable.createEmpty(false, false);
  const res = resedit.NtExecutableResource.from(exe);
  const version = resedit.Resource.VersionInfo.createEmpty();
  version.setFileVersion(45, 4, 1, 0, 1033);
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' });
  version.outputToResourceEntries(res.entries);
  res.outputResource(exe);
  exe.setExtraData(FUSE_WIRE);
  return Buffer.from(exe.generate());
};

/** A stand-in Electron distribution for one platform: an executable carrying the fuse wire, locales, licence, version. */
const standInElectron = (dir: string, exe: string) => {
  write(
    `${dir}/${exe}`,
    exe.endsWith('.exe') ? standInWindowsExe() : Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in electron\nexit 0\n#'), FUSE_WIRE, Buffer.from('\n')]),
    0o755,
  );
  if (!exe.endsWith('.exe')) write(`${dir}/chrome-sandbox`, 'stand-in', 0o755);
  write(`${dir}/LICENSE`, 'MIT (stand-in)');
  write(`${dir}/version`, '45.4.1');
  for (const l of ['zh-CN', 'en-US', 'de', 'ja']) write(`${dir}/locales/${l}.pak`, l);
};

/**
 * electron-builder's `dir` target for one platform and architecture: everything an installer holds,
 * without the installer tools (NSIS, fpm, appimagetool), which it would download. The Windows
 * executable's resources are edited with rcedit under wine, which this machine lacks; that step is off here only.
 */
const pack = (platform: 'linux' | 'win', arch: 'x64' | 'arm64'): ReturnType<typeof spawnSync> => {
  const dist = `electron-dist-${platform}-${arch}`;
  standInElectron(dist, platform === 'win' ? 'electron.exe' : 'electron');
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/electron-builder/cli.js'),
      `--${platform}`,
      'dir',
      `--${arch}`,
      `-c.electronDist=${join(P, dist)}`,
      '-c.electronVersion=45.4.1',
      ...(platform === 'win' ? ['-c.win.signAndEditExecutable=false'] : []),
    ],
    { cwd: P, encoding: 'utf8', timeout: 170_000, env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true', CI: 'true' } },
  );
  lastElapsed = Date.now() - t0;
  return r;
};

beforeAll(async () => {
  rmSync(P, { recursive: true, force: true });
  // the project as the build leaves it: config, hook, icons, bundles, built editor…
  for (const f of ['package.json', 'electron-builder.yml', 'scripts/after-pack.cjs', 'assets/icon.png', 'assets/icon-256.png', 'assets/icon.ico'])
    cpSync(join(ROOT, f), join(P, f));
  symlinkSync(join(ROOT, 'node_modules'), join(P, 'node_modules'), 'dir');
  for (const e of ['main', 'preload'])
    await build({
      entryPoints: [join(ROOT, `src-main/${e}.ts`)],
      outfile: join(P, `out/main/${e}.cjs`),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      sourcemap: true,
      logLevel: 'error',
    });
  write('dist/renderer/index.html', '<!doctype html><script type="module" src="./assets/index-abc.js"></script>');
  write('dist/renderer/assets/index-abc.js', 'console.log("editor")');
  write('dist/renderer/assets/index-abc.js.map', '{"sources":["../../src-renderer/main.tsx"]}');
  // …and everything that must stay out of the package
  for (const f of [
    'src-main/main.ts',
    'src-renderer/main.tsx',
    'shared/ipc.ts',
    'shared/report/restore.ts',
    'test/unit/x.test.ts',
    'test/fixtures/seeds/a.txt',
    'cli/main.ts',
    'out/cli/main.mjs',
    'bench/a.bench.ts',
    'docs/desktop.md',
    'README.md',
    'tsconfig.json',
    '.tmp/vitest.json',
  ])
    write(f, '// must not be packaged\n');
  result = pack('linux', 'x64');
  elapsed = lastElapsed;
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
    expect(files.sort()).toEqual([
      '/dist/renderer/assets/index-abc.js',
      '/dist/renderer/index.html',
      '/out/main/main.cjs',
      '/out/main/preload.cjs',
      '/package.json',
    ]);
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

  it('the configuration targets Windows NSIS x64 + portable x64 and Linux AppImage + deb for x64 and arm64, with the .gkreport association and real icons', () => {
    const cfg = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
    expect(cfg['productName']).toBe('政府信息公开年报编制器');
    expect(cfg['appId']).toMatch(/^[a-z0-9.-]+$/);
    expect(cfg['win'].target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    // the installer stays per-user (no admin rights); the portable one asks for none either
    expect(cfg['nsis']).toMatchObject({ oneClick: false, perMachine: false });
    expect(cfg['portable'].requestExecutionLevel).toBe('user');
    // two Windows files a clerk can tell apart by name
    expect(cfg['nsis'].artifactName).toBe('政府信息公开年报编制器-${version}-安装程序.${ext}');
    expect(cfg['portable'].artifactName).toBe('政府信息公开年报编制器-${version}-免安装版.${ext}');
    expect(cfg['linux'].target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
    expect(cfg['linux'].artifactName).toContain('${arch}');
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

describe('packaging for the other targets: Linux arm64 (统信 UOS, 麒麟 Kylin) and Windows x64 (installer and portable)', () => {
  let arm: ReturnType<typeof spawnSync>;
  let win: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    arm = pack('linux', 'arm64');
    win = pack('win', 'x64');
  });
  const asarFiles = (archive: string) =>
    asar
      .listPackage(archive, { isPack: false })
      .map((f) => f.replace(/\\/g, '/'))
      .filter((f) => !('files' in asar.statFile(archive, f.slice(1))))
      .sort();
  const expectFusesBurnt = async (exe: string) => {
    const wire = await getCurrentFuseWire(exe);
    expect(wire[FuseV1Options.RunAsNode]).toBe(48);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(49);
  };
  const x64Files = () => asarFiles(join(OUT, 'resources', 'app.asar'));

  it('builds the arm64 app the AppImage and deb are made of: same files, fuses burnt', async () => {
    expect(arm.status, `${arm.stdout}\n${arm.stderr}`).toBe(0);
    const dir = join(P, 'release', 'linux-arm64-unpacked');
    expect(existsSync(join(dir, 'disclosure-report'))).toBe(true);
    expect(readdirSync(join(dir, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    expect(asarFiles(join(dir, 'resources', 'app.asar'))).toEqual(x64Files());
    await expectFusesBurnt(join(dir, 'disclosure-report'));
  });

  it('builds the Windows x64 app the NSIS installer and the portable .exe are made of: same files, fuses burnt', async () => {
    expect(win.status, `${win.stdout}\n${win.stderr}`).toBe(0);
    const dir = join(P, 'release', 'win-unpacked');
    expect(readdirSync(dir).filter((f) => f.endsWith('.exe'))).toEqual(['disclosure-report.exe']);
    expect(asarFiles(join(dir, 'resources', 'app.asar'))).toEqual(x64Files());
    await expectFusesBurnt(join(dir, 'disclosure-report.exe'));
  });
});
