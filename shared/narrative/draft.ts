/**
 * Drafting help: the standard sentences on 依申请公开 and on 行政复议/行政诉讼, written from the
 * tables. They use exactly the phrasings the contradiction check reads (「共收到政府信息公开申请 X 件」,
 * 「办结 Z 件」, 「予以公开 a 件」…), so once inserted they stay linked: when a cell changes, the
 * old sentence states the old number and is flagged like any other.
 */
import { t3, t4 } from '../format/cells';
import { T3_TOTAL_COLUMN, type T3RowId } from '../format/table3';
import { T4_COLUMNS, T4_GROUPS, type T4GroupId } from '../format/table4';
import { countValue, isBlankCell, sumCounts, type Report } from '../report/document';
import type { NarrativeId } from '../format/types';
import { missingSubjects } from './completeness';
import { OUTCOME_GROUP_KEYS, plainLabel, quantity } from './quantities';

const yearText = (report: Report): string => (report.year !== null ? `${report.year} 年` : '本年度');

/** 「2024 年共收到政府信息公开申请 X 件，上年结转 Y 件，办结 Z 件，其中予以公开 …；结转下年度继续办理 W 件。」 */
export const draftApplicationSentence = (report: Report): string => {
  const total = (row: T3RowId) => countValue(report.cells[t3(row, T3_TOTAL_COLUMN)]);
  const received = total('new');
  const carriedIn = total('carried_in');
  const concluded = total('total');
  const carriedOut = total('carried_out');
  const year = yearText(report);
  if (received === 0 && carriedIn === 0 && concluded === 0 && carriedOut === 0) return `${year}未收到政府信息公开申请。`;
  const head = [`${year}共收到政府信息公开申请 ${received} 件`];
  if (carriedIn > 0) head.push(`上年结转 ${carriedIn} 件`);
  const groups = OUTCOME_GROUP_KEYS.map((k) => quantity(k))
    .map((q) => ({ label: plainLabel(q), value: sumCounts(report.cells, q.cells) }))
    .filter((g) => g.value > 0);
  const concludedText = groups.length ? `办结 ${concluded} 件，其中${groups.map((g) => `${g.label} ${g.value} 件`).join('、')}` : `办结 ${concluded} 件`;
  head.push(concludedText);
  const tail = carriedOut > 0 ? `；结转下年度继续办理 ${carriedOut} 件` : '';
  return `${head.join('，')}${tail}。`;
};

/**
 * The tables the standard sentences would state as zeros while they are still blank: blank is not 0, and
 * 「共收到政府信息公开申请 0 件」「未发生因政府信息公开引起的行政复议和行政诉讼」 about an unfilled table are claims.
 */
export const draftBlankTables = (report: Report): ('表三' | '表四')[] => {
  const blank = (ids: readonly string[]) => ids.some((id) => isBlankCell(report.cells[id as keyof Report['cells']]));
  const out: ('表三' | '表四')[] = [];
  if (blank((['new', 'carried_in', 'total', 'carried_out'] as const).map((r) => t3(r, T3_TOTAL_COLUMN)))) out.push('表三');
  if (blank(T4_GROUPS.map((g) => t4(g.id, 'total')))) out.push('表四');
  return out;
};

const resultList = (report: Report, groups: readonly T4GroupId[]): string =>
  T4_COLUMNS.filter((c) => c.id !== 'total')
    .map((c) => ({
      label: c.label,
      value: sumCounts(
        report.cells,
        groups.map((g) => t4(g, c.id)),
      ),
    }))
    .filter((c) => c.value > 0)
    .map((c) => `${c.label} ${c.value} 件`)
    .join('、');

/** 「…因政府信息公开被申请行政复议 N 件，其中结果维持 …；被提起行政诉讼 M 件…」, or 「未发生…」 when 表四 is all zero. */
export const draftReviewSentence = (report: Report): string => {
  const year = yearText(report);
  const review = sumCounts(report.cells, [t4('review', 'total')]);
  const suitGroups = T4_GROUPS.filter((g) => g.suit);
  const suits = suitGroups.map((g) => ({ label: g.label, value: sumCounts(report.cells, [t4(g.id, 'total')]) }));
  const suit = suits.reduce((a, s) => a + s.value, 0);
  if (review === 0 && suit === 0) return `${year}未发生因政府信息公开引起的行政复议和行政诉讼。`;
  const parts: string[] = [];
  if (review > 0) {
    const r = resultList(report, ['review']);
    parts.push(`因政府信息公开被申请行政复议 ${review} 件${r ? `，其中${r}` : ''}`);
  } else parts.push('未发生因政府信息公开引起的行政复议');
  if (suit > 0) {
    const r = resultList(
      report,
      suitGroups.map((g) => g.id),
    );
    const kinds = suits
      .filter((s) => s.value > 0)
      .map((s) => `${s.label} ${s.value} 件`)
      .join('，');
    parts.push(`被提起行政诉讼 ${suit} 件${r ? `，其中${r}` : ''}（${kinds}）`);
  } else parts.push('未发生因政府信息公开引起的行政诉讼');
  return `${year}，本机关${parts.join('；')}。`;
};

/**
 * Drafting help for what the completeness checks find missing: the standard heading or sentence skeleton of each
 * subject the report leaves out in `section` (「（五）监督保障」, 「本报告中所列数据的统计期限自…」…), with the label
 * the editor shows on its button. Inserted, each satisfies its check; the 「……」 are for the clerk to fill.
 */
export const draftSkeletons = (report: Report, section: NarrativeId): { readonly id: string; readonly label: string; readonly text: string }[] =>
  missingSubjects(report)
    .filter((m) => m.section === section && m.skeleton !== '')
    .map((m) => ({ id: m.id, label: m.label, text: m.skeleton }));

/** Text put in at [start, end) of `text` as paragraphs of their own (a line break added where the caret is mid-line). */
export const insertParagraphs = (
  text: string,
  start: number,
  end: number,
  insert: string,
): { readonly text: string; readonly from: number; readonly to: number } => {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before !== '' && !before.endsWith('\n') ? '\n' : '';
  const tail = after !== '' && !after.startsWith('\n') ? '\n' : '';
  const from = before.length + lead.length;
  return { text: `${before}${lead}${insert}${tail}${after}`, from, to: from + insert.length };
};
