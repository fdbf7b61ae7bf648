/**
 * Word 97–2003 automatic numbering: 「一、」「1.」 that Word shows before a paragraph but keeps in its list tables
 * (PlfLst, PlfLfo in the table stream), not in the text. A paragraph names its list instance (ilfo) and level;
 * the label is the level's number text with each placeholder replaced by that level's counter, counted as Word
 * does (the .docx reader's docx-numbering.ts does the same from numbering.xml, and formats the counters).
 */
import { u16, u32 } from './cfb';
import { formatNumber } from './docx-numbering';

/** MS-DOC's number formats (nfc) by the names numbering.xml gives them. */
const NFC: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  10: 'ideographDigital',
  11: 'japaneseCounting',
  14: 'decimalFullWidth',
  18: 'decimalEnclosedCircle',
  19: 'decimalFullWidth2',
  22: 'decimalZero',
  23: 'bullet',
  27: 'decimalEnclosedParen',
  28: 'decimalEnclosedCircleChinese',
  29: 'ideographEnclosedCircle',
  30: 'ideographTraditional',
  33: 'taiwaneseCounting',
  35: 'taiwaneseCountingThousand',
  37: 'chineseCounting',
  38: 'chineseLegalSimplified',
  39: 'chineseCountingThousand',
  255: 'none',
};

type Level = { start: number; format: string; text: number[]; follow: number };

export type DocLists = {
  /** The label Word shows before a paragraph of list instance ilfo (1-based) at level ilvl, counting it; '' if none. */
  labelOf(ilfo: number, ilvl: number): string;
};

export const NO_LISTS: DocLists = { labelOf: () => '' };

/** One LVL at o: its number format, start, text, and where the next one begins. */
const readLevel = (t: Uint8Array, o: number): { level: Level; next: number } | null => {
  if (o + 28 > t.length) return null;
  const cbChpx = t[o + 24]!;
  const cbPapx = t[o + 25]!;
  const xst = o + 28 + cbPapx + cbChpx;
  if (xst + 2 > t.length) return null;
  const cch = Math.min(u16(t, xst), 64);
  if (xst + 2 + cch * 2 > t.length) return null;
  const text: number[] = [];
  for (let i = 0; i < cch; i++) text.push(u16(t, xst + 2 + i * 2));
  return { level: { start: u32(t, o) | 0, format: NFC[t[o + 4]!] ?? 'decimal', text, follow: t[o + 15]! }, next: xst + 2 + cch * 2 };
};

/** The lists of the document; NO_LISTS when it has none or they cannot be read (the text is read without labels). */
export const readDocLists = (t: Uint8Array, fcLst: number, lcbLst: number, fcLfo: number, lcbLfo: number): DocLists => {
  if (lcbLst < 2 || lcbLfo < 4 || fcLst + lcbLst > t.length || fcLfo + lcbLfo > t.length) return NO_LISTS;
  const cLst = Math.min(u16(t, fcLst), 1024);
  const lists = new Map<number, Level[]>();
  // the levels of every list follow the PlfLst in the table stream, in the order of its LSTFs
  let at = fcLst + lcbLst;
  for (let i = 0; i < cLst; i++) {
    const lstf = fcLst + 2 + i * 28;
    if (lstf + 28 > t.length) return NO_LISTS;
    const simple = (t[lstf + 26]! & 0x01) !== 0;
    const levels: Level[] = [];
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const r = readLevel(t, at);
      if (!r) return NO_LISTS;
      levels.push(r.level);
      at = r.next;
    }
    lists.set(u32(t, lstf), levels);
  }
  const lfoMac = Math.min(u32(t, fcLfo), 4096);
  if (fcLfo + 4 + lfoMac * 16 > t.length) return NO_LISTS;
  const instances: { levels: Level[]; starts: Map<number, number> }[] = [];
  let data = fcLfo + 4 + lfoMac * 16;
  for (let i = 0; i < lfoMac; i++) {
    const lfo = fcLfo + 4 + i * 16;
    const clfolvl = Math.min(t[lfo + 12]!, 9);
    const starts = new Map<number, number>();
    // LfoData: a cp, then the level overrides (a start value, and a whole LVL when the formatting is overridden)
    data += 4;
    for (let k = 0; k < clfolvl && data + 8 <= t.length; k++) {
      const startAt = u32(t, data) | 0;
      const flags = u32(t, data + 4);
      data += 8;
      if (flags & 0x10) starts.set(flags & 0x0f, startAt);
      if (flags & 0x20) {
        const r = readLevel(t, data);
        if (!r) break;
        data = r.next;
      }
    }
    instances.push({ levels: lists.get(u32(t, lfo)) ?? [], starts });
  }
  const counters = new Map<number, number[]>();
  return {
    labelOf: (ilfo, ilvl) => {
      const inst = instances[ilfo - 1];
      const level = Math.max(0, Math.min(8, ilvl));
      const lvl = inst?.levels[level];
      if (!inst || !lvl) return '';
      const startOf = (l: number) => inst.starts.get(l) ?? inst.levels[l]?.start ?? 1;
      const c = counters.get(ilfo) ?? Array.from({ length: 9 }, (_, l) => startOf(l) - 1);
      c[level] = c[level]! + 1;
      for (let l = level + 1; l < 9; l++) c[l] = startOf(l) - 1;
      counters.set(ilfo, c);
      if (lvl.format === 'bullet') return '';
      let s = '';
      for (const ch of lvl.text) s += ch < 9 ? formatNumber(Math.max(c[ch]!, startOf(ch)), inst.levels[ch]?.format ?? 'decimal') : String.fromCharCode(ch);
      return s + (lvl.follow === 2 ? '' : ' ');
    },
  };
};
