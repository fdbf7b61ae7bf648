import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHtml, htmlToBlocks, tableGrid } from '../../shared/import/html';
import { html2Tree } from '../../shared/import/html-tree';
import { importText } from '../../shared/import/text';
import { CELL_IDS } from '../../shared/format';
import { createReport } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { randomConsistentReport, rng } from '../helpers/random-report';
import { renderReportHtml } from '../helpers/render-text';
import { SEED_FILES, seedExpectation, seedReport, seedText } from '../helpers/seeds';

const diffCells = (got: Record<string, unknown>, want: Record<string, unknown>) =>
  CELL_IDS.filter((id) => got[id] !== want[id]).map((id) => `${id}: ${String(got[id])} ≠ ${String(want[id])}`);

/** A seed as a report with its published narratives (read from the seed's text). */
const seedWithText = (file: string) => {
  const t = importText(seedText(file));
  if (!t.ok) throw new Error(t.message);
  return createReport({ ...seedReport(file), narratives: t.report.narratives });
};

const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe.each(SEED_FILES)('an HTML page of %s with rowspan/colspan tables', (file) => {
  const report = seedWithText(file);
  const want = seedExpectation(file);

  const variants: Record<string, string> = {
    plain: renderReportHtml(report),
    'labels broken by <br> and wrapped in <p>/<span>, &nbsp; padding, full-width digits': renderReportHtml(report, {
      cellHtml: (t) => (t.length > 3 && !/^[\d.]+$/.test(t) ? `<p><span>${t.slice(0, 2)}</span><br/>${t.slice(2)}&nbsp;</p>` : `&nbsp;${FW(t)}&nbsp;`),
    }),
    'content inside a layout table (nested tables)': renderReportHtml(report, { layoutTable: true }),
  };

  for (const [name, html] of Object.entries(variants)) {
    it(name, () => {
      expect(html).toContain('rowspan=');
      expect(html).toContain('colspan=');
      const r = importHtml(html);
      if (!r.ok) throw new Error(r.message);
      expect(r.kind).toBe('html');
      expect(diffCells(r.report.cells, want.cells)).toEqual([]);
      expect(r.report.agency).toBe(want.agency);
      expect(r.report.year).toBe(want.year);
      expect(r.report.narratives).toEqual(report.narratives);
      expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
      expect(evaluate(r.report).filter((f) => f.severity === 'error')).toEqual([]);
      // navigation, scripts, styles, share buttons and the footer are not part of the report
      const all = Object.values(r.report.narratives).join('\n') + Object.values(r.report.tableTexts).join('\n');
      for (const noise of ['首页', '当前位置', '分享到', '打印', '版权所有', 'console', 'document.write', 'content:', '999']) expect(all).not.toContain(noise);
    });
  }
});

describe('a Word "save as web page" file (fixture)', () => {
  const html = readFileSync(new URL('../fixtures/import/2023_xuchang-city.msword.html', import.meta.url), 'utf8');
  const want = seedExpectation('2023_xuchang-city.txt');

  it('reads every cell, the title split over runs, and the narratives', () => {
    const r = importHtml(html);
    if (!r.ok) throw new Error(r.message);
    expect(diffCells(r.report.cells, want.cells)).toEqual([]);
    expect(r.report.agency).toBe(want.agency);
    expect(r.report.year).toBe(2023);
    expect(r.report.narratives.overview.startsWith('2023 年，许昌市人民政府坚持以习近平新时代中国特色社会主义思想为指导')).toBe(true);
    expect(r.report.narratives.other_matters.startsWith('严格落实《国务院办公厅关于印发')).toBe(true);
    expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
    expect(r.stats.found).toEqual({ t2: 10, t3: 175, t4: 15 });
  });
});

