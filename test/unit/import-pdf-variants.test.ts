/**
 * Published PDFs the ways real agencies' software makes them, beyond the layouts of import-pdf-awkward: bold faked by
 * printing every run twice (WPS), landscape pages kept with /Rotate 90 or a table printed sideways, zeros written as
 * dashes or left blank, numbers one digit per run or with thousands separators, right- or centre-aligned, a cover
 * page, 表四 as two stacked half-tables — each read exactly. A text layer that decodes to nonsense (a font without its
 * character map) is refused in Chinese, never read as numbers.
 */
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import type { Report } from '../../shared/report';
import { awkwardReportPdf, type AwkwardOptions } from '../helpers/layout-pdf';
import { makePdf, type PdfPageSpec, type PdfStroke, type PdfText } from '../helpers/make-pdf';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const narratives = {
  overview: '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开各类政府信息，及时回应社会关切。',
  problems: '一是政策解读形式较为单一；二是基层政务公开标准化规范化水平有待提高。',
  other_matters: '本年度未收取信息处理费。',
};
const withText = (r: Report): Report => ({ ...r, narratives });

const read = async (r: Report, o: AwkwardOptions) => {
  const res = await importReportFile('年报.pdf', awkwardReportPdf(r, o));
  if (!res.ok) throw new Error(res.message);
  return res;
};

const wrongCells = (got: Report, want: Report): string[] =>
  CELL_IDS.filter((id) => got.cells[id] !== want.cells[id]).map((id) => `${id}: ${String(want.cells[id])} → ${String(got.cells[id])}`);

const expectExact = (got: Report, want: Report) => {
  expect(got.agency).toBe(want.agency);
  expect(got.year).toBe(want.year);
  expect(wrongCells(got, want)).toEqual([]);
};

const warnings = (r: Awaited<ReturnType<typeof read>>) => r.notes.filter((n) => n.level !== 'info').map((n) => n.message);

const SEEDS = SEED_FILES.map((f) => withText(seedReport(f)));
const RANDOM = [41, 42, 43].map((s) => withText(randomConsistentReport(s)));

