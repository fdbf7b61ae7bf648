/**
 * The list numbering a Word 97–2003 paragraph gets from its style: a heading style 「标题 1」 defined with 一、二、
 * numbering names the list (sprmPIlfo) and level (sprmPIlvl) in the stylesheet (STSH in the table stream), not in each
 * heading's own properties. The .docx reader does the same from styles.xml (docx-numbering.ts, following basedOn).
 *
 * The stylesheet comes from the file, so it is read defensively: every length is checked against the stream, the
 * loops are bounded, a style's base chain (istdBase) is followed with a visited set and a depth limit, and a
 * stylesheet that cannot be read is ignored (NO_STYLE_LISTS): the text is then read as before, without style numbering.
 */
import { u16 } from './cfb';
import { EMPTY_PAP, applyGrpprl, type Pap } from './doc-properties';

/** The list instance and level a style sets (ilfo 0: none). */
export type StyleList = { readonly ilfo: number; readonly ilvl: number };

export type DocStyleLists = {
  /** What the style at index istd sets, through its bases; { ilfo: 0, ilvl: 0 } when nothing. */
  of(istd: number): StyleList;
};

const NONE: StyleList = { ilfo: 0, ilvl: 0 };
export const NO_STYLE_LISTS: DocStyleLists = { of: () => NONE };

/** Word allows 4,095 styles (istd is 12 bits); 0x0FFF means "no base". */
const MAX_STYLES = 4095;
const NO_BASE = 0x0fff;
/** A base chain longer than this is no stylesheet Word wrote. */
const MAX_DEPTH = 16;

type Raw = { base: number; grpprl: Uint8Array | null };

/** Each style's base and paragraph sprms (UpxPapx), or null if the stylesheet is not one Word wrote. */
const readStyles = (t: Uint8Array, fc: number, lcb: number): Raw[] | null => {
  if (lcb < 2 + 18 || fc + lcb > t.length) return null;
  const end = fc + lcb;
  const cbStshi = u16(t, fc);
  if (cbStshi < 18 || fc + 2 + cbStshi > end) return null;
  const cstd = Math.min(u16(t, fc + 2), MAX_STYLES);
  const cbStdBase = u16(t, fc + 4);
  if (cbStdBase < 10) return null;
  const styles: Raw[] = [];
  let o = fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd; istd++) {
    if (o + 2 > end) return null;
    const cbStd = u16(t, o);
    const std = o + 2;
    const stdEnd = std + cbStd;
    if (stdEnd > end) return null;
    o = stdEnd;
    if (cbStd === 0 || cbStd < cbStdBase) {
      styles.push({ base: NO_BASE, grpprl: null });
      continue;
    }
    const stk = u16(t, std + 2) & 0x000f;
    const base = u16(t, std + 2) >> 4;
    const cupx = u16(t, std + 4) & 0x000f;
    // the name (xstzName: a count, the UTF-16 characters, a terminating zero), then the UPXs
    let at = std + cbStdBase;
    if (at + 2 > stdEnd) {
      styles.push({ base, grpprl: null });
      continue;
    }
    at += 2 + u16(t, at) * 2 + 2;
    // only a paragraph style (stk 1) carries paragraph properties; its first UPX is UpxPapx: istd, then sprms
    let grpprl: Uint8Array | null = null;
    if (stk === 1 && cupx >= 1 && at + 2 <= stdEnd) {
      const cbUpx = u16(t, at);
      if (cbUpx >= 2 && at + 2 + cbUpx <= stdEnd) grpprl = t.subarray(at + 4, at + 2 + cbUpx);
    }
    styles.push({ base, grpprl });
  }
  return styles;
};

/** The list numbering each paragraph style sets; NO_STYLE_LISTS when the stylesheet is absent or cannot be read. */
export const readDocStyleLists = (t: Uint8Array, fc: number, lcb: number): DocStyleLists => {
  const styles = readStyles(t, fc, lcb);
  if (!styles) return NO_STYLE_LISTS;
  const resolved = new Map<number, StyleList>();
  return {
    of: (istd) => {
      const known = resolved.get(istd);
      if (known) return known;
      // the chain from this style to its root, each style once; applied root first so a derived style wins
      const chain: Uint8Array[] = [];
      const seen = new Set<number>();
      for (let i = istd; i !== NO_BASE && i < styles.length && !seen.has(i) && seen.size < MAX_DEPTH; i = styles[i]!.base) {
        seen.add(i);
        const g = styles[i]!.grpprl;
        if (g) chain.push(g);
      }
      const pap: Pap = { ...EMPTY_PAP };
      for (let k = chain.length - 1; k >= 0; k--) applyGrpprl(pap, chain[k]!, 0, chain[k]!.length, null, 1);
      const r = pap.ilfo > 0 || pap.ilvl > 0 ? { ilfo: Math.max(0, pap.ilfo), ilvl: pap.ilvl } : NONE;
      resolved.set(istd, r);
      return r;
    },
  };
};
