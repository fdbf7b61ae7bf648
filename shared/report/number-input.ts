/**
 * What a clerk types or a published page prints, turned into a cell value or a refusal.
 * Full-width digits, thousands separators and surrounding spaces are normalised; nothing else is guessed.
 */
import type { Unit } from '../format/types';
import { MONEY_DECIMALS, isMoneyString, normaliseMoney } from './money';
import { CN_DIGIT } from '../text/chinese-digits';

export type ParsedInput = { ok: true; value: number | string | null } | { ok: false; message: string };

const FULLWIDTH = /[０-９．，－]/g;
const toHalfWidth = (s: string): string =>
  s.replace(FULLWIDTH, (ch) => (ch === '．' ? '.' : ch === '，' ? ',' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));

/** A lone dash: how an accounting-format sheet shows a zero, or a clerk marks "none" — not a minus sign. */
const DASH_ONLY = /^[-—–―]+$/;
const DASH_MESSAGE = '不是数字：没有的请填 0，不知道的留空';

/** Digits with optional thousands separators in groups of three: "1,234" or "1 234". */
const THOUSANDS = /^\d{1,3}(?:[,，\s]\d{3})+(?:\.\d+)?$/;

export const normaliseNumberText = (raw: string): string => {
  let s = toHalfWidth(raw)
    .replace(/[\u00a0\u3000]/g, ' ')
    .trim();
  if (THOUSANDS.test(s)) s = s.replace(/[,\s]/g, '');
  return s;
};

export const parseCellInput = (raw: string, unit: Unit): ParsedInput => {
  // 「.5」 is 0.5, as a sheet reads it
  const s = normaliseNumberText(raw).replace(/^\.(?=\d)/, '0.');
  if (s === '') return { ok: true, value: null };
  if (DASH_ONLY.test(s)) return { ok: false, message: DASH_MESSAGE };
  if (unit === 'count') {
    // 「12.00」 is the count 12, as a sheet whose cells are formatted with decimals copies it
    const whole = /^(\d+)(?:\.0*)?$/.exec(s);
    if (whole) {
      const n = Number(whole[1]);
      if (!Number.isSafeInteger(n)) return { ok: false, message: '数字过大' };
      return { ok: true, value: n };
    }
    if (/^-/.test(s)) return { ok: false, message: '件数不能为负数' };
    if (/^\d+\.\d*$/.test(s)) return { ok: false, message: '件数应为整数' };
    return { ok: false, message: '只能填写数字（件数为非负整数）' };
  }
  if (/^-/.test(s)) return { ok: false, message: '金额不能为负数' };
  const m = /^(\d+)\.(\d+)$/.exec(s);
  if (m && m[2]!.length > MONEY_DECIMALS) return { ok: false, message: `金额（万元）最多 ${MONEY_DECIMALS} 位小数（精确到分）` };
  if (s.endsWith('.') && /^\d+\.$/.test(s)) return { ok: true, value: normaliseMoney(s.slice(0, -1)) };
  if (!isMoneyString(s)) return { ok: false, message: '只能填写金额数字（单位：万元）' };
  return { ok: true, value: normaliseMoney(s) };
};

/** The first year a report can be for: the 条例 took effect on 1 May 2008, the reports' years are later still. */
export const FIRST_REPORT_YEAR = 2000;
/** The example is the year a report written now is for (reports are written in January for the year before). */
export const yearHint = (thisYear: number): string => `请填写四位数年份，如 ${thisYear - 1}`;

export type ParsedYear = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * The year field as a whole: four digits (full-width and Chinese numerals too: 二〇二四, 2024年), from
 * FIRST_REPORT_YEAR to next year (a report is written in January for the year before; later is a slip).
 */
export const parseYearInput = (raw: string, thisYear: number): ParsedYear => {
  const s = toHalfWidth(raw)
    .trim()
    .replace(/(?<=\S)\s*年度?$/, '')
    // 二〇二四 (also with 零, or ○ typed for 〇)
    .replace(/[〇○零一二三四五六七八九]/g, (c) => String(CN_DIGIT[c === '○' ? '〇' : c]));
  if (s === '') return { ok: true, value: null };
  if (!/^\d{4}$/.test(s)) return { ok: false, message: yearHint(thisYear) };
  if (Number(s) < FIRST_REPORT_YEAR) return { ok: false, message: `年度不能早于 ${FIRST_REPORT_YEAR} 年（${yearHint(thisYear)}）` };
  if (Number(s) > thisYear + 1) return { ok: false, message: `年度不能晚于 ${thisYear + 1} 年（${yearHint(thisYear)}）` };
  return { ok: true, value: Number(s) };
};
