/**
 * Changing a real Word 97 .doc (one LibreOffice wrote) where its paragraph styles and numbering are kept, the way
 * another program or a damaged file would have it: list numbering left to the heading style alone, a heading that
 * turns its style's numbering off, a stylesheet zeroed, cut short, or whose styles are based on each other in a loop.
 * Each function returns a changed copy; the FIB and the stylesheet are found here, independently of the reader.
 */
import { streamFileOffset } from './cfb-tamper';
import { rng } from './random-report';

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const put = (b: Uint8Array, o: number, bytes: readonly number[]) => bytes.forEach((x, i) => (b[o + i] = x));

/** The file offset of the FIB's fc/lcb pair i (1: the stylesheet, fcStshf/lcbStshf). */
const fibPairAt = (doc: Uint8Array, i: number): number => {
  const at = (n: number) => streamFileOffset(doc, 'WordDocument', n);
  const csw = u16(doc, at(32));
  const lwAt = 34 + csw * 2 + 2;
  const cslw = u16(doc, at(lwAt - 2));
  return at(lwAt + cslw * 4 + 2 + i * 8);
};

/** Reads and writes of the table stream's bytes by their offset in the stream (a value may straddle two sectors). */
const tableStream = (doc: Uint8Array, b: Uint8Array = doc) => {
  const name = u16(doc, streamFileOffset(doc, 'WordDocument', 0x0a)) & 0x0200 ? '1Table' : '0Table';
  const at = (n: number) => streamFileOffset(doc, name, n);
  return {
    at,
    get16: (n: number) => doc[at(n)]! | (doc[at(n + 1)]! << 8),
    set16: (n: number, v: number) => {
      b[at(n)] = v & 0xff;
      b[at(n + 1)] = (v >> 8) & 0xff;
    },
  };
};

/** The stylesheet's place in the table stream. */
const stylesheet = (doc: Uint8Array): { fc: number; lcb: number } => {
  const o = fibPairAt(doc, 1);
  return { fc: u32(doc, o), lcb: u32(doc, o + 4) };
};

/**
 * LibreOffice writes a heading style's numbering twice: in the style (sprmPIlfo 1, sprmPIlvl 0 in its UpxPapx) and
 * again in each heading's own properties (PAPX: istd 1, then the same two sprms, then sprmPJc). Word and WPS write
 * it in the style only; so here each heading's own two sprms are overwritten with sprms of the same sizes that
 * say nothing about lists (sprmPFKeep 0, sprmPIstd 1) — or, for the heading numbered `offAt` (0-based), with
 * sprmPIlfo 0: "no numbering", set on the paragraph over its numbered style. Throws unless exactly `expect`
 * headings are found, so a different fixture cannot pass unnoticed.
 */
export const numberingFromStyleOnly = (doc: Uint8Array, expect: number, offAt = -1): Uint8Array => {
  const b = Uint8Array.from(doc);
  // istd 1 (2 bytes), sprmPIlvl 0, sprmPIlfo 1, then sprmPJc: only a paragraph's PAPX looks like this
  const own = [0x01, 0x00, 0x0a, 0x26, 0x00, 0x0b, 0x46, 0x01, 0x00, 0x03, 0x24];
  const found: number[] = [];
  for (let o = 0; o + own.length <= b.length; o++) if (own.every((x, i) => b[o + i] === x)) found.push(o);
  if (found.length !== expect) throw new Error(`${found.length} headings with their own numbering, expected ${expect}`);
  found.forEach((o, k) => put(b, o + 2, k === offAt ? [0x05, 0x24, 0x00, 0x0b, 0x46, 0x00, 0x00] : [0x05, 0x24, 0x00, 0x00, 0x46, 0x01, 0x00]));
  return b;
};

/** The stylesheet's bytes all zero. */
export const stylesheetZeroed = (doc: Uint8Array): Uint8Array => {
  const b = Uint8Array.from(doc);
  const { fc, lcb } = stylesheet(doc);
  const t = tableStream(doc, b);
  for (let i = 0; i < lcb; i++) b[t.at(fc + i)] = 0;
  return b;
};

/** The FIB says the stylesheet runs 2 GB, far past the table stream. */
export const stylesheetPastStream = (doc: Uint8Array): Uint8Array => {
  const b = Uint8Array.from(doc);
  put(b, fibPairAt(doc, 1) + 4, [0xff, 0xff, 0xff, 0x7f]);
  return b;
};

/** The first style declares a size (cbStd) beyond the end of the stylesheet. */
export const styleLengthPastStylesheet = (doc: Uint8Array): Uint8Array => {
  const b = Uint8Array.from(doc);
  const { fc } = stylesheet(doc);
  const t = tableStream(doc, b);
  t.set16(fc + 2 + t.get16(fc), 0xfff0);
  return b;
};

/** Sets each style's base (istdBase, the high 12 bits after its stk): base(istd) gives the new base. */
const rebase = (doc: Uint8Array, base: (istd: number) => number | null): Uint8Array => {
  const b = Uint8Array.from(doc);
  const { fc } = stylesheet(doc);
  const t = tableStream(doc, b);
  const cstd = t.get16(fc + 2);
  let o = fc + 2 + t.get16(fc);
  for (let istd = 0; istd < cstd; istd++) {
    const cbStd = t.get16(o);
    const to = base(istd);
    if (cbStd >= 4 && to !== null) t.set16(o + 4, (t.get16(o + 4) & 0x000f) | (to << 4));
    o += 2 + cbStd;
  }
  return b;
};

/** Every style based on itself (istdBase = its own index): chains that never end. */
export const stylesBasedOnThemselves = (doc: Uint8Array): Uint8Array => rebase(doc, (istd) => istd);

/** Style a based on style b and b on a: a loop of two. */
export const stylesInALoop = (doc: Uint8Array, a: number, b: number): Uint8Array => rebase(doc, (istd) => (istd === a ? b : istd === b ? a : null));

/** n bytes of the stylesheet set to random values (seeded: the same seed, the same file). */
export const stylesheetScrambled = (doc: Uint8Array, seed: number, n: number): Uint8Array => {
  const b = Uint8Array.from(doc);
  const { fc, lcb } = stylesheet(doc);
  const t = tableStream(doc, b);
  const next = rng(seed);
  for (let i = 0; i < n; i++) b[t.at(fc + next(lcb))] = next(256);
  return b;
};

/**
 * Every table row's end mark (PAPX: istd 0, then sprmPFInTable 1, sprmPFTtp 1, as LibreOffice writes it) given the
 * paragraph style istd, as a row ending in a numbered style would have it. Returns the copy and how many were changed.
 */
export const rowEndsInStyle = (doc: Uint8Array, istd: number): { doc: Uint8Array; rows: number } => {
  const b = Uint8Array.from(doc);
  const mark = [0x00, 0x00, 0x16, 0x24, 0x01, 0x17, 0x24, 0x01];
  let rows = 0;
  for (let o = 0; o + mark.length <= b.length; o++)
    if (mark.every((x, i) => b[o + i] === x)) {
      put(b, o, [istd & 0xff, istd >> 8]);
      rows++;
    }
  return { doc: b, rows };
};
