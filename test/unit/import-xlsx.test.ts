/**
 * Excel: our own export read back exactly (seeds and random reports), and workbooks laid out like
 * the official tables by someone else (one sheet, merged headers, numbers as text, full-width
 * digits, shifted columns), written here with exceljs rather than by our exporter.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { CELL_IDS, SECTIONS, tableLayout, type TableId } from '../../shared/format';
import { buildXlsx } from '../../shared/export/xlsx';
import { importReportFile } from '../../shared/import';
import { importText } from '../../shared/import/text';
import { numberText, sheetBlocks, xlsxSheets } from '../../shared/import/xlsx-blocks';
import { openZip } from '../../shared/import/zip';
import { strToU8, zipSync } from 'fflate';
import type { Report } from '../../shared/report';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';

const seedWithNarratives = (file: string): Report => {
  const t = importText(seedText(file));
  if (!t.ok) throw new Error(t.message);
  return { ...seedReport(file), narratives: t.report.narratives };
};

const expectSameReport = (got: Report, want: Report) => {
  expect(got.agency).toBe(want.agency);
  expect(got.year).toBe(want.year);
  for (const id of CELL_IDS) expect(got.cells[id], id).toEqual(want.cells[id]);
  expect(got.narratives).toEqual(want.narratives);
};

describe('our own .xlsx export reads back exactly', () => {
  for (const file of SEED_FILES) {
    it(file, async () => {
      const want = seedWithNarratives(file);
      const r = await importReportFile('上年报告.xlsx', await buildXlsx(want));
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      expect(r.kind).toBe('xlsx');
      expectSameReport(r.report, want);
      expect(r.stats.found).toEqual(r.stats.total);
      expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
    });
  }

  it('random consistent reports, with text under the tables', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const base = randomConsistentReport(seed, 2020 + (seed % 6));
      const want: Report = { ...base, tableTexts: { t2: '注：本表数据截至12月31日。', t3: '', t4: `注：复议案件${seed}件。` } };
      const r = await importReportFile('上年报告.xlsx', await buildXlsx(want));
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      expectSameReport(r.report, want);
      expect(r.report.tableTexts).toEqual(want.tableTexts);
    }
  });
});

/** A workbook as a clerk might lay it out: everything on one sheet, official merges, starting at column B. */
const foreignWorkbook = async (report: Report, opts: { asText?: boolean; fullWidth?: boolean; blanks?: readonly string[] } = {}): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  let r = 1;
  ws.getCell(r, 2).value = `${report.agency}${report.year}年政府信息公开工作年度报告`;
  r += 2;
  for (const s of SECTIONS) {
    ws.getCell(r++, 2).value = s.heading;
    if (s.kind === 'narrative') {
      for (const p of report.narratives[s.id].split('\n')) if (p) ws.getCell(r++, 2).value = p;
      r++;
      continue;
    }
    const layout = tableLayout(s.id as TableId);
    for (const row of layout.rows)
      for (const g of row) {
        const cell = ws.getCell(r + g.row, 2 + g.col);
        if (g.kind === 'data') {
          const v = opts.blanks?.includes(g.cellId!) ? null : report.cells[g.cellId!];
          if (v === null || v === undefined) continue;
          const text = opts.fullWidth ? String(v).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) : String(v);
          cell.value = opts.asText || opts.fullWidth || typeof v === 'string' ? text : v;
        } else cell.value = g.text;
        if (g.rowSpan > 1 || g.colSpan > 1) ws.mergeCells(r + g.row, 2 + g.col, r + g.row + g.rowSpan - 1, 2 + g.col + g.colSpan - 1);
      }
    r += layout.rows.length + 1;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
};

