/** The clerk types into the statutory tables and the checks follow every keystroke. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell, cellTd, cellValues, finding, findings, focusedCell, typeInto } from './helpers/editor-page';

let editor: Editor;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const fresh = async () => {
  await context?.close();
  ({ context, page, errors } = await openEditorPage(editor));
};

describe('editor: typing and live checks', () => {
  it('opens on a new blank report with 合计自动计算 on and the counts visible', async () => {
    await fresh();
    expect(await page.locator('[data-testid="auto-totals"]').isChecked()).toBe(true);
    expect(await page.locator('input[data-cell]').count()).toBe(200);
    expect(await cell(page, 't3.new.total').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('[data-testid="count-error"]').textContent()).toContain('错误 0');
    expect(await page.locator('[data-testid="report-title"]').textContent()).toContain('年政府信息公开工作年度报告');
    expect(await cell(page, 't3.withheld_secret.commercial').getAttribute('aria-label')).toBe(
      '三、本年度办理结果 （三）不予公开 1.属于国家秘密 申请人情况 法人或其他组织 商业企业',
    );
    expect(errors).toEqual([]);
  });

  it('the first screen takes input while the rest of the report is still being drawn, and keeps it', async () => {
    await context?.close();
    context = await editor.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(editor.server.url, { waitUntil: 'commit' });
    // 表二 is in the first screen: type into it as soon as it exists, without waiting for 表三
    await cell(page, 't2.rules.issued').waitFor();
    await cell(page, 't2.rules.issued').fill('3');
    await page.waitForSelector('html[data-ready="1"]');
    expect(await page.locator('input[data-cell]').count()).toBe(200);
    expect(await cell(page, 't2.rules.issued').inputValue()).toBe('3');
    // the finding that listed 表二's blank cells now counts one fewer
    await findings(page).locator('[data-code="BLANK-CELLS"]', { hasText: '表二有 9 个单元格未填写' }).waitFor();
    const marks = await page.evaluate(() => ['editor-ready', 'editor-complete'].map((n) => performance.getEntriesByName(n).length));
    expect(marks).toEqual([1, 1]);
    expect(errors).toEqual([]);
  });

  it('an error appears while typing and disappears when the table balances', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '5');
    await typeInto(page, 't3.granted.natural', '3');
    await finding(page, 'T3-BALANCE').first().waitFor();
    expect(await cellTd(page, 't3.new.natural').getAttribute('class')).toContain('is-error');
    expect(await cell(page, 't3.new.natural').getAttribute('aria-invalid')).toBe('true');
    expect(await cell(page, 't3.new.natural').getAttribute('title')).toContain('第一项加第二项之和，等于第三项加第四项之和');
    expect(await page.locator('[data-testid="count-error"]').textContent()).toMatch(/错误 [1-9]/);
    expect(await finding(page, 'T3-BALANCE').first().getAttribute('data-severity')).toBe('error');
    // the error is there after the first keystroke of the fix and gone after the second
    await cell(page, 't3.carried_out.natural').click();
    await page.keyboard.type('2');
    await page.waitForFunction(() => !document.querySelector('[data-testid="findings"] [data-code="T3-BALANCE"]'));
    expect(await cellTd(page, 't3.new.natural').getAttribute('class')).not.toContain('is-error');
    expect(await page.locator('[data-testid="count-error"]').textContent()).toContain('错误 0');
    // typing 22 breaks it again, before leaving the cell
    await page.keyboard.type('2');
    await finding(page, 'T3-BALANCE').first().waitFor();
  });

  it('clicking a finding puts the focus on its first cell', async () => {
    await fresh();
    await typeInto(page, 't4.suit_direct.upheld', '4');
    await page.locator('[data-testid="auto-totals"]').uncheck({ force: true });
    await typeInto(page, 't4.suit_direct.total', '9');
    await finding(page, 'T4-TOTAL').click();
    expect(await focusedCell(page)).toBe('t4.suit_direct.total');
    await findings(page).locator('[data-code="BLANK-CELLS"]').first().click();
    expect(await focusedCell(page)).toBe('t3.new.natural');
  });

  it('refuses bad input in place with a Chinese hint and keeps the previous value; empty is not 0', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '12');
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('x');
    // kept as typed and refused (editor-entry.test.ts has the whole-entry cases); the document keeps 12
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('x');
    expect(await cellTd(page, 't3.new.natural').locator('[role="alert"]').textContent()).toBe('只能填写数字（件数为非负整数）');
    expect(await cell(page, 't3.new.total').inputValue()).toBe('12');
    await page.keyboard.press('Escape');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('12');
    // full-width digits are normalised; money takes six decimals and no more
    await typeInto(page, 't3.carried_in.natural', '３');
    await page.waitForFunction(() => (document.querySelector('input[data-cell="t3.carried_in.natural"]') as HTMLInputElement).value === '3');
    await typeInto(page, 't2.fees.amount', '1.1234567', null);
    expect(await cellTd(page, 't2.fees.amount').locator('[role="alert"]').textContent()).toContain('6 位小数');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    expect(await cell(page, 't2.fees.amount').inputValue()).toBe('1.123456');
    // clearing a cell makes it blank again (not 0): the total of the row goes blank with it
    await cell(page, 't3.carried_in.natural').click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    expect(await cellValues(page, ['t3.carried_in.natural', 't3.carried_in.total'])).toEqual(['', '']);
  });

  it('moves like a spreadsheet: arrows, Tab/Shift+Tab, Enter down, typing replaces, Esc reverts', async () => {
    await fresh();
    await cell(page, 't3.granted.natural').click();
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell(page)).toBe('t3.granted.commercial');
    await page.keyboard.press('ArrowDown');
    expect(await focusedCell(page)).toBe('t3.partial.commercial');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedCell(page)).toBe('t3.partial.natural');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await focusedCell(page)).toBe('t3.withheld_secret.natural');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('8'); // replaces the 7
    expect(await cell(page, 't3.partial.natural').inputValue()).toBe('8');
    await page.keyboard.press('Escape');
    expect(await cell(page, 't3.partial.natural').inputValue()).toBe('7');
    await page.keyboard.press('Tab');
    expect(await focusedCell(page)).toBe('t3.partial.commercial');
  });

  it('undo and redo (Ctrl+Z / Ctrl+Y) step through document edits', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '10');
    await typeInto(page, 't3.new.commercial', '20');
    await typeInto(page, 't3.new.research', '30');
    expect(await cell(page, 't3.new.total').inputValue()).toBe('60');
    await page.keyboard.press('Control+Z');
    expect(await cellValues(page, ['t3.new.research', 't3.new.total'])).toEqual(['', '30']);
    await page.keyboard.press('Control+Z');
    expect(await cellValues(page, ['t3.new.commercial', 't3.new.total'])).toEqual(['', '10']);
    await page.keyboard.press('Control+Y');
    expect(await cellValues(page, ['t3.new.commercial', 't3.new.total'])).toEqual(['20', '30']);
    await page.keyboard.press('Control+Shift+Z');
    expect(await cellValues(page, ['t3.new.research', 't3.new.total'])).toEqual(['30', '60']);
    // an unfinished edit is committed before the undo, which then takes it back
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('99');
    await page.keyboard.press('Control+Z');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('10');
  });

  it('合计自动计算 on: totals computed and read-only; off: typed and checked by the sum rules', async () => {
    await fresh();
    await typeInto(page, 't3.withheld_secret.natural', '2');
    await typeInto(page, 't3.withheld_law.natural', '3');
    expect(await cell(page, 't3.withheld_secret.total').inputValue()).toBe('2');
    expect(await cell(page, 't3.total.natural').inputValue()).toBe('5');
    await cell(page, 't3.total.natural').click();
    await page.keyboard.type('9');
    expect(await cell(page, 't3.total.natural').inputValue()).toBe('5');
    expect(await cellTd(page, 't3.total.natural').locator('[role="alert"]').textContent()).toContain('合计自动计算');

    await page.locator('[data-testid="auto-totals"]').uncheck({ force: true });
    expect(await cell(page, 't3.total.natural').getAttribute('readonly')).toBeNull();
    await typeInto(page, 't3.total.natural', '9');
    await finding(page, 'T3-COL-TOTAL').first().waitFor();
    expect(await cellTd(page, 't3.total.natural').getAttribute('class')).toContain('is-error');

    await page.locator('[data-testid="auto-totals"]').check({ force: true });
    expect(await cell(page, 't3.total.natural').inputValue()).toBe('5');
    expect(await finding(page, 'T3-COL-TOTAL').count()).toBe(0);
  });

  it('keeps paragraphs of the narratives and counts characters', async () => {
    await fresh();
    const ta = page.locator('textarea[data-narrative="problems"]');
    await ta.click();
    await page.keyboard.type('第一段。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('第二段文字。');
    expect(await ta.inputValue()).toBe('第一段。\n第二段文字。');
    expect(await page.locator('[data-testid="count-problems"]').textContent()).toBe('10 字 · 2 段');
    expect(await finding(page, 'NARRATIVE-EMPTY').count()).toBe(2);
  });
});
