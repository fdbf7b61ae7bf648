/**
 * Finding the report title and the six section headings in the paragraphs of a published report.
 * Headings come from shared/format/sections.ts; the heading variants seen in real reports (docs/import-text.md) are accepted.
 */
import { SECTIONS, REPORT_TITLE_SUFFIX } from '../format/sections';
import { bare, canonicalText, cnNumeral, labelSimilarity } from './labels';
import { trimEndOf, WHITESPACE } from './bounded';

/** Words of each official heading (numbering removed), in section order 一…六. */
const HEADING_WORDS: readonly string[] = SECTIONS.map((s) => bare(s.heading.replace(/^[一二三四五六]、/, '')));

/**
 * Words that identify a heading even when agencies reword it
 * (「五、政府信息公开工作存在的主要问题及改进措施」, 「四、…行政法复议…」, 「三、依申请公开情况」).
 */
const HEADING_CORE: readonly (readonly string[])[] = [
  ['总体情况', '基本情况', '概述'],
  ['主动公开'],
  ['收到和处理', '依申请公开'],
  ['行政复议', '行政诉讼'],
  ['存在的主要问题', '主要问题', '存在问题', '改进情况'],
  ['其他需要报告', '其他事项'],
];

const HEADING_RE = /^#{0,6}\s*([一二三四五六])\s*[、.,，．]\s*(\S.*)$/u;

/**
 * Whether the first character after the marks a heading may start with (spaces, #, *, >) can be 一 … 六 once
 * normalised: a printable ASCII character or a CJK ideograph (U+4E00–U+9FFF, which NFKC leaves as they are) other
 * than those cannot. Most lines are ruled out by their first characters, before the NFKC of the whole line.
 */
const mayOpenWithNumeral = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x23 || c === 0x2a || c === 0x3e) continue;
    if (c >= 0x4e00 && c <= 0x9fff) return '一二三四五六'.includes(text[i]!);
    return !(c > 0x20 && c < 0x7f);
  }
  return true;
};