describe('workbooks laid out like the official tables by others', () => {
  for (const file of SEED_FILES) {
    it(`${file}: one sheet, numbers as numbers`, async () => {
      const want = seedWithNarratives(file);
      const r = await importReportFile('上年报告.xlsx', await foreignWorkbook(want));
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (r.ok) expectSameReport(r.report, want);
    });
  }

  it('numbers stored as text, full-width digits, and blank cells read as blank (not 0)', async () => {
    const want = seedWithNarratives(SEED_FILES[3]!);
    for (const opts of [{ asText: true }, { fullWidth: true }]) {
      const r = await importReportFile('上年报告.xlsx', await foreignWorkbook(want, opts));
      expect(r.ok).toBe(true);
      if (r.ok) expectSameReport(r.report, want);
    }
    const blanks = ['t3.new.research', 't4.review.upheld'];
    const r = await importReportFile('上年报告.xlsx', await foreignWorkbook(want, { blanks }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual(blanks.includes(id) ? null : want.cells[id]);
  });
});

describe('one sheet per table, named 表2/表3/表4, narratives on a first sheet', () => {
  it('each table goes under its heading, the text under it stays with it', async () => {
    const want = seedWithNarratives(SEED_FILES[0]!);
    const wb = new ExcelJS.Workbook();
    const main = wb.addWorksheet('正文');
    let r = 1;
    main.getCell(r++, 1).value = `${want.agency}${want.year}年政府信息公开工作年度报告`;
    for (const s of SECTIONS) {
      if (s.kind !== 'narrative') continue;
      main.getCell(r++, 1).value = s.heading;
      for (const p of want.narratives[s.id].split('\n')) if (p) main.getCell(r++, 1).value = p;
    }
    for (const t of ['t2', 't3', 't4'] as const) {
      const ws = wb.addWorksheet(`表${{ t2: 2, t3: 3, t4: 4 }[t]}`);
      for (const row of tableLayout(t).rows)
        for (const g of row) {
          ws.getCell(1 + g.row, 1 + g.col).value = g.kind === 'data' ? (want.cells[g.cellId!] as number | string) : g.text;
          if (g.rowSpan > 1 || g.colSpan > 1) ws.mergeCells(1 + g.row, 1 + g.col, g.row + g.rowSpan, g.col + g.colSpan);
        }
      ws.getCell(tableLayout(t).rows.length + 2, 1).value = `注：${t} 的说明。`;
    }
    const res = await importReportFile('上年报告.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(res.ok, res.ok ? '' : res.message).toBe(true);
    if (!res.ok) return;
    expectSameReport(res.report, want);
    expect(res.report.tableTexts).toEqual({ t2: '注：t2 的说明。', t3: '注：t3 的说明。', t4: '注：t4 的说明。' });
  });
});

describe('xlsx-blocks', () => {
  it('stored doubles come back as written: no float noise, no exponent', () => {
    expect(numberText('5884.0157')).toBe('5884.0157');
    expect(numberText('5884.015700000001')).toBe('5884.0157');
    expect(numberText('1E-3')).toBe('0.001');
    expect(numberText('41485')).toBe('41485');
  });

  it('shared strings: rich-text runs joined, phonetic hints dropped, _xHHHH_ escapes decoded; merged cells show their top-left value only', () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rels = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const zip = openZip(
      zipSync({
        'xl/workbook.xml': strToU8(`<workbook ${ns} ${rels}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>',
        ),
        'xl/sharedStrings.xml': strToU8(
          `<sst ${ns}><si><r><t>行政</t></r><r><rPr/><t>许可</t></r><rPh><t>xingzheng</t></rPh></si><si><t>第一行_x000D_\n第二行</t></si><si><t>覆盖</t></si></sst>`,
        ),
        'xl/worksheets/sheet1.xml': strToU8(
          `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5884.015700000001</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>SUM(B1:B1)</f><v>12</v></c><c r="C2" t="inlineStr"><is><t>内联</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells></worksheet>`,
        ),
      }),
    );
    expect(xlsxSheets(zip)).toEqual([
      {
        name: 'S',
        truncated: false,
        rows: [
          ['行政许可', '5884.0157', ''],
          ['第一行\r\n第二行', '12', '内联'],
        ],
      },
    ]);
  });

  it('rows become paragraphs around a table; an empty row ends a table; 表二 item lines stay in the table', () => {
    const rows = [
      ['标题', '', ''],
      ['第二十条第（一）项', '', ''],
      ['信息内容', '本年制发件数', '本年废止件数'],
      ['规章', '1', '0'],
      ['注：说明文字', '', ''],
      ['', '', ''],
      ['', '正文一段', ''],
    ];
    expect(sheetBlocks(rows)).toEqual([
      { kind: 'paragraph', text: '标题' },
      {
        kind: 'table',
        rows: [
          ['第二十条第（一）项', '', ''],
          ['信息内容', '本年制发件数', '本年废止件数'],
          ['规章', '1', '0'],
        ],
      },
      { kind: 'paragraph', text: '注：说明文字' },
      { kind: 'paragraph', text: '正文一段' },
    ]);
  });
});
