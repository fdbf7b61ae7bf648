/**
 * Word files NOT made by our exporter: raw OOXML written by test/helpers/make-docx.ts the way other
 * tools lay the statutory tables out (merged cells, split tables, gridBefore, nested tables, tracked
 * changes, labels over paragraphs, full-width digits…). Each must read to exactly the seed's cells.
 */
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { importDocx } from '../../shared/import/docx';
import { docxBlocks } from '../../shared/import/docx-blocks';
import { importText } from '../../shared/import/text';
import { openZip } from '../../shared/import/zip';
import type { Report } from '../../shared/report';
import { type LayoutQuirks, makeDocx, paraXml, reportDocx, tableXml } from '../helpers/make-docx';
import { SEED_FILES, seedExpectation, seedReport, seedText } from '../helpers/seeds';

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
  "Word's own clutter (split runs, bookmarks, content controls, text box)": { wordNoise: true },
  'everything at once': { splitT3At: 12, gridBefore: 't3', nest: 't2', trackedChanges: true, splitLabels: true, fullWidth: true, spacedNumbers: true, extraColumn: true, wordNoise: true },
};

describe('Word files made by others read to exactly the seed cells', () => {
  for (const file of SEED_FILES) {
    const report = seedWithNarratives(file);
    const expected = seedExpectation(file);
    for (const [what, q] of Object.entries(QUIRKS)) {
      it(`${file}: ${what}`, () => {
        const r = importDocx(reportDocx(report, q));
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
      '<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件内文字</w:t></w:r></w:p></w:sdtContent></w:sdt>';
    expect(blocksOf(xml)).toEqual([
      { kind: 'paragraph', text: '甲\t乙\n丙' },
      { kind: 'paragraph', text: '共 21 件' },
      { kind: 'paragraph', text: '3' },
      { kind: 'paragraph', text: '控件内文字' },
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
      { kind: 'table', rows: [['项目', '数量'], ['甲', '1'], ['乙', '2']] },
      { kind: 'paragraph', text: '说明文字' },
      { kind: 'table', rows: [['丙', '3', '4']] },
    ]);
  });
});
