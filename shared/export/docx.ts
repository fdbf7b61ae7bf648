/**
 * The report as a Word file laid out after GB/T 9704—2012 《党政机关公文格式》, so that a clerk can submit it
 * unchanged: A4, 版心 156 mm × 225 mm, 22 lines of 3号仿宋 per page at an exact 28 pt, 2号小标宋 title,
 * 黑体/楷体 headings, 「— 1 —」 page numbers at the outer edge, and the statutory tables with their merged headers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type IParagraphStyleOptions,
  Footer,
  Header,
  type IFontAttributesProperties,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TableId } from '../format/types';
import { SECTIONS, reportTitle } from '../format/sections';
import { type GridCell, tableLayout } from '../format/header-layout';
import type { Report } from '../report/document';
import { isSignOffBlank, signOffLayout } from '../report/sign-off';
import { COLUMN_MM, cellText, paragraphsOf, splitSubHeading, titleLines } from './content';
import { FONT_TABLE_XML, FONTS } from './docx-fonts';
import { CUSTOM_XML_TARGET, ITEM_PROPS_TYPE, REL_CUSTOM_XML, customXmlFiles } from './custom-xml-part';
import { exportMarker } from '../report/export-marker';

const twipsOfMm = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** GB/T 9704 page: A4 with the margins that give a 156 mm × 225 mm 版心. */
export const PAGE = {
  width: twipsOfMm(210),
  height: twipsOfMm(297),
  top: twipsOfMm(37),
  bottom: twipsOfMm(35),
  left: twipsOfMm(28),
  right: twipsOfMm(26),
  header: twipsOfMm(15),
  // the page number (a single-spaced 4号 line, about 6 mm) has its upper edge 7 mm below the 版心 (GB/T 9704 §7.5)
  footer: twipsOfMm(22),
} as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/**
 * Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 5号 10.5 pt, 小五 9 pt. 表二 is set in 5号; the wide 表三
 * (10 columns) and 表四 (15 columns) in 小五, so five-digit counts fit their columns.
 */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, tableSmall: 18 } as const;
/** 固定值 28 磅: 22 lines to the 225 mm 版心. */
const LINE = 560;
const TITLE_LINE = 700;

/** Latin letters and digits in Times New Roman beside the Chinese face, as offices set them. */
const fontOf = (cjk: string): IFontAttributesProperties => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: cjk, hint: 'eastAsia' });

/**
 * Paragraph styles carry the fonts and spacing (a clerk who changes 「公文正文」 in Word changes every body
 * paragraph), and keep the file small: most runs need no formatting of their own.
 */
export const STYLE = { body: 'GkBody', heading1: 'GkHeading1', title: 'GkTitle', table: 'GkTable', tableSmall: 'GkTableSmall' } as const;
const TABLE_STYLE: Record<TableId, string> = { t2: STYLE.table, t3: STYLE.tableSmall, t4: STYLE.tableSmall };

const paragraphStyles = (): IParagraphStyleOptions[] => {
  const tableStyle = (id: string, name: string, size: number, line: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontOf(FONTS.table), size },
    // centred: numbers and column headings, most of a table; left-aligned labels say so themselves
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { line, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
      indent: { firstLine: 0, firstLineChars: 0 },
    },
  });
  return [
    {
      id: STYLE.body,
      name: '公文正文',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: { font: fontOf(FONTS.body), size: SIZE.body },
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        indent: { firstLineChars: 200, firstLine: 2 * SIZE.body * 10 },
      },
    },
    {
      id: STYLE.heading1,
      name: '公文一级标题',
      basedOn: STYLE.body,
      next: STYLE.body,
      quickFormat: true,
      run: { font: fontOf(FONTS.heading1), size: SIZE.body },
      paragraph: { keepNext: true, outlineLevel: 0 },
    },
    {
      id: STYLE.title,
      name: '公文标题',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      // the year's digits in 小标宋 too: Times New Roman's thin digits beside the heavy title face look pasted in
      run: { font: { ascii: FONTS.title, hAnsi: FONTS.title, cs: FONTS.title, eastAsia: FONTS.title, hint: 'eastAsia' }, size: SIZE.title },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT, before: LINE, after: LINE },
        indent: { firstLine: 0, firstLineChars: 0 },
      },
    },
    tableStyle(STYLE.table, '公文表格', SIZE.table, 300),
    tableStyle(STYLE.tableSmall, '公文表格（小五）', SIZE.tableSmall, 260),
  ];
};

