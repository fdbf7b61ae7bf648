/**
 * Plain-text tables for a terminal. Chinese characters take two columns, so widths are counted
 * in display columns; ASCII borders because box-drawing characters are ambiguous-width in CJK terminals.
 */

const isWide = (cp: number): boolean =>
  (cp >= 0x1100 && cp <= 0x115f) ||
  (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0xffe0 && cp <= 0xffe6) ||
  (cp >= 0x20000 && cp <= 0x3fffd);

export const displayWidth = (s: string): number => {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
};

/** Breaks a text into lines of at most `width` display columns (hard breaks; Chinese has no spaces to break at). */
/**
 * Wraps at the column width. A run of digits or Latin letters (a number, a cell id) is kept whole
 * when it fits on the next line, so a count is never printed as 「2\n9」; CJK text breaks anywhere.
 */
export const wrap = (s: string, width: number): string[] => {
  const out: string[] = [];
  const tokens = (para: string) => para.match(/[0-9A-Za-z_.,%+-]+|[^]/gu) ?? [];
  for (const para of s.split('\n')) {
    let line = '';
    let w = 0;
    for (const tok of tokens(para)) {
      const tw = displayWidth(tok);
      if (tok.length > 1 && w + tw > width && line && tw <= width) {
        out.push(line);
        line = '';
        w = 0;
      }
      for (const ch of tok) {
        const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
        if (w + cw > width && line) {
          out.push(line);
          line = '';
          w = 0;
        }
        line += ch;
        w += cw;
      }
    }
    out.push(line);
  }
  return out;
};

const pad = (s: string, width: number, align: 'left' | 'right'): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
};

export type Column = { readonly title: string; readonly maxWidth?: number; readonly align?: 'left' | 'right' };

export const renderTable = (columns: readonly Column[], rows: readonly (readonly string[])[]): string => {
  const widths = columns.map((c, i) => {
    const natural = Math.max(displayWidth(c.title), ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map(displayWidth))));
    return c.maxWidth ? Math.min(natural, c.maxWidth) : natural;
  });
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[][], k: number) =>
    `|${cells.map((lines, i) => ` ${pad(lines[k] ?? '', widths[i]!, columns[i]!.align ?? 'left')} `).join('|')}|`;
  const block = (r: readonly string[]): string[] => {
    const cells = columns.map((_, i) => wrap(r[i] ?? '', widths[i]!));
    const h = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: h }, (_, k) => line(cells, k));
  };
  return [rule, ...block(columns.map((c) => c.title)), rule, ...rows.flatMap(block), rule].join('\n');
};
