/** The desktop app's reader worker, bundled as scripts/build.mjs bundles it, into a test's folder. */
import { join } from 'node:path';
import { build } from 'esbuild';

export const buildReaderWorker = async (dir: string): Promise<string> => {
  const outfile = join(dir, 'reader-worker.cjs');
  await build({ entryPoints: ['src-main/reader-worker.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'pdfjs-dist'], logLevel: 'silent' });
  return outfile;
};
