/**
 * The report as an Excel workbook: a sheet 「报告」 with the title, agency, year and the narratives, and one sheet
 * per statutory table (表二, 表三, 表四) with the official merged headers. Counts are number cells; 总计 cells are
 * SUM formulas derived from the identities, with their values cached, so totals stay right when a clerk edits.
 */
import ExcelJS from 'exceljs';
import type { CellId, TableId } from '../format/types';
import { SECTIONS, reportTitle } from '../format/sections';
import { TABLE_NAMES, cellDef } from '../format/cells';
import { type GridCell, TABLE_IDS, tableLayout } from '../format/header-layout';
import { IDENTITIES } from '../format/identities';
import type { Report } from '../report/document';
import { exportedValue, paragraphsOf } from './content';
import { withCustomXmlPart } from './custom-xml-part';
import { exportMarker } from '../report/export-marker';

export const SHEET_NAMES: Record<'report' | TableId, string> = { report: '报告', t2: '表二', t3: '表三', t4: '表四' };
/** The table grid starts below the sheet's title row. */
export const TABLE_FIRST_ROW = 3;

const FONT_TABLE = '宋体';
const FONT_TEXT = '仿宋_GB2312';
const FONT_HEADING = '黑体';

/** Excel column widths (characters of the default font); a CJK character takes about two. */
const COLUMN_WIDTHS: Record<TableId, number[]> = {
  t2: [24, 18, 18, 18],
  t3: [9, 12, 40, 8, 8, 8, 8, 8, 8, 8],
  t4: Array<number>(15).fill(7),
};

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Where each statutory cell lands: sheet and A1 address, from the layout. */
export const cellAddresses = (): Map<CellId, { sheet: string; row: number; col: number; address: string }> => {
  const out = new Map<CellId, { sheet: string; row: number; col: number; address: string }>();
  for (const t of TABLE_IDS) {
    for (const row of tableLayout(t).rows)
      for (const c of row)
        if (c.cellId) {
          const r = TABLE_FIRST_ROW + c.row;
          const col = c.col + 1;
          out.set(c.cellId, { sheet: SHEET_NAMES[t], row: r, col, address: `${columnLetter(col)}${r}` });
        }
  }
  return out;
};
const ADDRESSES = cellAddresses();

/** A1 ranges for a set of cells on one sheet: runs along a row or a column become 「D5:I5」. */
const rangesOf = (ids: readonly CellId[]): string => {
  const pts = ids.map((id) => ADDRESSES.get(id)!);
  const parts: string[] = [];
  let i = 0;
  while (i < pts.length) {
    let j = i;
    const sameRow = (a: (typeof pts)[number], b: (typeof pts)[number]) => a.row === b.row && b.col === a.col + 1;
    const sameCol = (a: (typeof pts)[number], b: (typeof pts)[number]) => a.col === b.col && b.row === a.row + 1;
    if (j + 1 < pts.length && sameRow(pts[j]!, pts[j + 1]!)) while (j + 1 < pts.length && sameRow(pts[j]!, pts[j + 1]!)) j++;
    else while (j + 1 < pts.length && sameCol(pts[j]!, pts[j + 1]!)) j++;
    parts.push(j > i ? `${pts[i]!.address}:${pts[j]!.address}` : pts[i]!.address);
    i = j + 1;
  }
  return parts.join(',');
};

/** The one sum each computed total is written as (the first identity that computes it). */
const SUM_OF = new Map<CellId, readonly CellId[]>();
for (const i of IDENTITIES) if (i.computes && !SUM_OF.has(i.computes)) SUM_OF.set(i.computes, i.rhs);

/** The formula of a total cell, e.g. 「SUM(D4:I4)」. */
export const totalFormula = (id: CellId): string | undefined => {
  const rhs = SUM_OF.get(id);
  return rhs ? `SUM(${rangesOf(rhs)})` : undefined;
};

/**
 * A 万元 amount as a number cell showing the decimals as entered ("5949.10" → 5949.1 shown with 「0.00」).
 * Excel holds numbers as doubles (15 significant digits): an amount a double cannot give back exactly is kept
 * as text, so the file never prints a fee other than the one entered.
 */
export const moneyCellValue = (s: string): { value: number | string; numFmt: string } => {
  const decimals = s.includes('.') ? s.split('.')[1]!.length : 0;
  const n = Number(s);
  const back = String(n);
  const [int, frac = ''] = back.split('.');
  const exact = !back.includes('e') && frac.length <= decimals && `${int}${decimals ? `.${frac.padEnd(decimals, '0')}` : ''}` === s;
  return exact ? { value: n, numFmt: decimals ? `0.${'0'.repeat(decimals)}` : '0' } : { value: s, numFmt: '@' };
};

