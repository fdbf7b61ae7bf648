/**
 * A Word .docx reduced to Blocks: body paragraphs and tables in reading order, as Word shows them
 * after "accept all changes" (deleted text dropped, inserted text kept).
 *
 * Tables as people really make them: horizontal merges (gridSpan, old-style hMerge) give the text
 * at the first column and "" for the covered ones; vertical continuations (vMerge) give "";
 * gridBefore/gridAfter give "" for the skipped columns, so every row lines up on the table grid.
 * A table nested inside a cell is read as its own table block after the outer one (a statutory
 * table is often put in a one-cell "frame" table); a table split in two by the author is joined
 * back (see joinSplitTables).
 */
import type { Block } from './types';
import { type SafeZip, ZipError, decodeXmlBytes } from './zip';
import { type XmlElement, attr, childElements, descendants, firstChild, isElement, parseXml } from './xml';
import { type Numbering, readNumbering } from './docx-numbering';
import { append, maxOf } from './bounded';
import { htmlToBlocks } from './html';
import { textToBlocks } from './text';
import { looksLikeHtml, sniff } from './sniff';

type Row = string[];

/** Elements that merely wrap content (content controls, custom XML, smart tags): read through them. */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple', 'dir', 'bdo']);
/** Elements whose text is not what the reader sees (deleted text, field codes, properties, text boxes, ruby guide text). */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'rPr',
  'pPr',
  'tblPr',
  'trPr',
  'tcPr',
  'sectPr',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'Fallback',
  'txbxContent',
  'rt',
]);

/** A run formatted as hidden text (w:vanish): Word neither shows nor prints it. */
const isHiddenRun = (r: XmlElement): boolean => {
  const rPr = firstChild(r, 'rPr');
  const v = rPr ? firstChild(rPr, 'vanish') : undefined;
  return v !== undefined && !['0', 'false', 'off'].includes(attr(v, 'val') ?? '');
};

/**
 * The text of a paragraph (or any run container): w:t, tabs, breaks; fields show their result, not their code.
 * Fields nest ({ IF { MERGEFIELD x } = 1 "…" }): an inner field's result is part of the outer field's code, so
 * each open field is on a stack and text shows only while every open field is past its separator.
 */
const runText = (el: XmlElement): string => {
  let s = '';
  const fields: ('code' | 'result')[] = [];
  let codeDepth = 0;
  const walk = (e: XmlElement) => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (!isElement(n)) continue;
      const name = n.localName ?? '';
      if (name === 'fldChar') {
        const t = attr(n, 'fldCharType');
        if (t === 'begin') {
          fields.push('code');
          codeDepth++;
        } else if (t === 'separate' && fields[fields.length - 1] === 'code') {
          fields[fields.length - 1] = 'result';
          codeDepth--;
        } else if (t === 'end' && fields.length > 0) {
          if (fields.pop() === 'code') codeDepth--;
        }
        continue;
      }
      if (SKIPPED.has(name) || (name === 'r' && isHiddenRun(n))) continue;
      if (name === 't') {
        if (codeDepth === 0) s += n.textContent ?? '';
      } else if (name === 'tab' || name === 'ptab') s += '\t';
      else if (name === 'br' || name === 'cr') s += '\n';
      else if (name === 'noBreakHyphen') s += '-';
      else if (name === 'sym') s += '';
      else walk(n);
    }
  };
  walk(el);
  return s;
};

export type DocxReadState = { nestedTables: number; numbering?: Numbering };

/** A paragraph as Word shows it: its automatic number (「一、」「1.」) and its text. */
const paraText = (p: XmlElement, state: DocxReadState): string => {
  const text = runText(p);
  const label = state.numbering?.labelOf(p) ?? '';
  return label && text.trim() ? label + text : text;
};

/** Reads the content of a cell: its paragraphs (joined), and its nested tables (returned separately). */
const readCell = (tc: XmlElement, nested: Block[], state: DocxReadState): string => {
  const parts: string[] = [];
  const walk = (e: XmlElement) => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (c.localName === 'p') parts.push(paraText(c, state));
      else if (c.localName === 'tbl') {
        state.nestedTables++;
        append(nested, readTable(c, state));
      } else if (WRAPPERS.has(c.localName ?? '')) walk(c);
    }
  };
  walk(tc);
  // a label broken over several paragraphs in one cell is one label; empty paragraphs add nothing
  return parts.filter((p) => p.trim() !== '').join('');
};

