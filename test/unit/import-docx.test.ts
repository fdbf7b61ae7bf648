/**
 * Word files NOT made by our exporter: raw OOXML written by test/helpers/make-docx.ts the way other
 * tools lay the statutory tables out (merged cells, split tables, gridBefore, nested tables, tracked
 * changes, labels over paragraphs, full-width digits…). Each must read to exactly the seed's cells.
 */
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { docxBlocks } from '../../shared/import/docx-blocks';
import { importText } from '../../shared/import/text';
import { openZip } from '../../shared/import/zip';
import type { Report } from '../../shared/report';
import { formatNumber } from '../../shared/import/docx-numbering';
import { type LayoutQuirks, NUMBERING_XML, documentXml, makeDocx, paraXml, reportDocx, tableXml, zipDocx } from '../helpers/make-docx';
import { SEED_FILES, seedExpectation, seedReport, seedText } from '../helpers/seeds';
import { randomConsistentReport } from '../helpers/random-report';

/** The seed with its narratives (read from its published text), so paragraphs are checked too. */
const seedWithNarratives = (file: string): Report => {
  const t = importText(seedText(file));
  if (!t.ok) throw new Error(t.message);
  return { ...seedReport(file), narratives: t.report.narratives };
};

const QUIRKS: Record<string, LayoutQuirks> = {
  'official layout (gridSpan + vMerge)': {},
  '表三 split in two, header repeated': { splitT3At: 9, repeatHeader: true },
  '表三 split in two, bare continuation': { splitT3At: 4 },
  '表二 shifted by gridBefore': { gridBefore: 't2' },
  '表四 nested in a frame table': { nest: 't4' },
  'tracked changes (deleted wrong figures)': { trackedChanges: true },
  'labels split over paragraphs': { splitLabels: true },
  'full-width digits': { fullWidth: true },
  'numbers with spaces': { spacedNumbers: true },
  'an extra 备注 column': { extraColumn: true },
  'headings and sub-items numbered by Word (numbering.xml)': { autoNumbering: true },
  "Word's own clutter (split runs, bookmarks, content controls, text box)": { wordNoise: true },
  'everything at once': {
    splitT3At: 12,
    gridBefore: 't3',
    nest: 't2',
    trackedChanges: true,
    splitLabels: true,
    fullWidth: true,
    spacedNumbers: true,
    extraColumn: true,
    wordNoise: true,
    autoNumbering: true,
  },
};

describe('Word files made by others read to exactly the seed cells', () => {
  for (const file of SEED_FILES) {
    const report = seedWithNarratives(file);
    const expected = seedExpectation(file);
    for (const [what, q] of Object.entries(QUIRKS)) {
      it(`${file}: ${what}`, async () => {
        const r = await importReportFile('上年报告.docx', reportDocx(report, q));
        expect(r.ok, r.ok ? '' : r.message).toBe(true);
        if (!r.ok) return;
        expect(r.kind).toBe('docx');
        expect(r.report.agency).toBe(expected.agency);
        expect(r.report.year).toBe(expected.year);
        for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual((expected.cells as Record<string, unknown>)[id] ?? null);
        expect(r.stats.found).toEqual(r.stats.total);
        expect(r.report.narratives).toEqual(report.narratives);
        expect(r.notes.filter((n) => n.level === 'error')).toEqual([]);
      });
    }
  }

  it('random consistent reports under random quirks read exactly', async () => {
    const names = Object.keys(QUIRKS);
    for (let seed = 1; seed <= 15; seed++) {
      const want = randomConsistentReport(seed * 13, 2020 + (seed % 6));
      const q = QUIRKS[names[seed % names.length]!]!;
      const r = await importReportFile('上年报告.docx', reportDocx(want, q));
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      expect([r.report.agency, r.report.year]).toEqual([want.agency, want.year]);
      for (const id of CELL_IDS) expect(r.report.cells[id], `${id} (seed ${seed}, ${names[seed % names.length]})`).toEqual(want.cells[id]);
      expect(r.report.narratives).toEqual(want.narratives);
    }
  });

  it('blank cells stay blank (null), not 0, and the reader says which table has them', async () => {
    const base = seedWithNarratives(SEED_FILES[1]!);
    const blanked: Report = { ...base, cells: { ...base.cells, 't4.review.upheld': null, 't4.review.total': null, 't2.fees.amount': null } };
    const r = await importReportFile('上年报告.docx', reportDocx(blanked));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.cells['t4.review.upheld']).toBeNull();
    expect(r.report.cells['t4.review.total']).toBeNull();
    expect(r.report.cells['t2.fees.amount']).toBeNull();
    for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual(blanked.cells[id]);
  });

  it('a .docx renamed .txt or with no extension is still read as Word (content decides)', async () => {
    const bytes = reportDocx(seedWithNarratives(SEED_FILES[2]!));
    for (const name of ['报告.txt', '报告', '报告.DOCX']) {
      const r = await importReportFile(name, bytes);
      expect(r.ok && r.kind, name).toBe('docx');
    }
  });
});

