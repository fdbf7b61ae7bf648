/**
 * Reads our own exports back, directly from their XML and cells (not through the importers), so the round-trip
 * tests compare what a file holds with the report it was made from. Also: narratives taken from the seed texts.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, type Element as XElement } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import type { NarrativeId } from '../../shared/format/types';
import { CELLS } from '../../shared/format/cells';
import { seedText } from '../helpers/seeds';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export const unzip = (bytes: Uint8Array): Record<string, string> => {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
};

export const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

export const children = (el: Element | XElement, local: string): Element[] =>
  Array.from((el as Element).childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === local);
export const child = (el: Element, local: string): Element | undefined => children(el, local)[0];
export const attr = (el: Element | undefined, name: string): string | null => (el ? (el.getAttributeNS(W, name) ?? el.getAttribute(`w:${name}`)) : null);
export const descendants = (el: Element | Document, local: string): Element[] => Array.from(el.getElementsByTagNameNS(W, local));

/** The text of a paragraph; <w:br/> becomes a line break. */
export const paragraphText = (p: Element): string =>
  descendants(p, 'r')
    .map((r) =>
      Array.from(r.childNodes)
        .map((n) => ((n as Element).localName === 't' ? n.textContent : (n as Element).localName === 'br' ? '\n' : ''))
        .join(''),
    )
    .join('');

export type ReadCell = { row: number; col: number; rowSpan: number; colSpan: number; text: string; tc: Element };

/** The cells of a Word table as a grid of merged cells (gridSpan across, vMerge down), top-left corners only. */
export const readWordTable = (tbl: Element): { cells: ReadCell[]; rows: Element[] } => {
  const rows = children(tbl, 'tr');
  const cells: ReadCell[] = [];
  const open = new Map<number, ReadCell>();
  rows.forEach((tr, r) => {
    let col = 0;
    for (const tc of children(tr, 'tc')) {
      const pr = child(tc, 'tcPr');
      const span = Number(attr(pr && child(pr, 'gridSpan'), 'val') ?? 1);
      const vm = pr && child(pr, 'vMerge');
      const vmVal = vm ? (attr(vm, 'val') ?? 'continue') : null;
      if (vmVal === 'continue') {
        const top = open.get(col);
        if (!top) throw new Error(`vMerge continue without a start at row ${r}, col ${col}`);
        top.rowSpan++;
      } else {
        const c: ReadCell = { row: r, col, rowSpan: 1, colSpan: span, text: children(tc, 'p').map(paragraphText).join('\n'), tc };
        cells.push(c);
        if (vmVal === 'restart') open.set(col, c);
        else open.delete(col);
      }
      col += span;
    }
  });
  return { cells, rows };
};

/** The body of document.xml as a list of paragraphs and tables. */
export type BodyItem = { kind: 'p'; el: Element; text: string } | { kind: 'tbl'; el: Element };
export const readWordBody = (documentXml: string): { doc: Document; items: BodyItem[]; sectPr: Element } => {
  const doc = parseXml(documentXml);
  const body = descendants(doc, 'body')[0]!;
  const items: BodyItem[] = [];
  for (const n of Array.from(body.childNodes) as Element[]) {
    if (n.nodeType !== 1) continue;
    if (n.localName === 'p') items.push({ kind: 'p', el: n, text: paragraphText(n) });
    else if (n.localName === 'tbl') items.push({ kind: 'tbl', el: n });
  }
  return { doc, items, sectPr: child(body, 'sectPr')! };
};

export type RunProps = { ascii: string | null; hAnsi: string | null; eastAsia: string | null; size: string | null; bold: boolean };
export type ParaProps = {
  style: string | null;
  jc: string | null;
  line: string | null;
  lineRule: string | null;
  firstLineChars: string | null;
  keepNext: boolean;
};

