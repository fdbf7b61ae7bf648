/**
 * Narratives carried over from last year's report are a draft: every figure they state and every
 * mention of the old year is marked for review (info findings) for as long as the paragraph is
 * still word for word last year's, so nothing stale survives by accident.
 */
import type { NarrativeId } from '../format/types';
import { NARRATIVE_IDS, narrativeHeading } from '../format/sections';
import type { Check } from '../findings/check';
import type { Finding } from '../findings/finding';
import { CN_DIGIT } from '../text/chinese-digits';

/**
 * A number in digits (half or full width, with decimals or thousands separators), a year in Chinese
 * numerals (二〇二三), or a count in Chinese numerals before a unit (「培训三期」「十二件」).
 */
const NUMBER_RE = /[0-9０-９]+(?:[.,．，][0-9０-９]+)*|[〇零一二三四五六七八九]{4}(?=年)|[一二三四五六七八九十百千两]+(?=[件项期次条篇场家批])/g;
const CN_YEAR = /^[〇零一二三四五六七八九]{4}$/;
/**
 * Parts of a text whose digits are not stated figures: web addresses, document numbers (〔2020〕109号, a PDF's
 * 「国令第 711 号」), and the contact line kept from year to year (e-mail, 0517-83605210, 邮编：223001, a mobile).
 * The e-mail's local part starts only where a run of its characters starts, so the match stays linear.
 */
const NOT_FIGURES =
  /https?:\/\/\S+|www\.\S+|[〔［\[(（][0-9０-９]{4}[〕］\])）][0-9０-９]+号|[0-9０-９]+\s?号|(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*|[0-9０-９]{3,4}[-－][0-9０-９]{7,8}|(?:邮编|邮政编码)[：:\s]{0,3}[0-9０-９]{6}|(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

const toAscii = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[〇零一二三四五六七八九]/g, (c) => String(CN_DIGIT[c]));

/** Paragraphs with their offsets in the section text. */
const paragraphs = (text: string): { start: number; text: string }[] => {
  const out: { start: number; text: string }[] = [];
  let at = 0;
  for (const p of text.split('\n')) {
    out.push({ start: at, text: p });
    at += p.length + 1;
  }
  return out;
};

export const templateReviewCheck: Check = ({ report, previous }) => {
  // `previous` is the one last year evaluate() resolved (explicit previous report, else the saved baseline).
  const lastNarr = previous?.narratives;
  if (!lastNarr) return [];
  const lastYear = previous?.year ?? (report.year !== null ? report.year - 1 : null);
  const out: Finding[] = [];
  for (const id of NARRATIVE_IDS as readonly NarrativeId[]) {
    const old = new Set(
      paragraphs(lastNarr[id] ?? '')
        .map((p) => p.text.trim())
        .filter((t) => t !== ''),
    );
    if (!old.size) continue;
    const heading = narrativeHeading(id);
    for (const para of paragraphs(report.narratives[id])) {
      if (!old.has(para.text.trim())) continue;
      const skip: [number, number][] = [];
      for (const m of para.text.matchAll(NOT_FIGURES)) skip.push([m.index, m.index + m[0].length]);
      let k = 0; // numbers and skipped parts both come in text order: one walk, linear in the paragraph
      for (const m of para.text.matchAll(NUMBER_RE)) {
        const s = m.index;
        const e = s + m[0].length;
        while (k < skip.length && skip[k]![1] <= s) k++;
        if (k < skip.length && skip[k]![0] < e) continue;
        const after = para.text.slice(e, e + 8).trimStart()[0] ?? '';
        const value = toAscii(m[0]);
        const isOldYear = lastYear !== null && value === String(lastYear) && after === '年';
        // months and days of a date (1 月 1 日至 12 月 31 日) are the statistical period, not a figure
        if (!isOldYear && (after === '月' || after === '日' || CN_YEAR.test(m[0]))) continue;
        const quote = m[0];
        out.push({
          code: 'TEMPLATE-REVIEW',
          severity: 'info',
          cells: [],
          message: isOldYear
            ? `「${heading}」沿用上年文字，其中「${quote}年」是上年年度，请改为 ${lastYear! + 1} 年或核对`
            : `「${heading}」沿用上年文字，其中的数字「${quote}」是上年数据，请核对并改为本年情况`,
          narrative: { section: id, start: para.start + s, end: para.start + e, quote },
        });
      }
    }
  }
  return out;
};
