/**
 * Label and number normalisation for reading published tables. Every official label comes from
 * shared/format; this file only knows how real pages deviate from it (the accepted variants are listed in docs/import-text.md).
 */
import { normaliseNumberText } from '../report/number-input';
import { similarity } from '../text/similarity';

/**
 * Labels and cell texts repeat across every report of a batch (the CLI reads thousands): these pure
 * functions of strings are cached, in bounded maps so a long run cannot grow them without limit.
 */
export const memo = <R>(fn: (s: string) => R, maxLength = 120, max = 50_000): ((s: string) => R) => {
  const cache = new Map<string, R>();
  return (s) => {
    // long texts (paragraphs, whole pages) rarely repeat and cost more to hash than to compute
    if (s.length > maxLength) return fn(s);
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as R;
    const v = fn(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, v);
    return v;
  };
};

/** Only ASCII digits (at least one): a cell as most tables print a count. */
export const allDigits = (s: string): boolean => {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
};

/**
 * Only ASCII letters and digits and CJK ideographs (U+4E00–U+9FFF): NFKC leaves such a text as it is (none of these
 * characters decomposes or composes) and it has no space, quote or punctuation, so compact() and bare() give it back
 * unchanged. Most cells and labels are such texts; testing them is cheaper than looking them up.
 */
const plainWord = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 ? c > 0x9fff : c > 0x7a || c < 0x30 || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61)) return false;
  }
  return true;
};

/** NFKC turns full-width digits, letters and brackets into ASCII; spaces and line breaks inside words are dropped. */
const compactCached = memo((s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, ''),
);
export const compact = (s: string): string => (plainWord(s) ? s : compactCached(s));

/** Only letters, digits and CJK: what is left for comparing labels (remembered too: the mappers ask it of every cell, often more than once). */
const bareCached = memo((s: string): string => lettersAndDigits(compact(s)));

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * s without what is not a letter or digit (\p{L}, \p{N}): ASCII and CJK ideographs are told by their code, the rest
 * by the regex one code point at a time. A global replace with the Unicode classes cost ~25 ns a character.
 */
const lettersAndDigits = (s: string): string => {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    let width = 1;
    let keep: boolean;
    if (c < 0x80) keep = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    else if (c >= 0x4e00 && c <= 0x9fff) keep = true;
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      keep = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    }
    if (!keep) {
      if (i > run) out += s.slice(run, i);
      run = i + width;
    }
    i += width;
  }
  return run === 0 ? s : out + s.slice(run);
};
export const bare = (s: string): string => (plainWord(s) ? s : bareCached(s));

/** Typos and variants seen in real reports (docs/import-text.md), applied before matching. */
const VARIANTS: readonly (readonly [string, string])[] = [
  ['钩稽', '勾稽'],
  ['先行有效', '现行有效'],
  ['废纸', '废止'],
  ['行政法复议', '行政复议'],
  ['行政止公开', '行政法规禁止公开'],
];

export const canonicalText = (s: string): string => {
  let out = compact(s);
  // a text without the typo is left as it is (most are): looking costs less than replacing
  for (const [typo, to] of VARIANTS) if (out.includes(typo)) out = out.replaceAll(typo, to);
  return out;
};

/** A cell that holds a number as published: digits with optional decimals, full-width, thousands separators or inner spaces. */
const NUMBER_RE = /^[-+]?\d+(?:\.\d+)?$/;
/** Cells that mean "nothing here" in published tables. */
const DASH_RE = /^[-—–－/／~～]+$|^无$/;

/** The number a cell's text holds as digits, or null (「1,052件」 → 1052; 「〇」 → 0). */
export const numberText = (raw: string): string | null => (allDigits(raw) ? raw : numberTextCached(raw));
const numberTextCached = memo((raw: string): string | null => {
  // a unit after the number (「1,052件」「5884.0157万元」) goes before separators are read; 元 is not 万元 and stays a refusal
  let s = normaliseNumberText(
    raw
      .normalize('NFKC')
      .trim()
      .replace(/(?:件|项|个|条|次|万元)$/, '')
      .trimEnd(),
  );
  if (NUMBER_RE.test(s)) return s;
  // 〇 or 零, the Chinese zero, alone in a cell
  if (s === '〇' || s === '零') return '0';
  // spaces inside a number that are not thousands groups ("1 0 2" from a broken copy): only digits and spaces
  if (/^\d[\d ]*\d$/.test(s) && !/ {2,}/.test(s)) {
    s = s.replace(/\s+/g, '');
    if (NUMBER_RE.test(s)) return s;
  }
  return null;
});

const dashCell = (raw: string): boolean => DASH_RE.test(compact(raw));

/**
 * What a cell is, worked out once per distinct cell text: the mappers ask each cell several of these
 * questions, often more than once (one remembered answer instead of two or three look-ups).
 */
