/**
 * The other narrative mistakes evaluators keep finding: text carried over from last year
 * (NARR-REUSED), a wrong year (NARR-YEAR), placeholders left in (NARR-PLACEHOLDER), and 六 saying
 * nothing about 信息处理费 (NARR-FEES). Each finding points at its place in the text.
 */
import type { NarrativeId } from '../format/types';
import { NARRATIVE_IDS, SECTIONS, narrativeHeading } from '../format/sections';
import type { Report } from '../report/document';
import type { Check } from '../findings/check';
import type { Finding } from '../findings/finding';
import { halfWidthDigits, halfWidthOf } from './numbers';
import { byText, lastPerKey } from './memo';
import { clauseEnd, clauseStart, quoteAround, sentenceAt, sentencesOf, snippet, splitSentences, type Span } from './sentences';
import { CN_DIGIT } from '../text/chinese-digits';
import { bigrams } from '../text/similarity';

const where = (section: NarrativeId, text: string, s: Span, focusStart?: number, focusEnd?: number) => ({
  section,
  ...quoteAround(text, s, focusStart, focusEnd),
});
const sectionName = (id: NarrativeId) => `「${narrativeHeading(id)}」`;

// ---------------------------------------------------------------- NARR-YEAR

const YEAR_RE = /(?<![0-9〔［\[])((?:19|20)\d{2})\s*年(度)?/g;
/** Words that make another year legitimate in the clause: comparisons, periods, references. */
const YEAR_CONTEXT_OK = /较|比|同比|相比|以来|截至|截止|至今|以前|之前|之后|期间|自|上年|去年|前年|分别|规划|计划|目标/;
/** 「2022 年至 2024 年」「2021—2023 年」: a span of years. */
const RANGE_AFTER = /^\s*(?:至|到|—|－|-|~|～)/;
const RANGE_BEFORE = /(?:至|到|—|－|-|~|～)\s*$/;
/** After 「2023 年」: signs that the clause narrates that year's own work (「2023 年，…」「2023 年全市共…」). */
const WORK_YEAR_AFTER = /^\s*(?:[，,]|共|全年|全市|全县|全区|全镇|全乡|全省|我|本机关|本单位|本部门)/;

/** A numbered heading (「（二）…」「二、…」「2.…」) written straight before the text it heads. */
const RUN_IN_HEADING = /^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])[^，。；：]{1,40}$/;

/** Inside 《》〔〕“”「」 opened within the last QUOTE_LOOKBACK characters (a title is never longer): linear however many years. */
const QUOTE_LOOKBACK = 200;
const insideQuoteOrTitle = (text: string, at: number): boolean => {
  const before = text.slice(Math.max(0, at - QUOTE_LOOKBACK), at);
  const open = (o: string, c: string) => before.lastIndexOf(o) > before.lastIndexOf(c);
  return open('《', '》') || open('〔', '〕') || open('“', '”') || open('「', '」');
};

const CN_YEAR_DIGITS = '〇零一二三四五六七八九';
const SPACE = /\s/;
/**
 * 「二〇二三年」 as 「2023年」, one character for one: the four Chinese digits right before a 年 (spaces between
 * allowed). Looked for back from each 年, not tried at every character of the text.
 */
const chineseYearsToDigits = (s: string): string => {
  let out = '';
  let last = 0;
  for (let y = s.indexOf('年'); y >= 0; y = s.indexOf('年', y + 1)) {
    let end = y;
    while (end > 0 && SPACE.test(s[end - 1]!)) end--;
    if (end < 4) continue;
    let digits = '';
    for (let i = end - 4; i < end && CN_YEAR_DIGITS.includes(s[i]!); i++) digits += CN_DIGIT[s[i]!];
    if (digits.length < 4) continue;
    out += s.slice(last, end - 4) + digits;
    last = end;
  }
  return last ? out + s.slice(last) : s;
};

