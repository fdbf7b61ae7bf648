import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { CELL_IDS } from '../../shared/format';
import { seedExpectation } from '../helpers/seeds';

/**
 * Real PDF text: the Word-style web page of the 许昌 seed (test/fixtures/import/2023_xuchang-city.msword.html) printed to
 * PDF by LibreOffice and extracted by poppler's pdftotext, with and without -layout (see test/fixtures/import/README.md).
 * Its narrow label columns break every label over two to seven lines, with the numbers on a middle line and the group
 * labels （三）（四）（五）（六） centred beside their items.
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const want = seedExpectation('2023_xuchang-city.txt').cells as Record<string, unknown>;

describe('text extracted from a real PDF', () => {
  it('pdftotext -layout: every one of the 200 cells and the narratives', () => {
    const r = importText(fixture('2023_xuchang-city.pdftotext-layout.txt'));
    if (!r.ok) throw new Error(r.message);
    expect(CELL_IDS.filter((id) => r.report.cells[id] !== want[id])).toEqual([]);
    expect(r.stats.found).toEqual({ t2: 10, t3: 175, t4: 15 });
    // labels cut by line breaks are read by their start and said so (info), nothing is left unread
    expect(r.notes.filter((n) => n.table && n.level !== 'info')).toEqual([]);
    expect(
      r.report.narratives.overview.startsWith('2023 年，许昌市人民政府坚持以习近平新时代中国特色社会主义思想为指导，坚持把政务公开贯穿政务运行全过程'),
    ).toBe(true);
    expect(r.report.narratives.problems.startsWith('存在的问题：一是政务公开工作人员调整相对频繁')).toBe(true);
    expect(r.report.narratives.other_matters).toContain('本年度全市未收取信息处理费。');
    // LibreOffice's web export left the title out of this PDF: the clerk is told to fill the agency in
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('标题'))).toBe(true);
  });

  it('pdftotext without -layout (cells in reading order, labels interleaved, 表四 in column blocks): every one of the 200 cells', () => {
    const r = importText(fixture('2023_xuchang-city.pdftotext-raw.txt'));
    if (!r.ok) throw new Error(r.message);
    expect(CELL_IDS.filter((id) => r.report.cells[id] !== want[id])).toEqual([]);
    expect(r.stats.found).toEqual({ t2: 10, t3: 175, t4: 15 });
    // 表三's numbers are placed by the table's order, confirmed by its 25 row totals, （七）总计 and 勾稽关系; 表四's
    // (行政复议's total copied last) by its group totals: both said, so the clerk can check
    const info = r.notes.filter((n) => n.table && n.level === 'info').map((n) => `${n.table}: ${n.message}`);
    expect(info.some((m) => m.startsWith('t3: ') && m.includes('勾稽关系均已核对相符'))).toBe(true);
    expect(info.some((m) => m.startsWith('t4: ') && m.includes('各组总计均已核对相符'))).toBe(true);
    expect(r.notes.filter((n) => n.table && n.level !== 'info')).toEqual([]);
    expect(r.report.narratives.overview.length).toBeGreaterThan(100);
    expect(r.report.narratives.problems.startsWith('存在的问题：一是政务公开工作人员调整相对频繁')).toBe(true);
  });
});
