/**
 * A Word 97–2003 binary document (.doc, and WPS .wps, which WPS writes in the same format) reduced to the same
 * Blocks the .docx reader gives: paragraphs and table grids in reading order ([MS-DOC]).
 *
 * The text is found through the piece table (the CLX in the table stream): each piece is 8-bit cp1252 or UTF-16LE
 * text somewhere in the WordDocument stream. Paragraphs end at 0x0D; a table cell ends at 0x07, and so does a row
 * (an extra 0x07 after its last cell). Which 0x07 ends a row, and which paragraphs stand in a table, only the
 * paragraph properties say (fInTable, fTtp, and for nested tables itap/fInnerTableCell/fInnerTtp), so they are read
 * from the PAPX pages; the row's end mark also carries the cell boundaries (sprmTDefTable), from which a merged
 * cell's span on the table's grid is known, as gridSpan gives it in .docx. Fields show their result, not their code.
 */
import type { Block } from './types';
import { CfbError, type SafeCfb, u16, u32 } from './cfb';
import { joinSplitTables } from './docx-blocks';
import { append, maxOf } from './bounded';
import { readDocLists } from './doc-lists';
import { DOC_DAMAGED, DOC_ENCRYPTED } from './doc-messages';
import { readDocStyleLists } from './doc-styles';
import { EMPTY_PAP, applyGrpprl, findRun, goneRuns, i16, papxRuns, type Pap } from './doc-properties';

const damaged = () => new CfbError(DOC_DAMAGED);

/** cp1252's 0x80–0x9F (8-bit pieces are cp1252, the rest of which is Latin-1); 0 where cp1252 has no character. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

type Piece = { cpStart: number; cpEnd: number; fc: number; compressed: boolean; prm: number };

/** The piece table: where each run of characters is stored, and the property modifiers (Prc) it refers to. */
const readClx = (table: Uint8Array, fc: number, lcb: number): { pieces: Piece[]; prcs: Uint8Array[] } => {
  if (lcb <= 0 || fc + lcb > table.length) throw damaged();
  const end = fc + lcb;
  const prcs: Uint8Array[] = [];
  let o = fc;
  while (o < end && table[o] === 0x01) {
    const cb = i16(table, o + 1);
    if (cb < 0 || o + 3 + cb > end) throw damaged();
    prcs.push(table.subarray(o + 3, o + 3 + cb));
    o += 3 + cb;
  }
  if (table[o] !== 0x02 || o + 5 > end) throw damaged();
  const plcLen = u32(table, o + 1);
  const plc = o + 5;
  if (plc + plcLen > end || plcLen < 4 || (plcLen - 4) % 12 !== 0) throw damaged();
  const n = (plcLen - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = u32(table, plc + i * 4);
    const cpEnd = u32(table, plc + i * 4 + 4);
    if (cpEnd < cpStart) throw damaged();
    const pcd = plc + (n + 1) * 4 + i * 8;
    const raw = u32(table, pcd + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fcv = raw & 0x3fffffff;
    pieces.push({ cpStart, cpEnd, fc: compressed ? fcv / 2 : fcv, compressed, prm: u16(table, pcd + 6) });
  }
  return { pieces, prcs };
};

type Fib = {
  tableName: '0Table' | '1Table';
  ccpText: number;
  fcClx: number;
  lcbClx: number;
  fcPapx: number;
  lcbPapx: number;
  fcChpx: number;
  lcbChpx: number;
  /** The list tables (0 when the FIB is too short to name them). */
  lists: readonly [number, number, number, number];
  /** The stylesheet (STSH). */
  fcStshf: number;
  lcbStshf: number;
};

const readFib = (word: Uint8Array): Fib => {
  if (word.length < 154 || u16(word, 0) !== 0xa5ec) throw damaged();
  const nFib = u16(word, 2);
  const flags = u16(word, 0x0a);
  if (flags & 0x0100) throw new CfbError(DOC_ENCRYPTED);
  if (nFib < 0x00c0) throw new CfbError('这是 Word 6.0/95 或更早版本的文件，格式太旧，暂不支持。请在 Word/WPS 中打开后“另存为” .docx 再导入');
  const csw = u16(word, 32);
  const lwAt = 34 + csw * 2 + 2;
  const cslw = u16(word, lwAt - 2);
  const fcAt = lwAt + cslw * 4 + 2;
  if (cslw < 4 || fcAt > word.length) throw damaged();
  const cbRgFcLcb = u16(word, fcAt - 2);
  if (cbRgFcLcb < 34 || fcAt + 34 * 8 > word.length) throw damaged();
  const pair = (i: number) => [u32(word, fcAt + i * 8), u32(word, fcAt + i * 8 + 4)] as const;
  const [fcClx, lcbClx] = pair(33);
  const [fcPapx, lcbPapx] = pair(13);
  const [fcChpx, lcbChpx] = pair(12);
  const [fcStshf, lcbStshf] = pair(1);
  const lists = cbRgFcLcb >= 75 && fcAt + 75 * 8 <= word.length ? ([...pair(73), ...pair(74)] as const) : ([0, 0, 0, 0] as const);
  return {
    tableName: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: u32(word, lwAt + 12),
    fcClx,
    lcbClx,
    fcPapx,
    lcbPapx,
    fcChpx,
    lcbChpx,
    lists,
    fcStshf,
    lcbStshf,
  };
};

type RowRead = { cells: string[]; pap: Pap };
type TableRead = { rows: RowRead[]; cells: string[]; paras: string[] };

const newTable = (): TableRead => ({ rows: [], cells: [], paras: [] });

/** Rows of cells on the table's grid: the union of every row's cell boundaries; a merged cell is its text then ''. */
const tableGrid = (rows: readonly RowRead[]): string[][] => {
  const edges = [...new Set(rows.flatMap((r) => r.pap.centers ?? []))].sort((a, b) => a - b);
  // boundaries a few twips apart are one line drawn twice
  const grid: number[] = [];
  for (const e of edges) if (grid.length === 0 || e - grid[grid.length - 1]! > 20) grid.push(e);
  const col = (x: number) => {
    let best = 0;
    for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i]! - x) < Math.abs(grid[best]! - x)) best = i;
    return best;
  };
  const out = rows.map((r) => {
    const centers = r.pap.centers;
    if (!centers || centers.length < 2) return [...r.cells];
    const row: string[] = [];
    const first = col(centers[0]!);
    for (let i = 0; i < first; i++) row.push('');
    r.cells.forEach((text, i) => {
      const tc = r.pap.cells?.[i];
      const continued = tc ? tc.hMerged || tc.vContinued : false;
      const from = i < centers.length ? col(centers[i]!) : row.length;
      const to = i + 1 < centers.length ? col(centers[i + 1]!) : from + 1;
      while (row.length < from) row.push('');
      row.push(continued ? '' : text);
      for (let k = from + 1; k < to; k++) row.push('');
    });
    return row;
  });
  const width = maxOf(
    out.map((r) => r.length),
    0,
  );
  for (const r of out) while (r.length < width) r.push('');
  return out;
};