/** One section's stale years, kept while its text and the report year stay the same. */
const sectionYearFindings = lastPerKey((section: NarrativeId, text: string, year: number): Finding[] => {
  const out: Finding[] = [];
  // 「二〇二三年」 is read like 「2023 年」: one character for one, so offsets stay valid.
  const ascii = chineseYearsToDigits(halfWidthOf(text));
  const sentences = sentencesOf(text);
  // one finding per sentence and year: 「自2023年1月1日起至2023年12月31日止」 is one slip, not two identical lines
  const said = new Set<string>();
  for (const m of ascii.matchAll(YEAR_RE)) {
    const y = Number(m[1]);
    if (y === year) continue; // this year: most mentions, and nothing below makes it a finding
    const at = m.index!;
    const after = ascii.slice(at + m[0].length, at + m[0].length + 40);
    if (insideQuoteOrTitle(text, at)) continue;
    const sentence = sentenceAt(sentences, at);
    if (!sentence) continue;
    // 「（二）主动公开政府信息的主要类别2023年，…」: a run-in heading with no punctuation ends where the year begins;
    // its words (「计划」「目标」…) are not this clause's context.
    const cs = clauseStart(text, at);
    const clause = text.slice(RUN_IN_HEADING.test(text.slice(sentence.start, at)) ? at : cs, clauseEnd(text, at + m[0].length));
    const isDate = /^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/.test(after);
    // 「本报告数据统计时间为 2023 年 1 月 1 日至 12 月 31 日」 in a 2024 report: the period is wrong.
    const statisticalPeriod = isDate && /统计/.test(text.slice(Math.max(sentence.start, at - 60), Math.min(sentence.end, at + 60)));
    if (y === year || (y === year + 1 && !statisticalPeriod)) continue; // this year, or plans for the next
    if (!statisticalPeriod) {
      if (isDate || YEAR_CONTEXT_OK.test(clause) || !WORK_YEAR_AFTER.test(after)) continue;
      if (RANGE_AFTER.test(after) || RANGE_BEFORE.test(ascii.slice(Math.max(0, at - 3), at))) continue;
      if (/^\s*(?:度)?(?:政府信息公开)?(?:工作)?(?:年度)?报告/.test(after)) continue;
    }
    const key = `${sentence.start}:${y}`;
    if (said.has(key)) continue;
    said.add(key);
    out.push({
      code: 'NARR-YEAR',
      severity: 'warning',
      cells: [],
      message: `${sectionName(section)}中「${snippet(text, sentence, at, at + m[0].length)}」写的是 ${y} 年，本报告年度为 ${year} 年${statisticalPeriod ? '（统计期间应为本报告年度）' : ''}。如描述本年度工作，请改为 ${year} 年；疑为沿用往年文字。`,
      expected: year,
      actual: y,
      narrative: where(section, text, sentence, at, at + m[0].length),
    });
  }
  return out;
});

export const yearFindings = (report: Report): Finding[] =>
  report.year === null ? [] : NARRATIVE_IDS.flatMap((section) => sectionYearFindings(section, section, report.narratives[section] ?? '', report.year!));

// ---------------------------------------------------------------- NARR-PLACEHOLDER

/** XX/××/待补充/待填写/TODO/【】/（　）: what templates leave for the clerk to fill in. */
const PLACEHOLDER_RE =
  /(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])|[×＊*]{2,}|○{2,}|待补充|待填写|待完善|待核实|TODO|TBD|【[\s　]*】|【[^】\n]{0,12}(?:填|补充|XX|××|名称|数字|单位|日期)[^】\n]{0,12}】|[（(][\s　]{2,}[)）]/g;

const sectionPlaceholders = lastPerKey((section: NarrativeId, text: string): Finding[] => {
  const out: Finding[] = [];
  const sentences = sentencesOf(text);
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const at = m.index!;
    const sentence = sentenceAt(sentences, at) ?? { start: at, end: at + m[0].length, text: m[0] };
    out.push({
      code: 'NARR-PLACEHOLDER',
      severity: 'warning',
      cells: [],
      message: `${sectionName(section)}中有未填写的占位内容「${m[0]}」：${snippet(text, sentence, at, at + m[0].length)}`,
      actual: m[0],
      narrative: where(section, text, sentence, at, at + m[0].length),
    });
  }
  return out;
});

