/**
 * Child process of main-atomic-save.test.ts: saves `content` to `target` with the real atomicWrite,
 * but stops right before the rename that would replace the file, says so, and waits to be killed.
 */
import { atomicWrite } from '../../../src-main/atomic-write';
import { nodeFsPort } from '../../../src-main/fs-port';

const [target, content] = process.argv.slice(2) as [string, string];
await atomicWrite(target, content, {
  backup: true,
  fs: {
    ...nodeFsPort,
    rename: async (from, to) => {
      if (to === target) {
        process.stdout.write(`READY ${from}\n`);
        await new Promise(() => undefined); // the power cut happens here
      }
      return nodeFsPort.rename(from, to);
    },
  },
});
process.stdout.write('RENAMED\n');
