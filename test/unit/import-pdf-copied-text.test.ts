import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importText } from '../../shared/import/text';
import { seedExpectation, seedText } from '../helpers/seeds';

/**
 * The text a PDF reader copies (test/fixtures/import/README.md says how each file was made): read exactly, or the
 * cells it cannot place are left blank and named, never filled with a wrong number.
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const wrongCells = (text: string, seed: string) => {
  const r = importText(text);
  if (!r.ok) throw new Error(r.message);
  const want = seedExpectation(seed).cells as Record<string, unknown>;
  return { r, wrong: CELL_IDS.filter((id) => r.report.cells[id] !== want[id]) };
};

describe('pdftotext -layout text of a Word file LibreOffice wrote itself', () => {
  it('a group label centred beside a row (「无法提」 on the numbers line) does not take the numbers of the row waiting', () => {
    const { r, wrong } = wrongCells(fixture('libreoffice-xiuwu-county.pdftotext-layout.txt'), '2023_xiuwu-county.txt');
    expect(wrong).toEqual([]);
    expect(r.notes.filter((n) => n.table && n.level !== 'info')).toEqual([]);
  });
});

describe('pdftotext default (non-layout) text: numbers apart from their labels, read in the table order when the table confirms it', () => {
  it('our Word export laid out by LibreOffice: one cell per line, 「（七）总计」 and 「四、结转…」 after their numbers — all 200 cells', () => {
    const { r, wrong } = wrongCells(fixture('2023_xuchang-city.word-export.pdftotext-raw.txt'), '2023_xuchang-city.txt');
    expect(wrong).toEqual([]);
    expect(r.report.agency).toBe(seedExpectation('2023_xuchang-city.txt').agency);
    expect(r.report.year).toBe(2023);
    expect(r.notes.filter((n) => n.table && n.level !== 'info')).toEqual([]);
    // said, not silent: the clerk learns the numbers were placed by the table's order and checked by its identities
    expect(r.notes.find((n) => n.table === 't3')?.message).toContain('按表格的行列顺序读取');
    expect(r.report.narratives.problems.length).toBeGreaterThan(20);
  });

  it('a table whose identities do not hold in that order is not read by order: the rows stay unread and are named', () => {
    // one number of 「1.属于国家秘密」 changed: the row total breaks, so the order cannot be confirmed
    const text = fixture('2023_xuchang-city.word-export.pdftotext-raw.txt').replace(/(1\.属于国家秘密\n\n)3\n/, '$14\n');
    const { r, wrong } = wrongCells(text, '2023_xuchang-city.txt');
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.filter((id) => r.report.cells[id] !== null && !id.startsWith('t3.withheld_secret.'))).toEqual([]);
    const named = r.notes.filter((n) => n.table === 't3' && n.level === 'warning').map((n) => n.message);
    expect(named.some((m) => m.includes('（七）总计'))).toBe(true);
    expect(r.notes.some((n) => n.message.includes('按表格的行列顺序读取'))).toBe(false);
  });

  it('a hand-made awkward PDF (group labels one character a line, runs of labels then runs of numbers, page numbers inside 表三)', () => {
    const { r, wrong } = wrongCells(fixture('2023_jiyuan-city.awkward.pdftotext-raw.txt'), '2023_jiyuan-city.txt');
    // 表二 and 表三 exactly; 表四's groups come interleaved so that two placements fit every group total: its 15
    // numbers are listed in a warning and its cells left blank, never filled by a guess
    expect(wrong.filter((id) => !id.startsWith('t4.'))).toEqual([]);
    expect(wrong.filter((id) => r.report.cells[id] !== null)).toEqual([]);
    const t4 = r.notes.filter((n) => n.table === 't4' && n.level !== 'info');
    expect(t4.length).toBe(1);
    expect(t4[0]!.message).toMatch(/^表四的 15 个数字在复制的文本中顺序与表格不同（依次为 [\d、]+），有不止一种排法都符合各组总计/);
    expect(r.notes.filter((n) => (n.table === 't2' || n.table === 't3') && n.level !== 'info')).toEqual([]);
  });

  it("表四 copied in column blocks (each group's parts, then the totals) is dealt back to its groups by the totals", () => {
    const base = fixture('2023_xuchang-city.word-export.pdftotext-raw.txt');
    const t4At = base.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const end = base.indexOf('五、存在的主要问题');
    const want = seedExpectation('2023_xuchang-city.txt').cells as Record<string, unknown>;
    const g = (id: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => want[`t4.${id}.${c}`] as number);
    const [a, b, c] = [g('review'), g('suit_direct'), g('suit_after_review')];
    // the order of the real 许昌 PDF's copied text: 行政复议's four parts, both suit groups whole, then 行政复议's total
    const copied = [...a.slice(0, 4), ...b, ...c, a[4]!];
    const text = `${base.slice(0, t4At)}四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n${copied.join('\n')}\n${base.slice(end)}`;
    const { r, wrong } = wrongCells(text, '2023_xuchang-city.txt');
    expect(wrong).toEqual([]);
    expect(r.notes.find((n) => n.table === 't4')?.message).toContain('请对照原文件核对');
  });
});

describe('our web page printed by Chromium, pdftotext default text: 表二 copied column by column', () => {
  it('each column name right before its numbers: the block is read column by column, all 200 cells', () => {
    const { r, wrong } = wrongCells(fixture('2023_longting-district-office.chromium.pdftotext-raw.txt'), '2023_longting-district-office.txt');
    expect(wrong).toEqual([]);
    expect(r.notes.filter((n) => n.table && n.level !== 'info')).toEqual([]);
  });

  it('both row labels before all six numbers and nothing between them: row or column order cannot be told, the six cells are left blank', () => {
    const { r, wrong } = wrongCells(fixture('2023_jiyuan-city.chromium.pdftotext-raw.txt'), '2023_jiyuan-city.txt');
    expect(wrong).toEqual([
      't2.rules.issued',
      't2.rules.repealed',
      't2.rules.effective',
      't2.normative.issued',
      't2.normative.repealed',
      't2.normative.effective',
    ]);
    expect(wrong.filter((id) => r.report.cells[id] !== null)).toEqual([]);
    const t2 = r.notes.filter((n) => n.table === 't2' && n.level !== 'info').map((n) => n.message);
    expect(t2).toEqual([
      '表二「规章」「行政规范性文件」2 行的数字在复制的文本中都排在行名之后（依次为 0、57、0、22、0、486），无法确定是按行还是按列排列，这 6 格留空：请对照原文件填写',
    ]);
  });
});

describe('a Word file LibreOffice wrote itself, pdftotext default text', () => {
  it('「行政规范性文件 17」 with 「8」 and 「99」 on the lines below: the row gathers its three numbers', () => {
    const { wrong } = wrongCells(fixture('libreoffice-xiuwu-county.pdftotext-raw.txt'), '2023_xiuwu-county.txt');
    expect(wrong.filter((id) => id.startsWith('t2.') || id.startsWith('t4.'))).toEqual([]);
  });

  it('its 表三 comes out row by row for the first rows and then a run of rows in two column blocks: all 200 cells', () => {
    const { r, wrong } = wrongCells(fixture('libreoffice-xiuwu-county.pdftotext-raw.txt'), '2023_xiuwu-county.txt');
    expect(wrong).toEqual([]);
    expect(r.notes.filter((n) => n.table && n.level !== 'info')).toEqual([]);
  });
});

describe('text a PDF viewer copies from a Chromium-printed PDF', () => {
  it("characters its fonts map to radicals (「⼈⺠」 for 人民) read as the characters: the agency is the seed's", () => {
    const text = seedText('2023_xuchang-city.txt').replaceAll('人', '\u2f08').replaceAll('民', '\u2ea0');
    const { r, wrong } = wrongCells(text, '2023_xuchang-city.txt');
    expect(r.report.agency).toBe('许昌市人民政府');
    expect(wrong).toEqual([]);
  });
});

describe('narratives of copied PDF text', () => {
  it("a line broken at the page width that begins 「浏览量。」 is the report's sentence, not a web page's counter", () => {
    const { r } = wrongCells(fixture('libreoffice-xiuwu-county.pdftotext-raw.txt'), '2023_xiuwu-county.txt');
    expect(r.report.narratives.overview).toContain('提高了信息的浏览量。严格履行信息发布前的保密审查程序');
  });

  it("a bare number after the last section (a table cell the copy put after the page's text, a page number) is not narrative", () => {
    const plain = importText(seedText('2023_xuchang-city.txt'));
    const r = importText(`${seedText('2023_xuchang-city.txt')}\n11\n\n16\n`);
    if (!r.ok || !plain.ok) throw new Error('unreadable');
    expect(r.report.narratives.other_matters).toBe(plain.report.narratives.other_matters);
    expect(r.report.narratives.other_matters).not.toMatch(/\n1[16]$/);
  });
});

describe('text that is not in a copy order keeps its numbers where they stand', () => {
  it("a pasted table whose 表四 totals do not hold (the report's own error) is read as written and flagged, not re-dealt to fit", () => {
    // 行政复议's total 31 → 30 and 复议后起诉's 4 → 5: a re-dealing of the 15 numbers could make the totals fit
    const text = seedText('2023_xuchang-city.txt').replace('11\t8\t8\t4\t31\t1\t2\t5\t3\t11\t0\t1\t0\t3\t4', '11\t8\t8\t4\t30\t1\t2\t5\t3\t11\t0\t1\t0\t3\t5');
    const { r, wrong } = wrongCells(text, '2023_xuchang-city.txt');
    expect(wrong).toEqual(['t4.review.total', 't4.suit_after_review.total']);
    expect(r.report.cells['t4.review.total']).toBe(30);
    expect(r.notes.filter((n) => n.table === 't4' && n.level === 'warning').length).toBe(2);
  });
});

describe('表四 with numbers missing from the copy', () => {
  it('13 of its 15 numbers one a line, breaking the group totals in order: none is placed, the 13 are listed', () => {
    const base = fixture('2023_xuchang-city.word-export.pdftotext-raw.txt');
    const t4At = base.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const end = base.indexOf('五、存在的主要问题');
    // the totals of the two suit groups copied after the last page's text (and read as nothing there)
    const copied = [11, 8, 8, 4, 31, 1, 2, 5, 3, 0, 1, 0, 3];
    const text = `${base.slice(0, t4At)}四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n${copied.join('\n')}\n${base.slice(end)}\n11\n4\n`;
    const r = importText(text);
    if (!r.ok) throw new Error(r.message);
    expect(Object.entries(r.report.cells).filter(([id, v]) => id.startsWith('t4.') && v !== null)).toEqual([]);
    const t4 = r.notes.filter((n) => n.table === 't4' && n.level === 'warning');
    expect(t4.map((n) => n.message)).toEqual([
      '表四的 13 个数字在复制的文本中顺序与表格不同（依次为 11、8、8、4、31、1、2、5、3、0、1、0、3），比表格的 15 格少 2 个，按顺序填入时各组总计不符，无法确定各自所在的格，这 15 格留空：请对照原文件填写',
    ]);
  });
});
