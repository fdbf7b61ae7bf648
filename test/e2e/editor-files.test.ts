/** Opening, saving, importing and exporting through the browser ReportApi of the web build. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseReport } from '../../shared/report/document';
import { restore } from '../../shared/report/restore';
import { seedExpectation, seedReport, seedText } from '../helpers/seeds';
import { REPO, openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell, cellTd, finding, typeInto } from './helpers/editor-page';

const SEED = '2023_jiyuan-city.txt';
let editor: Editor;
const dir = mkdtempSync(join(tmpdir(), 'editor-files-'));
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const openFile = async (page: Page, button: 'open' | 'template', file: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.locator(button === 'open' ? '[data-testid="open"]' : 'button:has-text("以上年报告为模板")').click();
  await (await chooser).setFiles(file);
};

const seedFile = (name: string) => {
  const file = join(dir, name);
  writeFileSync(file, serialiseReport(seedReport(SEED)));
  return file;
};

describe('editor: files through the browser ReportApi', () => {
  it('opens our file, keeps its 合计自动计算 setting, and saves it back exactly (download)', async () => {
    const { page, context } = await openEditorPage(editor);
    await openFile(page, 'open', seedFile('jiyuan.gkreport'));
    const exp = seedExpectation(SEED);
    await page.waitForFunction((a) => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value === a, exp.agency);
    expect(await page.locator('[data-testid="auto-totals"]').isChecked()).toBe(false);
    expect(await cell(page, 't3.new.total').inputValue()).toBe(String(exp.cells['t3.new.total']));
    expect(await page.locator('[data-testid="file-name"]').textContent()).toBe('jiyuan.gkreport');
    await typeInto(page, 't2.penalty.decisions', '4321');
    expect(await page.locator('[data-testid="file-name"]').textContent()).toContain('●');
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="save"]').click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('jiyuan.gkreport');
    const saved = restore(readFileSync((await d.path())!, 'utf8'));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.report.cells).toEqual({ ...seedReport(SEED).cells, 't2.penalty.decisions': 4321 });
    expect(await page.locator('[data-testid="file-name"]').textContent()).toBe('jiyuan.gkreport');
    await context.close();
  });

  it('reads the pasted text of a published report and shows what was read', async () => {
    const { page, context } = await openEditorPage(editor);
    await page.locator('[data-testid="paste-text"]').click();
    await page.locator('[data-testid="paste-text-area"]').fill(seedText(SEED));
    await page.locator('[data-testid="paste-text-ok"]').click();
    await page.locator('[data-testid="import-panel"]').waitFor();
    const exp = seedExpectation(SEED);
    for (const id of ['t3.new.natural', 't3.total.total', 't4.review.total', 't2.normative.effective'])
      expect(await cell(page, id).inputValue()).toBe(String(exp.cells[id as keyof typeof exp.cells]));
    expect(await page.locator('[data-testid="import-panel"]').textContent()).toContain('表三 收到和处理政府信息公开申请情况：已有数值 175 / 175');
    expect(await page.locator('textarea[data-narrative="overview"]').inputValue()).not.toBe('');
    // a narrative finding goes to its sentence: the textarea gets the focus with the sentence selected
    const narr = page.locator('[data-testid="findings"] [data-code="NARR-NEW"]');
    expect(await narr.getAttribute('data-severity')).toBe('warning');
    await narr.click();
    const sel = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement;
      return { which: el.dataset['narrative'], text: el.value.slice(el.selectionStart, el.selectionEnd) };
    });
    expect(sel.which).toBe('overview');
    expect(sel.text).toContain('全年共受理政府信息公开申请 261 件');
    // and the sentence is marked in the text itself
    expect(await page.locator('[data-section="overview"] .narr-backdrop mark.sev-warning').first().textContent()).toContain(
      '全年共受理政府信息公开申请 261 件',
    );
    await context.close();
  });

  it('opens a foreign file (.txt) through the importers, with the import panel', async () => {
    const { page, context } = await openEditorPage(editor);
    const file = join(dir, 'jiyuan.txt');
    writeFileSync(file, seedText(SEED));
    await openFile(page, 'open', file);
    await page.locator('[data-testid="import-panel"]').waitFor();
    expect(await page.locator('[data-testid="import-panel"]').textContent()).toContain('读取外来文件');
    expect(await cell(page, 't3.new.total').inputValue()).toBe(String(seedExpectation(SEED).cells['t3.new.total']));
    await context.close();
  });

  it('汇总多个报告: sums the chosen reports cell by cell into a new draft, listing sources and unreadable files', async () => {
    const { page, context } = await openEditorPage(editor);
    const files = ['2023_xinxiang-city-office.txt', '2023_xuchang-city.txt'].map((f) => {
      const file = join(dir, f);
      writeFileSync(file, seedText(f));
      return file;
    });
    const broken = join(dir, '损坏.docx');
    writeFileSync(broken, 'not a zip at all');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-testid="consolidate"]').click();
    await (await chooser).setFiles([...files, broken]);
    const panel = page.locator('[data-testid="import-panel"]');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('汇总多个报告');
    expect(text).toContain('已逐格汇总 2 份报告');
    expect(text).toContain('未能读取，未计入汇总：损坏.docx');
    const a = seedExpectation('2023_xinxiang-city-office.txt').cells;
    const b = seedExpectation('2023_xuchang-city.txt').cells;
    for (const id of ['t3.new.total', 't3.carried_out.natural', 't4.review.total', 't2.normative.effective'] as const)
      expect(await cell(page, id).inputValue(), id).toBe(String(a[id] + b[id]));
    expect(await cell(page, 't2.fees.amount').inputValue()).toBe('47129.1895');
    expect(await page.locator('[data-field="agency"]').inputValue()).toBe('');
    await context.close();
  });

  it('makes this year’s draft from last year’s file, showing last year’s value and the change beside each cell', async () => {
    const { page, context } = await openEditorPage(editor);
    await openFile(page, 'template', seedFile('jiyuan-2023.gkreport'));
    await page.locator('[data-testid="import-panel"]').waitFor();
    const exp = seedExpectation(SEED);
    expect(await page.locator('[data-field="year"]').inputValue()).toBe(String(exp.year + 1));
    expect(await cell(page, 't3.carried_in.natural').inputValue()).toBe(String(exp.cells['t3.carried_out.natural']));
    const prev = cellTd(page, 't3.new.natural').locator('.prev');
    expect(await prev.textContent()).toBe(`上年${exp.cells['t3.new.natural']}`);
    await typeInto(page, 't3.new.natural', String(exp.cells['t3.new.natural'] + 3));
    expect(await prev.textContent()).toBe(`上年${exp.cells['t3.new.natural']} +3`);
    await context.close();
  });

  it('names last year’s report by what was read of it: agency and year, or that neither was found (it said 「上年报告： （…）」)', async () => {
    const { page, context } = await openEditorPage(editor);
    await openFile(page, 'template', seedFile('jiyuan-2023.gkreport'));
    await page.locator('[data-testid="import-panel"]').waitFor();
    const note = page.locator('.baseline-note');
    expect(await note.textContent()).toBe('上年报告：济源市人民政府 2023（单元格下方灰字为上年数值及变化）');
    // text copied from a PDF without its title: no agency, no year (the unsaved draft may go)
    page.on('dialog', (d) => void d.accept());
    await openFile(page, 'template', join(REPO, 'test/fixtures/import/2023_xuchang-city.pdftotext-raw.txt'));
    await page.waitForFunction(() => document.querySelector('.baseline-note')?.textContent?.includes('未读出'));
    expect(await note.textContent()).toBe('上年报告：未读出机关名称和年度（单元格下方灰字为上年数值及变化）');
    await context.close();
  });

  it('exports with errors only after a dialog listing them (a draft may still be exported)', async () => {
    const { page, context } = await openEditorPage(editor);
    await page.locator('[data-testid="auto-totals"]').uncheck({ force: true });
    await typeInto(page, 't3.new.natural', '3');
    await typeInto(page, 't3.new.total', '4');
    await finding(page, 'T3-ROW-TOTAL').waitFor();
    await page.locator('[data-testid="export-html"]').click();
    const dialog = page.locator('[data-testid="confirm-export"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-code="T3-ROW-TOTAL"]').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="confirm-export-ok"]').click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await d.path())!, 'utf8');
    expect(html).toContain('收到和处理政府信息公开申请情况');
    expect(await page.locator('[data-testid="status"]').textContent()).toContain('仅作草稿');
    await context.close();
  });

  it('writes no standard sentence from blank tables (「收到 0 件」「未发生…复议和诉讼」 would be claims), and says why', async () => {
    const { page, context } = await openEditorPage(editor);
    await typeInto(page, 't3.new.natural', '3');
    await page.locator('[data-testid="insert-standard"]').click();
    expect(await page.locator('textarea[data-narrative="overview"]').inputValue()).toBe('');
    expect(await page.locator('[data-testid="status"]').textContent()).toContain('表三、表四的总计尚有空白（空白不是 0）');
    await context.close();
  });

  it('inserts the standard sentences at the cursor in 一、总体情况', async () => {
    const { page, context } = await openEditorPage(editor);
    await openFile(page, 'open', seedFile('jiyuan2.gkreport'));
    await page.waitForFunction(() => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value !== '');
    const ta = page.locator('textarea[data-narrative="overview"]');
    await ta.fill('开头。结尾。');
    await ta.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await page.locator('[data-testid="insert-standard"]').click();
    await page.waitForFunction(() => (document.querySelector('textarea[data-narrative="overview"]') as HTMLTextAreaElement).value.length > 6);
    const text = await ta.inputValue();
    expect(text.startsWith('开头。')).toBe(true);
    expect(text.endsWith('结尾。')).toBe(true);
    expect(text).toContain(String(seedExpectation(SEED).cells['t3.new.total']));
    await context.close();
  });
});