const gridVal = (el: XmlElement | undefined, name: string): number => {
  const x = el ? firstChild(el, name) : undefined;
  const v = x ? Number(attr(x, 'val')) : 0;
  return Number.isFinite(v) && v > 0 ? Math.min(Math.floor(v), 64) : 0;
};

/** Rows of the table (through wrappers), then cells of a row (through wrappers). */
const rowsOf = (tbl: XmlElement): XmlElement[] => {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (c.localName === 'tr') out.push(c);
      else if (WRAPPERS.has(c.localName ?? '')) walk(c);
    }
  };
  walk(tbl);
  return out;
};
const cellsOf = (tr: XmlElement): XmlElement[] => {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (c.localName === 'tc') out.push(c);
      else if (WRAPPERS.has(c.localName ?? '')) walk(c);
    }
  };
  walk(tr);
  return out;
};

/** A table as a grid, followed by the tables nested in its cells; a pure frame around one table is dropped. */
const readTable = (tbl: XmlElement, state: DocxReadState): Block[] => {
  const nested: Block[] = [];
  const rows: Row[] = [];
  for (const tr of rowsOf(tbl)) {
    const trPr = firstChild(tr, 'trPr');
    const row: Row = [];
    // blanks pushed one by one: a spread of a new array for every cell cost more than the cell's text
    const blanks = (n: number) => {
      for (let k = 0; k < n; k++) row.push('');
    };
    blanks(gridVal(trPr, 'gridBefore'));
    for (const tc of cellsOf(tr)) {
      const tcPr = firstChild(tc, 'tcPr');
      const span = Math.max(1, gridVal(tcPr, 'gridSpan'));
      const vm = tcPr ? firstChild(tcPr, 'vMerge') : undefined;
      const hm = tcPr ? firstChild(tcPr, 'hMerge') : undefined;
      const continued = (vm && attr(vm, 'val') !== 'restart') || (hm && attr(hm, 'val') !== 'restart');
      const text = readCell(tc, nested, state);
      row.push(continued ? '' : text);
      blanks(span - 1);
    }
    blanks(gridVal(trPr, 'gridAfter'));
    rows.push(row);
  }
  const width = maxOf(
    rows.map((r) => r.length),
    0,
  );
  for (const r of rows) while (r.length < width) r.push('');
  const hasText = rows.some((r) => r.some((c) => c.trim() !== ''));
  if (!hasText && nested.length) return nested;
  return [{ kind: 'table', rows }, ...nested];
};

const isNumberish = (s: string) => /^[\s\u3000]*[0-9０-９][0-9０-９.,，．\s\u3000]*$/.test(s);
const rowKey = (r: readonly string[]) => r.map((c) => c.replace(/\s+/g, '')).join('|');

/**
 * Joins a table the author split in two (or that Word split at a page they then made two tables):
 * a table that follows another — nothing between them but empty paragraphs — with the same number
 * of columns continues it if its first row holds figures (a bare continuation), or if it starts by
 * repeating the first table's header rows (those are dropped).
 */
export const joinSplitTables = (blocks: readonly Block[], nested: ReadonlySet<Block> = new Set()): Block[] => {
  const out: Block[] = [];
  let lastTable = -1;
  for (const b of blocks) {
    if (nested.has(b)) {
      // a table read out of a cell stands where its outer table stood: never joined with anything
      out.push(b);
      lastTable = -1;
      continue;
    }
    if (b.kind === 'paragraph') {
      out.push(b);
      if (b.text.trim() !== '') lastTable = -1;
      continue;
    }
    const prev = lastTable >= 0 ? out[lastTable] : undefined;
    if (prev && prev.kind === 'table' && prev.rows[0] && b.rows[0] && prev.rows[0].length === b.rows[0].length) {
      let skip = 0;
      while (skip < b.rows.length && skip < prev.rows.length && rowKey(b.rows[skip]!) === rowKey(prev.rows[skip]!) && !b.rows[skip]!.some(isNumberish)) skip++;
      const first = b.rows[skip];
      if (first && first.some(isNumberish)) {
        out.splice(lastTable, out.length - lastTable, { kind: 'table', rows: [...prev.rows, ...b.rows.slice(skip)] });
        continue;
      }
    }
    out.push(b);
    lastTable = out.length - 1;
  }
  return out;
};

