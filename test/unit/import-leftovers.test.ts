/**
 * Imports that leave nothing behind (#13 item 4): a table's own labels found beside it never become a 表后说明;
 * a row whose digits run together is left blank with its source text beside the cells; a file with no
 * statutory table at all is refused instead of opening an empty report.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportBytes, openedForEditor } from '../../shared/app/open-report';
import { CELL_IDS } from '../../shared/format';
import type { CellId } from '../../shared/format/types';
import { tableLayout } from '../../shared/format/header-layout';
import { T3_COLUMNS } from '../../shared/format/table3';
import { importReportFile } from '../../shared/import';
import { createReport } from '../../shared/report';
import { type DocxBodyItem, type DocxRow, makeDocx, reportDocx, statutoryRows } from '../helpers/make-docx';
import { SEED_FILES, seedExpectation, seedReport, seedText } from '../helpers/seeds';
import { ensureCliBuilt, removeTempDirs, runCli, tempDir } from './cli-harness';
import { seedNarratives } from './export-readers';

beforeAll(ensureCliBuilt, 60_000);
afterAll(removeTempDirs);

const SEED = SEED_FILES[4]!;
const seed = () => createReport({ ...seedReport(SEED), narratives: seedNarratives(SEED) });
const read = async (name: string, bytes: Uint8Array) => {
  const r = await importReportFile(name, bytes);
  if (!r.ok) throw new Error(r.message);
  return r;
};

/** A foreign Word file whose tables are broken up the way people break them, with text between the parts. */
const brokenUpDocx = (between: { t2: (item: string) => string; t3: string }, extra: { t2Note?: string } = {}): Uint8Array => {
  const report = seed();
  const body: DocxBodyItem[] = [{ p: `${report.agency}${report.year}年政府信息公开工作年度报告` }];
  body.push({ p: '一、总体情况' }, ...report.narratives.overview.split('\n').map((p) => ({ p })));
  // 表二 as four tables, each 「第二十条第（…）项」 line pushed out of its table as a paragraph
  body.push({ p: '二、主动公开政府信息情况' });
  const t2 = statutoryRows('t2', report);
  const items = tableLayout('t2').rows.flatMap((cells, i) => (cells[0]!.kind === 'item' ? [{ i, text: cells[0]!.text }] : []));
  items.forEach(({ i, text }, k) => {
    body.push({ p: between.t2(text) }, { table: t2.slice(i + 1, items[k + 1]?.i ?? t2.length) });
  });
  if (extra.t2Note) body.push({ p: extra.t2Note });
  // 表三 in two tables, the merged labels of the rows at the cut written between them
  body.push({ p: '三、收到和处理政府信息公开申请情况' });
  const t3 = statutoryRows('t3', report);
  const cut = tableLayout('t3').headerRows + 10;
  body.push({ table: t3.slice(0, cut) }, { p: between.t3 }, { table: t3.slice(cut) as DocxRow[] });
  body.push({ p: '四、政府信息公开行政复议、行政诉讼情况' }, { table: statutoryRows('t4', report) });
  body.push({ p: '五、存在的主要问题及改进情况' }, ...report.narratives.problems.split('\n').map((p) => ({ p })));
  body.push({ p: '六、其他需要报告的事项' }, ...report.narratives.other_matters.split('\n').map((p) => ({ p })));
  return makeDocx(body);
};

describe('a table’s own labels beside it are not a 表后说明', () => {
  it('「第二十条第（一）项」 lines between the parts of 表二 and 「三、本年度办理结果（三）不予公开…」 between the parts of 表三', async () => {
    const r = await read('他人.docx', brokenUpDocx({ t2: (item) => item, t3: '三、本年度办理结果　（三）不予公开　3.危及“三安全一稳定”' }));
    expect(r.report.tableTexts).toEqual({ t2: '', t3: '', t4: '' });
    const e = seedExpectation(SEED);
    for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual((e.cells as Record<string, unknown>)[id]);
    expect(r.notes.find((n) => n.message.includes('栏目名称'))?.level).toBe('info');
  });

  it('the table names (「表二 主动公开政府信息情况」) are labels too; a real note stays a note', async () => {
    const note = '注：本表数据统计截至2023年12月31日。';
    const r = await read('他人.docx', brokenUpDocx({ t2: (item) => `表二 主动公开政府信息情况 ${item}`, t3: '（四）无法提供' }, { t2Note: note }));
    expect(r.report.tableTexts).toEqual({ t2: note, t3: '', t4: '' });
  });
});

