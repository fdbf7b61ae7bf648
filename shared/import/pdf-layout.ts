/**
 * What a person sees on a PDF's pages, as the blocks every reader produces: ruled tables as grids
 * (pdf-grid.ts), the rest as lines by baseline, with page numbers and running headers dropped and
 * the lines of a paragraph joined again (a line break inside a paragraph is not a paragraph break).
 */
import type { PdfContent, PdfItem, PdfPage } from './pdf-engine';
import { centreOf, gridsOf, type PdfGrid } from './pdf-grid';
import { headingIndex, headingOf, isPageNoise, parseTitle } from './sections';
import { textToBlocks } from './text';
import { isDashCell, isNumberCell } from './labels';
import { T2_BLOCKS } from '../format/table2';
import { T3_COLUMNS } from '../format/table3';
import { T4_COLUMNS, T4_GROUPS } from '../format/table4';
import type { Block } from './types';

const CJK_SPACE = /([\u2e80-\u9fff\uff00-\uffef，。、；：（）“”《》]) (?=[\u2e80-\u9fff\uff00-\uffef，。、；：（）“”《》])/g;

type Piece = { text: string; x0: number; x1: number };
type Line = {
  readonly text: string;
  /** The line as a table drawn without rules shows it: cut wherever its runs stand apart (as `pdftotext -layout`). */
  readonly pieces: readonly Piece[];
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
      const pieces: Piece[] = [];
      let end = -Infinity;
      for (const it of g) {
        // a run of spaces says nothing by itself: pdf.js makes one up at every font change (「测试机关」「 」「1」)
        if (it.str === ' ') continue;
        const gap = it.x - end;
        // cells of a table without rules stand apart; the characters of one cell (a header word a run per character, a
        // number a run per digit) nearly touch
        const last = pieces[pieces.length - 1];
        if (last && gap <= it.size * 0.4) {
          last.text += it.str.trim();
          last.x1 = Math.max(last.x1, it.x + it.w);
        } else pieces.push({ text: it.str.trim(), x0: it.x, x1: it.x + it.w });
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
      return { text: clean, pieces, x: (g.find((i) => i.str !== ' ') ?? g[0]!).x, right: end, y: g[0]!.y, size };
    })
    .filter((l) => l.text !== '');
};

/** 「- 3 -」, 「— 3 —」, 「3」, 「第 3 页」, 「3/6」 at the top or bottom of a page. */
const PAGE_NUMBER = /^(?:[-—–－─\s]*\d{1,3}[-—–－─\s]*|第\s*\d{1,3}\s*页(?:[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

/**
 * The page's top and bottom margins, where page numbers and running heads stand: a share of an A4 page's height, and
 * at least as many points on a landscape page (a footer sits as far from the edge whatever the sheet's turn).
 */
const isMarginY = (y: number, page: { readonly height: number }): boolean =>
  y < Math.max(page.height * 0.09, 76) || y > Math.min(page.height * 0.92, page.height - 67);
const inMargin = (l: Line, page: PdfPage): boolean => isMarginY(l.y, page);

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
    const keys = new Set(linesOf(p.items.filter((it) => isMarginY(it.y, p))).map((l) => marginKey(l.text)));
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

/** Extents that overlap joined into one: the columns the given pieces line up in, left to right. */
const overlapping = (pieces: readonly { x0: number; x1: number }[]): { x0: number; x1: number; header?: boolean }[] => {
  const out: { x0: number; x1: number }[] = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const last = out[out.length - 1];
    if (last && p.x0 <= last.x1) last.x1 = Math.max(last.x1, p.x1);
    else out.push({ x0: p.x0, x1: p.x1 });
  }
  return out;
};

type Span = { readonly x0: number; readonly x1: number };

/**
 * Each of a (sorted spans) to one of b (sorted, at least as many), in order, all at about one shift: the b index of
 * each a, or null. Tried by left edges, centres and right edges (numbers right-aligned under left-aligned words line
 * up by neither centre nor left edge); the cheapest fit wins, a smaller shift counting as cheaper (a column of numbers
 * stands under its own word, not the next one); null when another placing fits nearly as well.
 */
const matchInOrder = (a: readonly Span[], b: readonly Span[]): number[] | null => {
  const m = a.length;
  const n = b.length;
  const gap = Math.min(...b.slice(1).map((x, j) => x.x0 - b[j]!.x1));
  const fits: { cost: number; pick: number[] }[] = [];
  for (const at of [(s: Span) => s.x0, (s: Span) => (s.x0 + s.x1) / 2, (s: Span) => s.x1]) {
    const ax = a.map(at);
    const bx = b.map(at);
    for (const shift of new Set(ax.flatMap((x) => bx.map((y) => x - y)))) {
      // cost[i][j]: the first i of a matched within the first j of b
      const cost: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, () => (i === 0 ? 0 : Infinity)));
      for (let i = 1; i <= m; i++)
        for (let j = 1; j <= n; j++) {
          const d = Math.abs(ax[i - 1]! - bx[j - 1]! - shift);
          cost[i]![j] = Math.min(cost[i]![j - 1]!, d < Math.max(gap, 1) ? cost[i - 1]![j - 1]! + d : Infinity);
        }
      const total = cost[m]![n]! + m * Math.abs(shift) * 0.25;
      if (total === Infinity) continue;
      const pick: number[] = [];
      for (let i = m, j = n; i > 0; j--)
        if (cost[i]![j]! !== cost[i]![j - 1]!) {
          pick.unshift(j - 1);
          i--;
        }
      fits.push({ cost: total, pick });
    }
  }
  fits.sort((x, y) => x.cost - y.cost);
  const best = fits[0];
  if (!best) return null;
  // another placing nearly as good (two numbers in fifteen even columns, right-aligned under left-aligned words): no guess
  const other = fits.find((f) => f.pick.join() !== best.pick.join());
  return other && other.cost < best.cost * 2 + 2 ? null : best.pick;
};