/** Where the main document part is: from the package relationships, else the usual name. */
const mainPart = (zip: SafeZip): string => {
  if (zip.has('_rels/.rels')) {
    const rels = parseXml(decodeXmlBytes(zip.read('_rels/.rels')), '_rels/.rels');
    for (const r of childElements(rels.documentElement!, 'Relationship')) {
      if ((attr(r, 'Type') ?? '').endsWith('/officeDocument')) {
        const target = (attr(r, 'Target') ?? '').replace(/^\//, '');
        if (zip.has(target)) return target;
      }
    }
  }
  if (zip.has('word/document.xml')) return 'word/document.xml';
  throw new ZipError('压缩包内没有 Word 正文（word/document.xml），不是有效的 .docx 文件');
};

/** Where a part's relationships point (id → part name), resolved against the part's folder. */
const relationshipsOf = (zip: SafeZip, part: string): Map<string, string> => {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const rels = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const out = new Map<string, string>();
  if (!zip.has(rels)) return out;
  for (const r of childElements(parseXml(decodeXmlBytes(zip.read(rels)), rels).documentElement!, 'Relationship')) {
    const id = attr(r, 'Id');
    const target = attr(r, 'Target') ?? '';
    if (!id || attr(r, 'TargetMode') === 'External') continue;
    const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
    const path: string[] = [];
    for (const x of parts)
      if (x === '..') path.pop();
      else if (x !== '.' && x !== '') path.push(x);
    out.set(id, path.join('/'));
  }
  return out;
};

/**
 * An altChunk: a whole page (HTML or plain text) an office system wrapped into the .docx, which Word shows where
 * it stands. Read with the page readers; anything else (an embedded .docx or .mht) gives nothing.
 */
const altChunkBlocks = (zip: SafeZip, target: string | undefined): Block[] => {
  if (!target || !zip.has(target)) return [];
  const got = sniff(zip.read(target));
  if (got.kind !== 'text' || /^\s*(MIME-Version|Content-Type)\s*:/i.test(got.text)) return [];
  return looksLikeHtml(got.text) || /\.x?html?$/i.test(target) ? htmlToBlocks(got.text) : textToBlocks(got.text);
};

/** Run children that can hold a text box: pictures and drawings, and the choice Word offers between them. */
const BOX_HOLDERS = new Set(['AlternateContent', 'Choice', 'drawing', 'pict']);
/**
 * Text boxes of a paragraph that hold a table: a clerk's floating table. Their drawing copy only, never the VML
 * fallback Word repeats them in. Other text boxes (stamps, 「此页无正文」, page decorations) are no report text.
 */
const tableBoxes = (p: XmlElement): XmlElement[] => {
  const out: XmlElement[] = [];
  const find = (e: XmlElement, inBox: boolean) => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      const name = c.localName ?? '';
      if (name === 'Fallback') continue;
      if (name === 'txbxContent') {
        if (descendants(c, 'tbl').length > 0) out.push(c);
      } else if (inBox || BOX_HOLDERS.has(name)) find(c, true);
      else if (name === 'r' || WRAPPERS.has(name)) find(c, false);
    }
  };
  find(p, false);
  return out;
};

export const docxBlocks = (zip: SafeZip, state: DocxReadState = { nestedTables: 0 }): Block[] => {
  const part = mainPart(zip);
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const optional = (name: string) => (zip.has(dir + name) ? parseXml(decodeXmlBytes(zip.read(dir + name)), dir + name) : null);
  state.numbering = readNumbering(optional('numbering.xml'), optional('styles.xml'));
  const doc = parseXml(decodeXmlBytes(zip.read(part)), part);
  const body = firstChild(doc.documentElement!, 'body');
  if (!body) throw new ZipError('Word 正文中没有 body 部分，文件可能已损坏');
  const blocks: Block[] = [];
  const nested = new Set<Block>();
  let rels: Map<string, string> | null = null;
  const walk = (e: XmlElement) => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (c.localName === 'p') {
        blocks.push({ kind: 'paragraph', text: paraText(c, state) });
        for (const box of tableBoxes(c)) walk(box);
      } else if (c.localName === 'altChunk') {
        rels ??= relationshipsOf(zip, part);
        append(blocks, altChunkBlocks(zip, rels.get(attr(c, 'id') ?? '')));
      } else if (c.localName === 'tbl') {
        const [first, ...rest] = readTable(c, state);
        if (first) blocks.push(first);
        for (const n of rest) nested.add(n);
        append(blocks, rest);
      } else if (WRAPPERS.has(c.localName ?? '')) walk(c);
    }
  };
  walk(body);
  return joinSplitTables(blocks, nested).filter((b) => b.kind === 'table' || b.text.trim() !== '');
};
