import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { paragraphsOf } from '../../shared/export/content';
import { CELLS, cellDef } from '../../shared/format/cells';
import { SECTIONS } from '../../shared/format/sections';
import { TABLE_IDS, tableLayout } from '../../shared/format/header-layout';
import type { TableId } from '../../shared/format/types';
import { createReport, type Report } from '../../shared/report';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { randomConsistentReport } from '../helpers/random-report';
import {
  type BodyItem,
  type ReadCell,
  attr,
  expectedCells,
  child,
  children,
  descendants,
  parseXml,
  paragraphText,
  readWordBody,
  readWordTable,
  runFonts,
  seedNarratives,
  styleSheet,
  unzip,
} from './export-readers';

const TABLE_TEXTS = { t2: '注：本表“现行有效件数”含自然失效 3 件。', t3: '', t4: '本年度行政复议 <含上年结转> 2 件 & 诉讼 1 件。\n第二段说明。' };

const withTexts = (r: Report, narratives: Report['narratives'], tableTexts = TABLE_TEXTS): Report => createReport({ ...r, narratives, tableTexts });

type ReadBack = {
  title: string;
  agency: string;
  year: number | null;
  cells: Record<string, number | string>;
  narratives: Record<string, string[]>;
  tableTexts: Record<string, string[]>;
  tables: Record<string, ReadCell[]>;
  items: BodyItem[];
};

/** The report as the Word file holds it: headings found by their exact text, a table after each table heading. */
const readDocx = (files: Record<string, string>): ReadBack => {
  const { items } = readWordBody(files['word/document.xml']!);
  const title = (items[0] as { text: string }).text;
  const [agency = '', second = ''] = title.split('\n');
  const out: ReadBack = {
    title,
    agency,
    year: Number(/^(\d{4})年/.exec(second)?.[1] ?? NaN) || null,
    cells: {},
    narratives: {},
    tableTexts: {},
    tables: {},
    items,
  };
  const headingAt = SECTIONS.map((s) => items.findIndex((it) => it.kind === 'p' && it.text === s.heading));
  expect(headingAt.every((i, k) => i > 0 && (k === 0 || i > headingAt[k - 1]!))).toBe(true);
  SECTIONS.forEach((s, k) => {
    const part = items.slice(headingAt[k]! + 1, k + 1 < SECTIONS.length ? headingAt[k + 1] : items.length);
    const texts = part.filter((x): x is Extract<BodyItem, { kind: 'p' }> => x.kind === 'p' && x.text !== '').map((x) => x.text);
    if (s.kind === 'narrative') {
      expect(part.every((x) => x.kind === 'p')).toBe(true);
      out.narratives[s.id] = texts;
      return;
    }
    expect(part[0]!.kind).toBe('tbl');
    const table = readWordTable(part[0]!.el);
    out.tables[s.id] = table.cells;
    out.tableTexts[s.id] = texts;
    const layout = tableLayout(s.id);
    for (const c of layout.rows.flat()) {
      if (!c.cellId) continue;
      const got = table.cells.find((x) => x.row === c.row && x.col === c.col)!;
      out.cells[c.cellId] = cellDef(c.cellId)!.unit === 'money' ? got.text : Number(got.text);
    }
  });
  return out;
};

/** What the file must hold for a report: blanks written as 0, money as its string, paragraphs one per line. */
const expectRoundTrip = (r: Report, back: ReadBack): void => {
  expect(back.agency).toBe(r.agency);
  expect(back.year).toBe(r.year);
  expect(back.cells).toEqual(expectedCells(r.cells));
  for (const s of SECTIONS) {
    if (s.kind === 'narrative') expect(back.narratives[s.id]).toEqual(paragraphsOf(r.narratives[s.id]));
    else expect(back.tableTexts[s.id]).toEqual(paragraphsOf(r.tableTexts[s.id]));
  }
  // every table exactly as the layout spells it: same cells, same merges, same wording
  for (const t of TABLE_IDS) {
    const want = tableLayout(t)
      .rows.flat()
      .map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.cellId ? String(expectedCells(r.cells)[c.cellId]) : c.text }));
    const got = back.tables[t]!.map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text }));
    expect(got).toEqual(want);
  }
};