export const placeholderFindings = (report: Report): Finding[] =>
  NARRATIVE_IDS.flatMap((section) => sectionPlaceholders(section, section, report.narratives[section] ?? ''));

// ---------------------------------------------------------------- NARR-FEES

/**
 * 六、其他需要报告的事项 is where the format puts 收取信息处理费情况 (its template says so); a 六 that
 * says nothing about fees leaves that out. 表二's 行政事业性收费 is a different thing (第二十条第（八）项),
 * compared number for number by the NARR-FEES-AMOUNT quantity wherever the text states it.
 */
const FEE_MENTION = /信息处理费|处理费|收费|费用|收取[^。；\n]{0,12}费/;
const FEE_PLACEHOLDER = (SECTIONS.find((s) => s.kind === 'narrative' && s.id === 'other_matters') as { placeholder: string } | undefined)?.placeholder ?? '';

export const feeFindings = (report: Report): Finding[] => {
  const text = report.narratives.other_matters ?? '';
  if (FEE_MENTION.test(text)) return [];
  const hint = FEE_PLACEHOLDER.replace(/^（|。?）$/g, '');
  return [
    {
      code: 'NARR-FEES',
      severity: 'warning',
      cells: [],
      message: `${sectionName('other_matters')}${text.trim() ? '未说明收取信息处理费情况' : '为空，未说明收取信息处理费情况'}（格式要求：${hint}）。未收取的，请写明「本年度未收取信息处理费」。`,
      narrative: { section: 'other_matters', ...quoteAround(text, { start: 0, end: text.length }) },
    },
  ];
};

// ---------------------------------------------------------------- NARR-REUSED

/** A sentence counts as reused when its character-bigram similarity with a sentence of last year's text is at least this. */
export const REUSE_SIMILARITY = 0.85;
/** The report is flagged when at least this share of its narrative text (by characters) is reused. */
export const REUSE_SHARE_THRESHOLD = 0.3;
/** Shorter sentences (「存在的问题：」, 「改进情况：」) are not counted either way. */
export const REUSE_MIN_CHARS = 12;

const normalise = (s: string) => halfWidthDigits(s).replace(/[\s\p{P}\p{S}]/gu, '');
export { similarity } from '../text/similarity';

export type ReusedSentence = { readonly section: NarrativeId; readonly sentence: Span; readonly similarity: number };
export type ReuseReport = { readonly share: number; readonly counted: number; readonly reused: readonly ReusedSentence[] };

/**
 * Last year's sentences, each distinct one once, and an inverted index bigram → (sentence, count). A bigram found in
 * more than POSTINGS_MAX of them (「政府」 in a long text) says nothing about which one a sentence copies and is
 * skipped, which bounds the work per sentence: linear in the text, however long last year's is. Real reports have no
 * such bigram, so for them the similarity is exact.
 */
const POSTINGS_MAX = 256;
type LastYearIndex = {
  readonly old: readonly { readonly text: string; readonly len: number }[];
  readonly exact: ReadonlySet<string>;
  readonly index: ReadonlyMap<number, readonly (readonly [number, number])[]>;
  /** Per section text of this year: its sentences with their best similarity (kept while the text is unchanged). */
  readonly bySection: (text: string) => readonly { readonly sentence: Span; readonly len: number; readonly best: number }[];
};
const lastYearIndexes = new WeakMap<object, LastYearIndex>();

