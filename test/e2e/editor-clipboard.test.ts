/** Blocks copied from Excel / WPS pasted into the tables, and blocks copied out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell, cellTd, cellValues, focusedCell, pasteText } from './helpers/editor-page';

let editor: Editor;
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const open = async () => {
  const opened = await openEditorPage(editor);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: editor.server.url });
  return opened;
};

describe('editor: paste and copy blocks', () => {
  it('pastes a 3×4 block at the focused cell, filling right and down, as one undo step', async () => {
    const { page, context } = await open();
    await cell(page, 't3.granted.commercial').click();
    await pasteText(page, '1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n');
    expect(await cellValues(page, ['t3.granted.commercial', 't3.granted.research', 't3.granted.nonprofit', 't3.granted.legal'])).toEqual(['1', '2', '3', '4']);
    expect(await cellValues(page, ['t3.partial.commercial', 't3.partial.legal'])).toEqual(['5', '8']);
    expect(await cellValues(page, ['t3.withheld_secret.commercial', 't3.withheld_secret.legal'])).toEqual(['9', '12']);
    // untouched neighbours stay blank; totals follow
    expect(await cellValues(page, ['t3.granted.natural', 't3.granted.other_org', 't3.withheld_law.commercial'])).toEqual(['', '', '']);
    expect(await cellValues(page, ['t3.granted.total', 't3.total.legal'])).toEqual(['10', '24']);
    expect(await focusedCell(page)).toBe('t3.granted.commercial');
    expect(await page.locator('td.is-selected').count()).toBe(12);
    await page.keyboard.press('Control+Z');
    expect(await cellValues(page, ['t3.granted.commercial', 't3.partial.legal', 't3.withheld_secret.legal'])).toEqual(['', '', '']);
    await page.keyboard.press('Control+Y');
    expect(await cellValues(page, ['t3.withheld_secret.legal'])).toEqual(['12']);
    await context.close();
  });

  it('refuses bad values one by one with a hint, keeping the others and the old value', async () => {
    const { page, context } = await open();
    await cell(page, 't3.partial.research').click();
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await cell(page, 't3.granted.natural').click();
    await pasteText(page, '1\t2\t3\n4\t５\t-6\n');
    expect(
      await cellValues(page, ['t3.granted.natural', 't3.granted.commercial', 't3.granted.research', 't3.partial.natural', 't3.partial.commercial']),
    ).toEqual(['1', '2', '3', '4', '5']);
    expect(await cell(page, 't3.partial.research').inputValue()).toBe('40');
    expect(await cellTd(page, 't3.partial.research').locator('[role="alert"]').textContent()).toContain('不能为负数');
    expect(await page.locator('[data-testid="status"]').textContent()).toContain('1 个未粘贴');
    await context.close();
  });

  it('a row copied from a sheet formatted with decimals or accounting dashes: 12.00 is 12, a dash is named as a dash', async () => {
    const { page, context } = await open();
    await cell(page, 't3.granted.commercial').click();
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await cell(page, 't3.granted.natural').click();
    // Excel copies what the cell shows: 「0.00」 number format gives 12.00, 会计专用 gives a dash for a zero
    await pasteText(page, '12.00\t-\t3.0\t0.00\r\n');
    expect(await cellValues(page, ['t3.granted.natural', 't3.granted.commercial', 't3.granted.research', 't3.granted.nonprofit'])).toEqual([
      '12',
      '8',
      '3',
      '0',
    ]);
    expect(await cell(page, 't3.granted.total').inputValue()).toBe('23');
    expect(await cellTd(page, 't3.granted.commercial').locator('[role="alert"]').textContent()).toBe('「-」不是数字：没有的请填 0，不知道的留空');
    expect(await page.locator('[data-testid="status"]').textContent()).toContain('1 个未粘贴');
    await context.close();
  });

  it('a block dragged over with the mouse is selected, as in a spreadsheet: Ctrl+C copies it, Delete clears it (only the first cell was)', async () => {
    const { page, context } = await open();
    await cell(page, 't3.granted.natural').click();
    await pasteText(page, '1\t2\t3\n4\t5\t6\n');
    await cell(page, 't3.granted.natural').hover();
    await page.mouse.down();
    await cell(page, 't3.granted.research').hover();
    await cell(page, 't3.partial.research').hover();
    await page.mouse.up();
    expect(await page.locator('td.is-selected').count()).toBe(6);
    expect(await focusedCell(page)).toBe('t3.granted.natural');
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('1\t2\t3\n4\t5\t6');
    await page.keyboard.press('Delete');
    expect(await cellValues(page, ['t3.granted.natural', 't3.granted.research', 't3.partial.natural', 't3.partial.research'])).toEqual(['', '', '', '']);
    // moving the mouse afterwards, the button up, selects nothing more
    await cell(page, 't3.withheld_secret.legal').hover();
    expect(await page.locator('td.is-selected').count()).toBe(6);
    await context.close();
  });

  it('copies a selected block out with tabs and newlines', async () => {
    const { page, context } = await open();
    await cell(page, 't4.review.upheld').click();
    await pasteText(page, '1\t2\t3\t4');
    await cell(page, 't4.review.upheld').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('1\t2\t3\t4\t10');
    // Delete clears the selected block (the computed total stays computed), one undo step
    await page.keyboard.press('Delete');
    expect(await cellValues(page, ['t4.review.upheld', 't4.review.pending', 't4.review.total'])).toEqual(['', '', '']);
    await page.keyboard.press('Control+Z');
    expect(await cellValues(page, ['t4.review.upheld', 't4.review.pending', 't4.review.total'])).toEqual(['1', '4', '10']);
    await context.close();
  });

  it('a whole table copied from Excel, totals included, pastes without a false alarm; a total that disagrees is named', async () => {
    const { page, context } = await open();
    // 一、本年新收 and 二、上年结转 as Excel copies them: the six columns and the 总计 the sheet computed
    await cell(page, 't3.new.natural').click();
    await pasteText(page, '10\t2\t0\t0\t3\t0\t15\r\n1\t0\t0\t0\t0\t0\t1\r\n');
    expect(await cellValues(page, ['t3.new.natural', 't3.new.legal', 't3.new.total', 't3.carried_in.total'])).toEqual(['10', '3', '15', '1']);
    expect(await page.locator('td.cell.is-flagged').count()).toBe(0);
    const status = page.locator('[data-testid="status"]');
    expect(await status.textContent()).toBe('已粘贴 12 个单元格，2 个总计与自动计算的结果一致');
    expect(await status.getAttribute('class')).not.toContain('error');
    // a sheet whose 总计 was typed by hand and is wrong: the computed total stays, the pasted one is shown as the slip it is
    await cell(page, 't3.granted.natural').click();
    await pasteText(page, '4\t1\t0\t0\t0\t0\t6\r\n');
    expect(await cell(page, 't3.granted.total').inputValue()).toBe('5');
    expect(await cellTd(page, 't3.granted.total').locator('[role="alert"]').textContent()).toContain('粘贴的总计 6 与各项之和 5 不符');
    expect(await status.textContent()).toContain('1 个未粘贴');
    await context.close();
  });

  it("表二 copied from last year's workbook with its labels and header lands by its numbers", async () => {
    const { page, context } = await open();
    await cell(page, 't2.rules.issued').click();
    await pasteText(page, '信息内容\t本年制发件数\t本年废止件数\t现行有效件数\r\n规章\t1\t0\t5\r\n行政规范性文件\t57\t22\t486\r\n');
    expect(await cellValues(page, ['t2.rules.issued', 't2.rules.repealed', 't2.rules.effective', 't2.normative.issued', 't2.normative.effective'])).toEqual([
      '1',
      '0',
      '5',
      '57',
      '486',
    ]);
    expect(await page.locator('td.cell.is-flagged').count()).toBe(0);
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('已粘贴 6 个单元格（已略去行标题 1 列、表头 1 行）');
    await context.close();
  });
});
