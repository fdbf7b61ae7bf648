/**
 * Renders a report the way published pages print it, for reading tests: the seeds' tab layout
 * (merged cells: text at the top-left position, covered positions empty), markdown pipes, a PDF-like
 * layout with labels and numbers on separate lines, and an HTML page with rowspan/colspan tables.
 * Built from tableLayout(), so the renderers follow the format data, not a copy of it.
 */
import { SECTIONS, TABLE_IDS, reportTitle, tableLayout, type TableId } from '../../shared/format';
import type { Report } from '../../shared/report';

export type Grid = string[][];

const valueText = (v: number | string | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The statutory table as a rectangular grid of texts with the report's values. */
export const tableGrid = (t: TableId, report: Report): Grid => {
  const layout = tableLayout(t);
  const grid: Grid = layout.rows.map(() => Array.from({ length: layout.columnCount }, () => ''));
  for (const row of layout.rows) for (const c of row) grid[c.row]![c.col] = c.cellId ? valueText(report.cells[c.cellId]) : c.text;
  return grid;
};

const narrativeOf = (report: Report, id: string): string[] => (report.narratives as Record<string, string>)[id]?.split('\n').filter((p) => p.trim()) ?? [];

/** The report as a browser copies a published page: title, headings, paragraphs, tables as tab-separated lines. */
export const renderReportText = (report: Report, table: (t: TableId, g: Grid) => string[] = (_t, g) => g.map((r) => r.join('\t'))): string => {
  const out: string[] = ['', reportTitle(report.agency, report.year), ''];
  for (const s of SECTIONS) {
    out.push(s.heading, '');
    if (s.kind === 'narrative') {
      for (const p of narrativeOf(report, s.id)) out.push(p, '');
    } else {
      out.push(...table(s.id, tableGrid(s.id, report)), '');
      if (report.tableTexts[s.id]) out.push(report.tableTexts[s.id], '');
    }
  }
  return out.join('\n');
};

export const markdownTable = (rows: readonly (readonly string[])[]): string[] => {
  const line = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [line(rows[0]!), `|${rows[0]!.map(() => '---').join('|')}|`, ...rows.slice(1).map(line)];
};

const isNumber = (s: string): boolean => /^[0-9０-９][0-9０-９.,． ]*$/.test(s.trim());

/**
 * A table as text extracted from a PDF: label words and numbers separated by spaces.
 * 'interleaved': each label on its line, its numbers on the next; 'columns': all labels, then all number rows;
 * 'cells': every cell on its own line.
 * wrap: labels longer than this many characters break onto a second line, as PDF text does.
 */
export const pdfTable = (rows: readonly (readonly string[])[], mode: 'interleaved' | 'columns' | 'cells', wrap = 0): string[] => {
  // 'cells': PDF text in reading order, every non-empty cell on its own line
  if (mode === 'cells') return rows.flatMap((r) => r.map((c) => c.trim()).filter((c) => c));
  const labels: string[] = [];
  const numbers: string[] = [];
  const out: string[] = [];
  const wrapped = (label: string): string[] => (wrap > 0 && label.length > wrap ? [label.slice(0, wrap), label.slice(wrap)] : [label]);
  for (const r of rows) {
    const label = r.filter((c) => c.trim() && !isNumber(c)).join(' ');
    const nums = r.filter((c) => isNumber(c)).join(' ');
    if (mode === 'interleaved') {
      if (label) out.push(...wrapped(label));
      if (nums) out.push(nums);
    } else {
      if (label) labels.push(...wrapped(label));
      if (nums) numbers.push(nums);
    }
  }
  return mode === 'interleaved' ? out : [...labels, ...numbers];
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The statutory table as an HTML table with the layout's rowspan/colspan. */
export const htmlTable = (t: TableId, report: Report, cellHtml: (text: string) => string = esc): string => {
  const layout = tableLayout(t);
  const trs = layout.rows.map((row) => {
    const tds = row.map((c) => {
      const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
      const text = c.cellId ? valueText(report.cells[c.cellId]) : c.text;
      return `<td${span}>${cellHtml(text)}</td>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table border="1">\n<tbody>\n${trs.join('\n')}\n</tbody>\n</table>`;
};

/** A saved government web page around the report: navigation, scripts, styles, a footer, and the report itself. */
export const renderReportHtml = (report: Report, opts: { cellHtml?: (text: string) => string; layoutTable?: boolean } = {}): string => {
  const body: string[] = [`<h1 class="title">${esc(reportTitle(report.agency, report.year))}</h1>`];
  for (const s of SECTIONS) {
    body.push(`<p style="text-indent:2em"><strong>${esc(s.heading)}</strong></p>`);
    if (s.kind === 'narrative') for (const p of narrativeOf(report, s.id)) body.push(`<p>${esc(p).replace(/ /g, '&nbsp;')}</p>`);
    else body.push(htmlTable(s.id, report, opts.cellHtml));
  }
  const content = opts.layoutTable
    ? `<table width="100%"><tr><td class="content">\n${body.join('\n')}\n</td></tr></table>`
    : `<div class="article">\n${body.join('\n')}\n</div>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(reportTitle(report.agency, report.year))}_政府门户网站</title>
<style>td { border: 1px solid #000 } .x:before { content: "一、总体情况" }</style>
<script>var s = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>999</td></tr></table>"; document.write(s);</script>
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</div>
<nav><ul><li>网站首页</li><li>政务公开</li></ul></nav>
<div class="position">当前位置：首页 &gt; 政府信息公开年报</div>
${content}
<div class="share">分享到：微信 微博</div>
<p>【打印本页】【关闭窗口】</p>
<footer>版权所有：某市人民政府办公室 网站标识码 4107000001 豫ICP备05000000号</footer>
<script>console.log("</p>六、其他需要报告的事项<p>")</script>
</body></html>`;
};

export { TABLE_IDS };
