/**
 * Text a font without its character map turned into nonsense. WPS often embeds the title's font (方正小标宋) or a
 * cover page's decorative font that way while the body and the tables are readable: those runs are set aside with a
 * note and the rest is read. Nonsense in a table, or most of the text, refuses the file: its numbers cannot be trusted.
 */
import { PdfRefusal } from './pdf-budget';
import type { PdfItem, PdfPage, PdfSetAside } from './pdf-engine';
import { charCount, isGarbledRun, rowOfThree, showsTable } from './pdf-text';

const refusal = (pages: readonly number[], of: number): string =>
  `这个 PDF ${pages.length === of ? '' : `第 ${pages.join('、')} 页`}的文字无法识别：读出的是乱码，多半是生成 PDF 时嵌入的字体缺少字符对照表（WPS 等软件导出时常见），其中的数字无法准确读取，为免读错已停止读取。请打开该报告的 Word 原件导入，或在本程序中直接填写各项数字`;

/** The warning for what was set aside: the title, the agency and the year are what such fonts usually print. */
export const setAsideNote = (setAside: readonly PdfSetAside[]): string =>
  `第 ${setAside.map((s) => s.page).join('、')} 页有 ${setAside.reduce((a, s) => a + s.chars, 0)} 个字无法识别（字体缺少字符对照表），已略去；请核对这些页的文字（多为标题、机关名称和年度）`;

/** Nonsense characters a page with a table may carry and still be read (a stray symbol, not a font's worth of text). */
const STRAY_CHARS = 2;

/** Ruling lines enough for a table's grid (a cover's frame has two of each). */
const ruledGrid = (p: PdfPage): boolean => p.h.length >= 3 && p.v.length >= 3;

/** The size most readable characters are set in: a table's cells are no larger, a title's lines are. */
const bodySize = (items: readonly PdfItem[]): number => {
  const chars = new Map<number, number>();
  for (const it of items) chars.set(Math.round(it.size), (chars.get(Math.round(it.size)) ?? 0) + it.str.trim().length);
  return [...chars].reduce((best, e) => (e[1] > best[1] ? e : best), [Infinity, 0])[0];
};

/**
 * The pages with their nonsense runs left out, or PdfRefusal when a page with nonsense may hold a table (readable
 * table words or numbers, a grid of rules, nonsense runs side by side as cells), when a page of mostly nonsense comes
 * after readable ones (not a cover), or when most of the text is nonsense. When in doubt, refused.
 */
export const setAsideGarbled = (pages: readonly PdfPage[]): { pages: readonly PdfPage[]; setAside: PdfSetAside[] } => {
  const split = pages.map((p) => ({ bad: p.items.filter(isGarbledRun), good: p.items.filter((i) => !isGarbledRun(i)) }));
  const garbled = split.flatMap((s, i) => (s.bad.length ? [i + 1] : []));
  if (!garbled.length) return { pages, setAside: [] };
  const bad = split.reduce((a, s) => a + charCount(s.bad), 0);
  const good = split.reduce((a, s) => a + charCount(s.good), 0);
  if (bad >= good) throw new PdfRefusal(refusal(garbled, pages.length));
  const body = bodySize(split.flatMap((s) => s.good));
  // a title line without its map falls apart where its glyph numbers decode to spaces: pieces in title type are not cells
  const cell = (it: PdfItem) => it.str.trim().length <= 12 && it.size <= body + 0.5;
  let readBefore = false;
  const inTables = split.flatMap((s, i) => {
    const mostly = charCount(s.bad) >= charCount(s.good);
    const cover = mostly && !readBefore;
    readBefore ||= charCount(s.good) >= 20;
    if (!s.bad.length) return [];
    if (mostly && !cover) return [i + 1];
    // a symbol or two in a font of their own (a check box, a PUA glyph of a GBK font) says nothing of the numbers:
    // set aside with the warning; more than that on a page with a table may be its cells
    if (charCount(s.bad) <= STRAY_CHARS) return [];
    return showsTable(s.good) || ruledGrid(pages[i]!) || rowOfThree(s.bad, cell) ? [i + 1] : [];
  });
  if (inTables.length) throw new PdfRefusal(refusal(garbled, pages.length));
  return {
    pages: pages.map((p, i) => (split[i]!.bad.length ? { ...p, items: split[i]!.good } : p)),
    setAside: split.flatMap((s, i) => (s.bad.length ? [{ page: i + 1, chars: charCount(s.bad) }] : [])),
  };
};
