/**
 * An old Word 97–2003 .doc — as a clerk downloads it from a government website — opened in the web build (real
 * Chromium on the built renderer): the file picker offers .doc/.wps/.mht, the reader worker reads it, the three
 * tables fill with its numbers, and 以上年报告为模板新建 makes next year's draft from it. The file is a .doc
 * LibreOffice wrote (test/fixtures/doc/README.md).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CELL_IDS } from '../../shared/format';
import { seedExpectation } from '../helpers/seeds';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell } from './helpers/editor-page';

const DOC = fileURLToPath(new URL('../fixtures/doc/libreoffice-xiuwu-county.doc', import.meta.url));
const e = seedExpectation('2023_xiuwu-county.txt');
let editor: Editor;
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const choose = async (page: Page, button: string): Promise<string | null> => {
  const chooser = page.waitForEvent('filechooser');
  await page.locator(button).click();
  const c = await chooser;
  const accept = await c.element().getAttribute('accept');
  await c.setFiles(DOC);
  return accept;
};

describe('editor: a Word 97–2003 .doc', () => {
  it('打开… a .doc fills all three tables with its numbers', async () => {
    const { page, context } = await openEditorPage(editor);
    const accept = await choose(page, '[data-testid="open"]');
    expect(accept?.split(',')).toEqual(expect.arrayContaining(['.doc', '.wps', '.mht', '.mhtml']));
    await page.waitForFunction((a) => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value === a, e.agency, { timeout: 30_000 });
    expect(await page.locator('[data-field="year"]').inputValue()).toBe(String(e.year));
    const cells = e.cells as Record<string, number | string>;
    for (const id of CELL_IDS) expect(await cell(page, id).inputValue(), id).toBe(String(cells[id]));
    const panel = await page.locator('[data-testid="import-panel"]').textContent();
    expect(panel).toContain('表三 收到和处理政府信息公开申请情况：已有数值 175 / 175');
    await context.close();
  });

  it('以上年报告为模板新建 from the .doc: next year, 上年结转 from last year’s 结转下年度', async () => {
    const { page, context } = await openEditorPage(editor);
    await choose(page, 'button:has-text("以上年报告为模板")');
    await page.locator('[data-testid="import-panel"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-field="year"]').inputValue()).toBe(String(e.year + 1));
    expect(await page.locator('[data-field="agency"]').inputValue()).toBe(e.agency);
    expect(await cell(page, 't3.carried_in.natural').inputValue()).toBe(String((e.cells as Record<string, unknown>)['t3.carried_out.natural']));
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('');
    await context.close();
  });
});
