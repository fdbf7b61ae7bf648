/**
 * A cell's entry is checked as a whole, as Excel's data validation does: what the clerk types is kept as
 * typed, and a refused entry never becomes a different number nor reaches the document.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorSession } from './helpers/session';
import { cell, cellTd, focusedCell, typeInto } from './helpers/editor-page';

const session = editorSession();
let page: Page;
let errors: string[];

const fresh = async () => {
  page = await session.fresh();
  errors = session.errors;
};

const hint = (id: string) => cellTd(page, id).locator('[role="alert"]');
/** The value the document holds (the row's computed total follows it), not what the input shows. */
const total = (row: string) => cell(page, `t3.${row}.total`).inputValue();

describe('editor: a refused entry never changes the number', () => {
  for (const [typed, message] of [
    ['-5', '件数不能为负数'],
    ['3.5', '件数应为整数'],
    ['1e5', '只能填写数字（件数为非负整数）'],
    ['a7', '只能填写数字（件数为非负整数）'],
    // a lone dash is not a minus sign (it was refused as 「件数不能为负数」, which the clerk never typed)
    ['-', '不是数字：没有的请填 0，不知道的留空'],
  ] as const) {
    it(`12, then 「${typed}」 typed over it: refused on Enter, the cell stays in edit showing it, Esc gives back 12`, async () => {
      await fresh();
      await typeInto(page, 't3.new.natural', '12');
      await cell(page, 't3.new.natural').click();
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      // never 125, 35, 15 or 127: the text stays as typed, marked as an error, and the cell keeps the focus
      expect(await cell(page, 't3.new.natural').inputValue()).toBe(typed);
      expect(await focusedCell(page)).toBe('t3.new.natural');
      expect(await cell(page, 't3.new.natural').getAttribute('aria-invalid')).toBe('true');
      expect(await cellTd(page, 't3.new.natural').getAttribute('class')).toContain('is-refused');
      expect(await hint('t3.new.natural').textContent()).toBe(message);
      // the document still holds 12 (the total of the row follows the document)
      expect(await total('new')).toBe('12');
      await page.keyboard.press('Tab');
      expect(await focusedCell(page)).toBe('t3.new.natural');
      if (typed === '-5') await page.screenshot({ path: 'test-results/cell-refused.png', clip: { x: 0, y: 0, width: 1366, height: 768 } });
      await page.keyboard.press('Escape');
      expect(await cell(page, 't3.new.natural').inputValue()).toBe('12');
      expect(await hint('t3.new.natural').count()).toBe(0);
      expect(await cellTd(page, 't3.new.natural').getAttribute('class')).not.toContain('is-refused');
      expect(errors).toEqual([]);
    });
  }

  it('a refused entry corrected in place is taken; leaving the cell with a refused entry keeps the old value', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '12');
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    // the refused text is selected: typing replaces it
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('7');
    expect(await focusedCell(page)).toBe('t3.carried_in.natural');
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('x');
    await cell(page, 't3.carried_in.natural').click();
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('7');
    expect(await total('new')).toBe('7');
    expect(await hint('t3.new.natural').textContent()).toContain('已恢复原值');
  });

  it('in a 万元 cell holding 1.5, 「-2」 and 「2.1234567」 are refused whole', async () => {
    await fresh();
    await typeInto(page, 't2.fees.amount', '1.5');
    for (const [typed, message] of [
      ['-2', '金额不能为负数'],
      ['2.1234567', '金额（万元）最多 6 位小数（精确到分）'],
    ] as const) {
      await cell(page, 't2.fees.amount').click();
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      expect(await cell(page, 't2.fees.amount').inputValue()).toBe(typed);
      expect(await hint('t2.fees.amount').textContent()).toBe(message);
      await page.keyboard.press('Escape');
      expect(await cell(page, 't2.fees.amount').inputValue()).toBe('1.5');
    }
  });

  it('full-width digits and thousands separators are still normalised', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '１，２３４');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('1234');
    await typeInto(page, 't2.fees.amount', '1,234.５');
    expect(await cell(page, 't2.fees.amount').inputValue()).toBe('1234.5');
  });
});

describe("editor: Excel's cell habits", () => {
  it('a click selects the whole value, also a second click on the focused cell', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '40');
    await cell(page, 't3.new.natural').click();
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('7');
  });

  it('F2 and a double click edit inside the text', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '40');
    await cell(page, 't3.new.natural').click();
    await page.keyboard.press('F2');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('401');
    await cell(page, 't3.new.natural').dblclick();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('4012');
  });

  it('Enter in the 收费 cell moves on like the other cells', async () => {
    await fresh();
    await typeInto(page, 't2.fees.amount', '3');
    expect(await focusedCell(page)).not.toBe('t2.fees.amount');
    expect(await focusedCell(page)).toBe('t3.new.natural');
  });
});

describe('editor: implausible values', () => {
  it('a 15-digit count is a warning naming the cell, and the whole value is shown in the tooltip', async () => {
    await fresh();
    await typeInto(page, 't3.new.natural', '123456789012345');
    const f = page.locator('[data-testid="findings"] [data-code="VALUE-IMPLAUSIBLE"]');
    await f.waitFor();
    expect(await f.textContent()).toContain('请核对是否多输入了数字');
    expect(await cell(page, 't3.new.natural').getAttribute('title')).toContain('123456789012345');
  });
});
