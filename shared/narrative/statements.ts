/**
 * Reading what a narrative states about table quantities: each number tied to the quantity whose
 * phrasing stands right before it in the same clause, plus the zero statements 「未收到…申请」,
 * 「没有…行政复议」, and the claims 「均获维持」. Anything not tied with certainty is left alone.
 */
import type { CellId } from '../format/types';
import { t3 } from '../format/cells';
import { T3_COLUMNS, T3_ORG_HEADER, T3_TOTAL_COLUMN } from '../format/table3';
import { COUNT_UNITS, MONEY_UNITS, amountToFen, findNegations, findNumbers, type StatedNumber } from './numbers';
import { OUTCOME_GROUP_KEYS, QUANTITIES, T2_SUBJECTS, T4_SUBJECTS, combinedGroups, quantity, type Quantity, type SubjectFamily } from './quantities';
import { byText } from './memo';
import { CLAUSE_WINDOW, breaks, clauseEnd, clauseStart, paragraphsOf, sentencesOf, spanIndexAt, type Span } from './sentences';

export type Statement = {
  readonly quantity: Quantity;
  /** The cells compared: the quantity's, or 一 + 二 for 「…（含上年结转 N 件）」. */
  readonly cells: readonly CellId[];
  /** What the text states: a count, or 分 for money. */
  readonly stated: number;
  readonly statedFen?: bigint;
  /** The number as the text writes it, unit included (「261 件」, 「两件」, 「5884.0157 万元」); 「未…」 for zero in words. */
  readonly statedText: string;
  readonly number: StatedNumber | null;
  /** The phrase quoted in messages: clause start to the end of the number (「全年共受理政府信息公开申请 261 件」). */
  readonly phrase: Span;
  readonly sentence: Span;
  /** What tied the number to the quantity (the matched phrasing). */
  readonly verb: string;
  /** 「…（含上年结转 39 件）」: the number is 一 + 二. */
  readonly includesCarriedIn: boolean;
};

/** A claim in words about 表四: 「均获维持」, 「没有…行政复议」. */
export type T4Claim = {
  readonly kind: 'all-upheld' | 'none';
  /** 'review', 'suit', 'suit_direct' or 'suit_after_review'. */
  readonly subject: string;
  readonly phrase: Span;
  readonly sentence: Span;
};

const SEGMENT_BREAK = breaks('；;。！？!?\n');
const segmentStart = (text: string, at: number): number => clauseStart(text, at, SEGMENT_BREAK);

/** The subject mentioned last before `to` (the one whose match ends latest; the longest on a tie). */
const lastSubject = (text: string, from: number, to: number, subjects: readonly { id: string; re: RegExp }[]): string | null => {
  const part = text.slice(Math.max(from, to - 2 * CLAUSE_WINDOW), to);
  let best: { id: string; end: number; len: number } | null = null;
  // exec on the global regex itself (lastIndex from 0; null leaves it 0 again): matchAll would copy the regex each call
  for (const { id, re } of subjects) {
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && m[0].length > best.len)) best = { id, end, len: m[0].length };
    }
  }
  return best?.id ?? null;
};

/**
 * What a sentence is about, each sentence and paragraph tested once (a number asks by binary search, so the checks
 * stay linear however many numbers a long paragraph holds). A paragraph's context includes the one before it when
 * that is a short heading (「（二）依申请公开方面」).
 */
