/**
 * The 落款 of a report (GB/T 9704—2012 §7.3.5: 发文机关署名 and 成文日期): how a date should be written, where the
 * two lines stand on the page, and how a line of someone else's file is recognised as one of them.
 */
import type { SignOff } from './document';

/** 「2025年1月20日」: Arabic numerals, the year in full, no leading zero in month and day (GB/T 9704 §7.3.5.1). */
const DATE_RE = /^(\d{4})年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/;
/** How dates look in files made by others: full-width digits, spaces, leading zeros, 〇 numerals. */
const LOOSE_DATE_RE =
  /^((?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

export const isSignOffBlank = (s: SignOff): boolean => s.agency.trim() === '' && s.date.trim() === '';

/** A gentle hint for a date not written the way GB/T 9704 asks; '' when fine or blank. */
export const signOffDateHint = (date: string): string => {
  const d = date.trim();
  if (d === '' || DATE_RE.test(d)) return '';
  return '成文日期请用阿拉伯数字写全年、月、日，月日前不加 0，如「2025年1月20日」';
};

/** A date with no 署名机关 prints alone (GB/T 9704 puts the agency above it): say so where the clerk types. */
export const signOffAgencyHint = (s: SignOff): string => (s.agency.trim() === '' && s.date.trim() !== '' ? '署名机关未填写：导出时落款只有成文日期' : '');

/** A line that is only a date (「2023年1月9日」, 「二〇二三年一月九日」, 「2023 年 01 月 09 日」). */
export const isDateLine = (text: string): boolean => LOOSE_DATE_RE.test(text.normalize('NFKC').trim());

/**
 * Width of a line in characters of the body face: Chinese characters and full-width punctuation count 1, the
 * Times New Roman digits and letters about half.
 */
const widthOf = (s: string): number => [...s].reduce((a, c) => a + (/[\u0020-\u007e]/.test(c) ? 0.5 : 1), 0);

/**
 * Where the two 落款 lines stand (GB/T 9704 §7.3.5.3, a report without a seal), in characters of the body face
 * counted from the right edge of the text: the agency ends two characters in (`agencyRight`); the date on the next
 * line starts two characters right of the agency's first character (`dateStart`: its first character's distance
 * from the right edge), so the date is placed by its start, which does not depend on how wide its digits print.
 * A date that would then end less than two characters from the edge stands two characters in, and the agency
 * moves left to keep the offset (this one case needs the date's width, estimated).
 */
export type SignOffLayout = { readonly agencyRight: number; readonly dateStart: number };

export const signOffLayout = (s: SignOff): SignOffLayout => {
  const a = widthOf(s.agency.trim());
  const d = widthOf(s.date.trim());
  if (!a) return { agencyRight: 2, dateStart: 2 + d };
  if (a - d >= 2) return { agencyRight: 2, dateStart: a };
  return { agencyRight: 4 + d - a, dateStart: 2 + d };
};