describe('Word export reads back as the report it was made from', () => {
  it.each(SEED_FILES)('seed %s with its own narratives', async (file) => {
    const r = withTexts(seedReport(file), seedNarratives(file));
    expectRoundTrip(r, readDocx(unzip(await buildDocx(r))));
  });

  it.each([1, 2, 3, 42, 2024, 99991])('random consistent report %i', async (seed) => {
    const r = withTexts(randomConsistentReport(seed), {
      overview: `（一）主动公开\n第${seed}段。\n\n  （二）依申请公开情况。全年收到申请 ${seed} 件。`,
      problems: '一是……\n二是……',
      other_matters: '未收取信息处理费。',
    });
    expectRoundTrip(r, readDocx(unzip(await buildDocx(r))));
  });

  it('writes blank cells as 0 and an empty report still has every table and heading', async () => {
    const r = createReport({ agency: '', year: null });
    const back = readDocx(unzip(await buildDocx(r)));
    expect(back.title).toBe('（机关名称）　　年政府信息公开工作年度报告');
    expect(Object.values(back.cells).every((v) => v === 0 || v === '0')).toBe(true);
    expect(Object.keys(back.cells)).toHaveLength(CELLS.length);
  });

  it('exports what the clerk entered even where a total is wrong (a draft may be submitted)', async () => {
    const r0 = randomConsistentReport(8);
    const r = createReport({ ...r0, cells: { ...r0.cells, 't3.total.total': Number(r0.cells['t3.total.total']) + 7, 't4.review.total': 999 } });
    const back = readDocx(unzip(await buildDocx(r)));
    expect(back.cells['t3.total.total']).toBe(r.cells['t3.total.total']);
    expect(back.cells['t4.review.total']).toBe(999);
    expectRoundTrip(r, back);
  });

  it('keeps text that looks like markup as text', async () => {
    const r = createReport({ agency: '某局<&>"机关"', year: 2025, narratives: { overview: '<w:p>不是标签</w:p> & 5 < 6', problems: '', other_matters: '' } });
    const back = readDocx(unzip(await buildDocx(r)));
    expect(back.agency).toBe('某局<&>"机关"');
    expect(back.narratives['overview']).toEqual(['<w:p>不是标签</w:p> & 5 < 6']);
    expect(back.narratives['problems']).toEqual([]);
  });
});

