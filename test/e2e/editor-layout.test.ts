/** The editor at a 1366×768 laptop size, and a picture of the full 表三 with one error for a person to check. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseReport } from '../../shared/report/document';
import { seedReport } from '../helpers/seeds';
import { REPO, openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell, cellTd, finding, typeInto } from './helpers/editor-page';

let editor: Editor;
const dir = mkdtempSync(join(tmpdir(), 'editor-layout-'));
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

/** Opens a report file through the 打开… button, as a clerk does. */
export const openFile = async (page: Page, file: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid="open"]').click();
  await (await chooser).setFiles(file);
};

describe('editor layout', () => {
  it('fits 表三 into a 1366×768 screen without horizontal scrolling, long row labels wrapped', async () => {
    const { page, context } = await openEditorPage(editor, { width: 1366, height: 768 });
    const m = await page.evaluate(() => {
      const doc = document.querySelector('main.doc') as HTMLElement;
      const t3 = document.querySelector('table.grid-t3') as HTMLElement;
      const label = [...document.querySelectorAll('table.grid-t3 th.label')].find((th) =>
        th.textContent!.startsWith('2.申请人逾期未按收费通知'),
      ) as HTMLElement;
      return {
        docScroll: doc.scrollWidth - doc.clientWidth,
        pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        t3Right: t3.getBoundingClientRect().right,
        docRight: doc.getBoundingClientRect().right,
        labelLines: Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight)),
        font: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(m.docScroll).toBe(0);
    expect(m.pageScroll).toBe(0);
    expect(m.t3Right).toBeLessThanOrEqual(m.docRight);
    expect(m.labelLines).toBeGreaterThanOrEqual(2);
    expect(m.font).toContain('Microsoft YaHei');
    await context.close();
  });

  for (const [width, where] of [
    [1024, 'a 1024×768 office monitor'],
    [683, 'a window on half of a 1366 laptop screen'],
  ] as const) {
    it(`in ${where} every number of 表三 and 表四 shows whole (1052 showed as 105; at half a screen none showed), the grid scrolling sideways in its own box`, async () => {
      const file = join(dir, '许昌市人民政府2023.gkreport');
      writeFileSync(file, serialiseReport(seedReport('2023_xuchang-city.txt')));
      const { page, context } = await openEditorPage(editor, { width, height: 768 });
      await openFile(page, file);
      await page.waitForFunction(() => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value === '许昌市人民政府');
      expect(await cell(page, 't3.total.total').inputValue()).toBe('1086');
      // a 6-digit count in 表三 fits too, a 5-digit one in 表四 (15 columns; its counts are small)
      await typeInto(page, 't3.granted.natural', '123456');
      await typeInto(page, 't4.review.upheld', '12345');
      // every value cell is laid out (sections off screen are skipped until scrolled to)
      await page.evaluate(() => document.querySelectorAll<HTMLElement>('.section').forEach((s) => (s.style.contentVisibility = 'visible')));
      const hidden = await page
        .locator('table.grid-t3 input[data-cell], table.grid-t4 input[data-cell]')
        .evaluateAll((els) =>
          (els as HTMLInputElement[]).filter((e) => e.value !== '' && e.scrollWidth > e.clientWidth).map((e) => `${e.dataset['cell']}=${e.value}`),
        );
      expect(hidden).toEqual([]);
      // the page itself does not scroll sideways; the clerk reaches the 总计 column by keyboard, the grid following
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await cell(page, 't3.new.natural').click();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['cell'])).toBe('t3.new.total');
      const seen = await page.evaluate(() => {
        const box = (document.activeElement as HTMLElement).getBoundingClientRect();
        const doc = (document.querySelector('main.doc') as HTMLElement).getBoundingClientRect();
        return box.left >= doc.left && box.right <= doc.right;
      });
      expect(seen).toBe(true);
      mkdirSync(join(REPO, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(REPO, `test-results/editor-t3-${width}.png`) });
      await context.close();
    });
  }

  it('draws the full 表三 of a real report with one error marked (test-results/editor-t3-error.png)', async () => {
    const file = join(dir, '新乡市人民政府办公室2023.gkreport');
    writeFileSync(file, serialiseReport(seedReport('2023_xinxiang-city-office.txt')));
    // as wide as a laptop, tall enough to hold the whole table in one picture
    const { page, context } = await openEditorPage(editor, { width: 1366, height: 1500 });
    await openFile(page, file);
    await page.waitForFunction(() => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value === '新乡市人民政府办公室');
    expect(await page.locator('[data-testid="count-error"]').textContent()).toContain('错误 0');
    const before = Number(await cell(page, 't3.withheld_third_party.natural').inputValue());
    await typeInto(page, 't3.withheld_third_party.natural', String(before + 2));
    await finding(page, 'T3-ROW-TOTAL').waitFor();
    expect(await cellTd(page, 't3.withheld_third_party.natural').getAttribute('class')).toContain('is-error');
    expect(await page.locator('[data-testid="count-error"]').textContent()).toMatch(/错误 [1-9]/);
    expect(await cellTd(page, 't3.withheld_third_party.total').getAttribute('class')).toContain('is-error');
    expect(await cellTd(page, 't3.total.natural').getAttribute('class')).toContain('is-error');
    // the other parts of the failed sums are tinted, not marked as wrong
    expect(await cellTd(page, 't3.granted.natural').getAttribute('class')).toContain('in-error');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // the toolbar, 表三 and the findings beside it, as the clerk sees them after scrolling to 表三
    const top = await page.evaluate(() => {
      const doc = document.querySelector('main.doc') as HTMLElement;
      const sec = document.querySelector('[data-section="t3"]') as HTMLElement;
      doc.scrollTop += sec.getBoundingClientRect().top - doc.getBoundingClientRect().top;
      return sec.getBoundingClientRect().bottom;
    });
    expect(top).toBeLessThan(1500);
    mkdirSync(join(REPO, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(REPO, 'test-results/editor-t3-error.png'), clip: { x: 0, y: 0, width: 1366, height: Math.ceil(top) + 8 } });
    await context.close();
  });
});
