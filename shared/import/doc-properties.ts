/**
 * The properties a Word 97–2003 document keeps beside its text ([MS-DOC]): the PAPX pages that say which paragraphs
 * stand in a table, which end a row and with what cell boundaries, and which are list items; the CHPX pages that say
 * which characters Word shows as not there (tracked deletions, hidden text). Read by doc-blocks.ts.
 */
import { spanIndexAt } from '../text/spans';
import { CfbError, u16, u32 } from './cfb';
import { DOC_DAMAGED } from './doc-messages';

export const i16 = (b: Uint8Array, o: number) => (u16(b, o) << 16) >> 16;
const damaged = () => new CfbError(DOC_DAMAGED);

/** What the paragraph properties say about where a paragraph stands. */
export type Pap = {
  inTable: boolean;
  ttp: boolean;
  itap: number;
  innerCell: boolean;
  innerTtp: boolean;
  /** Automatic numbering: the list instance (1-based, 0 none) and level. */
  ilfo: number;
  ilvl: number;
  /** Row end marks only: the cell boundaries (twips) and each cell's merge flags. */
  centers?: number[];
  cells?: { hMerged: boolean; vContinued: boolean }[];
};

/** The size of a sprm's operand at o (the byte after the sprm), from its spra bits. */
const operandSize = (sprm: number, b: Uint8Array, o: number, end: number): number => {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // sprmTDefTable(10) count their size in two bytes (the rest of the operand, plus one)
      if (sprm === 0xd608 || sprm === 0xd606) return o + 2 <= end ? u16(b, o) + 1 : end - o;
      return o < end ? b[o]! + 1 : 1;
  }
};

/** Applies a grpprl (a run of sprms) of paragraph and table properties to pap; reads sprmPHugePapx from Data. */
export const applyGrpprl = (pap: Pap, b: Uint8Array, start: number, end: number, data: Uint8Array | null, depth = 0): void => {
  for (let o = start; o + 2 <= end;) {
    const sprm = u16(b, o);
    const size = operandSize(sprm, b, o + 2, end);
    const op = o + 2;
    if (op + size > end) break;
    switch (sprm) {
      case 0x2416:
        pap.inTable = b[op] !== 0;
        break;
      case 0x2417:
        pap.ttp = b[op] !== 0;
        break;
      case 0x6649:
        pap.itap = Math.min(u32(b, op), 64);
        break;
      case 0x664a:
        pap.itap = Math.max(0, Math.min(pap.itap + (u32(b, op) | 0), 64));
        break;
      case 0x460b:
        pap.ilfo = i16(b, op);
        break;
      case 0x260a:
        pap.ilvl = b[op]!;
        break;
      case 0x244b:
        pap.innerCell = b[op] !== 0;
        break;
      case 0x244c:
        pap.innerTtp = b[op] !== 0;
        break;
      case 0x6646: {
        // the properties did not fit the page: they stand in the Data stream (once; it cannot point on)
        const at = u32(b, op);
        if (data && depth === 0 && at + 2 <= data.length) {
          const cb = u16(data, at);
          applyGrpprl(pap, data, at + 2, Math.min(data.length, at + 2 + cb), data, 1);
        }
        break;
      }
      case 0xd608:
      case 0xd606: {
        // TDefTableOperand: cb(2) itcMac(1) rgdxaCenter[itcMac+1] rgTc80[≤ itcMac] (20 bytes each)
        const n = Math.min(b[op + 2] ?? 0, 64);
        const centers: number[] = [];
        for (let i = 0; i <= n && op + 3 + i * 2 + 2 <= end; i++) centers.push(i16(b, op + 3 + i * 2));
        const tcs = op + 3 + (n + 1) * 2;
        const cells: Pap['cells'] & object = [];
        for (let i = 0; i < n; i++) {
          const t = tcs + i * 20;
          const grf = t + 2 <= op + size ? u16(b, t) : 0;
          cells.push({ hMerged: (grf & 0x0002) !== 0, vContinued: (grf & 0x0020) !== 0 && (grf & 0x0040) === 0 });
        }
        pap.centers = centers;
        pap.cells = cells;
        break;
      }
      case 0xd62b: {
        // sprmTVertMerge: cb, itc, flag (1: continues the cell above, 3: begins a merge)
        const itc = b[op + 1] ?? 0;
        const c = pap.cells?.[itc];
        if (c) c.vContinued = b[op + 2] === 1;
        break;
      }
    }
    o = op + size;
  }
};

