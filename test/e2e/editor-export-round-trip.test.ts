/**
 * The web build's exports open again exactly: a report with brackets and emoji in its name, runs of spaces, markup
 * and a 20,000-character paragraph of characters outside the BMP is opened in the editor, exported to Word, Excel
 * and HTML by the clerk's buttons (exceljs's browser build, the custom XML part, the data island), and each
 * downloaded file read back gives the report that was opened.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportFile } from '../../shared/import';
import { createReport, serialiseReport } from '../../shared/report';
import { seedReport } from '../helpers/seeds';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { ownExportContent } from '../helpers/expect-report';

let editor: Editor;
const dir = mkdtempSync(join(tmpdir(), 'editor-round-trip-'));
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const seed = seedReport('2023_jiyuan-city.txt');
const REPORT = createReport({
  ...seed,
  agency: '某县公安局（试点）😀𪚥',
  narratives: {
    overview: `（一）主动公开情况。全年  主动公开 <b>1</b> &amp; 2 条。\n${'𪚥😀👨‍👩‍👧汉'.repeat(2500)}`,
    problems: '问题\u3000\u3000在于。',
    other_matters: '未收取信息处理费。',
  },
  tableTexts: { t2: '注：  两个空格。', t3: '', t4: '' },
  signOff: { agency: '某县公安局', date: '2024年1月20日' },
});

describe('editor: our exports from the web build read back exactly', () => {
  it('Word, Excel and HTML', async () => {
    const { page, context } = await openEditorPage(editor);
    const file = join(dir, 'report.gkreport');
    writeFileSync(file, serialiseReport(REPORT));
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-testid="open"]').click();
    await (await chooser).setFiles(file);
    await page.waitForFunction(() => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value !== '');
    for (const kind of ['docx', 'xlsx', 'html'] as const) {
      const download = page.waitForEvent('download');
      await page.locator(`[data-testid="export-${kind}"]`).click();
      // findings on the texts may ask first; the file is the same either way
      const ok = page.locator('[data-testid="confirm-export-ok"]');
      const asked = ok
        .waitFor()
        .then(() => ok.click())
        .catch(() => undefined);
      await Promise.race([download, asked]);
      const bytes = new Uint8Array(readFileSync((await (await download).path())!));
      const r = await importReportFile(`report.${kind}`, bytes);
      expect(r.ok, kind).toBe(true);
      if (!r.ok) continue;
      expect(
        r.notes.map((n) => n.level),
        kind,
      ).toEqual(['info']);
      expect(ownExportContent(r.report), kind).toEqual(ownExportContent(REPORT));
    }
    await context.close();
  });
});
