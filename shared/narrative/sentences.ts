/** Sentences and clauses of a narrative, with their offsets, so findings can point into the text. */

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

/** Characters that end a clause: a number belongs to the keyword written in its own clause only. */
export const CLAUSE_BREAK = /[，,、；;。！？!?：:（）()\n]/;

/** The start of the clause that contains offset `at`. */
export const clauseStart = (text: string, at: number): number => {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i]!)) return i + 1;
  return 0;
};

/** The end of the clause that contains offset `at`. */
export const clauseEnd = (text: string, at: number): number => {
  for (let i = at; i < text.length; i++) if (CLAUSE_BREAK.test(text[i]!)) return i;
  return text.length;
};

/** The sentence span containing `at`. */
export const sentenceAt = (sentences: readonly Span[], at: number): Span | undefined => sentences.find((s) => s.start <= at && at < s.end);