describe('PDF variants real agencies publish read exactly', () => {
  it('bold faked by printing the title, headings and every table run twice a hair apart (WPS) is read once, not 「总总计计」 or 「1212」', async () => {
    for (const rep of [SEEDS[0]!, SEEDS[2]!, RANDOM[0]!]) {
      const r = await read(rep, { fakeBold: true, groupChars: 1 });
      expectExact(r.report, rep);
      expect(warnings(r)).toEqual([]);
    }
  });

  it('pages holding the tables turned landscape: kept upright with /Rotate 90, or printed sideways for the reader to turn', async () => {
    for (const turnTables of ['rotate-attribute', 'sideways'] as const)
      for (const rep of [SEEDS[1]!, RANDOM[1]!]) {
        const r = await read(rep, { turnTables, groupChars: 2 });
        expectExact(r.report, rep);
        expect(warnings(r)).toEqual([]);
      }
  });

  it('zeros written as 「—」「-」「/」 or left blank read as blank cells (never 0), 表四 of dashes alone included', async () => {
    for (const zeroAs of ['—', '-', '/', ''])
      for (const rep of [SEEDS[0]!, SEEDS[2]!]) {
        const r = await read(rep, { zeroAs });
        const want = { ...rep, cells: Object.fromEntries(CELL_IDS.map((id) => [id, rep.cells[id] === 0 ? null : rep.cells[id]])) } as Report;
        expectExact(r.report, want);
        expect(r.stats.found).toEqual({ t2: 10, t3: 175, t4: 15 });
        expect(warnings(r)).toEqual([]);
      }
  });

  it('numbers one digit per run a hair apart, with thousands separators, right- or centre-aligned in their cells', async () => {
    const variants: AwkwardOptions[] = [
      { splitDigits: true },
      { thousands: true, numberAlign: 'right' },
      { splitDigits: true, thousands: true, numberAlign: 'centre' },
    ];
    for (const o of variants)
      for (const rep of [SEEDS[0]!, RANDOM[2]!]) {
        const r = await read(rep, o);
        expectExact(r.report, rep);
      }
  });

  it('the title alone on a cover page', async () => {
    for (const rep of [SEEDS[3]!, RANDOM[0]!]) {
      const r = await read(rep, { cover: true });
      expectExact(r.report, rep);
      expect(r.report.narratives.overview).toBe(rep.narratives.overview);
    }
  });

  it('表四 printed as two tables one above the other (行政复议 and 未经复议直接起诉, then 复议后起诉)', async () => {
    for (const rep of [SEEDS[4]!, ...RANDOM]) {
      const r = await read(rep, { t4Halves: true });
      expectExact(r.report, rep);
      expect(warnings(r)).toEqual([]);
    }
  });

  it('tables printed without any ruling lines (columns apart by whitespace alone): every seed and random report', async () => {
    for (const rep of [...SEEDS, ...RANDOM]) {
      const r = await read(rep, { rules: 'none', groupChars: 1 });
      expectExact(r.report, rep);
      expect(warnings(r)).toEqual([]);
    }
  });

  it('tables without ruling lines with zeros as dashes (a row of dashes beside a wrapped label), faked bold, digits split', async () => {
    for (const [zeroAs, rep] of [
      ['—', SEEDS[0]!],
      ['-', SEEDS[2]!],
      ['/', RANDOM[1]!],
    ] as const) {
      const r = await read(rep, { rules: 'none', zeroAs, fakeBold: true, splitDigits: true, groupChars: 2, numberAlign: 'right' });
      const want = { ...rep, cells: Object.fromEntries(CELL_IDS.map((id) => [id, rep.cells[id] === 0 ? null : rep.cells[id]])) } as Report;
      expectExact(r.report, want);
      expect(warnings(r)).toEqual([]);
    }
  });

  it('tables without ruling lines with zeros left blank: each number goes to the column it stands in (a column blank in every row placed by its header word)', async () => {
    for (const [k, rep] of RANDOM.entries())
      for (const numberAlign of ['left', 'right', 'centre'] as const) {
        const r = await read(rep, { rules: 'none', zeroAs: '', numberAlign, groupChars: ((k % 2) + 1) as 1 | 2 });
        const want = { ...rep, cells: Object.fromEntries(CELL_IDS.map((id) => [id, rep.cells[id] === 0 ? null : rep.cells[id]])) } as Report;
        expectExact(r.report, want);
        expect(warnings(r)).toEqual([]);
      }
  });

  it('look-alike code points in the text map (Kangxi radicals, CJK compatibility ideographs) read as the characters, full-width digits as numbers', async () => {
    for (const rep of [SEEDS[0]!, RANDOM[2]!]) {
      const r = await read(rep, { lookAlikes: true });
      expectExact(r.report, rep);
      expect(r.report.narratives).toEqual(rep.narratives);
    }
  });

  it('row labels without their numbering, or numbered 「1、」「(1)」, with and without ruling lines', async () => {
    for (const [numbering, rules] of [
      ['none', 'grid'],
      ['1、', 'none'],
      ['(1)', 'grid'],
    ] as const)
      for (const rep of [SEEDS[1]!, RANDOM[0]!]) {
        const r = await read(rep, { numbering, rules });
        expectExact(r.report, rep);
      }
  });

  it('all of it at once: faked bold, turned table pages, digits split, thousands, 表四 halved, header repeated', async () => {
    for (const rep of RANDOM) {
      const r = await read(rep, {
        fakeBold: true,
        turnTables: 'rotate-attribute',
        splitDigits: true,
        thousands: true,
        t4Halves: true,
        repeatHeader: true,
        numberAlign: 'right',
        pushDown: 150,
      });
      expectExact(r.report, rep);
    }
  });
});

