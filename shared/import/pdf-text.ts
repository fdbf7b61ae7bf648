/**
 * A page's text layer as a person reads it, whatever the producer did to it: the page turned so its main
 * text runs left to right (a landscape table saved with /Rotate 90, or printed sideways), bold faked by
 * printing each run twice a hair apart (WPS) reduced to one run, and a text layer that decodes to nonsense
 * (a font without its character map) told apart from a real one, so it is never read as text (pdf-garbled.ts).
 */
import type { PdfItem, PdfRule } from './pdf-engine';
import { unifyRadicals } from './pdf-radicals';

/** A text run as pdf.js gives it: its text matrix in PDF user space, its advance along the baseline. */
export type RawItem = { readonly str?: string; readonly transform?: number[]; readonly width?: number; readonly height?: number };

/** Quarter turns (clockwise, as /Rotate counts them) that bring text of this direction upright; null for a slanted run. */
const turnOf = (a: number, b: number): 0 | 90 | 180 | 270 | null => {
  const angle = Math.atan2(b, a);
  const q = Math.round(angle / (Math.PI / 2));
  // a run more than a few degrees off a quarter is a stamp or a watermark, not the page's text
  if (Math.abs(angle - (q * Math.PI) / 2) > 0.1) return null;
  return ((((q % 4) + 4) % 4) * 90) as 0 | 90 | 180 | 270;
};

/** Maps a point of PDF user space to the upright page, whose origin is its bottom-left corner. */
export type Upright = { readonly turn: 0 | 90 | 180 | 270; readonly width: number; readonly height: number; point(x: number, y: number): [number, number] };

/**
 * The page turned the way most of its characters read: text that runs up the page (a landscape page kept with
 * /Rotate 90, or a table printed sideways) is turned upright, with the page's rules.
 */
export const uprightOf = (items: readonly RawItem[], view: readonly number[]): Upright => {
  const weight = [0, 0, 0, 0];
  for (const it of items) {
    if (!it.transform || !it.str) continue;
    const t = turnOf(it.transform[0]!, it.transform[1]!);
    if (t !== null) weight[t / 90]! += it.str.trim().length;
  }
  const turn = (weight.indexOf(Math.max(...weight)) * 90) as 0 | 90 | 180 | 270;
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  if (turn === 90) return { turn, width: y1 - y0, height: x1 - x0, point: (x, y) => [y - y0, x1 - x] };
  if (turn === 180) return { turn, width: x1 - x0, height: y1 - y0, point: (x, y) => [x1 - x, y1 - y] };
  if (turn === 270) return { turn, width: y1 - y0, height: x1 - x0, point: (x, y) => [y1 - y, x - x0] };
  return { turn, width: x1 - x0, height: y1 - y0, point: (x, y) => [x - x0, y - y0] };
};

/** A character's share of its run's advance: half an em for ASCII, a whole em for the rest. */
const weightOf = (ch: string): number => (ch.charCodeAt(0) < 0x80 ? 0.5 : 1);

/**
 * Drops what a faked bold printed again: each character of the run is placed along its advance, and one that sits
 * within a fifth of an em of the same character already on the page is the second print. pdf.js joins runs its own
 * way (the second print of 「1」 and the first of 「8」 of a number printed digit by digit come as one run 「18」),
 * so the comparison is by character, and a run keeps what is new in it, split where characters were dropped.
 */
class Overprint {
  private readonly seen = new Map<string, { x: number; y: number }[]>();

  keep(item: PdfItem): PdfItem[] {
    const chars = [...item.str];
    const total = chars.reduce((a, c) => a + weightOf(c), 0);
    const near = item.size * 0.2;
    const out: PdfItem[] = [];
    let run: { str: string; x: number; w: number } | null = null;
    let along = 0;
    let dropped = false;
    for (const ch of chars) {
      const w = total > 0 ? (item.w * weightOf(ch)) / total : 0;
      const x = item.x + (total > 0 ? (item.w * along) / total : 0);
      along += weightOf(ch);
      const same = ch.trim() === '' ? undefined : this.seen.get(ch);
      if (same?.some((p) => Math.abs(p.x - x) <= near && Math.abs(p.y - item.y) <= near)) {
        dropped = true;
        if (run) out.push({ ...item, ...run });
        run = null;
        continue;
      }
      if (ch.trim() !== '') (same ?? this.seen.set(ch, []).get(ch)!).push({ x, y: item.y });
      if (run) {
        run.str += ch;
        run.w += w;
      } else run = { str: ch, x, w };
    }
    if (!dropped) return [item];
    if (run) out.push({ ...item, ...run });
    return out.filter((it) => it.str.trim() !== '');
  }
}

