/** Sentences and clauses of a narrative, with their offsets, so findings can point into the text. */
import { byText } from './memo';
import { spanIndexAt } from '../text/spans';

export { spanIndexAt };

export type Span = { readonly start: number; readonly end: number; readonly text: string };

/** A sentence ends at 。！？!? or at a paragraph break; the terminator belongs to the sentence. */
export const splitSentences = (text: string): Span[] => {
  const out: Span[] = [];
  const re = /[^。！？!?\n]+[。！？!?]*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = m.index! + lead;
    out.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return out;
};

/** Paragraphs: the narrative model separates them with "\n". */
export const splitParagraphs = (text: string): Span[] => {
  const out: Span[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start: pos, end: pos + line.length, text: line });
    pos += line.length + 1;
  }
  return out;
};

/**
 * The sentences and the paragraphs of a section's text, split once and shared by every check that reads the text
 * (the tables, the years, the placeholders): evaluate() reads each section several times.
 */
export const sentencesOf: (text: string) => readonly Span[] = byText(splitSentences);
export const paragraphsOf: (text: string) => readonly Span[] = byText(splitParagraphs);

/**
 * A set of characters that end a clause or a segment: one bit of a table indexed by UTF-16 code unit, so the search
 * back and forth tests each character with one array read (no string made for it, no regex run on it).
 */
export type Breaks = number;
const BREAK_TABLE = new Uint8Array(0x10000);
let breakSets = 0;
export const breaks = (chars: string): Breaks => {
  if (breakSets >= 8) throw new Error('at most 8 sets of clause breaks');
  const bit = 1 << breakSets++;
  for (const c of chars) BREAK_TABLE[c.charCodeAt(0)]! |= bit;
  return bit;
};

/** Characters that end a clause: a number belongs to the keyword written in its own clause only. */
export const CLAUSE_BREAK: Breaks = breaks('，,、；;。！？!?：:（）()\n');

/**
 * How far a clause is searched for its start or end. A phrasing stands within a few dozen characters of its number;
 * bounding the search keeps the checks linear in the text length however long a run without punctuation is.
 */
export const CLAUSE_WINDOW = 120;

/** The start of the clause that contains offset `at` (at most CLAUSE_WINDOW characters back). */
export const clauseStart = (text: string, at: number, stops: Breaks = CLAUSE_BREAK): number => {
  const stop = Math.max(0, at - CLAUSE_WINDOW);
  for (let i = at - 1; i >= stop; i--) if (BREAK_TABLE[text.charCodeAt(i)]! & stops) return i + 1;
  return stop;
};

/** The end of the clause that contains offset `at` (at most CLAUSE_WINDOW characters on). */
export const clauseEnd = (text: string, at: number, stops: Breaks = CLAUSE_BREAK): number => {
  const stop = Math.min(text.length, at + CLAUSE_WINDOW);
  for (let i = at; i < stop; i++) if (BREAK_TABLE[text.charCodeAt(i)]! & stops) return i;
  return stop;
};

/** The sentence span containing `at`. */
export const sentenceAt = (sentences: readonly Span[], at: number): Span | undefined => sentences[spanIndexAt(sentences, at)];

/**
 * Where a finding points: the sentence when it is short, else at most QUOTE_MAX (100) characters of it around the figure
 * [focusStart, focusEnd) — never a whole long paragraph (a finding per number quoting its paragraph made the JSON
 * grow with the square of the text). `quote` is exactly text[start, end).
 */
export const QUOTE_MAX = 100;
export const quoteAround = (
  text: string,
  span: { readonly start: number; readonly end: number },
  focusStart = span.start,
  focusEnd = focusStart,
  max = QUOTE_MAX,
): { readonly start: number; readonly end: number; readonly quote: string } => {
  let { start, end } = span;
  if (end - start > max) {
    const focus = Math.min(focusEnd, focusStart + max) - focusStart;
    start = Math.max(span.start, Math.min(focusStart - ((max - focus) >> 1), span.end - max));
    end = start + max;
  }
  return { start, end, quote: text.slice(start, end) };
};

/** A sentence quoted in a message: itself when short, else 40 characters around the figure with 「…」. */
export const snippet = (text: string, span: { readonly start: number; readonly end: number }, focusStart = span.start, focusEnd = focusStart): string => {
  const q = quoteAround(text, span, focusStart, focusEnd, 40);
  return `${q.start > span.start ? '…' : ''}${q.quote}${q.end < span.end ? '…' : ''}`;
};