const lastYearIndex = (previous: Partial<Record<NarrativeId, string>>): LastYearIndex => {
  const known = lastYearIndexes.get(previous);
  if (known) return known;
  const seen = new Set<string>();
  const old: { text: string; len: number }[] = [];
  for (const id of NARRATIVE_IDS)
    for (const s of splitSentences(previous[id] ?? '')) {
      const n = normalise(s.text);
      if (n.length < REUSE_MIN_CHARS || seen.has(n)) continue;
      seen.add(n);
      old.push({ text: n, len: n.length });
    }
  const index = new Map<number, [number, number][]>();
  old.forEach((o, i) => {
    for (const [k, c] of bigrams(o.text)) {
      const list = index.get(k);
      if (list) list.push([i, c]);
      else index.set(k, [[i, c]]);
    }
  });
  const common = new Float64Array(old.length);
  const touched: number[] = [];
  const best = (n: string): number => {
    if (seen.has(n)) return 1;
    for (const [k, c] of bigrams(n)) {
      const list = index.get(k);
      if (!list || list.length > POSTINGS_MAX) continue;
      for (const [i, oc] of list) {
        if (common[i] === 0) touched.push(i);
        common[i]! += Math.min(c, oc);
      }
    }
    let b = 0;
    for (const i of touched) {
      const d = (2 * common[i]!) / (n.length - 1 + (old[i]!.len - 1));
      if (d > b) b = d;
      common[i] = 0;
    }
    touched.length = 0;
    return b;
  };
  const bySection = byText((text: string) => {
    const memo = new Map<string, number>();
    return splitSentences(text).flatMap((sentence) => {
      const n = normalise(sentence.text);
      if (n.length < REUSE_MIN_CHARS) return [];
      let b = memo.get(n);
      if (b === undefined) memo.set(n, (b = best(n)));
      return [{ sentence, len: n.length, best: b }];
    });
  }, 16);
  const made = { old, exact: seen, index, bySection };
  lastYearIndexes.set(previous, made);
  return made;
};

/** Which sentences of this year's narratives stand (nearly) word for word in last year's, and their share by characters. */
export const measureReuse = (current: Record<NarrativeId, string>, previous: Partial<Record<NarrativeId, string>>): ReuseReport => {
  const last = lastYearIndex(previous);
  const reused: ReusedSentence[] = [];
  let counted = 0;
  let reusedChars = 0;
  for (const section of NARRATIVE_IDS)
    for (const s of last.bySection(current[section] ?? '')) {
      counted += s.len;
      if (s.best >= REUSE_SIMILARITY) {
        reused.push({ section, sentence: s.sentence, similarity: s.best });
        reusedChars += s.len;
      }
    }
  return { share: counted ? reusedChars / counted : 0, counted, reused };
};

export const reuseFindings = (report: Report, previous: Partial<Record<NarrativeId, string>> | undefined, previousYear: number | null): Finding[] => {
  if (!previous || NARRATIVE_IDS.every((id) => !(previous[id] ?? '').trim())) return [];
  const r = measureReuse(report.narratives, previous);
  if (r.share < REUSE_SHARE_THRESHOLD) return [];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const which = previousYear !== null ? `上年（${previousYear} 年）报告` : '上年报告';
  return r.reused.map((u) => ({
    code: 'NARR-REUSED',
    severity: 'warning' as const,
    cells: [],
    message: `此句与${which}${u.similarity === 1 ? '完全相同' : `几乎相同（相似度 ${pct(u.similarity)}）`}：「${snippet(report.narratives[u.section], u.sentence)}」。本报告正文共有 ${pct(r.share)} 的文字沿用上年报告（提示阈值 ${pct(REUSE_SHARE_THRESHOLD)}），内容雷同易被评议指出，请结合本年度工作重写。`,
    expected: pct(REUSE_SHARE_THRESHOLD),
    actual: pct(r.share),
    narrative: where(u.section, report.narratives[u.section], u.sentence),
  }));
};

export const narrativeTextCheck: Check = ({ report, previous }) => {
  // `previous` is the one last year evaluate() resolved (explicit previous report, else the saved baseline).
  const reuse = reuseFindings(report, previous?.narratives, previous?.year ?? null);
  return [...yearFindings(report), ...placeholderFindings(report), ...feeFindings(report), ...reuse];
};
