/**
 * Tables of a PDF page rebuilt from their ruling lines (what pdfplumber calls the lattice strategy):
 * the horizontal and vertical rules that touch one another make a grid; a rule missing between two
 * grid cells means the cells are merged; each text run goes to the cell holding its centre. A row
 * label wrapped over three lines and its numbers centred half a line lower still share one row band,
 * and a group label drawn a character per line down a merged cell is one cell's text.
 * The result has the shape every reader produces: a merged cell's text once, empty strings for the
 * cells it covers.
 */
import type { PdfItem, PdfPage, PdfRule } from './pdf-engine';

export type PdfGrid = {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly rows: string[][];
  readonly columns: number;
  /** For each cell, how many rows its (merged) cell spans from the row that holds its text. */
  readonly rowSpans: number[][];
};

/** Points within which two rules are one, and a rule touches another. */
const SNAP = 2;
const TOUCH = 3;

/** Rules on one line that touch or overlap become one. */
const mergeRules = (rules: readonly PdfRule[]): PdfRule[] => {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: { at: number; from: number; to: number }[] = [];
  for (const r of sorted) {
    const same = out.find((o) => Math.abs(o.at - r.at) <= SNAP && r.from <= o.to + TOUCH && r.to >= o.from - TOUCH);
    if (same) {
      same.from = Math.min(same.from, r.from);
      same.to = Math.max(same.to, r.to);
    } else out.push({ ...r });
  }
  return out;
};

const find = (p: number[], i: number): number => {
  while (p[i] !== i) i = p[i] = p[p[i]!]!;
  return i;
};
const union = (p: number[], a: number, b: number) => {
  p[find(p, a)] = find(p, b);
};

/** Distinct positions, snapped: a border drawn twice (two adjacent cells' edges) is one line. */
const positions = (values: readonly number[]): number[] => {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1]! > SNAP) out.push(v);
  return out;
};

const joinRun = (a: string, b: string): string => (/[A-Za-z0-9.]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b);

/** Text of a cell: its runs by line (top first), left to right within a line; wrapped lines rejoined. */
export const cellText = (items: readonly PdfItem[]): string => {
  const lines: PdfItem[][] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l[0]!.y - it.y) <= Math.min(l[0]!.size, it.size) * 0.4);
    if (line) line.push(it);
    else lines.push([it]);
  }
  return lines
    .map((l) => l.sort((a, b) => a.x - b.x).reduce((s, it) => joinRun(s, it.str.trim()), ''))
    .reduce((s, l) => joinRun(s, l), '')
    .replace(/\s+/g, ' ');
};

/** Where a run's text sits: the middle of its advance, a third of an em above the baseline. */
export const centreOf = (it: PdfItem): { x: number; y: number } => ({
  x: it.x + (it.w > 0 ? it.w : it.size * it.str.length * 0.5) / 2,
  y: it.y + it.size * 0.35,
});

const gridOf = (h: readonly PdfRule[], v: readonly PdfRule[], items: readonly PdfItem[]): PdfGrid | null => {
  const ys = positions(h.map((r) => r.at)).reverse();
  const xs = positions(v.map((r) => r.at));
  if (ys.length < 2 || xs.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const hasH = (y: number, x: number) => h.some((r) => Math.abs(r.at - y) <= SNAP && r.from - TOUCH <= x && x <= r.to + TOUCH);
  const hasV = (x: number, y: number) => v.some((r) => Math.abs(r.at - x) <= SNAP && r.from - TOUCH <= y && y <= r.to + TOUCH);
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  for (let i = 0; i < nr; i++) {
    const midY = (ys[i]! + ys[i + 1]!) / 2;
    for (let j = 0; j < nc; j++) {
      const midX = (xs[j]! + xs[j + 1]!) / 2;
      if (i + 1 < nr && !hasH(ys[i + 1]!, midX)) union(parent, i * nc + j, (i + 1) * nc + j);
      if (j + 1 < nc && !hasV(xs[j + 1]!, midY)) union(parent, i * nc + j, i * nc + j + 1);
    }
  }
  const texts = new Map<number, PdfItem[]>();
  for (const it of items) {
    const c = centreOf(it);
    const i = ys.findIndex((y, k) => k < nr && c.y <= y && c.y >= ys[k + 1]!);
    const j = xs.findIndex((x, k) => k < nc && c.x >= x && c.x <= xs[k + 1]!);
    if (i < 0 || j < 0) continue;
    const root = find(parent, i * nc + j);
    (texts.get(root) ?? texts.set(root, []).get(root)!).push(it);
  }
  const seen = new Set<number>();
  const rows: string[][] = [];
  const firstRow = new Map<number, number>();
  const lastRow = new Map<number, number>();
  for (let i = 0; i < nr; i++)
    for (let j = 0; j < nc; j++) {
      const root = find(parent, i * nc + j);
      if (!firstRow.has(root)) firstRow.set(root, i);
      lastRow.set(root, i);
    }
  const rowSpans = Array.from({ length: nr }, (_, i) =>
    Array.from({ length: nc }, (_, j) => {
      const root = find(parent, i * nc + j);
      return lastRow.get(root)! - firstRow.get(root)! + 1;
    }),
  );
  for (let i = 0; i < nr; i++) {
    const row: string[] = [];
    for (let j = 0; j < nc; j++) {
      const root = find(parent, i * nc + j);
      if (seen.has(root)) row.push('');
      else {
        seen.add(root);
        row.push(cellText(texts.get(root) ?? []));
      }
    }
    rows.push(row);
  }
  return { top: ys[0]!, bottom: ys[nr]!, left: xs[0]!, right: xs[nc]!, rows, columns: nc, rowSpans };
};

/** The ruled tables of a page, top first. */
export const gridsOf = (page: PdfPage): PdfGrid[] => {
  const h = mergeRules(page.h);
  const v = mergeRules(page.v);
  // rules that touch belong to one table
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  for (let a = 0; a < h.length; a++)
    for (let b = 0; b < v.length; b++) {
      const H = h[a]!;
      const V = v[b]!;
      if (V.at >= H.from - TOUCH && V.at <= H.to + TOUCH && H.at >= V.from - TOUCH && H.at <= V.to + TOUCH) union(parent, a, h.length + b);
    }
  const groups = new Map<number, { h: PdfRule[]; v: PdfRule[] }>();
  for (let k = 0; k < parent.length; k++) {
    const root = find(parent, k);
    const g = groups.get(root) ?? groups.set(root, { h: [], v: [] }).get(root)!;
    if (k < h.length) g.h.push(h[k]!);
    else g.v.push(v[k - h.length]!);
  }
  const grids: PdfGrid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const top = Math.max(...g.h.map((r) => r.at));
    const bottom = Math.min(...g.h.map((r) => r.at));
    const left = Math.min(...g.v.map((r) => r.at));
    const right = Math.max(...g.v.map((r) => r.at));
    // a box around a paragraph or a page frame is not a table: a table has at least two rows or two columns
    const inside = page.items.filter((it) => {
      const c = centreOf(it);
      return c.x >= left && c.x <= right && c.y <= top && c.y >= bottom;
    });
    const grid = gridOf(g.h, g.v, inside);
    if (grid && (grid.rows.length >= 2 || grid.columns >= 2)) grids.push(grid);
  }
  return grids.sort((a, b) => b.top - a.top);
};
