// The CLI bundle's esbuild options, shared by scripts/build.mjs and the tests' on-demand build (test/unit/cli-harness.ts).
// pdf.js (3.4 MB of the 7 MB) stays out of the bundle and is imported from node_modules only when a PDF is read
// (shared/import/pdf-engine.ts imports it dynamically), so the CLI and every reader worker compile half as much at
// start-up. One file, not split into chunks: split, the readers' hot code called the format and report code across
// module boundaries, which V8 optimises less well — 1,000 .docx took ~1.2 s more CPU (bench/cli.bench.ts, docs/cli.md).
/** @type {import('esbuild').BuildOptions} */
export const CLI_BUILD_OPTIONS = {
  entryPoints: ['cli/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile: 'out/cli/main.mjs',
  external: ['pdfjs-dist'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
