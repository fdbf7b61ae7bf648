/**
 * The report as an HTML fragment for the agency's website: pasted into a CMS as it is. Headings, paragraphs and
 * semantic tables (rowspan/colspan from the layout, header rows in <thead>); no classes the CMS would not know,
 * only the inline style a table needs to show its borders; every text escaped. At the end, a JSON data island
 * (<script type="application/json">, never executed) with the report's data, so that opening the page again
 * is exact; a CMS that strips it loses nothing a reader of the page sees.
 */
import type { TableId } from '../format/types';
import { SECTIONS } from '../format/sections';
import { TABLE_NAMES } from '../format/cells';
import { type GridCell, tableLayout } from '../format/header-layout';
import type { Report } from '../report/document';
import { isSignOffBlank, signOffLayout } from '../report/sign-off';
import { MARKER_ATTRIBUTE, exportMarker } from '../report/export-marker';
import { COLUMN_MM, cellText, paragraphsOf, splitSubHeading, titleLines } from './content';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const TABLE_STYLE = 'border-collapse:collapse;width:100%;font-size:14px;line-height:1.5';
const CELL_STYLE = 'border:1px solid #000;padding:2px 4px';
const P_STYLE = 'text-indent:2em';

const spans = (g: GridCell): string => `${g.rowSpan > 1 ? ` rowspan="${g.rowSpan}"` : ''}${g.colSpan > 1 ? ` colspan="${g.colSpan}"` : ''}`;

const align = (g: GridCell): string => (g.kind === 'data' || g.kind === 'header' || (g.kind === 'label' && g.rowSpan > 1) ? 'center' : 'left');

const cellHtml = (t: TableId, g: GridCell, report: Report, inHead: boolean): string => {
  const style = `${CELL_STYLE};text-align:${align(g)}`;
  if (g.kind === 'data' && g.cellId)
    return `<td${spans(g)} data-cell="${escapeHtml(g.cellId)}" style="${style}">${escapeHtml(cellText(report, g.cellId))}</td>`;
  const scope = inHead || g.kind === 'item' || g.kind === 'header' ? (g.colSpan > 1 ? 'colgroup' : 'col') : g.rowSpan > 1 ? 'rowgroup' : 'row';
  // the 勾稽 note is a statement, not a heading
  if (g.kind === 'note') return `<td${spans(g)} style="${style}">${escapeHtml(g.text)}</td>`;
  return `<th${spans(g)} scope="${scope}" style="${style};font-weight:${g.kind === 'item' ? 'bold' : 'normal'}">${escapeHtml(g.text)}</th>`;
};

/** Column widths as in the Word export, so a browser does not squeeze the number columns to one character. */
const colgroup = (t: TableId): string => {
  const mm = COLUMN_MM[t];
  const total = mm.reduce((a, b) => a + b, 0);
  return `<colgroup>${mm.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('')}</colgroup>`;
};

const tableHtml = (t: TableId, report: Report): string => {
  const layout = tableLayout(t);
  const row = (cells: readonly GridCell[], inHead: boolean) => `<tr>${cells.map((g) => cellHtml(t, g, report, inHead)).join('')}</tr>`;
  const head = layout.rows.slice(0, layout.headerRows);
  const body = layout.rows.slice(layout.headerRows);
  return (
    `<table data-table="${t}" style="${TABLE_STYLE}">` +
    `<caption style="caption-side:top;font-weight:bold;padding:4px">${escapeHtml(TABLE_NAMES[t])}</caption>` +
    colgroup(t) +
    (head.length ? `<thead>${head.map((r) => row(r, true)).join('')}</thead>` : '') +
    `<tbody>${body.map((r) => row(r, false)).join('')}</tbody></table>`
  );
};

/** A narrative line: a 「（一）…」 line of its own is an <h3>; a run-in one is bold at the start of its <p>. */
const paragraphHtml = (p: string): string => {
  const { heading, body } = splitSubHeading(p);
  if (heading && !body) return `<h3 style="${P_STYLE};font-size:1em">${escapeHtml(heading)}</h3>`;
  return `<p style="${P_STYLE}">${heading ? `<strong>${escapeHtml(heading)}</strong>` : ''}${escapeHtml(body)}</p>`;
};

/** The HTML fragment of a report (an <article>, UTF-8 text). */
export const buildHtml = (report: Report): string => {
  const out: string[] = [];
  out.push(`<article lang="zh-CN" data-report-year="${report.year ?? ''}">`);
  out.push(`<h1 style="text-align:center">${titleLines(report).map(escapeHtml).join('<br>')}</h1>`);
  for (const s of SECTIONS) {
    out.push(`<section data-section="${s.id}">`);
    out.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    if (s.kind === 'narrative') {
      for (const p of paragraphsOf(report.narratives[s.id] ?? '')) out.push(paragraphHtml(p));
    } else {
      out.push(tableHtml(s.id, report));
      for (const p of paragraphsOf(report.tableTexts[s.id] ?? '')) out.push(paragraphHtml(p));
    }
    out.push('</section>');
  }
  if (!isSignOffBlank(report.signOff)) {
    // 落款: right-aligned, indented as in the Word export
    const { agencyRight, dateStart } = signOffLayout(report.signOff);
    const { agency, date } = report.signOff;
    out.push(`<div data-sign-off="">`);
    if (agency.trim()) out.push(`<p style="text-align:right;margin-right:${agencyRight}em">${escapeHtml(agency.trim())}</p>`);
    if (date.trim()) out.push(`<p style="text-align:left;white-space:nowrap;padding-left:calc(100% - ${dateStart}em)">${escapeHtml(date.trim())}</p>`);
    out.push('</div>');
  }
  out.push(`<script type="application/json" ${MARKER_ATTRIBUTE}>${exportMarker(report)}</script>`);
  out.push('</article>');
  return `${out.join('\n')}\n`;
};
