/**
 * A report laid out on A4 pages the awkward ways published PDFs are (seen in WPS and Word files):
 * row labels wrapped over several lines with the numbers centred in the row (their baseline between
 * the label's lines), group labels one or two characters a line down a merged cell, header words as one
 * text run per character, tables running on to the next page without their header, page numbers
 * 「— 3 —」 and a running header on every page. Drawn from the format's own table layouts.
 */
import { SECTIONS, tableLayout, type GridCell, type TableLayout } from '../../shared/format';
import type { Report } from '../../shared/report';
import { makePdf, type FontMap, type PdfPageSpec, type PdfStroke, type PdfText } from './make-pdf';

export type AwkwardOptions = {
  /** Characters per line of a merged group label (one or two). */
  readonly groupChars?: 1 | 2;
  /** Print the title on page 1 (else only in the PDF's Title metadata). */
  readonly titleOnPage?: boolean;
  readonly runningHeader?: string;
  /** Page number style: 「- 3 -」 or 「— 3 —」. */
  readonly pageNumber?: '-' | '—';
  /** Repeat a table's header rows on the page it continues on. */
  readonly repeatHeader?: boolean;
  /** Points of narrative before 表三, to move its page break. */
  readonly pushDown?: number;
  readonly compress?: boolean;
  /** Bold faked as WPS does: every run of the title, headings and tables printed twice, a fraction of a point apart. */
  readonly fakeBold?: boolean;
  /** Draw the tables' ruling lines (default) or none at all. */
  readonly rules?: 'grid' | 'none';
  /** Pages holding a table turned a quarter round: upright through /Rotate 90, or printed sideways. */
  readonly turnTables?: 'rotate-attribute' | 'sideways';
  readonly fontMap?: FontMap;
  /** Runs set in a font without its character map (font 3 of makePdf): the title's lines, or every run inside the tables. */
  readonly unmappedFont?: 'title' | 'tables';
  /** Numbers written one digit per text run, a hair apart. */
  readonly splitDigits?: boolean;
  /** Thousands separated by commas (「1,234」). */
  readonly thousands?: boolean;
  /** What a zero is printed as (default 「0」). */
  readonly zeroAs?: string;
  /** Where a number sits in its cell. */
  readonly numberAlign?: 'left' | 'centre' | 'right';
  /** The title alone on a cover page, the report from page 2. */
  readonly cover?: boolean;
  /** 表四 printed as two tables, one above the other: 行政复议 and 未经复议直接起诉, then 复议后起诉. */
  readonly t4Halves?: boolean;
  /** Row labels without their numbering (「予以公开」 for 「（一）予以公开」, 「属于国家秘密」 for 「1.属于国家秘密」), or numbered another way. */
  readonly numbering?: 'none' | '1、' | '(1)';
  /** Characters swapped for the look-alikes some producers' text maps give (⼀ for 一, compatibility ideographs; full-width digits in the tables). */
  readonly lookAlikes?: boolean;
};

const TOP = 770;
const BOTTOM = 80;
const LEFT = 70;
const RIGHT = 525;
const BODY = 14;
const TABLE = 7.5;

/** Kangxi radicals, compatibility ideographs and full-width digits that look like the characters they stand for. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  一: '\u2f00',
  人: '\u2f08',
  行: '\u2f8f',
  不: '\uf967',
  年: '\uf98e',
  度: '\ufa01',
  理: '\uf9e4',
};
/** Full-width digits, as some agencies type the numbers of their tables. */
const WIDE_DIGITS = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

const chunk = (s: string, n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n));
  return out.length ? out : [''];
};

