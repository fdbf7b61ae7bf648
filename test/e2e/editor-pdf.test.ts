/**
 * A published PDF opened in the web build (real Chromium on the built renderer): pdf.js runs in its
 * worker served with the page, the tables fill with the file's numbers, and 以上年报告为模板新建 makes
 * next year's draft from it. The file is the real Huaian 2024 report.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import expected from '../fixtures/pdf/expected.json';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell } from './helpers/editor-page';

const PDF = fileURLToPath(new URL('../fixtures/pdf/2024_huaian-city.pdf', import.meta.url));
const e = expected.reports['2024_huaian-city.pdf'];
let editor: Editor;
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const choose = async (page: Page, button: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.locator(button).click();
  await (await chooser).setFiles(PDF);
};

describe('editor: a published PDF', () => {
  it('打开… a PDF fills the three tables with its numbers, nothing fetched from another origin', async () => {
    const { page, context } = await openEditorPage(editor);
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(editor.server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await choose(page, '[data-testid="open"]');
    await page.waitForFunction((a) => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value === a, e.agency, { timeout: 30_000 });
    expect(await page.locator('[data-field="year"]').inputValue()).toBe(String(e.year));
    for (const id of [
      't2.license.decisions',
      't2.fees.amount',
      't3.new.total',
      't3.withheld_law.natural',
      't3.carried_out.total',
      't4.suit_direct.total',
    ] as const)
      expect(await cell(page, id).inputValue(), id).toBe(String((e.cells as Record<string, unknown>)[id]));
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('以上年报告为模板新建 from the PDF: next year, 上年结转 from last year’s 结转下年度', async () => {
    const { page, context } = await openEditorPage(editor);
    await choose(page, 'button:has-text("以上年报告为模板")');
    await page.locator('[data-testid="import-panel"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-field="year"]').inputValue()).toBe(String(e.year + 1));
    expect(await page.locator('[data-field="agency"]').inputValue()).toBe(e.agency);
    expect(await cell(page, 't3.carried_in.natural').inputValue()).toBe(String(e.cells['t3.carried_out.natural']));
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('');
    await context.close();
  });
});
