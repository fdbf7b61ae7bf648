import { describe, expect, it } from 'vitest';
import { buildHtml } from '../../shared/export/html';
import { paragraphsOf } from '../../shared/export/content';
import { cellDef } from '../../shared/format/cells';
import { SECTIONS } from '../../shared/format/sections';
import { TABLE_IDS, tableLayout } from '../../shared/format/header-layout';
import { createReport, type Report } from '../../shared/report';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { randomConsistentReport } from '../helpers/random-report';
import { expectedCells, parseHtml, readHtmlTable, seedNarratives } from './export-readers';

const TABLE_TEXTS = { t2: '注：含自然失效 3 件。', t3: '', t4: '复议 <b>2</b> 件 & 诉讼 1 件。' };
const withTexts = (r: Report, narratives: Report['narratives']): Report => createReport({ ...r, narratives, tableTexts: TABLE_TEXTS });

/** Reads the fragment as a browser would and compares it with the report: title, every paragraph, every cell. */
const expectRoundTrip = (r: Report): Document => {
  const html = buildHtml(r);
  const doc = parseHtml(html);
  const article = doc.querySelector('article')!;
  const h1 = article.querySelector('h1')!;
  expect(h1.innerHTML.split('<br>').map((s) => parseHtml(s).body.textContent)).toEqual(
    r.agency ? [r.agency, `${r.year}年政府信息公开工作年度报告`] : [h1.textContent],
  );
  const sections = Array.from(article.querySelectorAll(':scope > section'));
  expect(sections.map((s) => s.querySelector('h2')!.textContent)).toEqual(SECTIONS.map((s) => s.heading));
  const cells: Record<string, number | string> = {};
  SECTIONS.forEach((s, k) => {
    const sec = sections[k]!;
    const paras = Array.from(sec.querySelectorAll(':scope > p, :scope > h3')).map((p) => p.textContent);
    if (s.kind === 'narrative') {
      expect(paras).toEqual(paragraphsOf(r.narratives[s.id]));
      expect(sec.querySelector('table')).toBeNull();
      return;
    }
    expect(paras).toEqual(paragraphsOf(r.tableTexts[s.id]));
    const table = sec.querySelector('table')!;
    const layout = tableLayout(s.id);
    expect(table.querySelectorAll('thead tr')).toHaveLength(layout.headerRows);
    const { cells: read } = readHtmlTable(table);
    // positions worked out from rowspan/colspan as a browser does: the official grid, cell for cell
    const want = layout.rows
      .flat()
      .map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.cellId ? String(expectedCells(r.cells)[c.cellId]) : c.text }));
    expect(read.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.el.textContent }))).toEqual(want);
    for (const c of layout.rows.flat()) {
      if (!c.cellId) continue;
      const el = read.find((x) => x.row === c.row && x.col === c.col)!.el;
      expect(el.tagName).toBe('TD');
      expect(el.getAttribute('data-cell')).toBe(c.cellId);
      cells[c.cellId] = cellDef(c.cellId)!.unit === 'money' ? el.textContent! : Number(el.textContent);
    }
  });
  expect(cells).toEqual(expectedCells(r.cells));
  return doc;
};

describe('HTML export reads back as the report it was made from', () => {
  it.each(SEED_FILES)('seed %s', (file) => {
    expectRoundTrip(withTexts(seedReport(file), seedNarratives(file)));
  });

  it.each([1, 2, 3, 42, 2024, 99991])('random consistent report %i', (seed) => {
    expectRoundTrip(
      withTexts(randomConsistentReport(seed), { overview: `（一）主动公开\n（二）依申请公开情况。全年 ${seed} 件。`, problems: '', other_matters: '无。' }),
    );
  });

  it('escapes every text: markup in a report stays text and runs nothing', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const r = createReport({
      agency: evil,
      year: 2024,
      narratives: { overview: evil, problems: `（一）${evil}`, other_matters: '' },
      tableTexts: { t2: evil, t3: '', t4: '' },
    });
    const html = buildHtml(r);
    const doc = expectRoundTrip(r);
    // the one <script> is the report's data, which a browser never runs, and no text can close it early
    expect(doc.querySelectorAll('script:not([type="application/json"]), img, style, iframe, link')).toHaveLength(0);
    expect(html.replace('<script type="application/json" data-disclosure-report>', '')).not.toMatch(/<script|<img/i);
    const island = doc.querySelector('script[type="application/json"]')!.textContent!;
    expect(island).not.toMatch(/[<>&]/);
    expect(JSON.parse(island).agency).toBe(evil);
  });
});

describe('HTML fragment for a CMS', () => {
  const html = buildHtml(withTexts(seedReport(SEED_FILES[2]!), seedNarratives(SEED_FILES[2]!)));
  const doc = parseHtml(html);

  it('is a self-contained fragment: one <article>, no scripts (but the JSON data island), styles, classes, ids or event handlers', () => {
    expect(html.trim().startsWith('<article')).toBe(true);
    expect(html.trim().endsWith('</article>')).toBe(true);
    expect(doc.body.children).toHaveLength(1);
    const all = Array.from(doc.querySelectorAll('*'));
    for (const el of all) {
      expect(el.hasAttribute('class')).toBe(false);
      expect(el.hasAttribute('id')).toBe(false);
      for (const a of Array.from(el.attributes)) expect(a.name.startsWith('on')).toBe(false);
    }
    expect(doc.querySelectorAll('script:not([type="application/json"]), style, link, meta, iframe, form, input')).toHaveLength(0);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
  });

  it('tables: column headings are <th scope=col…>, row labels <th scope=row…>, numbers in <td>, borders inline', () => {
    for (const t of TABLE_IDS) {
      const table = doc.querySelector(`table[data-table="${t}"]`)!;
      expect(table.getAttribute('style')).toContain('border-collapse:collapse');
      // column widths, so a browser does not squeeze the number columns: one <col> per grid column, adding up to 100%
      const cols = Array.from(table.querySelectorAll('colgroup > col')).map((c) => Number(/width:([\d.]+)%/.exec(c.getAttribute('style') ?? '')?.[1]));
      expect(cols).toHaveLength(tableLayout(t).columnCount);
      expect(Math.abs(cols.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.1);
      for (const th of Array.from(table.querySelectorAll('thead th'))) expect(th.getAttribute('scope')).toMatch(/^col(group)?$/);
      for (const cell of Array.from(table.querySelectorAll('td, th'))) expect(cell.getAttribute('style')).toContain('border:1px solid #000');
    }
    const t3 = doc.querySelector('table[data-table="t3"]')!;
    const group = Array.from(t3.querySelectorAll('tbody th')).find((th) => th.textContent === '三、本年度办理结果')!;
    expect([group.getAttribute('rowspan'), group.getAttribute('scope')]).toEqual(['22', 'rowgroup']);
    expect(t3.querySelector('thead td')!.textContent).toMatch(/^（本列数据的勾稽关系为/);
  });
});
