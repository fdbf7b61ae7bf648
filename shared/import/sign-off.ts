/**
 * The end of a report in someone else's file: the 落款 (agency and date) and the 版记 lines (抄送, 印发, 附注)
 * that follow the last section. They are not part of 六: the 落款 goes to its own field, the 版记 is dropped
 * with a note (an annual report published on the website carries none; the note keeps the text visible).
 */
import type { SignOff } from '../report/document';
import { isDateLine } from '../report/sign-off';
import { looksLikeAgency } from './sections';

/** 「抄送：…」, 「主送：…」, 「…2023年1月9日印发」, 「（此件公开发布）」. */
const DISTRIBUTION_RE = /^(?:(?:抄送|抄报|主送|分送|发送)\s*[：:]|[（(]此件[^）)]{0,20}[）)]$)|印发$/u;

export const isDistributionLine = (text: string): boolean => {
  const t = text.normalize('NFKC').trim();
  return t.length <= 300 && DISTRIBUTION_RE.test(t);
};

const tidyDate = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

/** 「××县人民政府办公室　2023年1月9日」 on one line: the agency and the date. */
const splitOneLine = (text: string): SignOff | null => {
  const t = text.normalize('NFKC').trim();
  if (t.length > 60) return null;
  const m = /(?:\d{4}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日$/u.exec(t);
  const agency = m ? t.slice(0, m.index).trim() : '';
  if (!m || !agency || !isDateLine(m[0]) || !looksLikeAgency(agency)) return null;
  return { agency, date: tidyDate(m[0]) };
};

export type EndOfReport = {
  /** The paragraphs of the last section without the 落款 and 版记. */
  readonly paragraphs: string[];
  readonly signOff: SignOff | null;
  /** 版记 lines left out. */
  readonly dropped: string[];
};

/** Takes the 落款 and the 版记 off the end of the last section's paragraphs. */
export const takeEndOfReport = (paragraphs: readonly string[]): EndOfReport => {
  const ps = [...paragraphs];
  const dropped: string[] = [];
  while (ps.length && isDistributionLine(ps[ps.length - 1]!)) dropped.unshift(ps.pop()!.trim());
  let signOff: SignOff | null = null;
  const last = ps[ps.length - 1];
  if (last !== undefined && isDateLine(last)) {
    ps.pop();
    const before = ps[ps.length - 1];
    const agency = before !== undefined && before.trim().length <= 40 && looksLikeAgency(before) ? ps.pop()!.trim() : '';
    signOff = { agency, date: tidyDate(last) };
  } else if (last !== undefined) {
    signOff = splitOneLine(last);
    if (signOff) ps.pop();
  }
  return { paragraphs: ps, signOff, dropped };
};
