/**
 * The desktop app's reader worker, bundled as scripts/build.mjs bundles it, under out/ (inside the
 * repository, so it finds pdfjs-dist in node_modules like out/main/reader-worker.cjs does).
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

export const buildReaderWorker = async (): Promise<string> => {
  const outfile = resolve('out', 'test', `reader-worker-${process.pid}-${Date.now()}.cjs`);
  await build({
    entryPoints: ['src-main/reader-worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'pdfjs-dist'],
    logLevel: 'silent',
  });
  return outfile;
};
