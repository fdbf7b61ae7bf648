/**
 * A report as a plain web page, as a clerk's CMS page would be: paragraphs, and each statutory table with its official
 * merges as rowspan/colspan. LibreOffice turns it into Word files of its own making for the import tests. numberedLabels:
 * the 「1.」 of 表三's numbered items written as HTML list numbering (<ol start>), which LibreOffice makes Word's
 * automatic numbering.
 */
import { SECTIONS, tableLayout } from '../../shared/format';
import type { Report } from '../../shared/report';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const labelHtml = (text: string, numbered: boolean): string => {
  const m = numbered ? /^(\d+)\.(.+)$/.exec(text) : null;
  return m ? `<ol start="${m[1]}"><li>${esc(m[2]!)}</li></ol>` : esc(text);
};

export const reportHtml = (r: Report, ending = '', o: { numberedLabels?: boolean } = {}): string => {
  const parts = [`<p>${esc(`${r.agency}${r.year}年政府信息公开工作年度报告`)}</p>`];
  for (const s of SECTIONS) {
    parts.push(`<p>${esc(s.heading)}</p>`);
    if (s.kind === 'narrative') {
      for (const p of r.narratives[s.id].split('\n')) if (p.trim()) parts.push(`<p>${esc(p)}</p>`);
      continue;
    }
    const rows = tableLayout(s.id).rows.map(
      (row) =>
        `<tr>${row
          .map((g) => {
            const span = `${g.rowSpan > 1 ? ` rowspan="${g.rowSpan}"` : ''}${g.colSpan > 1 ? ` colspan="${g.colSpan}"` : ''}`;
            const v = g.kind === 'data' ? r.cells[g.cellId!] : g.text;
            const text = v === null || v === undefined ? '' : String(v);
            return `<td${span}>${g.kind === 'data' ? esc(text) : labelHtml(text, o.numberedLabels === true)}</td>`;
          })
          .join('')}</tr>`,
    );
    parts.push(`<table border="1" cellspacing="0">${rows.join('')}</table>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(r.agency)}</title></head><body>${parts.join('\n')}${ending}</body></html>`;
};
