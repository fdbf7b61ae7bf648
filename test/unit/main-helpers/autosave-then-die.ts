/**
 * Child process of main-recovery.test.ts: a real controller with the real autosave delay; the clerk
 * edits (setDirty with the report), the autosave lands, and the process is then killed from outside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentController } from '../../../src-main/document-controller';
import { nodeFsPort } from '../../../src-main/fs-port';
import { RecentFiles } from '../../../src-main/recent-files';
import { RecoveryStore } from '../../../src-main/recovery';
import { restoreOrThrow } from '../../../shared/report';

const [userData, reportFile] = process.argv.slice(2) as [string, string];
const recovery = new RecoveryStore(join(userData, 'recovery'), nodeFsPort);
const controller = new DocumentController({
  fs: nodeFsPort,
  dialogs: { chooseOpenPath: async () => null, chooseOpenPaths: async () => [], chooseSavePath: async () => null, askUnsaved: async () => 'cancel', showError: async () => undefined },
  formats: { readBytes: async () => ({ ok: false, message: '' }), buildExport: async () => new Uint8Array() },
  recent: new RecentFiles(join(userData, 'recent.json'), nodeFsPort),
  recovery,
  documentsDir: userData,
});
const report = restoreOrThrow(readFileSync(reportFile, 'utf8'));
const t0 = Date.now();
controller.setDirty(true, report);
for (;;) {
  if ((await recovery.list()).length) break;
  await new Promise((r) => setTimeout(r, 20));
}
process.stdout.write(`AUTOSAVED ${Date.now() - t0}\n`);
await new Promise(() => undefined); // keeps running, unsaved, until killed