const bodyParagraph = (children: TextRun[], keepNext = false): Paragraph => new Paragraph({ style: STYLE.body, children, ...(keepNext ? { keepNext } : {}) });

const titleParagraph = (report: Report): Paragraph =>
  new Paragraph({ style: STYLE.title, children: titleLines(report).map((l, i) => new TextRun({ text: l, ...(i > 0 ? { break: 1 } : {}) })) });

/** 一级标题 in 黑体, indented two characters like the body. */
const sectionHeading = (text: string): Paragraph => new Paragraph({ style: STYLE.heading1, children: [new TextRun(text)] });

/** A narrative line: 「（一）…」 headings in bold 楷体, run-in or on a line of their own; the rest in the body's 仿宋. */
const narrativeParagraph = (p: string): Paragraph => {
  const { heading, body } = splitSubHeading(p);
  const runs: TextRun[] = [];
  if (heading) runs.push(new TextRun({ text: heading, font: fontOf(FONTS.heading2), bold: true, boldComplexScript: true }));
  if (body) runs.push(new TextRun(body));
  return bodyParagraph(runs, heading !== '' && body === '');
};

// ---- tables ----

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER } as const;

/** Column widths in twips that fit the 版心 exactly. */
const columnWidths = (t: TableId): number[] => {
  const tw = COLUMN_MM[t].map(twipsOfMm);
  // absorb rounding so the table is exactly the width of the 版心
  tw[tw.length - 1]! += TEXT_WIDTH - tw.reduce((a, b) => a + b, 0);
  return tw;
};

const alignmentOf = (t: TableId, c: GridCell) => {
  if (c.kind === 'data' || c.kind === 'header') return AlignmentType.CENTER;
  if (c.kind === 'item' || c.kind === 'note') return AlignmentType.LEFT;
  // 表三's item rows (1. 2. …) and one-line rows read left-aligned, its group labels centred
  if (t === 't3' && c.rowSpan === 1) return AlignmentType.LEFT;
  return AlignmentType.CENTER;
};

const tableCell = (t: TableId, c: GridCell, report: Report, widths: number[]): TableCell => {
  const text = c.kind === 'data' && c.cellId ? cellText(report, c.cellId) : c.text;
  const width = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    children: [
      new Paragraph({
        style: TABLE_STYLE[t],
        ...(alignmentOf(t, c) === AlignmentType.LEFT ? { alignment: AlignmentType.LEFT } : {}),
        children: [new TextRun(c.kind === 'item' ? { text, bold: true } : text)],
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
  });
};

/**
 * Rows kept with the next one: 表二 and 表四 whole (short enough for one page); 表三 may break, with its header
 * repeated, but its header and first rows stay together so a page never ends on a lone header, and each group
 * under a merged label (「（四）无法提供」 and its three rows) stays on one page: a label split by a page break
 * reads as if its rows on the next page had none.
 */
const KEPT_ROWS = (t: TableId, rows: number): number => (t === 't3' ? tableLayout(t).headerRows + 3 : rows - 1);

/** The rows (but the last) of each innermost merged row label: 「三、本年度办理结果」 holds the groups and may break between them. */
const groupedRows = (t: TableId): ReadonlySet<number> => {
  const spans = tableLayout(t)
    .rows.flat()
    .filter((c) => c.kind === 'label' && c.rowSpan > 1);
  const inner = spans.filter((c) => !spans.some((o) => o !== c && o.row >= c.row && o.row + o.rowSpan <= c.row + c.rowSpan));
  return new Set(inner.flatMap((c) => Array.from({ length: c.rowSpan - 1 }, (_, k) => c.row + k)));
};

const statutoryTable = (t: TableId, report: Report): Table => {
  const layout = tableLayout(t);
  const widths = columnWidths(t);
  const keep = KEPT_ROWS(t, layout.rows.length);
  const grouped = groupedRows(t);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    margins: { top: 28, bottom: 28, left: 57, right: 57 },
    rows: layout.rows.map(
      (cells, i) =>
        new TableRow({
          children: cells.map((c) => tableCell(t, c, report, widths)),
          cantSplit: true,
          ...(i < layout.headerRows ? { tableHeader: true } : {}),
          ...(i < keep || grouped.has(i) ? { keepNext: true } : {}),
        }),
    ),
  });
};

/** A short line of space between a table and what follows (tables have no first-line indent). */
const gap = (): Paragraph => new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, children: [] });

