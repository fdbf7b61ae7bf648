/**
 * An Excel .xlsx reduced to Blocks, sheet by sheet, reading the sheet XML directly (shared strings,
 * cell values or the cached values of formulas, merged ranges) behind the same zip limits and DTD
 * refusal as Word files. No spreadsheet library is involved: the npm `xlsx` 0.18.5 has unpatched
 * advisories on reading untrusted files, and exceljs would inflate the whole archive with its own
 * unzip before any of our limits could apply.
 */
import type { Block } from './types';
import { type SafeZip, ZipError, decodeXmlBytes } from './zip';
import { type XmlElement, attr, childElements, descendants, firstChild, parseXml } from './xml';
import { headingIndex } from './sections';
import { maxOf, trimEndOf } from './bounded';

/** A sheet wider than this is not a statutory table; cells beyond it are ignored (a stray cell at XFD1 must not allocate 16,384 columns per row). */
export const MAX_SHEET_COLUMNS = 256;
export const MAX_SHEET_ROWS = 5000;
/** Cells with a value read from the whole workbook; a statutory report has under a thousand. */
export const MAX_WORKBOOK_CELLS = 100_000;
/** Cells of the sheet grids built, over the whole workbook (rows × the sheet's used width). */
export const MAX_GRID_AREA = 4_000_000;
/** Sheets read; a report needs a handful. */
export const MAX_SHEETS = 100;
/** Steps spent applying merged ranges, over the whole workbook (each merge costs the rows it covers). */
export const MAX_MERGE_WORK = 2_000_000;

export type XlsxSheet = { readonly name: string; readonly rows: string[][]; readonly truncated: boolean };

const xml = (zip: SafeZip, part: string) => parseXml(decodeXmlBytes(zip.read(part)), part);

const resolve = (base: string, target: string): string => {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
};

const relsOf = (zip: SafeZip, part: string): Map<string, string> => {
  const relsPart = resolve(part, `_rels/${part.split('/').pop()}.rels`);
  const out = new Map<string, string>();
  if (!zip.has(relsPart)) return out;
  for (const r of childElements(xml(zip, relsPart).documentElement!, 'Relationship')) out.set(attr(r, 'Id') ?? '', resolve(part, attr(r, 'Target') ?? ''));
  return out;
};

/** Excel writes characters XML cannot hold as _xHHHH_ (a line break in a cell as _x000D_, a literal "_x" as _x005F_x). */
const unescapeOoxml = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

/** The text of a shared or inline string: plain <t>, or rich-text runs <r><t>; phonetic hints <rPh> are not text. */
const stringText = (si: XmlElement): string => {
  let s = '';
  for (const c of childElements(si)) {
    if (c.localName === 't') s += c.textContent ?? '';
    else if (c.localName === 'r') for (const t of childElements(c, 't')) s += t.textContent ?? '';
  }
  return unescapeOoxml(s);
};

/** Column letters → 0-based index (A → 0, AA → 26). */
const colIndex = (letters: string): number => {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};
const parseRef = (ref: string): { r: number; c: number } | null => {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  return m ? { c: colIndex(m[1]!), r: Number(m[2]) - 1 } : null;
};

/** A stored number as people wrote it: floating noise beyond 6 decimals (万元 to the 分) dropped, no exponent. */
export const numberText = (v: string): string => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) return v;
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : v;
  return trimEndOf(trimEndOf(n.toFixed(6), '0'), '.');
};

/** What all the sheets of one workbook may use together (cells with content, merge work, grid area). */
export type SheetBudget = { cells: number; merges: number; area: number };
export const sheetBudget = (): SheetBudget => ({ cells: MAX_WORKBOOK_CELLS, merges: MAX_MERGE_WORK, area: MAX_GRID_AREA });

/** A merged range, 0-based and inclusive. */
export type MergedRange = { readonly r1: number; readonly c1: number; readonly r2: number; readonly c2: number };

/**
 * A sheet's cells (and merged ranges) as rows of texts under the workbook's budget, whatever file they came from
 * (.xlsx XML, .xls records): add each cell with a value, then finish with the merges.
 */