type CellKind = { readonly number: boolean; readonly dash: boolean; readonly empty: boolean };
// a long text is rarely asked twice and costs more to hash than to read: memo does not keep it
const cellKindCached = memo((raw: string): CellKind => {
  const dash = dashCell(raw);
  return { number: numberText(raw) !== null, dash, empty: dash || compact(raw) === '' };
}, 120);
const NUMBER_KIND: CellKind = { number: true, dash: false, empty: false };
const WORDS_KIND: CellKind = { number: false, dash: false, empty: false };
const EMPTY_KIND: CellKind = { number: false, dash: false, empty: true };
/** Ideographs that a number cell may hold (a unit after it, 零 alone) or a dash cell (无): the others make a cell words. */
const NUMBER_OR_DASH_IDEOGRAPHS = new Set([...'零件项个条次万元无'].map((c) => c.charCodeAt(0)));
/**
 * Most cells answer at once: ASCII digits are a number, nothing is empty, and a text holding a CJK ideograph
 * (U+4E00–U+9FFF, which NFKC, trim and compact keep) other than a unit, 零 or 无 is words: no number, dash or blank
 * keeps such a character. undefined: the full reading decides.
 */
const quickKind = (raw: string): CellKind | undefined => {
  if (raw.length === 0) return EMPTY_KIND;
  if (allDigits(raw)) return NUMBER_KIND;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && !NUMBER_OR_DASH_IDEOGRAPHS.has(c)) return WORDS_KIND;
  }
  return undefined;
};
const cellKind = (raw: string): CellKind => quickKind(raw) ?? cellKindCached(raw);

export const isNumberCell = (raw: string): boolean => cellKind(raw).number;
export const isDashCell = (raw: string): boolean => cellKind(raw).dash;
export const isEmptyCell = (raw: string): boolean => cellKind(raw).empty;
/** A label cell carries words (not a number, not empty, not a dash). */
export const isLabelCell = (raw: string): boolean => {
  const k = cellKind(raw);
  return !k.empty && !k.number;
};

/** Character-bigram Dice similarity (shared/text/similarity.ts), remembered: the mappers ask the same pairs often. */
export const labelSimilarity = (a: string, b: string): number => similarityCached(`${a}\u0000${b}`);
const similarityCached = memo((key: string): number => {
  const [a, b] = key.split('\u0000') as [string, string];
  return similarity(a, b);
}, 240);

const CN_NUMERALS = '一二三四五六七八九十';
export const cnNumeral = (ch: string): number => CN_NUMERALS.indexOf(ch) + 1;

export type LabelParts = {
  /** 一、二、三、四 numbering of a top-level row. */
  readonly top?: number;
  /** （一）…（七） group numbering. */
  readonly group?: number;
  /** 1. 2. … item numbering. */
  readonly item?: number;
  /** The words, numbering removed, only letters/digits/CJK. */
  readonly words: string;
  /** Every numbering prefix removed but words of outer levels kept separately. */
  readonly segments: readonly string[];
};

const TOP_RE = /^([一二三四五六七八九十])[、.,，]/;
const GROUP_RE = /^\(([一二三四五六七八九十])\)/;
const ITEM_RE = /^(?:(\d{1,2})[.、,，)]|\((\d{1,2})\))(?!\d)/;

/**
 * Splits a row label such as 「三、本年度办理结果（三）不予公开1.属于国家秘密」 into its numbered segments:
 * top 3 「本年度办理结果」, group 3 「不予公开」, item 1 「属于国家秘密」.
 */
export const parseLabel = (raw: string): LabelParts => parseLabelCached(raw);
const parseLabelCached = memo((raw: string): LabelParts => {
  // no row label is longer than a line; a pasted essay in a label cell is cut so the scan stays cheap
  let s = canonicalText(raw.length > 300 ? raw.slice(0, 300) : raw)
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  let top: number | undefined;
  let group: number | undefined;
  let item: number | undefined;
  const segments: string[] = [];
  let current = '';
  const flush = () => {
    const w = bare(current);
    if (w) segments.push(w);
    current = '';
  };
  while (s.length > 0) {
    let m: RegExpExecArray | null;
    if (top === undefined && group === undefined && item === undefined && current === '' && (m = TOP_RE.exec(s))) {
      top = cnNumeral(m[1]!);
      s = s.slice(m[0].length);
      continue;
    }
    if (item === undefined && (m = GROUP_RE.exec(s))) {
      flush();
      group = cnNumeral(m[1]!);
      s = s.slice(m[0].length);
      continue;
    }
    if (item === undefined && (current === '' || /\p{Script=Han}$/u.test(current)) && (m = ITEM_RE.exec(s))) {
      flush();
      item = Number(m[1] ?? m[2]);
      s = s.slice(m[0].length);
      continue;
    }
    current += s[0];
    s = s.slice(1);
  }
  flush();
  return { top, group, item, words: segments.join(''), segments };
});

/**
 * Labels of the 2019 试行 format (国办公开办函〔2019〕60号) that the current format no longer has.
 * They are only recognised, to say plainly what could not be carried over.
 */
export const FORMAT_2019 = {
  t2Columns: {
    made: '本年新制作数量',
    published: '本年新公开数量',
    totalPublished: '对外公开总数量',
    lastYearItems: '上一年项目数量',
    change: '本年增/减',
    decisions: '处理决定数量',
    purchaseItems: '采购项目数量',
    purchaseAmount: '采购总金额',
  },
  t2Rows: { otherServices: '其他对外管理服务事项', procurement: '政府集中采购' },
  t3OtherGroup: '（六）其他处理',
} as const;
