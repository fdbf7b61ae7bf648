/** Entry of the Electron main process (bundled to out/main/main.cjs; electron stays external). */
import { startDesktopApp } from './desktop-app';
import { join } from 'node:path';
import { isolatedConverters } from './converters';

// files are parsed in a worker beside this bundle (scripts/build.mjs), never in the main process
startDesktopApp({ converters: isolatedConverters(join(__dirname, 'reader-worker.cjs')) });
