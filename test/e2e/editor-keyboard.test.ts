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