const applyRPr = (acc: RunProps, pr: Element | undefined): RunProps => {
  if (!pr) return acc;
  const f = child(pr, 'rFonts');
  const b = child(pr, 'b');
  const sz = child(pr, 'sz');
  return {
    ascii: attr(f, 'ascii') ?? acc.ascii,
    hAnsi: attr(f, 'hAnsi') ?? acc.hAnsi,
    eastAsia: attr(f, 'eastAsia') ?? acc.eastAsia,
    size: attr(sz, 'val') ?? acc.size,
    bold: b ? attr(b, 'val') !== 'false' && attr(b, 'val') !== '0' : acc.bold,
  };
};
const applyPPr = (acc: ParaProps, pr: Element | undefined): ParaProps => {
  if (!pr) return acc;
  const sp = child(pr, 'spacing');
  const ind = child(pr, 'ind');
  const kn = child(pr, 'keepNext');
  return {
    style: attr(child(pr, 'pStyle'), 'val') ?? acc.style,
    jc: attr(child(pr, 'jc'), 'val') ?? acc.jc,
    line: attr(sp, 'line') ?? acc.line,
    lineRule: attr(sp, 'lineRule') ?? acc.lineRule,
    firstLineChars: attr(ind, 'firstLineChars') ?? acc.firstLineChars,
    keepNext: kn ? attr(kn, 'val') !== 'false' && attr(kn, 'val') !== '0' : acc.keepNext,
  };
};

/**
 * The formatting Word gives a run or paragraph: document defaults, then the paragraph style and the styles it is
 * based on (outermost first), then the run's or paragraph's own properties.
 */
export const styleSheet = (stylesXml: string) => {
  const doc = parseXml(stylesXml);
  const defaults = descendants(doc, 'docDefaults')[0];
  const rDef = defaults && descendants(defaults as unknown as Element, 'rPrDefault')[0];
  const pDef = defaults && descendants(defaults as unknown as Element, 'pPrDefault')[0];
  const styles = new Map(descendants(doc, 'style').map((st) => [attr(st, 'styleId'), st]));
  const chain = (id: string | null): Element[] => {
    const out: Element[] = [];
    for (let st = id ? styles.get(id) : undefined; st; st = styles.get(attr(child(st, 'basedOn'), 'val'))) out.unshift(st);
    return out;
  };
  const run0: RunProps = applyRPr({ ascii: null, hAnsi: null, eastAsia: null, size: null, bold: false }, rDef && child(rDef, 'rPr'));
  const para0: ParaProps = applyPPr({ style: null, jc: null, line: null, lineRule: null, firstLineChars: null, keepNext: false }, pDef && child(pDef, 'pPr'));
  const styleOf = (p: Element) => attr(child(child(p, 'pPr') ?? p, 'pStyle'), 'val');
  return {
    has: (id: string) => styles.has(id),
    styleName: (id: string) => attr(child(styles.get(id)!, 'name'), 'val'),
    run: (p: Element, r: Element): RunProps =>
      applyRPr(
        chain(styleOf(p)).reduce((a, st) => applyRPr(a, child(st, 'rPr')), run0),
        child(r, 'rPr'),
      ),
    paragraph: (p: Element): ParaProps =>
      applyPPr({ ...chain(styleOf(p)).reduce((a, st) => applyPPr(a, child(st, 'pPr')), para0), style: styleOf(p) }, child(p, 'pPr')),
  };
};
export type StyleSheet = ReturnType<typeof styleSheet>;

/** Direct run properties only (for parts without styles, such as the footers). */
export const runFonts = (r: Element): RunProps => applyRPr({ ascii: null, hAnsi: null, eastAsia: null, size: null, bold: false }, child(r, 'rPr'));

// ---- xlsx ----

export const loadWorkbook = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
};

/**
 * The number a cell holds, a formula's cached result included. (exceljs's `cell.value` leaves out a cached result
 * of 0 — its copy skips falsy fields — so the result is read from `cell.result`.)
 */
