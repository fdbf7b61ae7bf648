/**
 * Reading a saved web page (.html) of a published report. The page is tokenised by a small tolerant
 * parser — nothing is executed, no resource is fetched — into paragraphs and table grids with merged
 * cells expanded (rowspan/colspan: the text at the top-left position, covered positions empty).
 * Scripts, styles, navigation, footers and page furniture are dropped.
 */
import { errorDetail, readBlocks, UNREADABLE } from './blocks-reader';
import { COLLAPSED_SPACES, markerInHtml, readOwnExport } from './own-export';
import { BLOCK_TAGS, html2Tree, textOf, type HtmlNode } from './html-tree';
import { TABLE_TITLE, isPageNoise, parseTitle } from './sections';
import type { Block, ImportResult } from './types';

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose content is never part of the report. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'nav',
  'footer',
  'aside',
  'select',
  'button',
  'input',
  'textarea',
  'map',
  'audio',
  'video',
  'head',
]);
/** class/id names of page furniture on government sites. */
const NOISE_NAME =
  /(^|[-_\s])(nav|navbar|menu|footer|foot|breadcrumb|crumbs?|position|location|share|sidebar|copyright|toolbar|topbar|fontsize|qrcode|ewm)([-_\s\d]|$)/i;
const MAX_SPAN = 100;
const MAX_GRID_CELLS = 200_000;

const isHidden = (n: HtmlNode): boolean => {
  const style = (n.attrs.style ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden') || 'hidden' in n.attrs;
};
/** Page furniture by element name, hidden style, or (when byName) class/id names. */
const noiseTest =
  (byName: boolean) =>
  (n: HtmlNode): boolean =>
    SKIP_TAGS.has(n.tag) || isHidden(n) || (byName && (NOISE_NAME.test(n.attrs.class ?? '') || NOISE_NAME.test(n.attrs.id ?? '')));
const DEFAULT_NOISE = noiseTest(true);

/** A table with another table inside is page layout, not data: its cells are read as flow. */
const hasNestedTable = (table: HtmlNode): boolean => {
  const walk = (n: HtmlNode): boolean => n.children.some((c) => c.tag === 'table' || (c.tag !== '#text' && walk(c)));
  return walk(table);
};

/** The rows of a table, in order, through thead/tbody/tfoot, not entering nested tables. */
const tableRows = (table: HtmlNode): HtmlNode[] => {
  const out: HtmlNode[] = [];
  const walk = (n: HtmlNode) => {
    for (const c of n.children) {
      // a row the page hides (display:none) is not in the table the reader sees
      if (c.tag === 'tr') {
        if (!isHidden(c)) out.push(c);
      } else if (c.tag !== 'table' && c.tag !== '#text') walk(c);
    }
  };
  walk(table);
  return out;
};

const span = (v: string | undefined): number => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
};

/** Expands rowspan/colspan into a rectangular grid of texts. */
export const tableGrid = (table: HtmlNode, isNoise: (n: HtmlNode) => boolean = DEFAULT_NOISE): string[][] => {
  const grid: (string | undefined)[][] = [];
  let cells = 0;
  tableRows(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.children) {
      if ((td.tag !== 'td' && td.tag !== 'th') || isHidden(td)) continue;
      while (grid[r]![c] !== undefined) c++;
      const rs = span(td.attrs.rowspan);
      const cs = span(td.attrs.colspan);
      const text = cellText(td, isNoise);
      for (let i = 0; i < rs; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < cs; j++) {
          if (++cells > MAX_GRID_CELLS) return;
          grid[r + i]![c + j] = i === 0 && j === 0 ? text : '';
        }
      }
      c += cs;
    }
  });
  const rows = grid.filter((r) => r !== undefined);
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
};

/** A cell's text: its paragraphs and line breaks become "\n" (the label reader removes them inside words). */
const cellText = (td: HtmlNode, isNoise: (n: HtmlNode) => boolean): string =>
  textOf(td, (n) => !isNoise(n), BLOCK_TAGS)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l)
    .join('\n');

/**
 * The list styles a browser numbers with Chinese numerals and 「、」 (a page whose headings are <li>总体情况</li> in an
 * <ol style="list-style-type: cjk-ideographic"> shows 「一、总体情况」). Other numbering (1. a. i.) never makes a heading.
 */
const CJK_LIST_STYLES = new Set([
  'cjk-ideographic',
  'simp-chinese-informal',
  'simp-chinese-formal',
  'trad-chinese-informal',
  'trad-chinese-formal',
  'cjk-decimal',
]);
const LIST_STYLE = /list-style(?:-type)?\s*:([^;]*)/i;

