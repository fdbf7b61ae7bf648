/**
 * The 落款 in the editor (#13 items 4, 6): a Word file made by someone else, ending with a sign-off and a 抄送
 * line and with a 表二 row whose digits run together, opens with the 落款 in its fields (not in 六) and the
 * source text beside the blank cells in the import panel; the clerk fixes the row and the 落款 and exports.
 * Screenshots are left in test-results/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportFile } from '../../shared/import';
import { createReport } from '../../shared/report';
import { makeDocx, statutoryRows, type DocxBodyItem } from '../helpers/make-docx';
import { seedReport, SEED_FILES } from '../helpers/seeds';
import { seedNarratives } from '../unit/export-readers';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell, focusedCell } from './helpers/editor-page';

let editor: Editor;
const dir = mkdtempSync(join(tmpdir(), 'editor-sign-off-'));
const SHOTS = join(process.cwd(), 'test-results');
beforeAll(async () => {
  editor = await startEditor();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await editor?.close();
});

const SEED = SEED_FILES[0]!;

/** A stranger's Word file: the seed, 表二's 行政规范性文件 as one merged cell 「77132470」, a 落款 and 版记 at the end. */
const foreignDocx = (): Uint8Array => {
  const report = createReport({ ...seedReport(SEED), narratives: seedNarratives(SEED) });
  const t2 = statutoryRows('t2', report).map((row) =>
    row.cells[0]!.paras[0] === '行政规范性文件' ? { cells: [row.cells[0]!, { paras: ['77132470'], span: 3 }] } : row,
  );
  const body: DocxBodyItem[] = [
    { p: `${report.agency}${report.year}年政府信息公开工作年度报告` },
    { p: '一、总体情况' },
    ...report.narratives.overview.split('\n').map((p) => ({ p })),
  ];
  body.push({ p: '二、主动公开政府信息情况' }, { table: t2 }, { p: '三、收到和处理政府信息公开申请情况' }, { table: statutoryRows('t3', report) });
  body.push({ p: '四、政府信息公开行政复议、行政诉讼情况' }, { table: statutoryRows('t4', report) });
  body.push({ p: '五、存在的主要问题及改进情况' }, ...report.narratives.problems.split('\n').map((p) => ({ p })));
  body.push({ p: '六、其他需要报告的事项' }, ...report.narratives.other_matters.split('\n').map((p) => ({ p })));
  body.push({ p: '济源市人民政府办公室' }, { p: '2024年1月9日' }, { p: '抄送：市委办公室，市人大常委会办公室。' });
  return makeDocx(body);
};

describe('editor: 落款 and a row that could not be split', () => {
  it('opens the foreign Word file with the 落款 in its fields and the source text beside the blank cells; the clerk fills them and exports', async () => {
    const { page, context } = await openEditorPage(editor);
    const file = join(dir, '济源市2023年报（他人制作）.docx');
    writeFileSync(file, foreignDocx());
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-testid="open"]').click();
    await (await chooser).setFiles(file);
    const panel = page.locator('[data-testid="import-panel"]');
    await panel.waitFor();

    // the 落款 in its own fields, not in 六
    await expect.poll(() => page.locator('[data-field="signOff.agency"]').inputValue()).toBe('济源市人民政府办公室');
    expect(await page.locator('[data-field="signOff.date"]').inputValue()).toBe('2024年1月9日');
    const six = await page.locator('textarea[data-narrative="other_matters"]').inputValue();
    expect(six).not.toContain('2024年1月9日');
    expect(six).not.toContain('抄送');
    expect(await panel.textContent()).toContain('版记');

    // the row that could not be split: source text beside its three cells, each a way to its cell
    const row = panel.locator('[data-testid="source-beside"]');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('原文「77132470」');
    for (const id of ['t2.normative.issued', 't2.normative.repealed', 't2.normative.effective']) expect(await cell(page, id).inputValue()).toBe('');
    await page.locator('[data-testid="import-panel"]').screenshot({ path: join(SHOTS, 'import-sign-off-panel.png') });
    await page.screenshot({ path: join(SHOTS, 'import-sign-off.png') });

    await row.locator('button[data-target="t2.normative.issued"]').click();
    expect(await focusedCell(page)).toBe('t2.normative.issued');
    await page.keyboard.type('77');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2470');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.textContent()).toContain('＝2470');

    // the clerk corrects the 落款 date; the Word export carries it and reads back
    const date = page.locator('[data-field="signOff.date"]');
    await date.fill('2024年1月20日');
    await date.blur();
    await page.locator('[data-section="signOff"]').screenshot({ path: join(SHOTS, 'editor-sign-off-field.png') });
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="export-docx"]').click();
    // a confirmation comes only if something is still blank or wrong
    const ok = page.locator('[data-testid="confirm-export-ok"]');
    await ok.waitFor({ timeout: 1500 }).then(
      () => ok.click(),
      () => undefined,
    );
    const saved = join(dir, 'out.docx');
    await (await download).saveAs(saved);
    const back = await importReportFile('out.docx', new Uint8Array(readFileSync(saved)));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.report.signOff).toEqual({ agency: '济源市人民政府办公室', date: '2024年1月20日' });
      expect([back.report.cells['t2.normative.issued'], back.report.cells['t2.normative.repealed'], back.report.cells['t2.normative.effective']]).toEqual([
        77, 13, 2470,
      ]);
    }
    await context.close();
  });

  it('an empty 署名机关 does not look signed: its grey text is an example, and a date without it says what Word will print', async () => {
    const { page, context } = await openEditorPage(editor);
    await page.locator('[data-field="agency"]').fill('某某县人民政府办公室');
    const signer = page.locator('[data-field="signOff.agency"]');
    // the agency's bare name in the empty field read as filled in, and the Word file had no 署名机关
    expect(await signer.getAttribute('placeholder')).toBe('如：某某县人民政府办公室');
    const date = page.locator('[data-field="signOff.date"]');
    // the date's example is the January after the report's year
    await page.locator('[data-field="year"]').fill('2025');
    await page.locator('[data-field="year"]').blur();
    expect(await date.getAttribute('placeholder')).toBe('如：2026年1月20日');
    await date.fill('2026年1月20日');
    await date.blur();
    expect(await page.locator('[data-section="signOff"] .hint').textContent()).toBe('署名机关未填写：导出时落款只有成文日期');
    await signer.fill('某某县人民政府办公室');
    expect(await page.locator('[data-section="signOff"] .hint').count()).toBe(0);
    await context.close();
  });

  it('a README chosen by mistake is refused in a dialog and the report on screen stays as it was', async () => {
    const { page, context } = await openEditorPage(editor);
    await page.locator('[data-field="agency"]').fill('济源市人民政府');
    await cell(page, 't3.new.natural').click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    const file = join(dir, 'README.txt');
    writeFileSync(file, '# 使用说明\n\n一、安装\n\n双击安装程序即可。\n');
    // 「当前报告有未保存的修改…是否继续？」: yes — the file is refused anyway, and nothing is lost
    page.on('dialog', (d) => void d.accept());
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-testid="open"]').click();
    await (await chooser).setFiles(file);
    await expect.poll(() => page.locator('.dialog-message[role="alert"]').textContent()).toContain('这不是政府信息公开工作年度报告');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('12');
    expect(await page.locator('[data-field="agency"]').inputValue()).toBe('济源市人民政府');
    await context.close();
  });
});
