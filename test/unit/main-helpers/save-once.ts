/**
 * Child process of main-write-errors.test.ts: one real atomic save of `content` to `target` (run as an
 * unprivileged user when the tests run as root, since root may write anywhere). Prints the outcome as JSON.
 */
import { basename } from 'node:path';
import { atomicWrite } from '../../../src-main/atomic-write';
import { nodeFsPort } from '../../../src-main/fs-port';
import { describeWriteError, errorCode } from '../../../src-main/write-errors';

const [target, content] = process.argv.slice(2) as [string, string];
try {
  await atomicWrite(target, content, { fs: nodeFsPort, backup: true });
  process.stdout.write(JSON.stringify({ ok: true }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, code: errorCode(e), message: describeWriteError(e, basename(target)) }));
}