/** What Excel lets a clerk type into a cell: counts are whole numbers ≥ 0, 万元 a number ≥ 0 (checked as typed). */
const COUNT_RULE: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '件数',
  error: '件数应为非负整数',
};
const MONEY_RULE: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '金额（万元）',
  error: '金额应为非负数（单位：万元，最多 6 位小数）',
};

/** A total whose stored value is the sum of its parts gets a formula; a wrong one is kept as entered, uncovered. */
const sumAgrees = (report: Report, id: CellId): boolean => {
  const rhs = SUM_OF.get(id)!;
  const sum = rhs.reduce((a, x) => a + Number(exportedValue(report.cells[x])), 0);
  return Number(exportedValue(report.cells[id])) === sum;
};

/**
 * Text as the file must hold it: Excel reads 「_x000D_」 in a cell as an escaped character (a line break), so a
 * clerk's literal 「_xHHHH_」 is written with its underscore escaped (「_x005F_xHHHH_」, ECMA-376 §22.9.2.19).
 */
export const ooxmlText = (s: string): string => s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');

/** Excel refuses rows taller than 409 pt. */
const MAX_ROW_HEIGHT = 409;
const rowHeight = (h: number): number => Math.min(MAX_ROW_HEIGHT, Math.round(h));

const estimateLines = (text: string, widthChars: number): number => {
  // CJK characters are two columns wide, Latin and digits one
  const units = [...text].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return Math.max(1, Math.ceil(units / Math.max(widthChars - 1, 1)));
};

const styleCell = (cell: ExcelJS.Cell, g: GridCell): void => {
  const horizontal = g.kind === 'data' || g.kind === 'header' ? 'center' : g.kind === 'label' && g.rowSpan > 1 ? 'center' : 'left';
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
  cell.font = { name: FONT_TABLE, size: g.kind === 'note' ? 9 : 10, bold: g.kind === 'item' };
  cell.border = BOX;
};

const tableSheet = (wb: ExcelJS.Workbook, t: TableId, report: Report, written: (s: string) => string): void => {
  const layout = tableLayout(t);
  const widths = COLUMN_WIDTHS[t];
  const ws = wb.addWorksheet(SHEET_NAMES[t], {
    pageSetup: {
      paperSize: 9,
      orientation: t === 't4' ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { top: 0.8, bottom: 0.8, left: 0.6, right: 0.6, header: 0.3, footer: 0.3 },
      ...(layout.headerRows ? { printTitlesRow: `${TABLE_FIRST_ROW}:${TABLE_FIRST_ROW + layout.headerRows - 1}` } : {}),
    },
    views: layout.headerRows ? [{ state: 'frozen', ySplit: TABLE_FIRST_ROW + layout.headerRows - 1, xSplit: layout.labelColumns }] : [],
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const title = ws.getCell(1, 1);
  title.value = TABLE_NAMES[t];
  title.font = { name: FONT_HEADING, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, layout.columnCount);
  ws.getRow(1).height = 24;

  const heights = new Map<number, number>();
  for (const row of layout.rows) {
    for (const g of row) {
      const r = TABLE_FIRST_ROW + g.row;
      const c = g.col + 1;
      const cell = ws.getCell(r, c);
      if (g.kind === 'data' && g.cellId) {
        const id = g.cellId;
        const v = exportedValue(report.cells[id]);
        if (cellDef(id)?.unit === 'money') {
          const m = moneyCellValue(String(v));
          cell.value = m.value;
          cell.numFmt = m.numFmt;
          if (typeof m.value === 'number') cell.dataValidation = MONEY_RULE;
        } else {
          const formula = totalFormula(id);
          const live = formula !== undefined && sumAgrees(report, id);
          cell.value = live ? { formula, result: Number(v) } : Number(v);
          cell.numFmt = '0';
          if (!live) cell.dataValidation = COUNT_RULE;
        }
      } else {
        cell.value = g.text;
      }
      styleCell(cell, g);
      if (g.rowSpan > 1 || g.colSpan > 1) {
        ws.mergeCells(r, c, r + g.rowSpan - 1, c + g.colSpan - 1);
        // borders on every covered cell, so the merged box is drawn whole in every spreadsheet program
        for (let y = r; y < r + g.rowSpan; y++) for (let x = c; x < c + g.colSpan; x++) ws.getCell(y, x).border = BOX;
      }
      if (g.rowSpan === 1 && g.kind !== 'data') {
        const width = widths.slice(g.col, g.col + g.colSpan).reduce((a, b) => a + b, 0);
        const size = g.kind === 'note' ? 9 : 10;
        heights.set(r, Math.max(heights.get(r) ?? 15, estimateLines(g.text, width) * (size + 4) + 3));
      }
    }
  }
  for (const [r, h] of heights) ws.getRow(r).height = rowHeight(h);

  const after = TABLE_FIRST_ROW + layout.rows.length + 1;
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  paragraphsOf(report.tableTexts[t] ?? '').forEach((p, i) => {
    const cell = ws.getCell(after + i, 1);
    cell.value = written(p);
    cell.font = { name: FONT_TEXT, size: 11 };
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    ws.mergeCells(after + i, 1, after + i, layout.columnCount);
    ws.getRow(after + i).height = rowHeight(estimateLines(p, totalWidth) * 15 + 3);
  });
};

const NARRATIVE_WIDTH = 90;

/** 「报告」: column A the section headings, column B one paragraph per row — a complete report in one sheet. */
const reportSheet = (wb: ExcelJS.Workbook, report: Report, written: (s: string) => string): void => {
  const ws = wb.addWorksheet(SHEET_NAMES.report, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { top: 0.8, bottom: 0.8, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 },
    },
  });
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = NARRATIVE_WIDTH;
  const text = (r: number, c: number, v: string | number, font: Partial<ExcelJS.Font>, wrap = true): ExcelJS.Cell => {
    const cell = ws.getCell(r, c);
    cell.value = typeof v === 'string' ? written(v) : v;
    cell.font = font;
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: wrap };
    return cell;
  };
  const title = text(1, 1, reportTitle(report.agency, report.year), { name: FONT_HEADING, size: 16 });
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, 2);
  ws.getRow(1).height = 30;
  const body = { name: FONT_TEXT, size: 12 };
  text(2, 1, '机关名称', { ...body, bold: true });
  text(2, 2, report.agency, body);
  text(3, 1, '报告年度', { ...body, bold: true });
  if (report.year !== null) text(3, 2, report.year, body).numFmt = '0';
  let r = 5;
  for (const s of SECTIONS) {
    text(r, 1, s.heading, { name: FONT_HEADING, size: 12 });
    ws.mergeCells(r, 1, r, 2);
    ws.getRow(r).height = 20;
    r++;
    const paras = s.kind === 'narrative' ? paragraphsOf(report.narratives[s.id] ?? '') : [`见工作表「${SHEET_NAMES[s.id]}」`];
    for (const p of paras) {
      text(r, 2, p, body);
      ws.getRow(r).height = rowHeight(estimateLines(p, NARRATIVE_WIDTH) * 16 + 4);
      r++;
    }
  }
};

