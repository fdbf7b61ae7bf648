/**
 * Narrative against tables: every number the text states about a table quantity is compared with
 * the table (NARR-<QUANTITY>), the stated outcome counts with the stated 办结 total (NARR-SUM), and
 * the claims in words about 表四 with 表四 (NARR-REVIEW-UPHELD). Warnings only: the clerk decides.
 */
import type { CellId, NarrativeId } from '../format/types';
import { NARRATIVE_IDS } from '../format/sections';
import { t4 } from '../format/cells';
import { T4_COLUMNS, T4_GROUPS, T4_REVIEW_HEADER, T4_SUIT_HEADER, type T4ColumnId, type T4GroupId } from '../format/table4';
import { allBlank, countValue, type Cells, type Report } from '../report/document';
import { fenToMoney, moneyToFen } from '../report/money';
import type { Check } from '../findings/check';
import type { Finding } from '../findings/finding';
import { firstAlternativeFigure } from './alternatives';
import { OUTCOME_GROUP_KEYS, acceptedAlternatives, plainLabel, quantity, sumForText, tableCount, tableRef } from './quantities';
import { readStatements, readT4Claims, type Statement } from './statements';
import { lastPerKey } from './memo';
import { paragraphsOf, quoteAround, type Span } from './sentences';

const NONE: ReadonlySet<string> = new Set();
/** The place of a finding: its sentence, or ~80 characters of a long one around the figure. */
const where = (section: NarrativeId, text: string, s: Span, focus?: Span) => ({ section, ...quoteAround(text, s, focus?.start, focus?.end) });
/** A phrase quoted in a message: its last 60 characters (the number and its phrasing). */
const phraseText = (p: Span) => (p.text.length > 60 ? `…${p.text.slice(-60)}` : p.text);

const countFinding = (section: NarrativeId, text: string, s: Statement, cells: Cells, uncertain: ReadonlySet<string>): Finding | null => {
  const table = sumForText(cells, s.cells);
  if (table === null || table.value === s.stated) return null;
  // A figure the reader was not sure of (a note on its row) does not make the text wrong.
  if (s.cells.some((id) => uncertain.has(id))) return null;
  if (acceptedAlternatives(s.quantity, s.verb, cells).includes(s.stated) && (!s.includesCarriedIn || /^收办/.test(s.verb))) return null;
  const q = s.quantity;
  const ref = s.includesCarriedIn ? `表三 本年新收与上年结转之和（一 + 二）` : tableRef(q);
  const blankTotal = table.fromParts ? '（总计栏空白，按各申请人列之和计）' : '';
  const alt = firstAlternativeFigure(q, cells, (v) => v === s.stated && v !== table.value);
  const whole = q.topic !== 'application' ? '该栏' : alt?.label.endsWith('一项') ? `${plainLabel(q)}合计` : '总计';
  const why = alt ? `${s.stated} 与${alt.label}相同，${whole}为 ${table.value}。` : '';
  const stated = s.number ? `${s.stated}` : `0（「${s.statedText}」）`;
  return {
    code: q.code,
    severity: 'warning',
    cells: s.cells,
    message: `正文「${phraseText(s.phrase)}」与表格不一致：正文所述「${plainLabel(q)}」为 ${stated}，${ref}${blankTotal} 为 ${table.value}。${why}请核对正文或表格。`,
    expected: table.value,
    actual: s.stated,
    narrative: where(section, text, s.sentence, s.phrase),
  };
};

const moneyFinding = (section: NarrativeId, text: string, s: Statement, cells: Cells): Finding | null => {
  const q = s.quantity;
  const v = cells[q.cells[0]!];
  if (typeof v !== 'string' || s.statedFen === undefined) return null;
  const fen = moneyToFen(v);
  if (fen === null || fen === s.statedFen) return null;
  const statedWan = fenToMoney(s.statedFen);
  return {
    code: q.code,
    severity: 'warning',
    cells: q.cells,
    message: `正文「${phraseText(s.phrase)}」与表格不一致：正文所述「${plainLabel(q)}」折合 ${statedWan} 万元，${tableRef(q)} 为 ${v} 万元。请核对正文或表格。`,
    expected: v,
    actual: statedWan,
    narrative: where(section, text, s.sentence, s.phrase),
  };
};