describe('digits run together in the source', () => {
  /** 表二 with the three cells of 行政规范性文件 written as one merged cell 「77132470」. */
  const runTogether = (): Uint8Array => {
    const report = seed();
    const rows = statutoryRows('t2', report).map((row) =>
      row.cells[0]!.paras[0] === '行政规范性文件' ? { cells: [row.cells[0]!, { paras: ['77132470'], span: 3 }] } : row,
    );
    const body: DocxBodyItem[] = [
      { p: `${report.agency}${report.year}年政府信息公开工作年度报告` },
      { p: '一、总体情况' },
      { p: '二、主动公开政府信息情况' },
      { table: rows },
    ];
    body.push(
      { p: '三、收到和处理政府信息公开申请情况' },
      { table: statutoryRows('t3', report) },
      { p: '四、政府信息公开行政复议、行政诉讼情况' },
      { table: statutoryRows('t4', report) },
    );
    return makeDocx(body);
  };
  const ids: CellId[] = ['t2.normative.issued', 't2.normative.repealed', 't2.normative.effective'];

  it('leaves the three cells blank, names the row, and keeps the source text with the cells (no guess)', async () => {
    const r = await read('他人.docx', runTogether());
    for (const id of ids) expect(r.report.cells[id], id).toBeNull();
    const n = r.notes.find((x) => x.source !== undefined)!;
    expect(n.level).toBe('warning');
    expect(n.message).toContain('「行政规范性文件」');
    expect(n.message).toContain('77132470');
    expect(n.cells).toEqual(ids);
    expect(n.source).toBe('77132470');
  });

  it('the editor gets the source text beside the cells (the import panel draws it)', async () => {
    const opened = await openReportBytes('他人.docx', runTogether(), importReportFile);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(openedForEditor('他人.docx', opened).sourceTexts).toEqual([{ table: 't2', source: '77132470', cells: ids }]);
  });

  it('the same from text copied from a page: 「行政规范性文件 131651457」', async () => {
    const text = seedText('2023_xuchang-city.txt').replace('行政规范性文件\t131\t65\t1457', '行政规范性文件\t131651457');
    const r = await read('a.txt', new TextEncoder().encode(text));
    for (const id of ids) expect(r.report.cells[id], id).toBeNull();
    expect(r.notes.find((x) => x.source === '131651457')?.cells).toEqual(ids);
  });

  it('a row of 表三 whose seven numbers ran together: seven cells blank, the row named, no other warning about it', async () => {
    const text = seedText('2023_xuchang-city.txt').replace('(一) 予以公开\t489\t0\t0\t0\t0\t0\t489', '(一) 予以公开\t48900000489');
    const r = await read('a.txt', new TextEncoder().encode(text));
    const row = T3_COLUMNS.map((c) => `t3.granted.${c.id}` as CellId);
    for (const id of row) expect(r.report.cells[id], id).toBeNull();
    const n = r.notes.find((x) => x.source === '48900000489')!;
    expect(n.message).toMatch(/^表三「.*予以公开」一行的数字在原文件中连在一起/);
    expect(n.cells).toEqual(row);
    expect(r.notes.filter((x) => x.message.includes('予以公开」一行'))).toHaveLength(1);
  });
});

describe('a file with no statutory table is not a report', () => {
  const README = '# disclosure-report\n\n一、总体情况\n\n本程序用于编写年度报告。安装：npm install。\n\n二、使用方法\n\n打开文件即可。\n';
  const LETTER = makeDocx([
    { p: '关于报送2023年政府信息公开工作年度报告的函' },
    { p: '市政府办公室：' },
    { p: '现将我局2023年政府信息公开工作年度报告报送你们，请审阅。' },
    { p: '济源市教育局' },
    { p: '2024年1月9日' },
  ]);
  const PAGE =
    '<!doctype html><html><head><title>通知公告</title></head><body><h1>关于开展春季植树活动的通知</h1><p>各单位：定于3月12日开展植树活动。</p><table><tr><td>地点</td><td>时间</td></tr><tr><td>北山</td><td>9:00</td></tr></table></body></html>';

  it('a README, a letter in Word, a web page about something else: refused in Chinese', async () => {
    for (const [name, bytes] of [
      ['README.txt', new TextEncoder().encode(README)],
      ['报送函.docx', LETTER],
      ['通知.html', new TextEncoder().encode(PAGE)],
      // a row label of 表三 in a sentence, no number under it: the project's own README.md once opened as a report
      [
        'README.md',
        new TextEncoder().encode("| **检查 Checks** | 表三 25 row totals, 7 column totals (（七）总计); cross-year (上年结转 = last year's 结转下年度) |\n"),
      ],
    ] as const) {
      const r = await importReportFile(name, bytes);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.message, name).toMatch(/^这不是政府信息公开工作年度报告：文件中没有表二、表三、表四任何一张统计表/);
    }
  });

  it('a published report whose tables are pictures still opens (its six headings are there), with the tables reported missing', async () => {
    const report = seed();
    const text = [
      '一、总体情况',
      report.narratives.overview,
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      report.narratives.problems,
      '六、其他需要报告的事项',
      report.narratives.other_matters,
    ].join('\n');
    const r = await importReportFile('无表.txt', new TextEncoder().encode(`${report.agency}2023年政府信息公开工作年度报告\n${text}`));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.notes.filter((n) => n.level === 'error').map((n) => n.table)).toEqual(['t2', 't3', 't4']);
  });

  it('CLI: validate says unreadable and exits 2', () => {
    const dir = tempDir('not-report');
    writeFileSync(join(dir, 'README.txt'), README);
    const r = runCli(['validate', join(dir, 'README.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('无法读取：这不是政府信息公开工作年度报告');
  });
});

describe('a foreign file with a sign-off, end to end', () => {
  it('六 keeps its text, the 落款 goes to its field', async () => {
    const r = await read('他人.docx', reportDocx(seed(), { ending: ['济源市人民政府', '2024年1月9日', '抄送：市委办公室。'] }));
    expect(r.report.signOff).toEqual({ agency: '济源市人民政府', date: '2024年1月9日' });
    expect(r.report.narratives.other_matters).toBe(seed().narratives.other_matters);
  });
});