/**
 * 落款 after the last section: one blank line, then the agency right-aligned two characters in and the date
 * beneath it starting two characters right of the agency's first character (GB/T 9704 §7.3.5.3), in characters of
 * the 3号 body face. The date is placed by its left edge: where it ends depends on how its digits print.
 */
const signOffParagraphs = (report: Report): Paragraph[] => {
  if (isSignOffBlank(report.signOff)) return [];
  const { agencyRight, dateStart } = signOffLayout(report.signOff);
  const oneChar = SIZE.body * 10;
  const agency = report.signOff.agency.trim();
  const date = report.signOff.date.trim();
  const line = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { right: number } | { left: number }) =>
    new Paragraph({ style: STYLE.body, alignment, indent: { firstLine: 0, firstLineChars: 0, ...indent }, children: [new TextRun(text)] });
  const out = [bodyParagraph([])];
  if (agency) out.push(line(agency, AlignmentType.RIGHT, { right: Math.round(agencyRight * oneChar) }));
  if (date) out.push(line(date, AlignmentType.LEFT, { left: Math.max(0, TEXT_WIDTH - Math.round(dateStart * oneChar)) }));
  return out;
};

// ---- page numbers ----

/** 「— 1 —」 in 4号 宋体, one character in from the outer edge: right on odd pages, left on even. */
const pageNumberFooter = (odd: boolean): Footer => {
  const f: IFontAttributesProperties = { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, cs: FONTS.pageNumber, eastAsia: FONTS.pageNumber };
  const oneChar = SIZE.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: oneChar } : { left: oneChar },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new TextRun({ font: f, size: SIZE.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
};

// ---- the draft mark ----

/** What the clerk chose when exporting: 「仍然导出草稿」 marks the file as a draft. */
export type DocxOptions = { readonly draft?: boolean };

/**
 * 「草稿」 boxed at the top right of the first page, in the header so the 版心 and its 22 lines stay as printed:
 * a draft exported over errors or blanks cannot be mistaken for the report to submit.
 */
const draftHeader = (): Header =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({
            text: '草稿',
            font: fontOf(FONTS.heading1),
            size: SIZE.body,
            color: 'C00000',
            border: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 1 },
          }),
        ],
      }),
    ],
  });

// ---- the document ----

const sectionChildren = (report: Report): (Paragraph | Table)[] => {
  const out: (Paragraph | Table)[] = [titleParagraph(report)];
  for (const s of SECTIONS) {
    out.push(sectionHeading(s.heading));
    if (s.kind === 'narrative') {
      for (const p of paragraphsOf(report.narratives[s.id] ?? '')) out.push(narrativeParagraph(p));
    } else {
      out.push(statutoryTable(s.id, report));
      const notes = paragraphsOf(report.tableTexts[s.id] ?? '');
      out.push(gap());
      for (const p of notes) out.push(narrativeParagraph(p));
    }
  }
  out.push(...signOffParagraphs(report));
  return out;
};

export const buildDocxDocument = (report: Report, options: DocxOptions = {}): Document =>
  new Document({
    title: reportTitle(report.agency, report.year),
    subject: report.agency,
    creator: report.agency || '政府信息公开工作年度报告编制器',
    lastModifiedBy: report.agency || '政府信息公开工作年度报告编制器',
    keywords: report.year === null ? '政府信息公开工作年度报告' : String(report.year),
    description: '政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // zh-CN so Word picks Chinese line breaking and punctuation rules (and proofing) for the text
          run: { font: fontOf(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
      paragraphStyles: paragraphStyles(),
    },
    sections: [
      {
        properties: {
          titlePage: !!options.draft,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter(true), even: pageNumberFooter(false), ...(options.draft ? { first: pageNumberFooter(true) } : {}) },
        ...(options.draft ? { headers: { first: draftHeader() } } : {}),
        children: sectionChildren(report),
      },
    ],
  });

/** The .docx file of a report, with the report's data in a custom XML part so that reading it back is exact. */
export const buildDocx = async (report: Report, options: DocxOptions = {}): Promise<Uint8Array> => {
  const doc = buildDocxDocument(report, options);
  // the custom XML part goes into the package as docx writes it (no second zip pass)
  doc.Document.Relationships.addRelationship('DisclosureReport', REL_CUSTOM_XML, CUSTOM_XML_TARGET);
  doc.ContentTypes.addOverride(ITEM_PROPS_TYPE, '/customXml/itemProps1.xml');
  const buf = await Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }, ...customXmlFiles(exportMarker(report))]);
  return new Uint8Array(buf);
};