describe('table grids: merged cells expanded', () => {
  it('puts a merged cell at its top-left position and leaves covered positions empty', () => {
    const tree = html2Tree(`<table>
      <tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
      <tr><td>C</td></tr>
      <tr><td>D</td><td colspan=2>E</td></tr>
      <tr><td>F<br>G</td></tr>
    </table>`);
    const table = tree.children.find((c) => c.tag === 'table')!;
    expect(tableGrid(table)).toEqual([
      ['A', '', 'B'],
      ['', '', 'C'],
      ['D', 'E', ''],
      ['F\nG', '', ''],
    ]);
  });

  it('reads the three tables from one <table> with the section headings as merged rows', () => {
    const report = seedWithText('2023_xinxiang-city-office.txt');
    const page = renderReportHtml(report);
    const tables = [...page.matchAll(/<table border="1">([\s\S]*?)<\/table>/g)].map((m) => m[1]!.replace(/<\/?tbody>/g, ''));
    expect(tables).toHaveLength(3);
    const heads = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'];
    const one = `<table border="1">${tables.map((t, i) => `<tr><td colspan="15"><b>${heads[i]}</b></td></tr>${t}`).join('')}</table>`;
    let html = page;
    for (const h of heads) html = html.replace(`<p style="text-indent:2em"><strong>${h}</strong></p>`, '');
    html = html.replace(/<table border="1">[\s\S]*?<\/table>/, one).replace(/<table border="1">\n[\s\S]*?<\/table>/g, '');
    expect(html.match(/<table border/g)).toHaveLength(1);
    const r = importHtml(html);
    if (!r.ok) throw new Error(r.message);
    expect(diffCells(r.report.cells, seedExpectation('2023_xinxiang-city-office.txt').cells)).toEqual([]);
    expect(r.report.narratives).toEqual(report.narratives);
  });

  it('reads a report whose content box is named like page furniture (class="main-location")', () => {
    const report = seedWithText('2023_xiuwu-county.txt');
    const html = renderReportHtml(report).replace('<div class="article">', '<div class="main-location" id="nav_content">');
    expect(html).toContain('class="main-location"');
    const r = importHtml(html);
    if (!r.ok) throw new Error(r.message);
    expect(diffCells(r.report.cells, seedExpectation('2023_xiuwu-county.txt').cells)).toEqual([]);
    expect(r.report.agency).toBe('修武县人民政府');
  });

  it('takes the page <title> when the body has no title line', () => {
    const html = renderReportHtml(seedWithText('2023_xiuwu-county.txt'))
      .replace(/<h1[^>]*>.*?<\/h1>/, '')
      .replace(/_政府门户网站/, '');
    const r = importHtml(html);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.agency).toBe('修武县人民政府');
    expect(r.report.year).toBe(2023);
  });

  it('reads a title split by <br> over two lines', () => {
    const report = seedWithText('2023_longting-district-office.txt');
    const html = renderReportHtml(report).replace(/<h1 class="title">龙亭区人民政府办公室/, '<h1 class="title">龙亭区人民政府办公室<br>');
    expect(html).toContain('办公室<br>2023');
    const r = importHtml(html);
    if (!r.ok) throw new Error(r.message);
    expect([r.report.agency, r.report.year]).toEqual(['龙亭区人民政府办公室', 2023]);
    expect(r.report.narratives.overview).toBe(report.narratives.overview);
  });

  it('decodes entities and never executes or follows anything', () => {
    const blocks = htmlToBlocks(
      '<p>&ldquo;三安全一稳定&rdquo; &amp; &#x4E00;&#19968; &bogus; <img src="http://example.invalid/x.png" onerror="alert(1)"></p><script>throw new Error("ran")</script>',
    );
    expect(blocks).toEqual([{ kind: 'paragraph', text: '“三安全一稳定” & 一一 &bogus;' }]);
  });
});

describe('random consistent reports as HTML pages read back exactly', () => {
  it('80 reports', () => {
    for (let seed = 500; seed < 580; seed++) {
      const report = randomConsistentReport(seed);
      const r = importHtml(renderReportHtml(report, { layoutTable: seed % 2 === 0 }));
      if (!r.ok) throw new Error(`${seed}: ${r.message}`);
      expect({ seed, diff: diffCells(r.report.cells, report.cells) }).toEqual({ seed, diff: [] });
      expect(r.report.narratives).toEqual(report.narratives);
    }
  });
});

describe('hostile or broken pages: a clear answer, never a throw', () => {
  it('empty, script-only, random bytes, unclosed tags', () => {
    expect(importHtml('').ok).toBe(false);
    const scriptOnly = importHtml('<html><script>while(true){}</script></html>');
    expect(scriptOnly.ok).toBe(false);
    const next = rng(99);
    for (let k = 0; k < 200; k++) {
      const bytes = Uint8Array.from({ length: 1 + next(3000) }, () => (next(5) === 0 ? 60 : next(256)));
      const r = importHtml(new TextDecoder().decode(bytes));
      if (r.ok) expect(r.notes.some((n) => n.level === 'error')).toBe(true);
      else expect(r.message.length).toBeGreaterThan(0);
    }
    const unclosed = importHtml('<table><tr><td>一、总体情况<td><p>文字<div><table><tr><td>x');
    expect(typeof unclosed.ok).toBe('boolean');
  });

  it('100 000 nested elements and a page of unclosed "<" are handled quickly', () => {
    const deep = `${'<div>'.repeat(100_000)}一、总体情况${'</div>'.repeat(100_000)}`;
    const lt = '<a'.repeat(200_000);
    const t0 = performance.now();
    for (const html of [deep, lt]) {
      const r = importHtml(html);
      expect(typeof r.ok).toBe('boolean');
    }
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('a huge rowspan/colspan does not blow up the grid', () => {
    const r = importHtml('<h1>某县人民政府2023年政府信息公开工作年度报告</h1><table><tr><td rowspan="99999999" colspan="99999999">行政复议</td></tr></table>');
    // read without building a 10⁸ × 10⁸ grid, and then refused for what it is: a title and no statutory table
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/不是政府信息公开工作年度报告/);
  });
});
