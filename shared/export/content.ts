/**
 * What every export prints, decided once: the value text of a cell, the paragraphs of a narrative and
 * which of its lines are sub-headings. The Word, Excel and HTML builders only lay these out.
 */
import type { CellId, TableId } from '../format/types';
import type { CellValue, Report } from '../report/document';
import { reportTitle } from '../format/sections';
import { trimEndOf, trimStartOf, WHITESPACE } from '../import/bounded';

/**
 * The official tables must not have empty cells (format §5 「Export should write 0」), so a blank cell is
 * exported as 0. Money is printed exactly as its decimal string, never through a float.
 */
export const exportedValue = (v: CellValue | undefined): number | string => (v === null || v === undefined ? 0 : v);
export const cellText = (report: Report, id: CellId): string => String(exportedValue(report.cells[id]));

/** The paragraphs of a narrative: one per line, surrounding spaces trimmed, empty lines dropped. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => trimEndOf(trimStartOf(l, WHITESPACE), WHITESPACE))
    .filter((l) => l !== '');

/** 「（一）」 … 「（十）」 opening a line: a 二级标题 of the report. */
const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** A run-in heading ends at the first full stop (「（一）主动公开情况。2024年，…」) if that comes early. */
const RUN_IN_MAX = 30;

/**
 * A paragraph split into its 二级标题 part (printed in 楷体) and the body after it (仿宋).
 * Either part may be empty; heading + body is always the paragraph, unchanged.
 */
export type ParagraphParts = { readonly heading: string; readonly body: string };

export const splitSubHeading = (p: string): ParagraphParts => {
  if (!SUB_HEADING.test(p)) return { heading: '', body: p };
  const stop = p.search(/[。：:]/);
  if (stop === -1) return p.length <= RUN_IN_MAX ? { heading: p, body: '' } : { heading: '', body: p };
  if (stop + 1 <= RUN_IN_MAX) return { heading: p.slice(0, stop + 1), body: p.slice(stop + 1) };
  return { heading: '', body: p };
};

/** The title in two lines as offices print it: the agency, then 「2024年政府信息公开工作年度报告」. */
export const titleLines = (report: Report): string[] => {
  const full = reportTitle(report.agency, report.year);
  const agency = report.agency.trim();
  return agency && full.startsWith(agency) ? [agency, full.slice(agency.length)] : [full];
};

/**
 * Column widths of the statutory tables in millimetres of the 156 mm 版心: label columns wide enough for their
 * longest words, data columns even. Word uses them as they are; the HTML fragment as percentages.
 */
export const COLUMN_MM: Record<TableId, readonly number[]> = {
  t2: [40, 38.7, 38.7, 38.6],
  t3: [15, 17, 47, ...Array<number>(7).fill(11)],
  t4: Array<number>(15).fill(156 / 15),
};