/**
 * Columns of the number part of 表二, 表三 and 表四, and how many numbers a row must show for its blanks to be placed:
 * every row of 表三 and 表四 spans every column; a row of 表二 with one number may be a merged cell (行政许可).
 */
const COLUMNS: Record<number, { count: number; least: number }> = {
  1: { count: Math.max(...T2_BLOCKS.map((b) => b.columns.length)), least: 2 },
  2: { count: T3_COLUMNS.length, least: 1 },
  3: { count: T4_COLUMNS.length * T4_GROUPS.length, least: 1 },
};

/**
 * A row of a table without rules that leaves cells blank (a zero left empty) loses its columns once cut at
 * whitespace: the numbers' columns are found where the numbers of all rows line up (their extents overlap), and a
 * row with fewer numbers than columns is written with a tab per column, blanks kept, as a copied table is. Only when
 * the numbers line up in exactly the table's columns and no two of a row share one; otherwise null (read as cut).
 */
const columnSlots = (section: number, lines: readonly Line[]): ((l: Line) => string | null) => {
  const none = () => null;
  if (COLUMNS[section] === undefined) return none;
  const { count, least } = COLUMNS[section];
  const isValue = (p: Piece) => isNumberCell(p.text) || isDashCell(p.text);
  const first = lines.findIndex((l) => l.pieces.some(isValue));
  if (first < 0) return none;
  const columns = overlapping(lines.flatMap((l) => l.pieces.filter(isValue)));
  if (columns.length < count) {
    // a column blank in every row (no 科研机构 applied) is placed by its header word: the header words right of the
    // row labels that hold no other (「法人或其他组织」 spans five; 「商业企」 holds 「业」 wrapped below it) are the table's columns, and the
    // columns of numbers are matched to them in order, all shifted alike (numbers right-aligned under centred words)
    const edge = Math.max(-Infinity, ...lines.flatMap((l) => (l.pieces.some(isValue) ? l.pieces.filter((p) => !isValue(p)).map((p) => p.x1) : [])));
    const words = lines.slice(0, first).flatMap((l) => l.pieces.filter((p) => p.x0 > edge));
    const holds = (w: Piece, o: Piece) => o.x0 >= w.x0 - 1 && o.x1 <= w.x1 + 1 && o.x1 - o.x0 < w.x1 - w.x0 - 1;
    const leaves = overlapping(words.filter((w) => !words.some((o) => holds(w, o))));
    if (leaves.length !== count) return none;
    const matched = matchInOrder(columns, leaves);
    if (!matched) return none;
    columns.push(...leaves.filter((_, j) => !matched.includes(j)).map((h) => ({ ...h, header: true })));
    columns.sort((a, b) => a.x0 - b.x0);
  }
  if (columns.length !== count) return none;
  return (l) => {
    const cells: string[] = Array.from({ length: count }, () => '');
    const label: string[] = [];
    let n = 0;
    for (const p of l.pieces) {
      const k = isValue(p) ? columns.findIndex((c) => !c.header && p.x0 >= c.x0 && p.x1 <= c.x1) : -1;
      if (k < 0) {
        if (n > 0) return null;
        label.push(p.text);
      } else if (cells[k] !== '') return null;
      else {
        cells[k] = p.text;
        n++;
      }
    }
    return n >= least && n < count ? [...label, ...cells].join('\t') : null;
  };
};

/**
 * A statutory table printed without ruling lines (only whitespace between its columns, or a three-line table whose
 * rules touch no column) is read as its layout text is: the lines of the section, each cut where its runs stand
 * apart, go through the text reader's table reading (textToBlocks), which reads `pdftotext -layout` text exactly —
 * wrapped labels with their numbers half a line away, group labels down the side, numbers gathered into their row.
 */
const unruledTable = (section: number, lines: readonly Line[]): Block[] => {
  const heading = headingOf(section);
  const slots = columnSlots(section, lines);
  const text = [heading, ...lines.map((l) => (PROSE.test(l.text) ? l.text : (slots(l) ?? l.pieces.map((p) => p.text).join(' '))))].join('\n');
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