describe('a text layer that decodes to nonsense is refused, not misread', () => {
  const SET_ASIDE = /^第 1 页有 \d+ 个字无法识别（字体缺少字符对照表），已略去；请核对这些页的文字（多为标题、机关名称和年度）$/;

  it('the title alone set in a font without its character map (WPS embeds 方正小标宋 so): the title is left out with a warning, every cell read exactly', async () => {
    for (const rep of [SEEDS[0]!, RANDOM[0]!]) {
      const res = await importReportFile('年报.pdf', awkwardReportPdf(rep, { unmappedFont: 'title', pushDown: 560 }));
      if (!res.ok) throw new Error(res.message);
      expect(wrongCells(res.report, rep)).toEqual([]);
      expect(warnings(res)[0]).toMatch(SET_ASIDE);
      expect(res.report.narratives.overview).toBe(rep.narratives.overview);
    }
  });

  it('a cover page in a decorative font without its character map before a readable report: read exactly, with the warning naming the cover', async () => {
    for (const fakeBold of [false, true]) {
      const res = await importReportFile('年报.pdf', awkwardReportPdf(SEEDS[1]!, { unmappedFont: 'title', cover: true, fakeBold }));
      if (!res.ok) throw new Error(res.message);
      expect(wrongCells(res.report, SEEDS[1]!)).toEqual([]);
      expect(warnings(res)[0]).toMatch(SET_ASIDE);
    }
  });

  it('a table set in a font without its character map is refused, ruled or not, and so is the title page holding a table', async () => {
    for (const rules of ['grid', 'none'] as const) {
      const res = await importReportFile('年报.pdf', awkwardReportPdf(SEEDS[0]!, { unmappedFont: 'tables', rules }));
      expect(res.ok ? 'read' : res.message).toMatch(/文字无法识别.*乱码/);
    }
    // the title garbled on a page that also holds a table (numbers in rows): refused, the table's page is not second-guessed
    const short = await importReportFile('年报.pdf', awkwardReportPdf(SEEDS[0]!, { unmappedFont: 'title' }));
    expect(short.ok ? 'read' : short.message).toMatch(/第 1 页的文字无法识别.*乱码/);
    const prose = (y: number, text: string, font?: 3): PdfText => ({ x: 70, y, size: 14, text, ...(font ? { font } : {}) });
    const cell = (x: number, y: number, text: string): PdfText => ({ x, y, size: 8, text });
    const page = [
      prose(760, '测试机关2024年政府信息公开工作年度报告', 3),
      prose(720, '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。'),
      ...[600, 580, 560].flatMap((y) => [cell(300, y, '12'), cell(380, y, '3'), cell(460, y, '15')]),
    ];
    const res = await importReportFile('年报.pdf', makePdf([{ texts: page }]));
    expect(res.ok ? 'read' : res.message).toMatch(/乱码/);
  });

  it('a font without a character map (codes are glyph numbers) or one that maps to the private use area: refused in Chinese', async () => {
    for (const fontMap of ['none', 'private-use'] as const) {
      const res = await importReportFile('年报.pdf', awkwardReportPdf(SEEDS[0]!, { fontMap }));
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.message).toContain('乱码');
      expect(res.message).toContain('Word 原件');
      expect(res.detail).toBeUndefined();
    }
  });

  it('nonsense cells on a page of readable prose are refused, each sign of a table alone: a ruled grid, cells side by side, readable table words', async () => {
    const prose = (y: number, text: string): PdfText => ({ x: 70, y, size: 14, text });
    const lines = Array.from({ length: 8 }, (_, i) => prose(760 - i * 24, '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。'));
    const cell = (x: number, y: number, text: string, font?: 3): PdfText => ({ x, y, size: 8, text, ...(font ? { font } : {}) });
    const column = [500, 480, 460].map((y, i) => cell(300, y, String(12 + i), 3));
    const grid: PdfStroke[] = [
      ...[510, 490, 470, 450].map((y): PdfStroke => [290, y, 420, y]),
      ...[290, 340, 380, 420].map((x): PdfStroke => [x, 510, x, 450]),
    ];
    const cases: [string, PdfPageSpec][] = [
      ['grid', { texts: [...lines, ...column], lines: grid }],
      ['row', { texts: [...lines, ...[300, 360, 420].map((x) => cell(x, 500, '12', 3))] }],
      ['words', { texts: [...lines, cell(200, 500, '总计'), ...column] }],
    ];
    for (const [what, page] of cases) {
      const res = await importReportFile('年报.pdf', makePdf([{ texts: lines }, page]));
      expect(res.ok ? `${what}: read` : res.message).toMatch(/第 2 页的文字无法识别.*乱码/);
    }
    // the same nonsense, one short run under the prose, with no sign of a table: not refused for it (this page is no report, though)
    const res = await importReportFile('年报.pdf', makePdf([{ texts: lines }, { texts: [...lines, column[0]!] }]));
    expect(res.ok ? 'read' : res.message).not.toMatch(/乱码/);
  });

  it('one page of nonsense among readable ones (a table set in a font without its map) is refused, naming the page; a few symbol-font bullets are not nonsense', async () => {
    const prose = (y: number, text: string): PdfText => ({ x: 70, y, size: 14, text });
    const readable = [
      prose(760, '测试机关2024年政府信息公开工作年度报告'),
      prose(720, '一、总体情况'),
      prose(690, '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。'),
    ];
    const nonsense = Array.from({ length: 12 }, (_, i) => prose(700 - i * 20, String.fromCharCode(0xe021 + i * 7, 0xe102 + i, 0xe0a0 + i * 3)));
    const res = await importReportFile('年报.pdf', makePdf([{ texts: readable }, { texts: nonsense }, { texts: readable }]));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/第 2 页的文字无法识别.*乱码/);
    // 「」 bullets of a symbol font (private use F0xx) beside readable text: read, not refused
    const bullets = readable.map((t, i) => ({ ...t, text: i === 2 ? `\uf0b7${t.text}` : t.text }));
    const ok = await importReportFile(
      '年报.pdf',
      makePdf([{ texts: bullets }, { texts: [...readable.slice(1), ...Array.from({ length: 12 }, (_, i) => prose(600 - i * 20, '\uf0d8 主动公开'))] }]),
    );
    expect(ok.ok ? 'read' : ok.message).not.toMatch(/乱码/);
  });
});