export const numberOf = (cell: ExcelJS.Cell): number => {
  const v = cell.value;
  if (typeof v === 'number') return v;
  if (cell.formula && typeof cell.result === 'number') return cell.result;
  throw new Error(`not a number cell: ${JSON.stringify(v)}`);
};

/** Evaluates our own 「SUM(A1:B2,C3)」 against the sheet's cells: proves the references point at the parts. */
export const evaluateSum = (ws: ExcelJS.Worksheet, formula: string): number => {
  const m = /^SUM\((.+)\)$/.exec(formula);
  if (!m) throw new Error(`not a SUM: ${formula}`);
  let total = 0;
  for (const part of m[1]!.split(',')) {
    const [a, b = a] = part.split(':');
    const ca = ws.getCell(a!);
    const cb = ws.getCell(b!);
    for (let r = Number(ca.row); r <= Number(cb.row); r++) for (let c = Number(ca.col); c <= Number(cb.col); c++) total += numberOf(ws.getCell(r, c));
  }
  return total;
};

/** A 万元 cell back to its decimal string: the number shown with the decimals of its format, or the text kept. */
export const moneyOf = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') throw new Error(`money cell holds ${JSON.stringify(v)}`);
  const decimals = /^0\.(0+)$/.exec(cell.numFmt ?? '')?.[1]!.length ?? 0;
  const [int, frac = ''] = String(v).split('.');
  return decimals ? `${int}.${frac.padEnd(decimals, '0')}` : int!;
};

// ---- html ----

// jsdom ships without type declarations; this is the one constructor used
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: Window } };

export const parseHtml = (html: string): Document => new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document;

/** The cells of an HTML table with positions worked out from rowspan/colspan, as a browser lays them out. */
export const readHtmlTable = (table: Element): { cells: { row: number; col: number; rowSpan: number; colSpan: number; el: Element }[]; rows: Element[] } => {
  const rows = Array.from(table.querySelectorAll('tr'));
  const taken = new Set<string>();
  const cells: { row: number; col: number; rowSpan: number; colSpan: number; el: Element }[] = [];
  rows.forEach((tr, r) => {
    let col = 0;
    for (const el of Array.from(tr.children)) {
      while (taken.has(`${r},${col}`)) col++;
      const rowSpan = Number(el.getAttribute('rowspan') ?? 1);
      const colSpan = Number(el.getAttribute('colspan') ?? 1);
      cells.push({ row: r, col, rowSpan, colSpan, el });
      for (let y = r; y < r + rowSpan; y++) for (let x = col; x < col + colSpan; x++) taken.add(`${y},${x}`);
      col += colSpan;
    }
  });
  return { cells, rows };
};

// ---- narratives of the seeds ----

const HEADING = /^[#\s]*([一二三四五六])、/;

/** The narratives of a seed report: the text under 一、, 五、 and 六、 (markdown marks removed). */
export const seedNarratives = (file: string): Record<NarrativeId, string> => {
  const lines = seedText(file)
    .split(/\r?\n/)
    .map((l) => l.replace(/^#+\s*/, ''));
  const at = (n: string, from = 0) => lines.findIndex((l, i) => i >= from && HEADING.exec(l)?.[1] === n && !/数量|办理|结转/.test(l));
  const one = at('一');
  const two = at('二', one + 1);
  const five = at('五', two + 1);
  const six = at('六', five + 1);
  const take = (a: number, b: number) =>
    lines
      .slice(a + 1, b === -1 ? undefined : b)
      .join('\n')
      .trim();
  return { overview: take(one, two), problems: take(five, six), other_matters: take(six, -1) };
};

/** The cells an export must hold for a report: a blank is written as 0 (「0」 for 万元), everything else as it is. */
export const expectedCells = (cells: Record<string, number | string | null>): Record<string, number | string> =>
  Object.fromEntries(CELLS.map((c) => [c.id, cells[c.id] ?? (c.unit === 'money' ? '0' : 0)]));