export const sheetGrid = (name: string, budget: SheetBudget) => {
  const grid = new Map<number, Map<number, string>>();
  let truncated = false;
  let maxR = -1;
  return {
    add(r: number, col: number, text: string): void {
      if (text === '') return;
      if (r >= MAX_SHEET_ROWS || col >= MAX_SHEET_COLUMNS) {
        truncated = true;
        return;
      }
      if (--budget.cells < 0)
        throw new ZipError(`工作簿中有内容的单元格超过 ${MAX_WORKBOOK_CELLS.toLocaleString('en-US')} 个，不是年度报告；请只保留报告所在的工作表后再导入`);
      if (!grid.has(r)) grid.set(r, new Map());
      grid.get(r)!.set(col, text);
      maxR = Math.max(maxR, r);
    },
    finish(merges: Iterable<MergedRange>): XlsxSheet {
      // a merged range shows its top-left value only; whatever a producer left in the covered cells is not shown
      for (const { r1, c1, r2, c2 } of merges) {
        // only the rows that hold values, and per row the cheaper of its values or the range's columns
        for (let r = r1, end = Math.min(r2, maxR); r <= end; r++) {
          const cols = grid.get(r);
          budget.merges -= 1 + (cols ? Math.min(cols.size, c2 - c1 + 1) : 0);
          if (budget.merges < 0) throw new ZipError('工作簿中的合并单元格过多，不是年度报告；请只保留报告所在的工作表后再导入');
          if (!cols) continue;
          if (cols.size <= c2 - c1 + 1) {
            for (const c of [...cols.keys()]) if (c >= c1 && c <= c2 && !(r === r1 && c === c1)) cols.delete(c);
          } else for (let c = c1; c <= c2; c++) if (!(r === r1 && c === c1)) cols.delete(c);
        }
      }
      // as wide as the used range, but an empty row is [] (never a full grid: a value at A1 and one at IV5000
      // are two rows of 256, not 5000), and the area of all grids together is bounded
      let width = 0;
      for (const cols of grid.values()) width = Math.max(width, maxOf(cols.keys(), -1) + 1);
      const rows: string[][] = [];
      for (let r = 0; r <= maxR; r++) {
        const cols = grid.get(r);
        if (!cols?.size) {
          rows.push([]);
          continue;
        }
        budget.area -= width;
        if (budget.area < 0)
          throw new ZipError(`工作簿的表格范围过大（超过 ${MAX_GRID_AREA.toLocaleString('en-US')} 个单元格），不是年度报告；请只保留报告所在的工作表后再导入`);
        rows.push(Array.from({ length: width }, (_, c) => cols.get(c) ?? ''));
      }
      return { name, rows, truncated };
    },
  };
};

const readSheet = (sheet: XmlElement, name: string, shared: readonly string[], budget: SheetBudget): XlsxSheet => {
  const g = sheetGrid(name, budget);
  const data = firstChild(sheet, 'sheetData');
  let rowCursor = -1;
  for (const row of data ? childElements(data, 'row') : []) {
    const rAttr = Number(attr(row, 'r'));
    rowCursor = Number.isInteger(rAttr) && rAttr > 0 ? rAttr - 1 : rowCursor + 1;
    let colCursor = -1;
    for (const c of childElements(row, 'c')) {
      const ref = parseRef(attr(c, 'r') ?? '');
      const r = ref ? ref.r : rowCursor;
      const col = ref ? ref.c : colCursor + 1;
      colCursor = col;
      const t = attr(c, 't') ?? 'n';
      const v = firstChild(c, 'v')?.textContent ?? '';
      let text: string;
      if (t === 's') text = shared[Number(v)] ?? '';
      else if (t === 'inlineStr') {
        const is = firstChild(c, 'is');
        text = is ? stringText(is) : '';
      } else if (t === 'str') text = v;
      else if (t === 'b') text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
      else if (t === 'e') text = '';
      else text = numberText(v);
      g.add(r, col, text);
    }
  }
  const merges: MergedRange[] = [];
  for (const m of descendants(sheet, 'mergeCell')) {
    const [a, b] = (attr(m, 'ref') ?? '').split(':');
    const p = parseRef(a ?? '');
    const q = parseRef(b ?? a ?? '');
    if (p && q) merges.push({ r1: p.r, c1: p.c, r2: q.r, c2: q.c });
  }
  return g.finish(merges);
};

