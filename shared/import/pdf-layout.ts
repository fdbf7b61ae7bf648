/**
 * What a person sees on a PDF's pages, as the blocks every reader produces: ruled tables as grids
 * (pdf-grid.ts), the rest as lines by baseline, with page numbers and running headers dropped and
 * the lines of a paragraph joined again (a line break inside a paragraph is not a paragraph break).
 */
import type { PdfContent, PdfItem, PdfPage } from './pdf-engine';
import { centreOf, gridsOf, type PdfGrid } from './pdf-grid';
import { headingIndex, headingOf, isPageNoise, parseTitle } from './sections';
import { textToBlocks } from './text';
import type { Block } from './types';

const CJK_SPACE = /([\u2e80-\u9fff\uff00-\uffef，。、；：（）“”《》]) (?=[\u2e80-\u9fff\uff00-\uffef，。、；：（）“”《》])/g;

type Line = {
  readonly text: string;
  /** The line as a table drawn without rules shows it: a space wherever its runs stand apart (as `pdftotext -layout`). */
  readonly spaced: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
};

/** Runs on one baseline (within a fraction of the font size), joined left to right. */
const linesOf = (items: readonly PdfItem[]): Line[] => {
  const groups: PdfItem[][] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const g = groups.find((l) => Math.abs(l[0]!.y - it.y) <= Math.max(l[0]!.size, it.size) * 0.3);
    if (g) g.push(it);
    else groups.push([it]);
  }
  return groups
    .map((g) => {
      g.sort((a, b) => a.x - b.x);
      let text = '';
      let spaced = '';
      let end = -Infinity;
      for (const it of g) {
        // a run of spaces says nothing by itself: pdf.js makes one up at every font change (「测试机关」「 」「1」)
        if (it.str === ' ') continue;
        const gap = it.x - end;
        // cells of a table without rules stand apart; the characters of one cell (a header word a run per character, a
        // number a run per digit) nearly touch
        spaced += (spaced && gap > it.size * 0.4 ? ' ' : '') + it.str.trim();
        // Chinese takes no spaces (a justified line spreads its characters); a word or number beside it
        // keeps the space the author typed, and a wide gap (a column of a table without rules) is one
        const wide = /[\u2e80-\u9fff\uff00-\uffef，。、；：（）“”]$/.test(text) && /^[\u2e80-\u9fff\uff00-\uffef，。、；：（）“”]/.test(it.str) ? 2 : 0.25;
        if (text && gap > it.size * wide && !/\s$/.test(text)) text += ' ';
        text += it.str;
        end = Math.max(end, it.x + it.w);
      }
      const size = Math.max(...g.map((i) => i.size));
      // a justified line spreads its characters and pdf.js writes the spread as spaces
      const clean = text.replace(/\s+/g, ' ').replace(CJK_SPACE, '$1').trim();
      return { text: clean, spaced, x: (g.find((i) => i.str !== ' ') ?? g[0]!).x, right: end, y: g[0]!.y, size };
    })
    .filter((l) => l.text !== '');
};

