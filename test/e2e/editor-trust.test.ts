/** Small things that cost trust: the year field, the unsaved marker, open errors, help, favicon, hints and paste summaries. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseReport } from '../../shared/report/document';
import { seedReport } from '../helpers/seeds';
import { editorSession } from './helpers/session';
import { cell, cellTd, pasteText, typeInto } from './helpers/editor-page';

const session = editorSession();
let page: Page;
let errors: string[];
const dir = mkdtempSync(join(tmpdir(), 'editor-trust-'));

const fresh = async () => {
  page = await session.fresh();
  errors = session.errors;
};

const openFile = async (file: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid="open"]').click();
  await (await chooser).setFiles(file);
};

const year = () => page.locator('[data-field="year"]');
const title = () => page.locator('[data-testid="report-title"]').textContent();

describe('editor: the year field', () => {
  it("explains what it refused (24, 1999, a year after next) with this year's example and keeps the year; takes 二〇二四", async () => {
    await fresh();
    const next = new Date().getFullYear() + 1;
    // the example and the placeholder are the year a report written now is for
    expect(await year().getAttribute('placeholder')).toBe(String(next - 2));
    for (const [typed, hint] of [
      ['24', `请填写四位数年份，如 ${next - 2}`],
      ['1999', `年度不能早于 2000 年（请填写四位数年份，如 ${next - 2}）`],
      [String(next + 1), `年度不能晚于 ${next} 年`],
    ] as const) {
      await year().fill('');
      await year().type(typed);
      await page.locator('[data-field="agency"]').click();
      expect(await page.locator('.report-header [role="alert"]').textContent()).toContain(hint);
      expect(await year().inputValue()).toBe('');
      expect(await title()).toContain('（机关名称）');
    }
    await year().fill('');
    await year().type('二〇二四');
    await page.keyboard.press('Enter');
    expect(await year().inputValue()).toBe('2024');
    expect(await title()).toContain('2024年政府信息公开工作年度报告');
    expect(await page.locator('.report-header [role="alert"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('editor: the toolbar', () => {
  it('keeps the unsaved marker ● visible beside a long file name', async () => {
    await fresh();
    const file = join(dir, `${'某某省某某市某某县人民政府办公室关于印发'.repeat(3)}年度报告.gkreport`);
    writeFileSync(file, serialiseReport(seedReport('2023_jiyuan-city.txt')));
    await openFile(file);
    await page.locator('[data-testid="file-name"]', { hasText: '某某省' }).waitFor();
    await typeInto(page, 't3.new.natural', '7');
    const dot = page.locator('[data-testid="dirty"]');
    await dot.waitFor();
    const box = (await dot.boundingBox())!;
    const bar = (await page.locator('[data-testid="file-name"]').boundingBox())!;
    // wholly inside the file name's box and on screen, not cut off with the name
    expect(box.width).toBeGreaterThan(4);
    expect(box.x + box.width).toBeLessThanOrEqual(bar.x + bar.width + 0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
  });

  it('填报说明与快捷键 from the toolbar and with F1; a favicon', async () => {
    await fresh();
    await page.locator('[data-testid="help"]').click();
    await page.locator('[data-testid="help-dialog"]').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="help-dialog"]').count()).toBe(0);
    await page.keyboard.press('F1');
    await page.locator('[data-testid="help-dialog"]').waitFor();
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const res = await page.request.get(new URL(href!, page.url()).href);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('<svg');
  });

  it('an open error appears in a dialog, not only in the status bar', async () => {
    await fresh();
    const file = join(dir, 'broken.gkreport');
    writeFileSync(file, '{"format":"disclosure-report","version":2,"cells":');
    await openFile(file);
    const dialog = page.locator('[data-testid="error-dialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('broken.gkreport');
    await dialog.locator('button').click();
    expect(await dialog.count()).toBe(0);
  });
});

describe('editor: hints', () => {
  it('a hint stands above its cell, never over the next row', async () => {
    await fresh();
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('x');
    const hint = cellTd(page, 't3.new.natural').locator('[role="alert"]');
    await hint.waitFor();
    const h = (await hint.boundingBox())!;
    const next = (await cellTd(page, 't3.carried_in.natural').boundingBox())!;
    expect(h.y + h.height).toBeLessThanOrEqual(next.y);
    const own = (await cellTd(page, 't3.new.natural').boundingBox())!;
    expect(h.y + h.height).toBeLessThanOrEqual(own.y + 1);
  });

  it('a bulk paste with several refused values shows one summary, not a tooltip per cell', async () => {
    await fresh();
    await cell(page, 't3.granted.natural').click();
    await pasteText(page, '1\tx\t3\n-4\t5\t6.5\n');
    expect(await page.locator('td.cell [role="alert"]').count()).toBe(0);
    expect(await page.locator('td.cell.is-flagged').count()).toBe(3);
    expect(await cellTd(page, 't3.granted.commercial').locator('input').getAttribute('title')).toContain('「x」');
    const status = await page.locator('[data-testid="status"]').textContent();
    expect(status).toContain('已粘贴 3 个单元格，3 个未粘贴');
    expect(await cell(page, 't3.granted.research').inputValue()).toBe('3');
  });
});
