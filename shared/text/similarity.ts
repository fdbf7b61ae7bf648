/** How alike two texts are: the Dice coefficient on character bigrams, for label typos and for reused sentences. */

/** Character bigrams with their counts, keyed by the two UTF-16 code units as one number (cheaper than string keys). */
export const bigrams = (s: string): Map<number, number> => {
  const m = new Map<number, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
};

/** Dice of two bigram maps made from texts of lengths la and lb. */
const diceOf = (A: ReadonlyMap<number, number>, la: number, B: ReadonlyMap<number, number>, lb: number): number => {
  let common = 0;
  for (const [k, n] of A) common += Math.min(n, B.get(k) ?? 0);
  return (2 * common) / (la - 1 + (lb - 1));
};

/** Dice coefficient on character bigrams (with multiplicity): 1 for identical text, 0 when either is shorter than 2. */
export const similarity = (a: string, b: string): number => {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  return diceOf(bigrams(a), a.length, bigrams(b), b.length);
};