export type DocReadState = { nestedTables: number };

/** The main text of a Word 97–2003 document as Blocks. Throws CfbError (damaged, encrypted, too old). */
export const docBlocks = (cfb: SafeCfb, state: DocReadState = { nestedTables: 0 }): Block[] => {
  if (!cfb.has('WordDocument')) throw damaged();
  const word = cfb.read('WordDocument');
  const fib = readFib(word);
  if (!cfb.has(fib.tableName)) throw damaged();
  const table = cfb.read(fib.tableName);
  const data = cfb.has('Data') ? cfb.read('Data') : null;
  const { pieces, prcs } = readClx(table, fib.fcClx, fib.lcbClx);
  const runs = papxRuns(word, table, fib.fcPapx, fib.lcbPapx);
  const gone = goneRuns(word, table, fib.fcChpx, fib.lcbChpx);
  const lists = readDocLists(table, ...fib.lists);
  const styleLists = readDocStyleLists(table, fib.fcStshf, fib.lcbStshf);

  const papAt = (fc: number, prm: number): Pap => {
    const run = findRun(runs, fc);
    // the numbering the paragraph's style sets, unless its own properties set another (ilfo 0: none)
    const pap: Pap = { ...EMPTY_PAP, ...(run ? styleLists.of(run.istd) : {}) };
    if (run) applyGrpprl(pap, run.grpprl, 0, run.grpprl.length, data);
    // a piece's own modifier (complex, fast-saved files): its sprms apply on top
    if (prm & 1) {
      const prc = prcs[prm >> 1];
      if (prc) applyGrpprl(pap, prc, 0, prc.length, data);
    }
    if (pap.inTable && pap.itap === 0) pap.itap = 1;
    return pap;
  };

  const blocks: Block[] = [];
  const nested = new Set<Block>();
  /** Tables open at each depth: [0] is the outer table, [1] a table nested in its cell… */
  const open: TableRead[] = [];
  /** Inner tables closed while their outer table is still open: they follow it, as the .docx reader puts them. */
  let pendingNested: Block[] = [];
  let line = '';
  let segments: string[] = [];
  const fieldStack: boolean[] = [];
  let inCode = 0;

  const closeTables = (depth: number) => {
    while (open.length > depth) {
      const t = open.pop()!;
      if (t.cells.length || t.paras.length) t.rows.push({ cells: [...t.cells, ...(t.paras.length ? [t.paras.join('')] : [])], pap: { ...EMPTY_PAP } });
      if (t.rows.length === 0) continue;
      const block: Block = { kind: 'table', rows: tableGrid(t.rows) };
      if (open.length > 0) {
        state.nestedTables++;
        nested.add(block);
        pendingNested.push(block);
      } else {
        const hasText = block.rows.some((r) => r.some((c) => c.trim() !== ''));
        // a frame of one table around another is dropped, as in .docx
        if (hasText || pendingNested.length === 0) blocks.push(block);
        append(blocks, pendingNested);
        pendingNested = [];
      }
    }
  };

  /** A paragraph mark (0x0D) or cell mark (0x07) ended the text since the last one. */
  const endOfParagraph = (mark: number, pap: Pap) => {
    const texts = [...segments, line];
    segments = [];
    line = '';
    const depth = pap.inTable || pap.itap > 0 ? Math.max(1, pap.itap) : 0;
    const isRowEnd = depth === 0 ? false : depth === 1 ? mark === 0x07 && pap.ttp : pap.innerTtp;
    // the number Word shows before a numbered paragraph (counted even when the paragraph is empty, as Word does;
    // a row's end mark is no paragraph and shows none, whatever its style)
    const label = pap.ilfo > 0 && !isRowEnd ? lists.labelOf(pap.ilfo, pap.ilvl) : '';
    if (label && texts[0]!.trim()) texts[0] = label + texts[0]!;
    closeTables(depth);
    if (depth === 0) {
      for (const t of texts) blocks.push({ kind: 'paragraph', text: t });
      return;
    }
    while (open.length < depth) open.push(newTable());
    const t = open[depth - 1]!;
    const isCellEnd = depth === 1 ? mark === 0x07 && !pap.ttp : pap.innerCell && !pap.innerTtp;
    if (isRowEnd) {
      if (t.paras.length) t.cells.push(t.paras.join(''));
      t.rows.push({ cells: t.cells, pap });
      t.cells = [];
      t.paras = [];
      return;
    }
    for (const x of texts) if (x.trim() !== '') t.paras.push(x);
    if (isCellEnd) {
      t.cells.push(t.paras.join(''));
      t.paras = [];
    }
  };

  let cpLeft = fib.ccpText;
  for (const p of pieces) {
    if (cpLeft <= 0) break;
    const count = Math.min(p.cpEnd - p.cpStart, cpLeft);
    cpLeft -= count;
    const width = p.compressed ? 1 : 2;
    if (p.fc + count * width > word.length) throw damaged();
    for (let i = 0; i < count; i++) {
      const at = p.fc + i * width;
      let c = p.compressed ? word[at]! : u16(word, at);
      if (p.compressed && c >= 0x80 && c <= 0x9f) c = CP1252_HIGH[c - 0x80] || c;
      // deleted and hidden characters are not read; paragraph and cell marks keep the structure
      if (c !== 0x0d && c !== 0x07 && gone.length && findRun(gone, at)) continue;
      if (c === 0x13) {
        fieldStack.push(true);
        inCode++;
        continue;
      }
      if (c === 0x14 || c === 0x15) {
        if (fieldStack.length && fieldStack[fieldStack.length - 1]) {
          inCode--;
          fieldStack[fieldStack.length - 1] = false;
        }
        if (c === 0x15) fieldStack.pop();
        continue;
      }
      if (c === 0x0d || c === 0x07) {
        endOfParagraph(c, papAt(at, p.prm));
        continue;
      }
      if (inCode > 0) continue;
      if (c === 0x0c || c === 0x0e) {
        segments.push(line);
        line = '';
      } else if (c === 0x0b) line += '\n';
      else if (c === 0x09) line += '\t';
      else if (c === 0x1e) line += '-';
      else if (c >= 0x20) line += String.fromCharCode(c);
    }
  }
  if (line || segments.length) endOfParagraph(0x0d, { ...EMPTY_PAP });
  closeTables(0);
  return joinSplitTables(blocks, nested).filter((b) => b.kind === 'table' || b.text.trim() !== '');
};
