/**
 * Child process of main-recovery.test.ts: a real controller; the editor marks the document dirty and
 * sends its autosave, which lands, and the process is then killed from outside.
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
  dialogs: {
    chooseOpenPath: async () => null,
    chooseOpenPaths: async () => [],
    chooseSavePath: async () => null,
    askUnsaved: async () => 'cancel',
    askConflict: async () => 'cancel',
    showError: async () => undefined,
  },
  converters: { readBytes: async () => ({ ok: false, message: '' }), buildExport: async () => new Uint8Array() },
  recent: new RecentFiles(join(userData, 'recent.json'), nodeFsPort),
  recovery,
  documentsDir: userData,
});
const report = restoreOrThrow(readFileSync(reportFile, 'utf8'));
const t0 = Date.now();
controller.setDirty(true, 1);
const outcome = await controller.autosave(1, report);
if (!outcome.ok || !(await recovery.list()).length) throw new Error(`autosave failed: ${JSON.stringify(outcome)}`);
process.stdout.write(`AUTOSAVED ${Date.now() - t0}\n`);
await new Promise(() => undefined); // keeps running, unsaved, until killed
