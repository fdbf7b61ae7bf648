// Builds what the app, the CLI and the tests run: the renderer (web build), the Electron main
// and preload bundles, and the CLI bundle. Each step is skipped cleanly while its sources do not exist yet.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { CLI_BUILD_OPTIONS } from './cli-build-options.mjs';
import { execSync } from 'node:child_process';

mkdirSync('out', { recursive: true });
const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

if (existsSync('cli/main.ts')) await build({ ...node, ...CLI_BUILD_OPTIONS });
if (existsSync('src-main/main.ts'))
  await build({ ...node, entryPoints: ['src-main/main.ts'], outfile: 'out/main/main.cjs', format: 'cjs', external: ['electron'] });
if (existsSync('src-main/reader-worker.ts'))
  await build({ ...node, entryPoints: ['src-main/reader-worker.ts'], outfile: 'out/main/reader-worker.cjs', format: 'cjs', external: ['electron'] });
if (existsSync('src-main/preload.ts'))
  await build({ ...node, entryPoints: ['src-main/preload.ts'], outfile: 'out/main/preload.cjs', format: 'cjs', external: ['electron'] });
if (existsSync('src-renderer/index.html')) execSync('npx vite build', { stdio: 'inherit' });