type Topics = {
  readonly sentences: readonly Span[];
  readonly sentenceAt: (at: number) => Span | undefined;
  /** 表三 figures: the sentence mentions 申请, or its paragraph or heading is about 依申请公开. */
  readonly aboutApplications: (at: number) => boolean;
  /** 表四 figures count only cases about 政府信息公开, not every 行政复议 of the agency. */
  readonly aboutDisclosure: (at: number) => boolean;
};
const memoFlags = (n: number, test: (i: number) => boolean) => {
  const memo = new Int8Array(n); // 0 unknown, 1 false, 2 true
  return (i: number): boolean => {
    if (i < 0) return false;
    if (!memo[i]) memo[i] = test(i) ? 2 : 1;
    return memo[i] === 2;
  };
};
/** Made once per text: the statements and the 表四 claims ask the same questions of it. */
const topicsOf = byText((text: string): Topics => {
  const sentences = sentencesOf(text);
  const paragraphs = paragraphsOf(text);
  const ctx = (i: number) => `${i > 0 && paragraphs[i - 1]!.text.trim().length <= 30 ? paragraphs[i - 1]!.text : ''}\n${paragraphs[i]!.text}`;
  const sApp = memoFlags(sentences.length, (i) => /申请/.test(sentences[i]!.text));
  const sDisc = memoFlags(sentences.length, (i) => /信息公开|依申请/.test(sentences[i]!.text));
  const pApp = memoFlags(paragraphs.length, (i) => /依申请公开/.test(ctx(i)));
  const pDisc = memoFlags(paragraphs.length, (i) => /信息公开|依申请/.test(ctx(i)));
  const si = (at: number) => spanIndexAt(sentences, at);
  const pi = (at: number) => {
    const i = spanIndexAt(paragraphs, at);
    return i >= 0 || !paragraphs.length ? i : spanIndexAt(paragraphs, at - 1);
  };
  return {
    sentences,
    sentenceAt: (at) => sentences[si(at)],
    aboutApplications: (at) => sApp(si(at)) || pApp(pi(at)),
    aboutDisclosure: (at) => sDisc(si(at)) || pDisc(pi(at)),
  };
});
/** The negations of a text, found once for the three readings of them below. */
const negationsOf = byText(findNegations);

/** A figure of one applicant column (「其中自然人申请 261 件」) or one channel (「信函方式收到申请 10 件」) is not the total. */
// the applicant columns' own words (「其他」 is too common a word to count), and 「法人」 of 「法人或其他组织」
const COLUMN_WORDS = new RegExp(
  [...T3_COLUMNS.filter((c) => c.id !== T3_TOTAL_COLUMN && c.id !== 'other_org').map((c) => c.label), T3_ORG_HEADER.slice(0, 2)].join('|'),
);
const CHANNEL_WORDS = /方式|渠道|途径|信函|网上|网络|当面|现场|邮寄|传真|电子邮件|电话/;
/** 「受理行政许可申请」 is not a 政府信息公开申请. */
const OTHER_APPLICATIONS = /许可|审批|复议|诉讼|补偿|救助|补贴|登记|信访|办件|政务服务|结转|办结|答复/;
/** 「按期办结 320 件」 is a part of 办结. */
const QUALIFIED = /(?:按期|按时|逾期|延期|超期|及时|当日|当场|限期内|提前)\s*$/;

