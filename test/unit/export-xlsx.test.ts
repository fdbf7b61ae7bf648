import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { SHEET_NAMES, TABLE_FIRST_ROW, buildXlsx, moneyCellValue, totalFormula } from '../../shared/export/xlsx';
import { paragraphsOf } from '../../shared/export/content';
import { TABLE_NAMES, cellDef } from '../../shared/format/cells';
import { SECTIONS, reportTitle } from '../../shared/format/sections';
import { TABLE_IDS, tableLayout } from '../../shared/format/header-layout';
import { IDENTITIES } from '../../shared/format/identities';
import { COMPUTED_CELLS, createReport, type Report } from '../../shared/report';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { randomConsistentReport } from '../helpers/random-report';
import { evaluateSum, expectedCells, loadWorkbook, moneyOf, numberOf, seedNarratives } from './export-readers';

const TABLE_TEXTS = { t2: '注：现行有效件数含自然失效 3 件。', t3: '', t4: '复议 2 件 <含上年结转>。' };
const withTexts = (r: Report, narratives: Report['narratives']): Report => createReport({ ...r, narratives, tableTexts: TABLE_TEXTS });

/** Reads every statutory cell from its sheet, checks the sheet's merged headers against the layout. */
const readTables = (wb: ExcelJS.Workbook): Record<string, number | string> => {
  const cells: Record<string, number | string> = {};
  for (const t of TABLE_IDS) {
    const ws = wb.getWorksheet(SHEET_NAMES[t])!;
    expect(ws.getCell(1, 1).value).toBe(TABLE_NAMES[t]);
    for (const g of tableLayout(t).rows.flat()) {
      const r = TABLE_FIRST_ROW + g.row;
      const c = g.col + 1;
      const cell = ws.getCell(r, c);
      // the whole span is one merged cell whose master is the top-left corner, and not a cell more
      for (let y = r; y < r + g.rowSpan; y++)
        for (let x = c; x < c + g.colSpan; x++) {
          const covered = ws.getCell(y, x);
          if (g.rowSpan > 1 || g.colSpan > 1) expect(covered.master.address).toBe(cell.address);
          else expect(covered.isMerged).toBe(false);
          expect(covered.border?.top?.style).toBe('thin');
        }
      if (!g.cellId) {
        expect(cell.value).toBe(g.text);
        continue;
      }
      cells[g.cellId] = cellDef(g.cellId)!.unit === 'money' ? moneyOf(cell) : numberOf(cell);
    }
  }
  return cells;
};

const readNarratives = (wb: ExcelJS.Workbook): { title: unknown; agency: unknown; year: unknown; sections: Record<string, string[]> } => {
  const ws = wb.getWorksheet(SHEET_NAMES.report)!;
  const sections: Record<string, string[]> = {};
  let current: string | null = null;
  for (let r = 5; r <= ws.rowCount; r++) {
    const a = ws.getCell(r, 1).value;
    const b = ws.getCell(r, 2).value;
    const heading = SECTIONS.find((s) => s.heading === a);
    if (heading) {
      current = heading.id;
      sections[current] = [];
    } else if (current && typeof b === 'string') sections[current]!.push(b);
  }
  return { title: ws.getCell(1, 1).value, agency: ws.getCell(2, 2).value, year: ws.getCell(3, 2).value, sections };
};

const expectRoundTrip = async (r: Report): Promise<ExcelJS.Workbook> => {
  const wb = await loadWorkbook(await buildXlsx(r));
  expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.report, SHEET_NAMES.t2, SHEET_NAMES.t3, SHEET_NAMES.t4]);
  const cells = readTables(wb);
  expect(cells).toEqual(expectedCells(r.cells));
  const n = readNarratives(wb);
  expect(n.title).toBe(reportTitle(r.agency, r.year));
  expect(n.agency).toBe(r.agency);
  expect(n.year).toBe(r.year ?? null);
  for (const s of SECTIONS) {
    if (s.kind === 'narrative') expect(n.sections[s.id]).toEqual(paragraphsOf(r.narratives[s.id]));
    else expect(n.sections[s.id]).toEqual([`见工作表「${SHEET_NAMES[s.id]}」`]);
  }
  for (const t of TABLE_IDS) {
    const ws = wb.getWorksheet(SHEET_NAMES[t])!;
    const after = TABLE_FIRST_ROW + tableLayout(t).rows.length + 1;
    const got = paragraphsOf(r.tableTexts[t]).map((_, i) => ws.getCell(after + i, 1).value);
    expect(got).toEqual(paragraphsOf(r.tableTexts[t]));
  }
  return wb;
};

/** Every computed total is a SUM formula whose references add up, in the sheet, to its cached result. */
const expectLiveTotals = (wb: ExcelJS.Workbook): void => {
  let formulas = 0;
  for (const t of TABLE_IDS) {
    const ws = wb.getWorksheet(SHEET_NAMES[t])!;
    for (const g of tableLayout(t).rows.flat()) {
      if (!g.cellId) continue;
      const cell = ws.getCell(TABLE_FIRST_ROW + g.row, g.col + 1);
      const v = cell.value;
      if (COMPUTED_CELLS.has(g.cellId)) {
        expect(cell.formula).toBe(totalFormula(g.cellId));
        expect(typeof cell.result).toBe('number');
        expect(evaluateSum(ws, cell.formula)).toBe(cell.result);
        formulas++;
      } else {
        expect(typeof v === 'number' || typeof v === 'string').toBe(true);
        // what a clerk types is checked by Excel: counts whole and ≥ 0, money ≥ 0
        if (typeof v === 'number')
          expect(cell.dataValidation).toMatchObject({
            type: cellDef(g.cellId)!.unit === 'money' ? 'decimal' : 'whole',
            operator: 'greaterThanOrEqual',
            showErrorMessage: true,
          });
      }
    }
  }
  expect(formulas).toBe(COMPUTED_CELLS.size);
};