export const awkwardReportPdf = (r: Report, o: AwkwardOptions = {}): Uint8Array => {
  type Page = { texts: PdfText[]; lines: PdfStroke[]; table: boolean };
  const pages: Page[] = [];
  let page: Page = { texts: [], lines: [], table: false };
  let y = TOP;
  const newPage = () => {
    pages.push(page);
    page = { texts: [], lines: [], table: false };
    y = TOP;
  };
  const need = (h: number) => {
    if (y - h < BOTTOM) newPage();
  };
  const text = (x: number, yy: number, size: number, raw: string, font?: 1 | 2 | 3, bold = o.fakeBold) => {
    const s = o.lookAlikes ? [...raw].map((c) => LOOK_ALIKES[c] ?? c).join('') : raw;
    page.texts.push({ x, y: yy, size, text: s, ...(font ? { font } : {}) });
    if (bold) page.texts.push({ x: x + 0.35, y: yy + 0.1, size, text: s, ...(font ? { font } : {}) });
  };
  const paragraph = (s: string, size = BODY) => {
    const per = Math.floor((RIGHT - LEFT) / size);
    const lines = chunk(`\u3000\u3000${s}`, per);
    for (const [i, l] of lines.entries()) {
      need(size * 1.8);
      // the first line's indent is drawn as space, as WPS does: the text starts two characters in
      text(i === 0 ? LEFT + size * 2 : LEFT, y - size, size, i === 0 ? l.slice(2) : l, undefined, false);
      y -= size * 1.8;
    }
  };
  if (o.titleOnPage !== false) {
    const titleFont = o.unmappedFont === 'title' ? 3 : undefined;
    text(200, y - 22, 22, r.agency, titleFont);
    y -= 36;
    text(120, y - 22, 22, `${r.year}年政府信息公开工作年度报告`, titleFont);
    y -= 50;
    if (o.cover) newPage();
  }
  for (const s of SECTIONS) {
    need(BODY * 3);
    text(LEFT + BODY * 2, y - BODY, BODY, s.heading);
    y -= BODY * 2;
    if (s.kind === 'narrative') {
      for (const p of r.narratives[s.id].split('\n')) if (p.trim()) paragraph(p.trim());
      if (s.id === 'overview' && o.pushDown) y -= o.pushDown;
      continue;
    }
    const pen: Pen = {
      text: (x, yy, size, s, font) => text(x, yy, size, s, o.unmappedFont === 'tables' ? 3 : font),
      need,
      newPage,
      get y() {
        return y;
      },
      set y(v) {
        y = v;
      },
      get page() {
        return page;
      },
    };
    if (s.id === 't4' && o.t4Halves) {
      drawTable(columnsOf(tableLayout('t4'), 0, 10), r, o, pen);
      drawTable(columnsOf(tableLayout('t4'), 10, 15), r, o, pen);
    } else drawTable(tableLayout(s.id), r, o, pen);
  }
  pages.push(page);
  const specs: PdfPageSpec[] = pages.map((p, i) => {
    const extra: PdfText[] = [];
    if (o.runningHeader) extra.push({ x: LEFT, y: 805, size: 9, text: o.runningHeader });
    const dash = o.pageNumber ?? '-';
    // a page number as WPS writes it: three runs, dash, digit, dash
    extra.push({ x: 280, y: 40, size: 13, text: dash }, { x: 292, y: 40, size: 13, text: String(i + 1) }, { x: 304, y: 40, size: 13, text: dash });
    const turned = o.turnTables && p.table ? { turned: o.turnTables } : {};
    return { texts: [...p.texts, ...extra], lines: o.rules === 'none' ? [] : p.lines, ...turned };
  });
  return makePdf(specs, {
    compress: o.compress,
    ...(o.fontMap ? { fontMap: o.fontMap } : {}),
    ...(o.titleOnPage === false ? { title: `${r.agency}${r.year}年政府信息公开工作年度报告` } : {}),
  });
};

type Pen = {
  text(x: number, y: number, size: number, s: string, font?: 1 | 2 | 3): void;
  need(h: number): void;
  newPage(): void;
  y: number;
  readonly page: { lines: PdfStroke[]; table: boolean };
};

/** The columns from..to (not included) of a layout without label columns, as a table of their own. */
const columnsOf = (layout: TableLayout, from: number, to: number): TableLayout => ({
  ...layout,
  columnCount: to - from,
  rows: layout.rows.map((row) =>
    row
      .filter((g) => g.col < to && g.col + g.colSpan > from)
      .map((g) => ({ ...g, col: Math.max(g.col, from) - from, colSpan: Math.min(g.col + g.colSpan, to) - Math.max(g.col, from) })),
  ),
});

/** A number as printed: a zero as the agency writes it, thousands separated or not. */
const printed = (v: unknown, o: AwkwardOptions): string => {
  if (v === null || v === undefined) return '';
  if (v === 0 && o.zeroAs !== undefined) return o.zeroAs;
  if (o.thousands && typeof v === 'number') return v.toLocaleString('en-US');
  return String(v);
};

/** A row label as an agency numbers it. */
const numbered = (label: string, o: AwkwardOptions): string => {
  if (o.numbering === 'none') return label.replace(/^(?:[（(][一二三四五六七八九十]+[)）]|\d+\.)/, '');
  if (o.numbering === '1、') return label.replace(/^(\d+)\./, '$1、');
  if (o.numbering === '(1)') return label.replace(/^(\d+)\./, '($1)');
  return label;
};