/** 「办结 1086 件…予以公开 489 件、…其他处理 49 件」: the parts stated must add up to the total stated. */
const sumFindings = (section: NarrativeId, text: string, statements: readonly Statement[], cells: Cells): Finding[] => {
  const out: Finding[] = [];
  // Statements are in text order: one pass hands each paragraph its own.
  let k = 0;
  for (const p of paragraphsOf(text)) {
    while (k < statements.length && statements[k]!.phrase.start < p.start) k++;
    const inP: Statement[] = [];
    for (let j = k; j < statements.length && statements[j]!.phrase.start < p.end; j++)
      if (statements[j]!.phrase.end <= p.end && statements[j]!.number) inP.push(statements[j]!);
    const total = inP.find((s) => s.quantity.key === 't3.total');
    if (!total) continue;
    const parts = OUTCOME_GROUP_KEYS.map((k) => inP.find((s) => s.quantity.key === k)).filter((s): s is Statement => Boolean(s));
    if (parts.length < 2) continue;
    const sum = parts.reduce((a, s) => a + s.stated, 0);
    if (sum === total.stated) continue;
    // Fewer parts than the table has non-zero groups: the text may simply not list them all.
    const stated = new Set(parts.map((s) => s.quantity.key));
    const allListed = OUTCOME_GROUP_KEYS.filter((k) => !stated.has(k)).every((k) => tableCount(quantity(k), cells) === 0);
    if (!allListed && sum < total.stated) continue;
    const first = Math.min(total.sentence.start, ...parts.map((s) => s.sentence.start));
    const last = Math.max(total.sentence.end, ...parts.map((s) => s.sentence.end));
    const range: Span = { start: first, end: last, text: text.slice(first, last) };
    out.push({
      code: 'NARR-SUM',
      severity: 'warning',
      cells: [...new Set([...total.cells, ...parts.flatMap((s) => s.cells)])],
      message: `正文所述各项办理结果之和与所述办结总数不符：${parts.map((s) => `${plainLabel(s.quantity)} ${s.stated}`).join(' + ')} = ${sum}，而正文称办结 ${total.stated} 件（相差 ${total.stated - sum}）。`,
      expected: total.stated,
      actual: sum,
      narrative: where(section, text, range, {
        start: Math.min(total.phrase.start, ...parts.map((p) => p.phrase.start)),
        end: Math.max(total.phrase.end, ...parts.map((p) => p.phrase.end)),
        text: '',
      }),
    });
  }
  return out;
};

type SubjectGroups = { readonly groups: readonly T4GroupId[]; readonly label: string; readonly ids: readonly CellId[] };
/** A subject's groups with all their cells, named once. */
const subjectGroups = (groups: readonly T4GroupId[], label: string): SubjectGroups => ({
  groups,
  label,
  ids: groups.flatMap((g) => T4_COLUMNS.map((col) => t4(g, col.id))),
});
const T4_SUBJECT_GROUPS: Record<string, SubjectGroups> = {
  review: subjectGroups(['review'], T4_REVIEW_HEADER),
  suit: subjectGroups(
    T4_GROUPS.filter((g) => g.suit).map((g) => g.id),
    T4_SUIT_HEADER,
  ),
  ...Object.fromEntries(T4_GROUPS.filter((g) => g.suit).map((g) => [g.id, subjectGroups([g.id], `${T4_SUIT_HEADER}（${g.label}）`)])),
};

const t4ClaimFindings = (section: NarrativeId, text: string, cells: Cells): Finding[] => {
  const out: Finding[] = [];
  for (const c of readT4Claims(text)) {
    const sg = T4_SUBJECT_GROUPS[c.subject];
    if (!sg) continue;
    if (allBlank(cells, sg.ids)) continue;
    const col = (id: T4ColumnId) => sg.groups.reduce((a, g) => a + countValue(cells[t4(g, id)]), 0);
    const total = col('total');
    const upheld = col('upheld');
    const breakdown = () => T4_COLUMNS.map((x) => `${x.label} ${col(x.id)}`).join('、'); // only for a finding
    if (c.kind === 'none' && total !== 0)
      out.push({
        code: 'NARR-REVIEW-UPHELD',
        severity: 'warning',
        cells: sg.groups.map((g) => t4(g, 'total')),
        message: `正文「${phraseText(c.phrase)}」称没有${sg.label}，但表四${sg.label}总计为 ${total}（${breakdown()}）。`,
        expected: total,
        actual: 0,
        narrative: where(section, text, c.sentence, c.phrase),
      });
    if (c.kind === 'all-upheld' && (upheld !== total || total === 0))
      out.push({
        code: 'NARR-REVIEW-UPHELD',
        severity: 'warning',
        cells: sg.groups.flatMap((g) => [t4(g, 'upheld'), t4(g, 'total')]),
        message: `正文「${phraseText(c.phrase)}」称${sg.label}均获维持，但表四${sg.label}${total === 0 ? '总计为 0' : breakdown()}。`,
        expected: total,
        actual: upheld,
        narrative: where(section, text, c.sentence, c.phrase),
      });
  }
  return out;
};

/** One section's findings against the tables, kept while its text, the cells and the uncertain rows stay the same. */
const sectionTableFindings = lastPerKey((section: NarrativeId, text: string, cells: Cells, uncertain: ReadonlySet<string>): Finding[] => {
  const out: Finding[] = [];
  const statements = readStatements(text);
  for (const s of statements) {
    const f = s.quantity.unit === 'money' ? moneyFinding(section, text, s, cells) : countFinding(section, text, s, cells, uncertain);
    if (f) out.push(f);
  }
  out.push(...sumFindings(section, text, statements, cells));
  out.push(...t4ClaimFindings(section, text, cells));
  return out;
});

/** The findings of one report's narratives against its own tables. */
export const narrativeTableFindings = (report: Report, uncertain: ReadonlySet<string> = NONE): Finding[] => {
  const out: Finding[] = [];
  for (const section of NARRATIVE_IDS) {
    const text = report.narratives[section] ?? '';
    if (!text.trim()) continue;
    out.push(...sectionTableFindings(section, section, text, report.cells, uncertain));
  }
  return out;
};

export const narrativeContradictionCheck: Check = ({ report, uncertain }) => narrativeTableFindings(report, uncertain);
