/**
 * String and array steps that stay linear on hostile input. A regular expression like /[ \u00a0]+$/
 * is retried from every position of a long run of spaces that is not at the end (80,000 spaces
 * before a letter took 5.4 s); `push(...items)` passes every item as an argument and overflows the
 * stack on a long array (a 29 MB text). These do the same in one pass.
 */

/** s without the trailing characters listed in `chars`. */
export const trimEndOf = (s: string, chars: string): string => {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
};

/** s without the leading characters listed in `chars`. */
export const trimStartOf = (s: string, chars: string): string => {
  let start = 0;
  while (start < s.length && chars.includes(s[start]!)) start++;
  return start === 0 ? s : s.slice(start);
};

/** Whitespace as \s matches it (ASCII, no-break, ideographic and the other Unicode spaces). */
export const WHITESPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** Appends items to `to` one by one (no spread into a call, whatever their number); returns `to`. */
export const append = <T>(to: T[], items: readonly T[]): T[] => {
  for (const x of items) to.push(x);
  return to;
};

/** The largest of the numbers, or `empty` when there are none (no spread into Math.max). */
export const maxOf = (xs: Iterable<number>, empty: number): number => {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m === -Infinity ? empty : m;
};

/** The bytes as a string of the same code units (0–255): an offset in one is the offset in the other. Widened, then decoded natively (fast). */
export const byteString = (b: Uint8Array, end = b.length): string => {
  const wide = new Uint16Array(end);
  wide.set(b.subarray(0, end));
  return new TextDecoder('utf-16le').decode(wide);
};