export const xlsxSheets = (zip: SafeZip): XlsxSheet[] => {
  if (zip.has('xl/workbook.bin')) throw new ZipError('这是 Excel 二进制工作簿（.xlsb），暂不支持；请在 Excel 中另存为 .xlsx 后再导入');
  const wbPart = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : zip.names.find((n) => /(^|\/)workbook\.xml$/.test(n));
  if (!wbPart) throw new ZipError('压缩包内没有 Excel 工作簿（xl/workbook.xml），不是有效的 .xlsx 文件');
  const rels = relsOf(zip, wbPart);
  let shared: string[] = [];
  for (const target of rels.values())
    if (/sharedStrings\.xml$/i.test(target) && zip.has(target)) shared = childElements(xml(zip, target).documentElement!, 'si').map(stringText);
  if (!shared.length && zip.has('xl/sharedStrings.xml')) shared = childElements(xml(zip, 'xl/sharedStrings.xml').documentElement!, 'si').map(stringText);

  const wb = xml(zip, wbPart).documentElement!;
  const sheetsEl = firstChild(wb, 'sheets');
  const out: XlsxSheet[] = [];
  // a part is read once however many <sheet> entries point at it (a 16 KB file listing one part 400 times)
  const seen = new Set<string>();
  const budget = sheetBudget();
  for (const s of sheetsEl ? childElements(sheetsEl, 'sheet') : []) {
    const target = rels.get(attr(s, 'id') ?? '');
    if (!target || !zip.has(target) || seen.has(target)) continue;
    seen.add(target);
    if (seen.size > MAX_SHEETS) break;
    out.push(readSheet(xml(zip, target).documentElement!, attr(s, 'name') ?? '', shared, budget));
  }
  if (!out.length) throw new ZipError('Excel 工作簿中没有可读取的工作表');
  return out;
};

const nonEmpty = (r: readonly string[]) => r.filter((c) => c.trim() !== '').length;
/** Rows that belong to 表二 although they hold one cell: its item lines (「第二十条第（一）项」), short, never a sentence. */
const TABLE_LINE = /^(第二十条第?[(（][一二三四五六七八九十]+[)）]项|信息内容)$/;
const isTableLine = (r: readonly string[]) => TABLE_LINE.test(r.join('').replace(/[\s\u3000]+/g, ''));

/**
 * A single-cell row that cannot be part of a table: a section heading (「三、收到和处理…」) or a
 * sentence. Spreadsheet programs importing a web page put paragraphs and tables on one sheet with
 * no empty row between them; these rows are where one table ends.
 */
const isTextRow = (r: readonly string[]): boolean => {
  if (nonEmpty(r) !== 1 || isTableLine(r)) return false;
  const text = r.find((c) => c.trim() !== '')!.trim();
  return headingIndex(text) >= 0 || /[。；;]/.test(text) || text.length > 40;
};

/**
 * A sheet as blocks: runs of rows separated by empty rows or text rows; in each run, single-cell
 * rows before the first and after the last row of several cells are paragraphs (titles, headings,
 * notes), the rest is a table cut to the columns it uses.
 */
export const sheetBlocks = (rows: readonly (readonly string[])[]): Block[] => {
  const blocks: Block[] = [];
  let run: (readonly string[])[] = [];
  const para = (r: readonly string[]) => blocks.push({ kind: 'paragraph', text: r.filter((c) => c.trim() !== '').join(' ') });
  const flush = () => {
    if (!run.length) return;
    const multi = run.map((r) => nonEmpty(r) > 1 || isTableLine(r));
    const first = multi.indexOf(true);
    const last = multi.lastIndexOf(true);
    if (first < 0) run.forEach(para);
    else {
      run.slice(0, first).forEach(para);
      const table = run.slice(first, last + 1);
      let lo = Infinity;
      let hi = -1;
      for (const r of table)
        r.forEach((c, i) => {
          if (c.trim() !== '') {
            lo = Math.min(lo, i);
            hi = Math.max(hi, i);
          }
        });
      blocks.push({ kind: 'table', rows: table.map((r) => Array.from({ length: hi - lo + 1 }, (_, i) => r[lo + i] ?? '')) });
      run.slice(last + 1).forEach(para);
    }
    run = [];
  };
  for (const r of rows) {
    if (nonEmpty(r) === 0) flush();
    else if (isTextRow(r)) {
      flush();
      para(r);
    } else run.push(r);
  }
  flush();
  return blocks;
};