/** The FKP pages (512 bytes each, in WordDocument) a bin table (PlcBtePapx/PlcBteChpx) lists, each once, with its run count. */
const fkpPages = (word: Uint8Array, table: Uint8Array, fc: number, lcb: number, runSize: number): { page: Uint8Array; crun: number }[] => {
  if (lcb < 4 || fc + lcb > table.length) return [];
  const n = Math.floor((lcb - 4) / 8);
  const out: { page: Uint8Array; crun: number }[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const pn = u32(table, fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = word.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) throw damaged();
    const crun = page[511]!;
    if ((crun + 1) * 4 + crun * runSize > 511) throw damaged();
    out.push({ page, crun });
  }
  return out;
};

/** The PAPX runs of the document: file offsets [start, end) with their paragraph style (istd) and properties, sorted. */
export type PapRun = { start: number; end: number; istd: number; grpprl: Uint8Array };

export const papxRuns = (word: Uint8Array, table: Uint8Array, fc: number, lcb: number): PapRun[] => {
  const runs: PapRun[] = [];
  for (const { page, crun } of fkpPages(word, table, fc, lcb, 13)) {
    for (let k = 0; k < crun; k++) {
      const start = u32(page, k * 4);
      const end = u32(page, k * 4 + 4);
      const off = page[(crun + 1) * 4 + k * 13]! * 2;
      if (off === 0) {
        runs.push({ start, end, istd: 0, grpprl: new Uint8Array(0) });
        continue;
      }
      let cb = page[off]!;
      let at = off + 1;
      let len: number;
      if (cb === 0) {
        cb = page[at]!;
        at++;
        len = cb * 2;
      } else len = cb * 2 - 1;
      // the first two bytes are the paragraph style; the sprms follow
      runs.push({ start, end, istd: at + 2 <= 511 && len >= 2 ? u16(page, at) : 0, grpprl: page.subarray(Math.min(at + 2, 511), Math.min(at + len, 511)) });
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return runs;
};

export const findRun = (runs: readonly PapRun[], fc: number): PapRun | undefined => runs[spanIndexAt(runs, fc)];

/**
 * The character runs Word shows as not there: text deleted with tracked changes (sprmCFRMarkDel) and hidden text
 * (sprmCFVanish), as file offsets [start, end). The .docx reader leaves out the same (w:del, w:vanish).
 */
export const goneRuns = (word: Uint8Array, table: Uint8Array, fc: number, lcb: number): PapRun[] => {
  const runs: PapRun[] = [];
  for (const { page, crun } of fkpPages(word, table, fc, lcb, 1)) {
    for (let k = 0; k < crun; k++) {
      const off = page[(crun + 1) * 4 + k]! * 2;
      if (off === 0 || off >= 511) continue;
      const end = Math.min(off + 1 + page[off]!, 511);
      // toggles: 1 on, 0x81 the opposite of the style (which is off for body text); 0 and 0x80 off
      for (let o = off + 1; o + 2 < end;) {
        const sprm = u16(page, o);
        const size = operandSize(sprm, page, o + 2, end);
        if ((sprm === 0x0800 || sprm === 0x083c) && (page[o + 2] === 1 || page[o + 2] === 0x81)) {
          runs.push({ start: u32(page, k * 4), end: u32(page, k * 4 + 4), istd: 0, grpprl: new Uint8Array(0) });
          break;
        }
        o += 2 + size;
      }
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return runs;
};

export const EMPTY_PAP: Pap = { inTable: false, ttp: false, itap: 0, innerCell: false, innerTtp: false, ilfo: 0, ilvl: 0 };
