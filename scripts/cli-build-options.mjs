// The CLI bundles' esbuild options, shared by scripts/build.mjs and the tests' on-demand build (test/unit/cli-harness.ts).
// Two bundles, each one file: out/cli/main.mjs, the command line, and out/cli/reader.mjs, the reader worker every file
// is read in (cli/reader.ts). The worker needs the readers and the checks only: 0.6 MB to compile instead of the
// command line's 3.7 MB (docx and exceljs write exports; the worker never does), ~80 ms less start-up per worker.
// pdf.js (3.4 MB) stays out of both and is imported from node_modules only when a PDF is read (shared/import/pdf-engine.ts
// imports it dynamically). Neither is split into chunks: split, the readers' hot code called the format and report code
// across module boundaries, which V8 optimises less well — 1,000 .docx took ~1.2 s more CPU (bench/cli.bench.ts, docs/cli.md).
/** @type {import('esbuild').BuildOptions} */
export const CLI_BUILD_OPTIONS = {
  entryPoints: { main: 'cli/main.ts', reader: 'cli/reader.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  external: ['pdfjs-dist'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
