/**
 * Numbers as Chinese official prose writes them: Arabic digits (half or full width, thousands
 * separators, decimals, 「万」 multiplier), Chinese numerals (十二、两、一百零五、三千), always read
 * together with the unit that follows, because a number without a unit (a year, a date, a
 * percentage, 「一是」) is never a count the tables hold.
 */
import { CN_DIGIT } from '../text/chinese-digits';
import { byText } from './memo';

/** Units we recognise after a number. Longest first, so 「万元」 wins over 「元」 and 「件次」 over 「件」. */
export const UNITS = ['万元', '人次', '件次', '件', '项', '条', '宗', '起', '个', '次', '部', '份', '篇', '期', '场', '家', '名', '人', '元'] as const;
export type NumberUnit = (typeof UNITS)[number];

/** Units of a count the tables could hold (表二 件数, 表三 申请, 表四 案件). */
export const COUNT_UNITS: readonly NumberUnit[] = ['件', '项', '条', '宗', '起', '个', '次', '部', '份', '件次'];
export const MONEY_UNITS: readonly NumberUnit[] = ['万元', '元'];

export type StatedNumber = {
  /** Offsets of the whole mention, number and unit, in the text searched. */
  readonly start: number;
  readonly end: number;
  /** Offset where the unit (or 「余」/「多」) starts: the number itself is text[start, numberEnd). */
  readonly numberEnd: number;
  readonly raw: string;
  /** The value as a canonical decimal string, multiplier applied (「2.7 万条」 → "27000"). */
  readonly decimal: string;
  /** The value as an integer, or null when it is not a whole number. */
  readonly value: number | null;
  readonly unit: NumberUnit;
  /** 「100 余条」「2000 多条」「约 30 件」: never compared with a table. */
  readonly approx: boolean;
  readonly kind: 'arabic' | 'chinese';
};

const FULL_WIDTH_ZERO = 0xff10;
/** Full-width digits and punctuation to ASCII, one code unit for one, so offsets stay valid. */
export const halfWidthDigits = (s: string): string =>
  s.replace(/[０-９．，]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_ZERO + 48)));
/** halfWidthDigits of a section's text, made once for the checks that read it (years, completeness). */
export const halfWidthOf: (text: string) => string = byText(halfWidthDigits);