/** A list's or item's own numbering style from its inline style: 'cjk', 'none', another, or undefined when it sets none. */
const listStyleOf = (n: HtmlNode): 'cjk' | 'none' | 'other' | undefined => {
  const decl = LIST_STYLE.exec(n.attrs.style ?? '')?.[1]
    ?.trim()
    .toLowerCase();
  if (decl === undefined) return n.attrs.type !== undefined ? 'other' : undefined;
  const words = decl.split(/\s+/);
  return words.some((w) => CJK_LIST_STYLES.has(w)) ? 'cjk' : words.includes('none') ? 'none' : 'other';
};

const DIGITS = '〇一二三四五六七八九';
/** 1–99 as a browser's cjk-ideographic marker writes them: 一 … 十, 十一, 二十, 二十一. */
const cjkNumber = (k: number): string => {
  if (k < 1 || k > 99) return String(k);
  const tens = Math.floor(k / 10);
  const ones = k % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${ones ? DIGITS[ones] : ''}`;
};
const listStart = (v: string | undefined): number | null => {
  const k = Number.parseInt(v ?? '', 10);
  return Number.isSafeInteger(k) ? k : null;
};

/** Walks the page in reading order: paragraphs from flow text, grids from data tables. */
export const htmlToBlocks = (html: string, dropByClassName = true): Block[] => {
  const isNoise = noiseTest(dropByClassName);
  const root = html2Tree(html);
  const blocks: Block[] = [];
  let line = '';
  let inHeading = 0;
  /** The number a browser draws before a list item's first line of text (「一、」), until that line is written. */
  let marker = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t && !isPageNoise(t)) {
      blocks.push({ kind: 'paragraph', text: marker + t });
      marker = '';
    }
    line = '';
  };
  /** An ordered list: its items numbered as the browser shows them when the style is a Chinese one. */
  const walkList = (ol: HtmlNode) => {
    flush();
    const style = listStyleOf(ol);
    let k = listStart(ol.attrs.start) ?? 1;
    for (const c of ol.children) {
      if (c.tag !== 'li' || isNoise(c)) {
        walk(c);
        continue;
      }
      k = listStart(c.attrs.value) ?? k;
      flush();
      marker = (listStyleOf(c) ?? style) === 'cjk' ? `${cjkNumber(k)}、` : '';
      for (const x of c.children) walk(x);
      flush();
      marker = '';
      k++;
    }
  };
  const walk = (n: HtmlNode) => {
    if (n.tag === '#text') {
      line += n.text;
      return;
    }
    if (isNoise(n)) return;
    // a line break inside a heading (our title: agency <br> 2024年…年度报告) does not split it
    if (n.tag === 'br') {
      if (!inHeading) flush();
      return;
    }
    if (n.tag === 'table' && !hasNestedTable(n)) {
      flush();
      const caption = n.children.find((c) => c.tag === 'caption');
      // a caption naming the statutory table (「表二 主动公开政府信息情况」) is the table's label, not a note under it
      const captionText = caption ? textOf(caption, (x) => !isNoise(x), BLOCK_TAGS) : '';
      if (captionText && !TABLE_TITLE.test(captionText)) {
        line = captionText;
        flush();
      }
      const rows = tableGrid(n, isNoise);
      if (rows.length > 0) blocks.push({ kind: 'table', rows });
      return;
    }
    if (n.tag === 'ol') {
      walkList(n);
      return;
    }
    const block = BLOCK_TAGS.has(n.tag);
    const heading = HEADING_TAGS.has(n.tag);
    if (block) flush();
    if (heading) inHeading++;
    for (const c of n.children) walk(c);
    if (heading) inHeading--;
    if (block) flush();
  };
  walk(root);
  flush();
  // the page's <title> names the report when the body has no heading line of its own
  const title = root.title?.replace(/\s+/g, ' ').trim();
  if (title && parseTitle(title)) blocks.unshift({ kind: 'paragraph', text: title });
  return blocks;
};

export const importHtml = (html: string): ImportResult => {
  if (typeof html !== 'string') return { ok: false, kind: 'html', message: '读取失败：不是网页内容' };
  if (html.trim() === '') return { ok: false, kind: 'html', message: '网页内容为空' };
  try {
    const blocks = htmlToBlocks(html);
    const r = readBlocks(blocks, 'html');
    const marker = markerInHtml(html);
    if (marker) return readOwnExport({ blocks, visible: r, marker, see: COLLAPSED_SPACES, printsSignOff: true });
    const cells = (x: ImportResult) => (x.ok ? x.stats.found.t2 + x.stats.found.t3 + x.stats.found.t4 : -1);
    if (r.ok && cells(r) === 200) return r;
    // a site that names its content box like page furniture (class="…-foot", id="location…"): read again keeping it
    const again = readBlocks(htmlToBlocks(html, false), 'html');
    return cells(again) > cells(r) ? again : r;
  } catch (e) {
    return { ok: false, kind: 'html', message: UNREADABLE, detail: errorDetail(e) };
  }
};