/** The section (0 for 一 … 5 for 六) a paragraph opens, or -1. */
export const headingIndex = (text: string): number => {
  // headings are short: long paragraphs are not normalised at all
  if (text.length > 80 || text.includes('\t') || text.includes('|')) return -1;
  if (!mayOpenWithNumeral(text)) return -1;
  const line = trimEndOf(text.normalize('NFKC').replace(/^[\s#*>]+/, ''), `*${WHITESPACE}`);
  const m = HEADING_RE.exec(line);
  if (!m) return -1;
  const idx = cnNumeral(m[1]!) - 1;
  const words = bare(canonicalText(m[2]!));
  if (words.length === 0 || words.length > 40 || /[。；;]/.test(m[2]!)) return -1;
  const official = HEADING_WORDS[idx]!;
  if (words === official || labelSimilarity(words, official) >= 0.6) return idx;
  if (HEADING_CORE[idx]!.some((k) => words.includes(k))) return idx;
  return -1;
};

/**
 * A paragraph that opens with a section's official heading and runs on into its first sentence (a CMS page's bold
 * lead-in 「<b>五、存在的主要问题及改进情况</b>存在的问题：…」, copied as one line): the heading and the rest.
 * Only the official wording is split off, so no sentence is cut at a guess.
 */
export const splitHeadingLead = (text: string): { index: number; heading: string; rest: string } | null => {
  const m = /^[\s#*>]*([一二三四五六])\s*[、.．]/.exec(text);
  if (!m) return null;
  const index = cnNumeral(m[1]!) - 1;
  const official = HEADING_WORDS[index]!;
  for (let i = m[0].length; i < Math.min(text.length, m[0].length + 60); i++) {
    const words = bare(text.slice(m[0].length, i + 1));
    if (words === official) {
      const rest = text.slice(i + 1).replace(/^[\s:：。]+/, '');
      return rest ? { index, heading: text.slice(0, i + 1).trim(), rest } : null;
    }
    if (!official.startsWith(words)) return null;
  }
  return null;
};

export type Title = { readonly agency: string; readonly year: number };

const SUFFIX = bare(REPORT_TITLE_SUFFIX).replace(/^年/, '');

/**
 * 「新乡市人民政府办公室 2023 年政府信息公开工作年度报告」, 「# …」, 「…2023年度政府信息公开工作年度报告」,
 * or year first: 「2023年新乡市人民政府办公室政府信息公开工作年度报告」.
 */
export const parseTitle = (text: string): Title | null => {
  const t = parseBareTitle(text);
  return t && t.agency ? { ...t, agency: printedAgency(text.replace(/^[\s#*>]+/, ''), t.agency) } : t;
};

/**
 * The agency as the line prints it — brackets 「（试点）」, Latin letters, inner spaces kept — when the line begins
 * with it: the longest start of the line that reads as the same letters and digits.
 */
const printedAgency = (line: string, agency: string): string => {
  let end = -1;
  for (let i = 1; i <= line.length; i++) {
    const b = bare(line.slice(0, i));
    if (b === agency) end = i;
    else if (b.length > agency.length) break;
  }
  return end < 0 ? agency : line.slice(0, end).trim();
};

/** Years restore() accepts (2000—2100) and the older reports a template may come from. */
const YEAR = '(?:19\\d{2}|20\\d{2}|2100)';
const YEAR_LAST = new RegExp(`^(.*?)(?:关于)?(${YEAR})年度?$`);
const YEAR_FIRST = new RegExp(`^(${YEAR})年度?(.*)$`);

const parseBareTitle = (text: string): Title | null => {
  // a title ends in 报告, and no other character normalises to 告: most paragraphs are ruled out before NFKC
  if (text.length > 160 || !text.includes('告')) return null;
  const s = bare(text.normalize('NFKC').replace(/^[\s#*>]+/, ''));
  if (s.length > 80) return null;
  // 「…年度报告」 at the end, or 「…年度报告（2023年度）」
  const at = s.lastIndexOf(SUFFIX);
  if (at < 0) return null;
  const after = s.slice(at + SUFFIX.length);
  const head = s.slice(0, at);
  let m = /^(\d{4})年度?$/.exec(after);
  if (m && head) return { agency: head.replace(/关于$/, ''), year: Number(m[1]) };
  if (after) return null;
  m = YEAR_LAST.exec(head);
  if (m && m[1]) return { agency: m[1], year: Number(m[2]) };
  m = YEAR_FIRST.exec(head);
  // 「2023年政府信息公开工作年度报告」 alone: the agency stands on the line above (agency '')
  if (m) return { agency: m[2]!, year: Number(m[1]) };
  return null;
};

/** 「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止」 and the like: the report year when the title lacks it. */
export const yearFromPeriod = (text: string): number | null => {
  const s = bare(text.normalize('NFKC'));
  const m = /(\d{4})年1月1日[起至到]*(?:(\d{4})年)?12月31日/.exec(s);
  if (!m) return null;
  return Number(m[2] ?? m[1]);
};

/** The title line of one statutory table: 「表三」, 「表三 收到和处理…」 (not 「表三、」 of a list). */
export const TABLE_TITLE = /^\s*表\s*([二三四234])(?![\u4e00-\u9fff0-9]{0,2}[、.．])/;

export const headingOf = (idx: number): string => SECTIONS[idx]!.heading;

/**
 * Lines a web page adds around the report (print/close buttons, share links, site footer).
 * Only short lines are tested, so a sentence of the report that mentions 「联系我们」 is kept; a PDF line that
 * begins 「浏览量。严格履行…」 (a sentence broken at the page width) is the report's own.
 */
const PAGE_NOISE =
  /^[【\[]?\s*(打印(本页|此页)?|关闭(窗口|本页)?|字体[:：]?|字号[:：]?|分享到|扫一扫|上一篇|下一篇|返回顶部|相关链接|相关(稿件|文章|阅读|信息|新闻|附件)\s*([:：]|$)|来源[:：]|信息来源[:：]|(发布|成文)?(时间|日期)[:：]\s*\d{4}|发布(时间|日期|机构)[:：]|浏览(次数|量)(?![。，；、\u4e00-\u9fff])[:：]?|点击(数|量|率)[:：]?|访问量|责任编辑|网站(地图|声明)|站点地图|联系我们|版权所有|主办单位|主办[:：]|承办|技术支持[:：]|网站标识码|ICP备|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP|公网安备|(您|你)?(当前|现在|所在)的?位置|首页\s*[>›»]|我要纠错|建议使用.{0,30}(浏览器|分辨率)|(相关)?附件(下载)?[\s:：]*$|(相关)?附件(下载)?\s*[:：].{0,50}\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar)$|[^\s，。；]{1,50}\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar)$)/iu;
/** Menu words that may also open a sentence of the report: page furniture only on a line that is no sentence. */
const MENU = /^(网站首页|首页\s*[|｜]|无障碍(浏览|阅读)?\s*([|｜]|$)|适老化)/u;
/** Page tools that stand anywhere in a short line: 【字体：大 中 小】, 【打印】【关闭】, 扫一扫在手机打开. */
const PAGE_TOOLS =
  /【\s*(字体|字号|打印|关闭|我要纠错|纠错|收藏)|字[体号][:：]?\s*[【\[]?大[\s】\]【\[]*中|扫一扫在手机|微信扫一扫|长按(识别)?二维码|关注(该|本)?公众号|预览时标签不可点|在手机(上)?打开当前页|ICP备\d|公网安备|网站标识码[:：]/u;

export const isPageNoise = (text: string): boolean => {
  const t = text.trim();
  return t.length <= 60 && (PAGE_NOISE.test(t) || PAGE_TOOLS.test(t) || (MENU.test(t) && !/[。；，]/.test(t)));
};

/**
 * A page number as a PDF prints it, copied with the text: 「- 3 -」「— 3 —」「第 3 页」「第3页 共6页」. A bare 「3」 is not
 * taken: without its place on the page it cannot be told from a table cell.
 */
const PAGE_NUMBER = /^(?:[-—–－─]\s*\d{1,3}\s*[-—–－─]|第\s*\d{1,3}\s*页(?:\s*(?:[，,/]\s*)?共\s*\d{1,3}\s*页)?)$/;
export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text.trim());

/** A line that can be the agency's name printed above a title line that carries only the year. */
export const looksLikeAgency = (text: string): boolean => {
  const s = bare(text.normalize('NFKC').replace(/^[\s#*>]+/, ''));
  return s.length >= 2 && s.length <= 40 && !/[。；，,]/.test(text) && /(政府|办公室|办公厅|委员会|局|厅|院|署|中心|办|部|会|所|处|站|队)$/.test(s);
};