export const buildXlsxWorkbook = (report: Report, written: (s: string) => string = ooxmlText): ExcelJS.Workbook => {
  const wb = new ExcelJS.Workbook();
  const name = report.agency || '政府信息公开工作年度报告编制器';
  wb.creator = name;
  wb.lastModifiedBy = name;
  wb.title = reportTitle(report.agency, report.year);
  wb.subject = report.agency;
  wb.keywords = report.year === null ? '政府信息公开工作年度报告' : String(report.year);
  wb.description = '政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）';
  // fixed dates keep the bytes of an export reproducible
  wb.created = new Date(Date.UTC(report.year ?? 2000, 11, 31));
  wb.modified = wb.created;
  reportSheet(wb, report, written);
  for (const t of TABLE_IDS) tableSheet(wb, t, report, written);
  return wb;
};

/**
 * exceljs hands its XML to JSZip as strings, and JSZip encodes them in 16 K slices: a character outside the BMP
 * (an emoji, 𪚥) that straddles two slices comes out as two U+FFFD. Such characters go through as an escape — a
 * private-use character the report does not contain, the code point in hex, 「;」 — and are put back in the XML.
 */
const astralEscape = (report: Report): { escape: (s: string) => string; restore: (xml: string) => string } => {
  const all = JSON.stringify(report);
  let intro = '';
  for (let c = 0xe000; c <= 0xf8ff && !intro; c++) if (!all.includes(String.fromCharCode(c))) intro = String.fromCharCode(c);
  if (!intro) return { escape: (s) => s, restore: (x) => x };
  const back = new RegExp(`${intro}([0-9a-f]{5,6});`, 'g');
  return {
    escape: (s) => s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (c) => `${intro}${c.codePointAt(0)!.toString(16)};`),
    restore: (xml) => (xml.includes(intro) ? xml.replace(back, (_m, h: string) => String.fromCodePoint(parseInt(h, 16))) : xml),
  };
};

/** The .xlsx file of a report, with the report's data in a custom XML part so that reading it back is exact. */
export const buildXlsx = async (report: Report): Promise<Uint8Array> => {
  const astral = astralEscape(report);
  const buf = await buildXlsxWorkbook(report, (s) => astral.escape(ooxmlText(s))).xlsx.writeBuffer();
  return withCustomXmlPart(new Uint8Array(buf as ArrayBuffer), 'xl/workbook.xml', exportMarker(report), astral.restore);
};