/** 「不掌握等原因」「国家秘密等情形」: the sub-item is an example, the number the group's. */
const ETC = /等(?:原因|情形|情况|理由|事由)?/;
const CARRIED_IN_NOTE = /^\s*[（(]\s*(?:其中)?(?:含|包括|包含)\s*上(?:一)?年(?:度)?(?:未办结)?结转/;
const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** The longest phrasing with its fillers is under 50 characters; a lead is looked for in this many before the number. */
const LEAD_WINDOW = 64;

/**
 * The phrasings by family (表三's main rows, its groups, its sub-items, 表二, 表四), each family's in one regex: most
 * numbers in a report are tied to nothing, and one test per family says so; a tied number's lead is tried only
 * against the phrasings of the families that match it, a phrasing several quantities share (表四's columns) once.
 */
const familyOf = (q: Quantity): string => {
  const [table, part, item] = q.key.split('.');
  return item !== undefined && q.topic === 'application' ? `${table}.${part}` : `${q.topic}.${q.unit}`;
};
type Lead = { readonly q: Quantity; readonly family: number; readonly slot: number };
const LEADS = (() => {
  const familyNames: string[] = [];
  const familySources: Set<string>[] = [];
  const slotSources: string[] = [];
  const slots: RegExp[] = [];
  const lead = (q: Quantity): Lead => {
    let family = familyNames.indexOf(familyOf(q));
    if (family < 0) family = familyNames.push(familyOf(q)) - 1;
    (familySources[family] ??= new Set()).add(q.lead.source);
    let slot = slotSources.indexOf(q.lead.source);
    if (slot < 0) slot = slotSources.push(q.lead.source) - 1;
    slots[slot] = q.lead;
    return { q, family, slot };
  };
  const count = QUANTITIES.filter((q) => q.unit !== 'money').map(lead);
  const money = QUANTITIES.filter((q) => q.unit === 'money').map(lead);
  const families = familySources.map((sources) => new RegExp([...sources].map((src) => `(?:${src})`).join('|')));
  return { families, slots, count, money };
})();
const NOT_TRIED = 0;
const NO_MATCH = 1;
const MATCH = 2;

/** Each 表三 group's sub-item phrasings in one regex: most group figures name no sub-item, and one search says so. */
const GROUP_WORDS = new Map<string, RegExp>();
for (const q of QUANTITIES)
  if (q.group && q.words) GROUP_WORDS.set(q.group, new RegExp([GROUP_WORDS.get(q.group)?.source, `(?:${q.words.source})`].filter(Boolean).join('|')));

/** Ties one number to a quantity, or to nothing. */
const tie = (text: string, n: StatedNumber, topics: Topics): Statement | null => {
  if (n.approx) return null;
  const isMoney = MONEY_UNITS.includes(n.unit);
  if (!isMoney && !COUNT_UNITS.includes(n.unit)) return null;
  const sentence = topics.sentenceAt(n.start);
  if (!sentence) return null;
  const cs = Math.max(clauseStart(text, n.start), n.start - LEAD_WINDOW);
  const leadText = text.slice(cs, n.start);
  let best: { q: Quantity; index: number; verb: string } | null = null;
  const family = new Uint8Array(LEADS.families.length);
  const matched: (RegExpExecArray | null | undefined)[] = new Array(LEADS.slots.length);
  // what does not depend on the quantity is asked once per number, when a quantity first needs it
  let application: boolean | undefined;
  const subjects: { t2?: string | null; t4?: string | null } = {};
  for (const { q, family: f, slot } of isMoney ? LEADS.money : LEADS.count) {
    if (family[f] === NOT_TRIED) family[f] = LEADS.families[f]!.test(leadText) ? MATCH : NO_MATCH;
    if (family[f] === NO_MATCH) continue;
    let m = matched[slot];
    if (m === undefined) m = matched[slot] = LEADS.slots[slot]!.exec(leadText);
    if (!m) continue;
    if (q.topic === 'application') {
      application ??=
        topics.aboutApplications(n.start) && !COLUMN_WORDS.test(text.slice(segmentStart(text, n.start), n.start)) && !CHANNEL_WORDS.test(leadText);
      if (!application) continue;
      if (QUALIFIED.test(leadText.slice(0, m.index))) continue;
    }
    if (q.topic === 't4' && !topics.aboutDisclosure(n.start)) continue;
    if (q.key === 't3.new' && (OTHER_APPLICATIONS.test(m[0]) || /^\s*其中/.test(leadText))) continue;
    if (q.key === 't2.fees.amount' && /处理费/.test(text.slice(segmentStart(text, n.start), n.start))) continue;
    if (q.subject) {
      const { family: of, id } = q.subject;
      if (subjects[of] === undefined) subjects[of] = subjectOf(text, n, of, sentence);
      if (subjects[of] !== id) continue;
    }
    if (!best || m.index < best.index) best = { q, index: m.index, verb: m[0].trim() };
  }
  if (!best) return null;
  if (best.q.key.startsWith('t3.group.')) {
    const before = leadText.slice(0, best.index);
    const combined = combinedGroups(best.q, before);
    if (combined) best = { ...best, q: combined };
    else {
      // 「因本机关不掌握相关政府信息无法提供 21 件」「涉及国家秘密不予公开 3 件」: the sub-item named before the group is what is counted;
      // 「因本机关不掌握等原因无法提供 265 件」: 「等」 widens it back to the whole group.
      const g = best.q.key.slice('t3.group.'.length);
      const sub = GROUP_WORDS.get(g)?.test(before) ? QUANTITIES.find((q) => q.group === g && q.words?.test(before)) : undefined;
      const widened = sub && ETC.test(before.slice(sub.words!.exec(before)!.index));
      if (sub && !widened) best = { ...best, q: sub };
    }
  }
  // 「收办…申请 3607 件」: 收办 counts the new and the carried-over applications together, as 「（含上年结转…）」 does.
  const includesCarriedIn = best.q.key === 't3.new' && (CARRIED_IN_NOTE.test(text.slice(n.end, n.end + 20)) || /^收办/.test(best.verb));
  const cells = includesCarriedIn ? [...best.q.cells, t3('carried_in', T3_TOTAL_COLUMN)] : best.q.cells;
  const stated = isMoney ? 0 : n.value;
  if (stated === null) return null;
  const statedFen = isMoney ? amountToFen(n.decimal, n.unit) : undefined;
  if (isMoney && statedFen === null) return null;
  const phraseStart = cs + (leadText.length - leadText.trimStart().length);
  return {
    quantity: best.q,
    cells,
    stated,
    ...(statedFen !== undefined && statedFen !== null ? { statedFen } : {}),
    statedText: n.raw,
    number: n,
    phrase: span(text, phraseStart, n.end),
    sentence,
    verb: best.verb,
    includesCarriedIn,
  };
};

/** The subject a number of 表二 or 表四 is about (a quantity with a subject counts only when it is its own); null if none. */
const subjectOf = (text: string, n: StatedNumber, family: SubjectFamily, sentence: Span): string | null => {
  if (family === 't2') {
    // 「制发 65 个政策文件」: the noun after the unit decides, and it is not ours.
    const after = text.slice(n.end, clauseEnd(text, n.end));
    const post = /^\s*(?:的)?(?:政府|行政)?(规章(?!制度)|规范性文件)/.exec(after);
    if (post) return post[1] === '规章' ? 'rules' : 'normative';
    if (/^\s*(?:的)?[^\s，。；、]{0,6}(?:文件|信息|政策|制度|目录)/.test(after)) return null;
    return lastSubject(text, segmentStart(text, n.start), n.start, T2_SUBJECTS);
  }
  return lastSubject(text, sentence.start, n.start, T4_SUBJECTS);
};

const LIST_CLAUSE_BREAK = breaks('，,；;。！？!?：:（）()\n');
const clauseEndKeepingLists = (text: string, at: number): number => clauseEnd(text, at, LIST_CLAUSE_BREAK);

/** Quantities a negation can state as zero in words. */
const ZERO_QUANTITIES = ['t3.carried_in', 't3.carried_out', ...OUTCOME_GROUP_KEYS].map((k) => quantity(k));

const NEW_ZERO_OBJECT = /政府信息公开申请|依申请公开(?:申请)?|公开申请/;
const T4_ZERO_OBJECT = /行政复议|行政诉讼/g;
const ALL_UPHELD = /(?:均|全部|都)(?:获|被|予以|得到|已)?(?:法院|复议机关)?(?:判决|决定)?维持/g;

/** Every statement the text makes about a table quantity, in text order. */
export const readStatements = (text: string): readonly Statement[] => readStatementsOnce(text);
const readStatementsOnce = byText((text: string): Statement[] => {
  const topics = topicsOf(text);
  const out: Statement[] = [];
  for (const n of findNumbers(text)) {
    const s = tie(text, n, topics);
    if (s) out.push(s);
  }
  // 「本年度未收到政府信息公开申请」: 一 is zero.
  for (const neg of negationsOf(text)) {
    if (!/^未(?:收到|接到|受理)|^没有|^无/.test(neg.word)) continue;
    const end = clauseEnd(text, neg.end);
    const rest = text.slice(neg.end, end);
    if (/\d|[一二两三四五六七八九十]\s*[件项条]/.test(rest)) continue;
    const obj = NEW_ZERO_OBJECT.exec(rest);
    if (!obj || !/收到|接到|受理|^未/.test(neg.word + rest.slice(0, obj.index)) || obj.index > 12) continue;
    const sentence = topics.sentenceAt(neg.start);
    if (!sentence) continue;
    const q = quantity('t3.new');
    out.push({
      quantity: q,
      cells: q.cells,
      stated: 0,
      statedText: neg.word,
      number: null,
      phrase: span(text, clauseStart(text, neg.start), end),
      sentence,
      verb: neg.word,
      includesCarriedIn: false,
    });
  }
  // 「本年度无不予公开的申请」「没有结转下年度办理的申请」: the whole phrase after the negation is the quantity's.
  for (const neg of negationsOf(text)) {
    if (!/^(?:无|没有|未发生|未出现|未有)$/.test(neg.word)) continue;
    const end = clauseEnd(text, neg.end);
    const phrase = /^[^的]*?(?=的|情况|情形|事项|现象|$)/.exec(text.slice(neg.end, end))?.[0] ?? '';
    if (!phrase || /\d/.test(phrase)) continue;
    const sentence = topics.sentenceAt(neg.start);
    if (!sentence || !topics.aboutApplications(neg.start)) continue;
    const q = ZERO_QUANTITIES.find((x) => x.lead.exec(phrase)?.index === 0);
    if (!q) continue;
    out.push({
      quantity: q,
      cells: q.cells,
      stated: 0,
      statedText: neg.word + phrase,
      number: null,
      phrase: span(text, clauseStart(text, neg.start), end),
      sentence,
      verb: neg.word,
      includesCarriedIn: false,
    });
  }
  return out.sort((a, b) => a.phrase.start - b.phrase.start);
});

/** 「没有…行政复议」「未发生…行政诉讼」「均获维持」: what the text claims about 表四 in words. */
export const readT4Claims = (text: string): readonly T4Claim[] => readT4ClaimsOnce(text);
const readT4ClaimsOnce = byText((text: string): T4Claim[] => {
  const topics = topicsOf(text);
  const out: T4Claim[] = [];
  for (const neg of negationsOf(text)) {
    // 「未发生…行政复议、行政诉讼」: an enumeration with 、 stays in the claim.
    const end = clauseEndKeepingLists(text, neg.end);
    const rest = text.slice(neg.end, end);
    if (/[0-9０-９]/.test(rest)) continue;
    const sentence = topics.sentenceAt(neg.start);
    if (!sentence || !topics.aboutDisclosure(neg.start)) continue;
    for (const m of rest.matchAll(T4_ZERO_OBJECT)) {
      if (m.index! > 24) break;
      out.push({ kind: 'none', subject: m[0] === '行政复议' ? 'review' : 'suit', phrase: span(text, clauseStart(text, neg.start), end), sentence });
    }
  }
  // one search of the whole text: a match (Han characters only) never runs over a sentence's stop or line break
  for (const m of text.matchAll(ALL_UPHELD)) {
    const at = m.index;
    const sentence = topics.sentenceAt(at);
    if (!sentence || !topics.aboutDisclosure(sentence.start)) continue;
    const subject = lastSubject(text, sentence.start, at, T4_SUBJECTS);
    if (!subject) continue;
    out.push({ kind: 'all-upheld', subject, phrase: span(text, clauseStart(text, at), clauseEnd(text, at)), sentence });
  }
  return out;
});