/** 「- 3 -」, 「— 3 —」, 「3」, 「第 3 页」, 「3/6」 at the top or bottom of a page. */
const PAGE_NUMBER = /^(?:[-—–－─\s]*\d{1,3}[-—–－─\s]*|第\s*\d{1,3}\s*页(?:[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

const inMargin = (l: Line, page: PdfPage): boolean => l.y < page.height * 0.09 || l.y > page.height * 0.92;

type Element = { readonly y: number; readonly line?: Line; readonly grid?: PdfGrid };

const pageElements = (page: PdfPage, running: ReadonlySet<string>): Element[] => {
  const grids = gridsOf(page);
  const free = page.items.filter((it) => {
    const c = centreOf(it);
    return !grids.some((g) => c.x >= g.left - 1 && c.x <= g.right + 1 && c.y <= g.top + 1 && c.y >= g.bottom - 1);
  });
  const lines = linesOf(free).filter((l) => !(inMargin(l, page) && (PAGE_NUMBER.test(l.text) || isPageNoise(l.text) || running.has(marginKey(l.text)))));
  const out: Element[] = [...lines.map((line) => ({ y: line.y, line })), ...grids.map((grid) => ({ y: grid.top, grid }))];
  return out.sort((a, b) => b.y - a.y);
};

const marginKey = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Lines printed in the same place on most pages (a running header or footer), digits ignored. */
const runningLines = (pages: readonly PdfPage[]): Set<string> => {
  const count = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(linesOf(p.items.filter((it) => it.y < p.height * 0.09 || it.y > p.height * 0.92)).map((l) => marginKey(l.text)));
    for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => pages.length >= 3 && n >= Math.max(2, pages.length / 2)).map(([k]) => k));
};

/** The body's left edge and right edge: where most lines start, and where full lines end. */
const margins = (lines: readonly Line[]): { left: number; right: number } => {
  const starts = new Map<number, number>();
  for (const l of lines) starts.set(Math.round(l.x), (starts.get(Math.round(l.x)) ?? 0) + 1);
  const left = [...starts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  return { left, right };
};

const joinLines = (a: string, b: string): string => (/[A-Za-z0-9,.]$/.test(a) && /^[A-Za-z0-9]/.test(b) && !/\d$/.test(a) ? `${a} ${b}` : a + b);

const NUMBERED = /^[（(]?[一二三四五六七八九十\d]+[)）、.．]/;

/**
 * A table that goes on at the top of the next page (nothing between but the page break) is one
 * table: its rows are appended. A merged label cut by the break (「（四）无」 at the foot of one page,
 * 「法提供」 at the top of the next) is joined again, when the piece on the new page opens no group.
 */
const continueTable = (prev: PdfGrid, next: PdfGrid): void => {
  const first = next.rows[0];
  if (first)
    for (let c = 0; c < next.columns; c++) {
      const piece = first[c]!;
      if (!piece || NUMBERED.test(piece) || /\d$/.test(piece) || next.rowSpans[0]![c]! < 2) continue;
      const laterLabel = first.slice(c + 1).some((t) => t !== '' && !/^[\d.,\s-]+$/.test(t));
      if (!laterLabel) continue;
      for (let r = prev.rows.length - 1; r >= 0; r--) {
        const t = prev.rows[r]![c]!;
        if (t === '') continue;
        if (r + prev.rowSpans[r]![c]! === prev.rows.length) {
          prev.rows[r]![c] = t + piece;
          first[c] = '';
        }
        break;
      }
    }
  prev.rows.push(...next.rows);
};

/** Sentence punctuation: a line with it is prose, kept as the paragraph reader joins it. */
const PROSE = /[。；！？]/;

/**
 * The section (0 = 一 … 5 = 六, -1 before the first heading) each element stands in, and the table sections whose
 * table has ruling lines somewhere.
 */
const sectionsOf = (elements: readonly Element[]): { section: number[]; ruled: Set<number> } => {
  const section: number[] = [];
  const ruled = new Set<number>();
  let at = -1;
  for (const e of elements) {
    if (e.line) at = Math.max(at, headingIndex(e.line.text));
    else ruled.add(at);
    section.push(at);
  }
  return { section, ruled };
};

/**
 * A statutory table printed without ruling lines (only whitespace between its columns, or a three-line table whose
 * rules touch no column) is read as its layout text is: the lines of the section, each cut where its runs stand
 * apart, go through the text reader's table reading (textToBlocks), which reads `pdftotext -layout` text exactly —
 * wrapped labels with their numbers half a line away, group labels down the side, numbers gathered into their row.
 */
const unruledTable = (section: number, lines: readonly Line[]): Block[] => {
  const heading = headingOf(section);
  const text = [heading, ...lines.map((l) => (PROSE.test(l.text) ? l.text : l.spaced))].join('\n');
  return textToBlocks(text).filter((b, i) => !(i === 0 && b.kind === 'paragraph' && b.text === heading));
};

/** Turns the pages into paragraphs and tables in reading order. */
export const pdfToBlocks = (content: PdfContent): Block[] => {
  const running = runningLines(content.pages);
  const elements = content.pages.flatMap((p) => pageElements(p, running));
  const { section, ruled } = sectionsOf(elements);
  const allLines = elements.flatMap((e) => (e.line ? [e.line] : []));
  const { left, right } = margins(allLines);
  const blocks: Block[] = [];
  let para: { text: string; last: Line } | null = null;
  const flush = () => {
    if (para) blocks.push({ kind: 'paragraph', text: para.text });
    para = null;
  };
  let titleSeen = false;
  let lastGrid: PdfGrid | null = null;
  let unruled: { section: number; lines: Line[] } | null = null;
  const flushUnruled = () => {
    if (unruled) blocks.push(...unruledTable(unruled.section, unruled.lines));
    unruled = null;
  };
  for (const [k, e] of elements.entries()) {
    const at = section[k]!;
    if (e.line && at >= 1 && at <= 3 && !ruled.has(at) && headingIndex(e.line.text) < 0) {
      flush();
      unruled ??= { section: at, lines: [] };
      unruled.lines.push(e.line);
      continue;
    }
    flushUnruled();
    if (e.grid) {
      flush();
      if (lastGrid && lastGrid.columns === e.grid.columns) continueTable(lastGrid, e.grid);
      else blocks.push({ kind: 'table', rows: e.grid.rows });
      lastGrid = e.grid;
      continue;
    }
    lastGrid = null;
    const l = e.line!;
    const p = para as { text: string; last: Line } | null;
    const title = titleSeen ? null : parseTitle(l.text);
    if (title) {
      titleSeen = true;
      // the title set in two lines of the same large type: 「测试机关 1」 over 「2024年…年度报告」
      if (!title.agency && p && Math.abs(p.last.size - l.size) <= 0.5 && parseTitle(p.text + l.text)?.agency) {
        para = { text: p.text + l.text, last: l };
        continue;
      }
    }
    const continues =
      p !== null &&
      Math.abs(p.last.size - l.size) <= l.size * 0.15 &&
      // Chinese line breaking keeps 「《」 off a line's end and 「》」 off a start: a full line may end a character or two short
      p.last.right >= right - l.size * 2.5 &&
      l.x <= left + l.size * 0.8 &&
      headingIndex(l.text) < 0 &&
      headingIndex(p.text) < 0;
    if (continues) para = { text: joinLines(p.text, l.text), last: l };
    else {
      flush();
      para = { text: l.text, last: l };
    }
  }
  flush();
  flushUnruled();
  // the PDF's own title (document properties) when the pages do not print one the reader recognises
  if (!titleSeen && content.title && parseTitle(content.title)) blocks.unshift({ kind: 'paragraph', text: content.title.trim() });
  return blocks;
};
