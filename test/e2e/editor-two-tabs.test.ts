/**
 * Two reports open in two tabs of the web build: each tab keeps its own recovery copy. They shared one, so the
 * second tab was offered the first tab's unsaved report at start (declining it threw the first tab's copy away), and
 * saving in one tab deleted the other's copy: a tab closed by accident then came back empty.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Editor, startEditor } from './helpers/browser';

let editor: Editor;
let context: BrowserContext;
beforeAll(async () => {
  editor = await startEditor();
  context = await editor.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, locale: 'zh-CN' });
});
afterAll(async () => {
  await context?.close();
  await editor?.close();
});

/** A tab of the editor; every question it asks (window.confirm) is recorded and answered with `answer`. */
const openTab = async (asked: string[], answer: boolean): Promise<Page> => {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    asked.push(d.message());
    void (answer ? d.accept() : d.dismiss());
  });
  await page.goto(editor.server.url);
  await page.waitForSelector('html[data-ready="1"]');
  return page;
};

const typeAgency = async (page: Page, name: string) => {
  await page.locator('[data-field="agency"]').fill(name);
  await page.locator('[data-field="agency"]').blur();
  // the recovery copy is written a second after the last edit
  await page.waitForTimeout(1500);
};

describe('editor (web build): two tabs, two recovery copies', () => {
  it('a second tab is not offered the first tab’s open report, and saving one tab keeps the other’s copy', async () => {
    const askedA: string[] = [];
    const a = await openTab(askedA, false);
    await typeAgency(a, '甲县人民政府办公室');

    const askedB: string[] = [];
    const b = await openTab(askedB, false);
    await b.waitForTimeout(500);
    expect(askedB).toEqual([]);
    await typeAgency(b, '乙县人民政府办公室');
    const download = b.waitForEvent('download');
    await b.keyboard.press('Control+S');
    await download;
    await b.close();

    // tab A is closed without saving (a crash, a slip of the mouse): its report is offered the next time
    await a.close({ runBeforeUnload: false });
    const askedC: string[] = [];
    const c = await openTab(askedC, true);
    await expect.poll(() => c.locator('[data-field="agency"]').inputValue()).toBe('甲县人民政府办公室');
    expect(askedC).toHaveLength(1);
    expect(askedC[0]).toContain('甲县人民政府办公室');
    await c.close({ runBeforeUnload: false });
  });
});
