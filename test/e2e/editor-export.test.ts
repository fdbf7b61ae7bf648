/**
 * Exports that do not surprise: blanks (printed as 0), a missing agency or year and errors are said before
 * exporting; an export made anyway is a marked draft; in the browser the clerk chooses the file name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { serialiseReport } from '../../shared/report/document';
import { seedReport } from '../helpers/seeds';
import { descendants, parseXml, paragraphText, unzip } from '../unit/export-readers';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { typeInto } from './helpers/editor-page';

let editor: Editor;
const dir = mkdtempSync(join(tmpdir(), 'editor-export-'));
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const openSeed = async (page: Page) => {
  const file = join(dir, 'complete.gkreport');
  writeFileSync(file, serialiseReport(seedReport('2023_jiyuan-city.txt')));
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid="open"]').click();
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value !== '');
};

/** Every header of a .docx, as text. */
const headerTexts = async (d: Download): Promise<string[]> => {
  const files = unzip(new Uint8Array(readFileSync((await d.path())!)));
  return Object.keys(files)
    .filter((n) => /^word\/header\d*\.xml$/.test(n))
    .map((n) => descendants(parseXml(files[n]!), 'p').map(paragraphText).join(''));
};

describe('editor: exports that do not surprise', () => {
  it('a new report: blanks, agency and year are named before exporting, and 返回修改 goes back to them', async () => {
    const { page, context } = await openEditorPage(editor);
    await typeInto(page, 't2.rules.issued', '3');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.locator('[data-testid="export-docx"]').click();
    const dialog = page.locator('[data-testid="confirm-export"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-code="AGENCY-EMPTY"]').textContent()).toContain('未填写机关名称');
    expect(await dialog.locator('[data-code="YEAR-EMPTY"]').textContent()).toContain('未填写报告年度');
    expect(await dialog.locator('[data-code="BLANK-CELLS"]').textContent()).toContain('有 199 个单元格为空白，导出后显示为 0');
    await page.screenshot({ path: 'test-results/export-confirm.png' });
    await page.locator('[data-testid="confirm-export-back"]').click();
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['field'])).toBe('agency');
    expect(downloads).toBe(0);
    await context.close();
  });

  it('「仍然导出草稿」: 「（草稿）」 in the file name and 草稿 on the first page of the Word file', async () => {
    const { page, context } = await openEditorPage(editor);
    await typeInto(page, 't2.rules.issued', '3');
    await page.locator('[data-testid="export-docx"]').click();
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="confirm-export-ok"]').click();
    const d = await download;
    // no agency, no year: left out of the name, as the desktop does (not the title's 「（机关名称）」 and blank)
    expect(d.suggestedFilename()).toBe('政府信息公开工作年度报告（草稿）.docx');
    expect(await headerTexts(d)).toEqual(['草稿']);
    await d.saveAs('test-results/draft-export.docx');
    expect(await page.locator('[data-testid="status"]').textContent()).toContain('仅作草稿');
    await context.close();
  });

  it('a complete report exports at once, under the name the clerk accepted, with no draft mark', async () => {
    const { page, context } = await openEditorPage(editor);
    await openSeed(page);
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="export-docx"]').click();
    const d = await download;
    expect(await page.locator('[data-testid="confirm-export"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __savePicks: string[] }).__savePicks)).toEqual([
      '济源市人民政府2023年政府信息公开工作年度报告.docx',
    ]);
    expect(d.suggestedFilename()).toBe('济源市人民政府2023年政府信息公开工作年度报告.docx');
    expect(await headerTexts(d)).toEqual([]);
    await context.close();
  });

  it('a browser without a save dialog asks for the file name, and cancelling exports nothing', async () => {
    const { page, context } = await openEditorPage(editor, { savePicker: 'none' });
    await openSeed(page);
    const offered: string[] = [];
    const answers = ['我的年报', null];
    page.on('dialog', (dlg) => {
      offered.push(dlg.defaultValue());
      const a = answers.shift();
      void (a ? dlg.accept(a) : dlg.dismiss());
    });
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="export-xlsx"]').click();
    expect((await download).suggestedFilename()).toBe('我的年报.xlsx');
    expect(offered).toEqual(['济源市人民政府2023年政府信息公开工作年度报告.xlsx']);
    await page.locator('[data-testid="export-xlsx"]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="export-xlsx"]')?.hasAttribute('disabled'));
    expect(offered).toHaveLength(2);
    expect(await page.locator('[data-testid="status"]').textContent()).not.toContain('失败');
    await context.close();
  });
});
