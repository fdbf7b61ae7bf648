/**
 * Runs the BUILT command line (node bin/disclosure-report.mjs), as a user would. The bundle is rebuilt
 * with esbuild (the options of scripts/build.mjs) when it is missing or older than cli/, shared/ or src-main/;
 * written to a temp name and renamed, so test files building at once never see half a file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CLI_BUILD_OPTIONS } from '../../scripts/cli-build-options.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'out', 'cli', 'main.mjs');

const newestSource = (dir: string): number => {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(name)) newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
};

export const ensureCliBuilt = async (): Promise<void> => {
  const sources = Math.max(
    ...['cli', 'shared', 'src-main'].map((d) => newestSource(join(ROOT, d))),
    statSync(join(ROOT, 'scripts', 'cli-build-options.mjs')).mtimeMs,
  );
  const stale = !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < sources;
  if (!stale) return;
  const r = await build({ ...CLI_BUILD_OPTIONS, absWorkingDir: ROOT, write: false, logLevel: 'silent' });
  mkdirSync(join(ROOT, 'out', 'cli'), { recursive: true });
  for (const f of r.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
};

export type CliRun = { code: number; stdout: string; stderr: string };

export const runCli = (args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'disclosure-report.mjs'), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

const created: string[] = [];
export const tempDir = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), `dr-${prefix}-`));
  created.push(d);
  return d;
};
/** For afterAll: removes the temp folders this test file made. */
export const removeTempDirs = (): void => {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
};

/** The JSON entries of `validate --json` (parses and returns `files`). */
export type ValidateJson = {
  files: {
    file: string;
    agency: string | null;
    year: number | null;
    cells: Record<string, number | string | null> | null;
    findings: { code: string; severity: string; cells: string[]; message: string }[];
    notes: { level: string; message: string }[];
    error?: string;
  }[];
};