const drawTable = (layout: TableLayout, r: Report, o: AwkwardOptions, pen: Pen) => {
  const id = layout.table;
  const n = layout.columnCount;
  const labelWidth = id === 't4' ? 0 : 200;
  const xs: number[] = [];
  for (let c = 0; c <= n; c++) {
    if (c <= layout.labelColumns && layout.labelColumns > 0) xs.push(LEFT + (labelWidth * c) / layout.labelColumns);
    else xs.push(LEFT + labelWidth + ((RIGHT - LEFT - labelWidth) * (c - layout.labelColumns)) / (n - layout.labelColumns));
  }
  const width = (g: GridCell) => xs[g.col + g.colSpan]! - xs[g.col]!;
  const perLine = (g: GridCell) => Math.max(1, Math.floor(width(g) / TABLE) - 1);
  const isGroup = (g: GridCell) => g.kind === 'label' && g.rowSpan > 1 && g.col === 0 && id === 't3';
  // each row's height: enough for the longest single-row label, wrapped
  const heights = layout.rows.map((row) =>
    Math.max(20, ...row.filter((g) => g.rowSpan === 1 && g.kind !== 'data').map((g) => chunk(g.text, perLine(g)).length * TABLE * 1.6 + 8)),
  );
  const header = layout.rows.slice(0, layout.headerRows);
  const drawRows = (rows: readonly (readonly GridCell[])[], first: number) => {
    const top = pen.y;
    const tops: number[] = [];
    let yy = top;
    for (let k = 0; k < rows.length; k++) {
      tops.push(yy);
      yy -= heights[first + k]!;
    }
    tops.push(yy);
    // a merged cell begun on the page before goes on here, empty (its text stayed above the break)
    for (const row of layout.rows.slice(0, first))
      for (const g of row)
        if (g.row + g.rowSpan > first && first > 0) {
          const x0 = xs[g.col]!;
          const x1 = xs[g.col + g.colSpan]!;
          const y1 = tops[Math.min(g.row + g.rowSpan - first, rows.length)]!;
          pen.page.lines.push([x0, top, x1, top], [x0, y1, x1, y1], [x0, top, x0, y1], [x1, top, x1, y1]);
        }
    for (const [k, row] of rows.entries())
      for (const g of row) {
        const span = Math.min(g.rowSpan, rows.length - k);
        const y0 = tops[k]!;
        const y1 = tops[k + span]!;
        const x0 = xs[g.col]!;
        const x1 = xs[g.col + g.colSpan]!;
        pen.page.lines.push([x0, y0, x1, y0], [x0, y1, x1, y1], [x0, y0, x0, y1], [x1, y0, x1, y1]);
        pen.page.table = true;
        const value = g.kind === 'data' ? printed(r.cells[g.cellId!], o) : g.kind === 'label' ? numbered(g.text, o) : g.text;
        const s = o.lookAlikes && g.kind === 'data' ? WIDE_DIGITS(value) : value;
        if (!s) continue;
        if (g.kind === 'data') {
          // a number sits in the middle of its row band, whatever the label's lines beside it
          const w = s.length * TABLE * 0.5;
          const x = o.numberAlign === 'right' ? x1 - 4 - w : o.numberAlign === 'centre' ? (x0 + x1 - w) / 2 : x0 + 4;
          const base = (y0 + y1) / 2 - TABLE * 0.35;
          if (o.splitDigits) [...s].forEach((ch, k) => pen.text(x + k * (TABLE * 0.5 + 0.2), base, TABLE, ch));
          else pen.text(x, base, TABLE, s);
        } else if (isGroup(g)) {
          const pieces = chunk(s, o.groupChars ?? 1);
          pieces.forEach((p, i) => pen.text(x0 + 3, y0 - 6 - TABLE - i * (TABLE * 1.7), TABLE, p));
        } else if (g.kind === 'header') {
          // one run per character, as WPS writes spaced-out header words
          const lines = chunk(s, perLine(g));
          lines.forEach((l, i) =>
            [...l].forEach((ch, j) => pen.text(x0 + 3 + j * (TABLE + 0.8), y0 - 6 - TABLE - i * TABLE * 1.6, TABLE, ch, ((j % 2) + 1) as 1 | 2)),
          );
        } else {
          const lines = chunk(s, perLine(g));
          lines.forEach((l, i) => pen.text(x0 + 3, y0 - 6 - TABLE - i * TABLE * 1.6, TABLE, l));
        }
      }
    pen.y = yy;
  };
  // rows go on as long as they fit; a row group merged down (a t3 group) may be cut by the page break
  let start = 0;
  while (start < layout.rows.length) {
    let end = start;
    let h = 0;
    while (end < layout.rows.length && pen.y - h - heights[end]! >= BOTTOM) h += heights[end++]!;
    if (end === start) {
      pen.newPage();
      if (o.repeatHeader && start >= layout.headerRows) drawRows(header, 0);
      continue;
    }
    drawRows(layout.rows.slice(start, end), start);
    start = end;
    if (start < layout.rows.length) {
      pen.newPage();
      if (o.repeatHeader) drawRows(header, 0);
    }
  }
  pen.y -= 20;
};