/**
 * A page's text runs on the upright page; a run of spaces is kept as one space of no width (WPS gives such runs
 * absurd widths). Runs of another direction than the page's (a stamp, a margin note) are not part of the tables or
 * the prose; what is printed twice a fraction of a point apart (bold faked by double printing) is read once.
 */
export const uprightItems = (items: readonly RawItem[], up: Upright): PdfItem[] => {
  const out: PdfItem[] = [];
  const overprint = new Overprint();
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform || it.str === '') continue;
    const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
    if (turnOf(a, b) !== up.turn) continue;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 10;
    const [x, y] = up.point(e, f);
    if (it.str.trim() === '') out.push({ str: ' ', x, y, w: 0, size });
    else out.push(...overprint.keep({ str: unifyRadicals(it.str), x, y, w: it.width ?? 0, size }));
  }
  return out;
};

/** The page's ruling lines on the upright page: a quarter turn makes the horizontal ones vertical. */
export const uprightRules = (h: readonly PdfRule[], v: readonly PdfRule[], up: Upright): { h: PdfRule[]; v: PdfRule[] } => {
  const outH: PdfRule[] = [];
  const outV: PdfRule[] = [];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const [px, py] = up.point(ax, ay);
    const [qx, qy] = up.point(bx, by);
    if (Math.abs(py - qy) <= Math.abs(px - qx)) outH.push({ at: (py + qy) / 2, from: Math.min(px, qx), to: Math.max(px, qx) });
    else outV.push({ at: (px + qx) / 2, from: Math.min(py, qy), to: Math.max(py, qy) });
  };
  for (const r of h) add(r.from, r.at, r.to, r.at);
  for (const r of v) add(r.at, r.from, r.at, r.to);
  return { h: outH, v: outV };
};

/**
 * Characters a Chinese report does not contain but a text layer without its character map is made of: control
 * characters, the private use area (outside the symbol fonts' F000–F0FF), the replacement character, and the
 * accented Latin, Greek, Cyrillic… letters that glyph numbers 192–8000 fall on (× and ÷ excepted).
 */
const GARBLED = /[\u0000-\u0008\v\f\u000e-\u001f\u007f-\u009f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\ue000-\uefff\uf100-\uf8ff\ufffd]/gu;

/** Characters of a run no report is written in. */
const garbledCount = (s: string): number => s.match(GARBLED)?.length ?? 0;

/** The characters of runs, spaces aside. */
export const charCount = (items: readonly PdfItem[]): number => items.reduce((a, i) => a + i.str.replace(/\s+/g, '').length, 0);

/**
 * A run set in a font without its character map: most of its characters are nonsense (the few that are not fell on
 * ASCII by chance). A stray symbol in a sentence does not make its run nonsense.
 */
export const isGarbledRun = (it: PdfItem): boolean => {
  const bad = garbledCount(it.str);
  return bad > 0 && bad * 2 >= it.str.replace(/\s+/g, '').length;
};

/** Words of the statutory tables' headers and labels, printed as short runs in a table. */
const TABLE_WORDS = /信息内容|本年制发|行政许可|行政处罚|申请人情况|自然人|本年新收|予以公开|不予公开|行政复议|行政诉讼|结果维持|尚未审结|总计/;
/** A number or a dash written for none: a table of dashes (a small agency's 表四) is still a table. */
const NUMBER = /^(?:[\d,.]+|[-—–－/／])$/;

/** Three of these runs apart on one baseline: a row of a table's cells. */
export const rowOfThree = (items: readonly PdfItem[], cell: (it: PdfItem) => boolean): boolean => {
  const cells = items.filter(cell).sort((a, b) => a.y - b.y || a.x - b.x);
  for (let k = 0; k + 2 < cells.length; k++) {
    const [a, b, c] = [cells[k]!, cells[k + 1]!, cells[k + 2]!];
    if (Math.abs(a.y - c.y) < 2 && b.x - (a.x + a.w) > a.size * 1.5 && c.x - (b.x + b.w) > b.size * 1.5) return true;
  }
  return false;
};

/** Whether readable text shows a table: a short run with a table's words, or three numbers apart on one baseline. */
export const showsTable = (items: readonly PdfItem[]): boolean => {
  if (items.some((i) => i.str.length <= 12 && TABLE_WORDS.test(i.str))) return true;
  // header words written one run per character (「行」「政」「复」「议」) come in drawing order
  if (TABLE_WORDS.test(items.flatMap((i) => (i.str.length <= 2 ? [i.str.trim()] : [])).join(''))) return true;
  return rowOfThree(items, (i) => NUMBER.test(i.str.trim()));
};