describe('Excel export reads back as the report it was made from', () => {
  it.each(SEED_FILES)('seed %s', async (file) => {
    const wb = await expectRoundTrip(withTexts(seedReport(file), seedNarratives(file)));
    expectLiveTotals(wb);
  });

  it.each([1, 2, 3, 42, 2024, 99991])('random consistent report %i', async (seed) => {
    const wb = await expectRoundTrip(
      withTexts(randomConsistentReport(seed), { overview: `第${seed}段。\n（一）主动公开`, problems: '', other_matters: '无。' }),
    );
    expectLiveTotals(wb);
  });

  it('an empty report: blanks are 0 and the totals are formulas giving 0', async () => {
    const wb = await expectRoundTrip(createReport({ agency: '', year: null }));
    expectLiveTotals(wb);
  });

  it('a total that disagrees with its parts is kept as entered, not covered by a formula', async () => {
    const r = randomConsistentReport(5);
    const wrong = createReport({ ...r, cells: { ...r.cells, 't3.new.total': Number(r.cells['t3.new.total']) + 1 } });
    const wb = await expectRoundTrip(wrong);
    const id = 't3.new.total';
    const g = tableLayout('t3')
      .rows.flat()
      .find((c) => c.cellId === id)!;
    expect(wb.getWorksheet(SHEET_NAMES.t3)!.getCell(TABLE_FIRST_ROW + g.row, g.col + 1).value).toBe(wrong.cells[id]);
  });
});

describe('Excel cells', () => {
  it('总计 formulas come from the identities: a row total sums its six applicant columns', () => {
    const rowTotal = IDENTITIES.find((i) => i.computes === 't3.new.total')!;
    expect(rowTotal.rhs).toHaveLength(6);
    expect(totalFormula('t3.new.total')).toBe(`SUM(D${TABLE_FIRST_ROW + 3}:I${TABLE_FIRST_ROW + 3})`);
    expect(totalFormula('t4.review.total')).toBe(`SUM(A${TABLE_FIRST_ROW + 3}:D${TABLE_FIRST_ROW + 3})`);
    expect(totalFormula('t3.total.natural')).toBe(`SUM(D${TABLE_FIRST_ROW + 5}:D${TABLE_FIRST_ROW + 25})`);
    expect(totalFormula('t3.granted.natural')).toBeUndefined();
  });

  it.each([
    ['0', 0, '0'],
    ['24252.311082', 24252.311082, '0.000000'],
    ['5949.10', 5949.1, '0.00'],
    ['96171.6', 96171.6, '0.0'],
    ['5884.0157', 5884.0157, '0.0000'],
    ['123456789012345.123456', '123456789012345.123456', '@'],
  ])('万元 %s is written as %s with format %s', (s, value, numFmt) => {
    expect(moneyCellValue(s)).toEqual({ value, numFmt });
  });

  it.each(['0.000001', '5949.10', '99999999.999999', '123456789012345.123456', '7'])('万元 %s reads back exactly', async (amount) => {
    const r = createReport({ agency: '某局', year: 2024, cells: { 't2.fees.amount': amount } });
    const wb = await expectRoundTrip(r);
    expect(wb.getWorksheet(SHEET_NAMES.t2)).toBeDefined();
  });

  it('a very long paragraph is kept whole in a row no taller than Excel allows (409 pt)', async () => {
    const long = '政府信息公开工作。'.repeat(400);
    const wb = await expectRoundTrip(createReport({ agency: '某局', year: 2024, narratives: { overview: long, problems: '', other_matters: '' } }));
    const ws = wb.getWorksheet(SHEET_NAMES.report)!;
    for (let r = 1; r <= ws.rowCount; r++) expect(ws.getRow(r).height ?? 0).toBeLessThanOrEqual(409);
  });

  it('document properties, A4 pages, fonts and print titles', async () => {
    const r = withTexts(seedReport(SEED_FILES[1]!), seedNarratives(SEED_FILES[1]!));
    const wb = await loadWorkbook(await buildXlsx(r));
    expect(wb.title).toBe(reportTitle(r.agency, r.year));
    expect(wb.subject).toBe(r.agency);
    expect(wb.creator).toBe(r.agency);
    expect(wb.keywords).toBe(String(r.year));
    for (const ws of wb.worksheets) expect(ws.pageSetup.paperSize).toBe(9);
    const t3 = wb.getWorksheet(SHEET_NAMES.t3)!;
    expect(t3.pageSetup.printTitlesRow).toBe(`${TABLE_FIRST_ROW}:${TABLE_FIRST_ROW + 2}`);
    expect(t3.getCell(TABLE_FIRST_ROW + 3, 1).font.name).toBe('宋体');
    expect(wb.getWorksheet(SHEET_NAMES.report)!.getCell(6, 2).font.name).toBe('仿宋_GB2312');
  });
});
