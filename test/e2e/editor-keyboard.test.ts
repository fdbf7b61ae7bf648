/**
 * A clerk who works with the keyboard: closing a dialog puts the focus back where the clerk was; Ctrl+Z in a text
 * takes back the last sentence typed, not everything typed since the text was entered.
 */
import { describe, expect, it } from 'vitest';
import { editorSession } from './helpers/session';
import { cell, focusedCell } from './helpers/editor-page';

const session = editorSession({ width: 1280, height: 720 });
const focused = () => session.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid'] ?? document.activeElement?.tagName);

describe('editor: dialogs and the keyboard', () => {
  it('F1 in a cell, then Esc: the focus is back in that cell, so typing goes on where it was', async () => {
    const page = await session.fresh();
    await cell(page, 't3.granted.natural').click();
    await page.keyboard.press('F1');
    await page.locator('[data-testid="help-dialog"]').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="help-dialog"]').count()).toBe(0);
    expect(await focusedCell(page)).toBe('t3.granted.natural');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await cell(page, 't3.granted.natural').inputValue()).toBe('7');
    expect(session.errors).toEqual([]);
  });

  it('the help (F1) names the keys for saving, opening and clearing, not only those for moving', async () => {
    const page = await session.fresh();
    await page.keyboard.press('F1');
    const keys = await page.locator('[data-testid="help-dialog"] th').allTextContents();
    for (const k of ['Delete', 'Ctrl+S / Ctrl+Shift+S', 'Ctrl+O', 'Enter / Shift+Enter']) expect(keys).toContain(k);
  });

  it('the export check opened from the Word button with Enter and closed with Esc leaves the focus on the button', async () => {
    const page = await session.fresh();
    await page.locator('[data-testid="export-docx"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="confirm-export"]').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="confirm-export"]').count()).toBe(0);
    expect(await focused()).toBe('export-docx');
    // 「返回修改」 goes to the first problem instead: that is where the focus goes, not back to the button
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="confirm-export-back"]').waitFor();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['field'])).toBe('agency');
  });
});

describe('editor: undo while writing the text', () => {
  it('Ctrl+Z takes back what was typed since the last 。，； or new line; Ctrl+Y brings it back', async () => {
    const page = await session.fresh();
    const text = page.locator('textarea').first();
    await text.click();
    await page.keyboard.type('第一段文字，已经写了很多内容。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('第二段写错了一个字');
    await page.keyboard.press('Control+Z');
    // the whole text vanished with one Ctrl+Z: an hour's writing gone to take back a slip
    expect(await text.inputValue()).toBe('第一段文字，已经写了很多内容。\n');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    expect(await text.inputValue()).toBe('第一段文字，');
    await page.keyboard.press('Control+Y');
    await page.keyboard.press('Control+Y');
    await page.keyboard.press('Control+Y');
    expect(await text.inputValue()).toBe('第一段文字，已经写了很多内容。\n第二段写错了一个字');
    // a cell's entry stays one step, however it was typed
    await cell(page, 't2.rules.issued').click();
    await page.keyboard.type('1,234');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Z');
    expect(await cell(page, 't2.rules.issued').inputValue()).toBe('');
    expect(session.errors).toEqual([]);
  });
});

describe('editor: typing a row past the computed totals', () => {
  it('Tab, Shift+Tab and Enter pass over the read-only 总计 while 合计自动计算 is on; arrows still reach them', async () => {
    const page = await session.fresh();
    await cell(page, 't3.new.other_org').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    // 三、本年新收 ends in its computed 总计: the next entry is the first cell of the next row
    expect(await focusedCell(page)).toBe('t3.carried_in.natural');
    expect(await cell(page, 't3.new.other_org').inputValue()).toBe('3');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedCell(page)).toBe('t3.new.other_org');
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell(page)).toBe('t3.new.total');
    // Enter down the column passes over the （七）总计 row
    await cell(page, 't3.other_other.natural').click();
    await page.keyboard.press('Enter');
    expect(await focusedCell(page)).toBe('t3.carried_out.natural');
    await page.keyboard.press('Shift+Enter');
    expect(await focusedCell(page)).toBe('t3.other_other.natural');
    await page.keyboard.press('ArrowDown');
    expect(await focusedCell(page)).toBe('t3.total.natural');
    // 表四: from 行政复议's last count to 行政诉讼's first
    await cell(page, 't4.review.pending').click();
    await page.keyboard.press('Tab');
    expect(await focusedCell(page)).toBe('t4.suit_direct.upheld');
    // with the switch off the totals are the clerk's to type, and Tab stops on them again
    await page.locator('[data-testid="auto-totals"]').uncheck({ force: true });
    await cell(page, 't3.new.other_org').click();
    await page.keyboard.press('Tab');
    expect(await focusedCell(page)).toBe('t3.new.total');
    expect(session.errors).toEqual([]);
  });
});

describe('editor: 撤销 and 重做 only when there is something to take back', () => {
  it('both disabled on a new report; 撤销 once a cell is typed (even before it is confirmed); 重做 after an undo', async () => {
    const page = await session.fresh();
    const undo = page.locator('[data-testid="undo"]');
    const redo = page.locator('[data-testid="redo"]');
    expect(await undo.isDisabled()).toBe(true);
    expect(await redo.isDisabled()).toBe(true);
    // Ctrl+Z with nothing to take back changes nothing, as the disabled button says
    await page.keyboard.press('Control+Z');
    expect(await undo.isDisabled()).toBe(true);
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('5');
    expect(await undo.isDisabled()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await undo.isDisabled()).toBe(false);
    expect(await redo.isDisabled()).toBe(true);
    await undo.click();
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('');
    expect(await undo.isDisabled()).toBe(true);
    expect(await redo.isDisabled()).toBe(false);
    await page.keyboard.press('Control+Y');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('5');
    expect(await undo.isDisabled()).toBe(false);
    expect(await redo.isDisabled()).toBe(true);
    expect(session.errors).toEqual([]);
  });
});
