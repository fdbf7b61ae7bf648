// The CLI bundle's esbuild options, shared by scripts/build.mjs and the tests' on-demand build (test/unit/cli-harness.ts).
// Split into chunks: what every command and every reader worker needs is out/cli/main.mjs (~1.5 MB); pdf.js (3.4 MB) and
// the Word/Excel writers (~2 MB with their dependencies) are loaded only when a PDF is read or a file exported, so a worker
// does not compile 7 MB of JavaScript at start-up (bench/cli.bench.ts).
/** @type {import('esbuild').BuildOptions} */
export const CLI_BUILD_OPTIONS = {
  entryPoints: ['cli/main.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir: 'out/cli',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