const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** 「十二」→12, 「一百零五」→105, 「三千」→3000, 「两」→2, 「二〇二三」→2023 (digit by digit); null if not a numeral. */
export const parseChineseNumeral = (s: string): number | null => {
  if (!s || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(s)) return null;
  if (!/[十百千万亿]/.test(s)) {
    // Digit by digit (「二〇二三」), or a single digit.
    return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawDigit = false;
  for (const c of s) {
    if (c in CN_DIGIT) {
      digit = CN_DIGIT[c]!;
      sawDigit = true;
    } else if (c in CN_SMALL_UNIT) {
      section += (sawDigit ? digit : 1) * CN_SMALL_UNIT[c]!;
      digit = 0;
      sawDigit = false;
    } else {
      const big = CN_BIG_UNIT[c]!;
      total = (total + section + digit) * big;
      section = 0;
      digit = 0;
      sawDigit = false;
    }
  }
  return total + section + digit;
};

/** Multiplies a decimal string by 10^k without floats. */
const shiftDecimal = (dec: string, k: number): string => {
  const [int = '0', frac = ''] = dec.split('.');
  const padded = frac.padEnd(k, '0');
  const newInt = `${int}${padded.slice(0, k)}`.replace(/^0+(?=\d)/, '');
  const newFrac = padded.slice(k).replace(/0+$/, '');
  return newFrac ? `${newInt}.${newFrac}` : newInt;
};

const UNIT_ALT = UNITS.join('|');
// A number: Arabic (thousands with ASCII or full-width comma only when exactly three digits follow) or a Chinese numeral.
const ARABIC = '[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?';
const CHINESE = '[零〇一二两三四五六七八九十百千]+';
const NUMBER_RE = new RegExp(`(${ARABIC}|${CHINESE})(\\s{0,2})(万(?!元))?(\\s{0,2})(余|多)?(\\s{0,2})(${UNIT_ALT})`, 'g');
const APPROX_BEFORE = /(约|近|大约|超过|逾|达到近)\s*$/;
const APPROX_AFTER = /^\s*(左右|以上|上下)/;
/**
 * 「一」 in a slogan or a goal is not a count: 「一件事一次办」「一次办好」「办结一件申请」 put a noun or a verb
 * straight after the unit (a count is followed by punctuation or the next clause: 「办结一件，」「申请一件。」),
 * and 「最多跑一次」「只跑一次」 name a goal. 「每一件」 is not a count either.
 */
const SLOGAN_AFTER = /^\p{Script=Han}/u;
const SLOGAN_BEFORE = /(?:跑|每)\s*$/;

/** Every number followed by a unit, in text order. Spaces around 万/余/unit are bounded: a run of spaces never backtracks. */
export const findNumbers = (text: string): StatedNumber[] => {
  const out: StatedNumber[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index!;
    const num = m[1]!;
    const first = num.charCodeAt(0); // the number is ARABIC or CHINESE: its first character says which
    const isChinese = !((first >= 0x30 && first <= 0x39) || (first >= FULL_WIDTH_ZERO && first <= FULL_WIDTH_ZERO + 9));
    const before = text.slice(Math.max(0, start - 4), start);
    // 「第一次」「第 3 期」 are ordinals; a digit or Chinese digit right before means we matched the tail of something else.
    if (/第\s*$/.test(before)) continue;
    if (isChinese && /[零〇一二两三四五六七八九十百千万亿]$/.test(before)) continue;
    if (!isChinese && /[0-9０-９.．]$/.test(before)) continue;
    if (isChinese && num === '一' && (SLOGAN_AFTER.test(text.slice(start + m[0].length, start + m[0].length + 1)) || SLOGAN_BEFORE.test(before))) continue;
    let decimal: string;
    if (isChinese) {
      const v = parseChineseNumeral(num);
      if (v === null) continue;
      decimal = String(v);
    } else if (/^[0-9]+$/.test(num)) {
      decimal = num.charCodeAt(0) === 0x30 ? num.replace(/^0+(?=\d)/, '') : num; // most numbers: ASCII digits only
    } else {
      decimal = halfWidthDigits(num)
        .replace(/,/g, '')
        .replace(/^0+(?=\d)/, '');
      if (decimal.includes('.')) decimal = decimal.replace(/\.?0+$/, '') || '0';
    }
    if (m[3]) decimal = shiftDecimal(decimal, 4);
    const unit = m[7] as NumberUnit;
    const end = start + m[0].length;
    const numberEnd = start + num.length;
    const value = /^\d+$/.test(decimal) && Number.isSafeInteger(Number(decimal)) ? Number(decimal) : null;
    const approx = Boolean(m[5]) || APPROX_BEFORE.test(before) || APPROX_AFTER.test(text.slice(end, end + 4));
    out.push({ start, end, numberEnd, raw: m[0], decimal, value, unit, approx, kind: isChinese ? 'chinese' : 'arabic' });
  }
  return out;
};

/**
 * Words that state zero when they govern a noun in the same clause: 「未发生行政复议」「没有收到申请」
 * 「无行政诉讼」. Not 「无法」「无正当理由」「无力」 (not a negation of existence), not 「未经复议」
 * 「尚未审结」 (a kind of case, not its absence).
 */
export const NEGATION_RE = /没有|未(?:发生|收到|产生|出现|有|曾|被|接到|受理)|(?<![尚均])无(?![法正力需误])/g;

export type Negation = { readonly start: number; readonly end: number; readonly word: string };
export const findNegations = (text: string): Negation[] =>
  [...text.matchAll(NEGATION_RE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: m[0] }));

/** 元 and 万元 amounts to 分 (bigint), exactly; null for anything else or more decimals than 分 allow. */
export const amountToFen = (decimal: string, unit: NumberUnit): bigint | null => {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m) return null;
  const places = unit === '万元' ? 6 : unit === '元' ? 2 : -1;
  if (places < 0) return null;
  const frac = m[2] ?? '';
  if (frac.length > places) return null;
  return BigInt(m[1]!) * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0') || '0');
};