describe('docx-blocks: what a Word body becomes', () => {
  const blocksOf = (xml: string) => docxBlocks(openZip(makeDocx([{ xml }])));

  it('paragraph text: tabs, line breaks, deleted text dropped, inserted kept, field codes hidden, content controls read through', () => {
    const xml =
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">共 </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>21</w:t></w:r></w:ins><w:r><w:t> 件</w:t></w:r></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件内文字</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
      '<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhèng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>政</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>务</w:t></w:r></w:p>';
    expect(blocksOf(xml)).toEqual([
      { kind: 'paragraph', text: '甲\t乙\n丙' },
      { kind: 'paragraph', text: '共 21 件' },
      { kind: 'paragraph', text: '3' },
      { kind: 'paragraph', text: '控件内文字' },
      { kind: 'paragraph', text: '政务' },
    ]);
  });

  it('gridSpan, vMerge continuation, gridBefore/gridAfter, empty cells', () => {
    const xml = tableXml([
      { cells: [{ paras: ['标题'], span: 3 }] },
      { cells: [{ paras: ['合并'], vMerge: 'restart' }, { paras: ['1'] }, { paras: [] }] },
      { cells: [{ paras: [], vMerge: 'continue' }, { paras: ['２'] }, { paras: ['3'] }] },
      { gridBefore: 1, gridAfter: 1, cells: [{ paras: ['中'] }] },
    ]);
    expect(blocksOf(xml)).toEqual([
      {
        kind: 'table',
        rows: [
          ['标题', '', ''],
          ['合并', '1', ''],
          ['', '２', '3'],
          ['', '中', ''],
        ],
      },
    ]);
  });

  it('a label over two paragraphs in one cell is one label; a nested table is its own block; a frame table is dropped', () => {
    const inner = tableXml([{ cells: [{ paras: ['行政', '许可'] }, { paras: ['5'] }] }]);
    const withText = tableXml([{ cells: [{ paras: ['外层'], extraXml: inner }, { paras: ['9'] }] }]);
    expect(blocksOf(withText)).toEqual([
      { kind: 'table', rows: [['外层', '9']] },
      { kind: 'table', rows: [['行政许可', '5']] },
    ]);
    const frame = tableXml([{ cells: [{ paras: [], extraXml: inner }] }]);
    expect(blocksOf(frame)).toEqual([{ kind: 'table', rows: [['行政许可', '5']] }]);
  });

  it('a table split in two is joined back: repeated header rows dropped; a different table is not joined', () => {
    const head = { cells: [{ paras: ['项目'] }, { paras: ['数量'] }] };
    const a = tableXml([head, { cells: [{ paras: ['甲'] }, { paras: ['1'] }] }]);
    const b = tableXml([head, { cells: [{ paras: ['乙'] }, { paras: ['2'] }] }]);
    const c = tableXml([{ cells: [{ paras: ['丙'] }, { paras: ['3'] }, { paras: ['4'] }] }]);
    expect(blocksOf(a + paraXml('') + b + paraXml('说明文字') + c)).toEqual([
      {
        kind: 'table',
        rows: [
          ['项目', '数量'],
          ['甲', '1'],
          ['乙', '2'],
        ],
      },
      { kind: 'paragraph', text: '说明文字' },
      { kind: 'table', rows: [['丙', '3', '4']] },
    ]);
  });

  it('automatic numbering: from the paragraph or its style (following basedOn), per list and level, bullets unnumbered', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const styles = `<w:styles xmlns:w="${W}"><w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:styleId="MyHeading"><w:basedOn w:val="H1"/></w:style></w:styles>`;
    const numbering = NUMBERING_XML.replace(
      '</w:numbering>',
      `<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="8"/></w:num></w:numbering>`,
    );
    const p = (text: string, pPr: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const num = (id: number, lvl = 0) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const body = [
      p('总体情况', '<w:pStyle w:val="H1"/>'),
      p('主动公开政府信息情况', '<w:pStyle w:val="MyHeading"/>'),
      p('甲', num(7)),
      p('甲一', num(7, 1)),
      p('甲二', num(7, 1)),
      p('乙', num(7)),
      p('乙一', num(7, 1)),
      p('要点', num(8)),
      p('不编号', `<w:pStyle w:val="H1"/>${num(0)}`),
    ].join('');
    const zip = openZip(zipDocx(documentXml([{ xml: body }]), { 'word/numbering.xml': numbering, 'word/styles.xml': styles }));
    expect(docxBlocks(zip).map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '3. 甲',
      '3.① 甲一',
      '3.② 甲二',
      '4. 乙',
      '4.① 乙一',
      '要点',
      '不编号',
    ]);
    expect([1, 10, 12, 20, 35].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十二', '二十', '三十五']);
    expect([formatNumber(4, 'lowerRoman'), formatNumber(3, 'ideographTraditional'), formatNumber(12, 'decimalFullWidth')]).toEqual(['iv', '丙', '１２']);
  });
});