describe('Word export is laid out after GB/T 9704', () => {
  const report = withTexts(seedReport(SEED_FILES[0]!), seedNarratives(SEED_FILES[0]!));
  const load = async () => unzip(await buildDocx(report));

  it('A4 with margins 37/35/28/26 mm and odd/even page-number footers', async () => {
    const files = await load();
    const { sectPr } = readWordBody(files['word/document.xml']!);
    const mm = (tw: string | null) => Math.round((Number(tw) * 25.4) / 1440);
    const sz = child(sectPr, 'pgSz')!;
    expect([mm(attr(sz, 'w')), mm(attr(sz, 'h'))]).toEqual([210, 297]);
    const mar = child(sectPr, 'pgMar')!;
    expect(['top', 'bottom', 'left', 'right'].map((k) => mm(attr(mar, k)))).toEqual([37, 35, 28, 26]);
    expect(files['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1)"\/>/);
    const refs = children(sectPr, 'footerReference')
      .map((f) => attr(f, 'type'))
      .sort();
    expect(refs).toEqual(['default', 'even']);
    const footers = Object.entries(files).filter(([k]) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers).toHaveLength(2);
    const aligns = footers.map(([, xml]) => {
      const d = parseXml(xml);
      const p = descendants(d, 'p')[0]!;
      expect(xml).toMatch(/PAGE/);
      expect(paragraphText(p).replace(/\s/g, '')).toBe('——');
      const r = descendants(d, 'r')[0]!;
      expect(runFonts(r)).toMatchObject({ eastAsia: '宋体', ascii: '宋体', size: '28' });
      return attr(child(child(p, 'pPr')!, 'jc'), 'val');
    });
    expect(aligns.sort()).toEqual(['left', 'right']);
  });

  it('title 2号 小标宋 centred in two lines; headings 黑体; body 3号 仿宋 at exact 28 pt with a two-character indent', async () => {
    const files = await load();
    const css = styleSheet(files['word/styles.xml']!);
    const { items } = readWordBody(files['word/document.xml']!);
    const title = items[0]!.el;
    expect(css.paragraph(title)).toMatchObject({ jc: 'center', line: '700', lineRule: 'exact' });
    // the year's digits in the title's own face, not in thin Times New Roman
    for (const r of descendants(title, 'r'))
      expect(css.run(title, r)).toMatchObject({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', hAnsi: '方正小标宋简体', size: '44' });
    expect(paragraphText(title)).toBe(`${report.agency}\n2023年政府信息公开工作年度报告`);
    const paras = items.filter((x): x is Extract<BodyItem, { kind: 'p' }> => x.kind === 'p' && x.text !== '').slice(1);
    for (const p of paras) {
      expect(css.paragraph(p.el)).toMatchObject({ line: '560', lineRule: 'exact', firstLineChars: '200', jc: 'both' });
      for (const r of descendants(p.el, 'r')) expect(css.run(p.el, r)).toMatchObject({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', size: '32' });
    }
    const headings = new Set(SECTIONS.map((s) => s.heading));
    let subHeadings = 0;
    for (const p of paras) {
      const f = descendants(p.el, 'r').map((r) => css.run(p.el, r));
      if (headings.has(p.text)) {
        expect(f.map((x) => x.eastAsia)).toEqual(['黑体']);
        expect(css.paragraph(p.el).keepNext).toBe(true);
      } else if (/^（[一二三四五六七八九十]）/.test(p.text)) {
        subHeadings++;
        expect(f[0]).toMatchObject({ eastAsia: '楷体_GB2312', bold: true });
        f.slice(1).forEach((x) => expect(x).toMatchObject({ eastAsia: '仿宋_GB2312', bold: false }));
      } else f.forEach((x) => expect(x).toMatchObject({ eastAsia: '仿宋_GB2312', bold: false }));
    }
    // the seed's 「（一）主动公开方面」 lines are there and are 楷体 headings
    expect(subHeadings).toBeGreaterThan(0);
    // the styles have names a clerk recognises in Word's style list
    expect(css.styleName('GkBody')).toBe('公文正文');
  });

  it('tables: fixed grid as wide as the 版心, header rows repeated, no row split, numbers centred, merges where the layout merges', async () => {
    const files = await load();
    const css = styleSheet(files['word/styles.xml']!);
    const back = readDocx(files);
    const tbls = back.items.filter((x) => x.kind === 'tbl');
    expect(tbls).toHaveLength(3);
    tbls.forEach((tbl, k) => {
      const t = TABLE_IDS[k] as TableId;
      const layout = tableLayout(t);
      const grid = children(child(tbl.el, 'tblGrid')!, 'gridCol').map((g) => Number(attr(g, 'w')));
      expect(grid).toHaveLength(layout.columnCount);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
      const { rows, cells } = readWordTable(tbl.el);
      rows.forEach((tr, i) => {
        const trPr = child(tr, 'trPr')!;
        expect(child(trPr, 'cantSplit')).toBeDefined();
        expect(!!child(trPr, 'tblHeader')).toBe(i < layout.headerRows);
      });
      const merged = layout.rows.flat().filter((c) => c.rowSpan > 1 || c.colSpan > 1);
      expect(merged.length).toBeGreaterThan(0);
      for (const m of merged) {
        const c = cells.find((x) => x.row === m.row && x.col === m.col)!;
        const pr = child(c.tc, 'tcPr')!;
        if (m.colSpan > 1) expect(attr(child(pr, 'gridSpan')!, 'val')).toBe(String(m.colSpan));
        if (m.rowSpan > 1) expect(attr(child(pr, 'vMerge')!, 'val')).toBe('restart');
      }
      for (const d of layout.rows.flat().filter((c) => c.kind === 'data')) {
        const c = cells.find((x) => x.row === d.row && x.col === d.col)!;
        const p = children(c.tc, 'p')[0]!;
        expect(css.paragraph(p).jc).toBe('center');
        // 表二 in 5号 (10.5 pt), the wide 表三 and 表四 in 小五 (9 pt)
        for (const r of descendants(p, 'r'))
          expect(css.run(p, r)).toMatchObject({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', size: t === 't2' ? '21' : '18' });
      }
    });
    // 表三's merged row labels and the 勾稽 note as in the official template
    const t3 = back.tables['t3']!;
    expect(t3.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ col: 0, rowSpan: 22 });
    expect(t3.find((c) => c.text === '（三）不予公开')).toMatchObject({ col: 1, rowSpan: 8 });
    expect(t3.find((c) => c.text.startsWith('（本列数据的勾稽关系为'))).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
  });

  it('表三: the rows of each merged group (「（四）无法提供」 and its three rows) are kept with the next, the group’s last row is not', async () => {
    const files = await load();
    const css = styleSheet(files['word/styles.xml']!);
    const tbl = readDocx(files).items.filter((x) => x.kind === 'tbl')[1]!;
    const { rows } = readWordTable(tbl.el);
    const keptWithNext = (i: number) => descendants(rows[i]!, 'p').every((p) => css.paragraph(p).keepNext === true);
    const layout = tableLayout('t3');
    const groups = layout.rows.flat().filter((c) => c.kind === 'label' && c.col === 1 && c.rowSpan > 1);
    expect(groups.map((g) => g.text)).toEqual(['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    for (const g of groups) {
      for (let i = g.row; i < g.row + g.rowSpan - 1; i++) expect(keptWithNext(i), `${g.text}: row ${i}`).toBe(true);
      // the row after a group may start a page: otherwise the whole of 表三 would be glued together
      expect(keptWithNext(g.row + g.rowSpan - 1), `${g.text}: last row`).toBe(false);
    }
  });

  it('document properties, and a font table naming the fallbacks of the official faces', async () => {
    const files = await load();
    const core = files['docProps/core.xml']!;
    expect(core).toContain(`<dc:title>${report.agency}2023年政府信息公开工作年度报告</dc:title>`);
    expect(core).toContain(`<dc:subject>${report.agency}</dc:subject>`);
    expect(core).toContain(`<dc:creator>${report.agency}</dc:creator>`);
    expect(core).toContain('<cp:keywords>2023</cp:keywords>');
    // Chinese text is marked zh-CN (line breaking, punctuation, proofing)
    expect(files['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang [^>]*w:eastAsia="zh-CN"/);
    const fonts = parseXml(files['word/fontTable.xml']!);
    const byName = new Map(descendants(fonts, 'font').map((f) => [attr(f, 'name'), attr(child(f, 'altName'), 'val')]));
    expect(byName.get('仿宋_GB2312')).toBe('仿宋');
    expect(byName.get('楷体_GB2312')).toBe('楷体');
    expect(byName.get('黑体')).toBe('SimHei');
    expect(byName.has('方正小标宋简体')).toBe(true);
    // every face the document names is in the font table
    const used = new Set(descendants(parseXml(files['word/document.xml']!), 'rFonts').flatMap((f) => [attr(f, 'eastAsia'), attr(f, 'ascii')]));
    for (const u of used) if (u) expect(byName.has(u)).toBe(true);
  });
});
