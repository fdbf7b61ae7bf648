/**
 * Our exports carry the report as data (a custom XML part in .docx/.xlsx, a JSON data island in .html), but a
 * clerk may edit the exported file before opening it again: what the file shows wins over the data, part by
 * part, with a note naming what was read from the page; parts left alone still come back exactly.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx, buildHtml, buildXlsx } from '../../shared/export';
import { importReportFile } from '../../shared/import';
import { type ImportResult } from '../../shared/import/types';
import { createReport, type Report } from '../../shared/report';
import { randomConsistentReport } from '../helpers/random-report';
import { parseHtml } from './export-readers';

const base = randomConsistentReport(5, 2024);
const REPORT: Report = createReport({
  ...base,
  agency: '某县公安局（试点）',
  cells: { ...base.cells, 't4.review.upheld': 4321, 't2.rules.issued': null },
  narratives: {
    overview: '（一）主动公开情况。全年主动公开  1234 条。\n第二段原文。',
    problems: '问题  在于<b>标记</b>&amp;。',
    other_matters: '未收取信息处理费。',
  },
  tableTexts: { t2: '注：表二说明。', t3: '', t4: '' },
  signOff: { agency: '某县公安局', date: '2025年1月20日' },
});

/** A zip part rewritten as a clerk's edit would. */
const editZip = (bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array => {
  const files = unzipSync(bytes);
  const before = strFromU8(files[part]!);
  const after = edit(before);
  expect(after, `the edit of ${part} changes it`).not.toBe(before);
  return zipSync({ ...files, [part]: strToU8(after) });
};

const read = async (name: string, bytes: Uint8Array): Promise<Extract<ImportResult, { ok: true }>> => {
  const r = await importReportFile(name, bytes);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const warnings = (r: Extract<ImportResult, { ok: true }>) =>
  r.notes
    .filter((n) => n.level === 'warning')
    .map((n) => n.message)
    .join('\n');

describe('an exported file edited before it is opened again: the visible content wins', () => {
  it('.docx: an edited paragraph and an edited number are read from the page, the rest from the data', async () => {
    const docx = await buildDocx(REPORT);
    expect((await read('a.docx', docx)).report.cells['t2.rules.issued']).toBeNull();
    const edited = editZip(docx, 'word/document.xml', (x) => x.replace('第二段原文。', '第二段改过了。').replace('>4321<', '>4322<'));
    const r = await read('a.docx', edited);
    expect(r.report.narratives.overview).toBe('（一）主动公开情况。全年主动公开  1234 条。\n第二段改过了。');
    expect(r.report.cells['t4.review.upheld']).toBe(4322);
    // untouched parts still exact: the blank cell stays blank (the page shows 0), the agency keeps its brackets
    expect(r.report.cells['t2.rules.issued']).toBeNull();
    expect(r.report.agency).toBe('某县公安局（试点）');
    expect(r.report.narratives.problems).toBe(REPORT.narratives.problems);
    expect(r.report.signOff).toEqual(REPORT.signOff);
    expect(warnings(r)).toContain('「一、总体情况」的文字');
    expect(warnings(r)).toContain('表四 1 格');
    expect(warnings(r)).not.toContain('落款');
  });

  it('.docx: an edited 落款 is read from the page', async () => {
    const edited = editZip(await buildDocx(REPORT), 'word/document.xml', (x) => x.replace('2025年1月20日', '2025年2月3日'));
    const r = await read('a.docx', edited);
    expect(r.report.signOff).toEqual({ agency: '某县公安局', date: '2025年2月3日' });
    expect(r.report.narratives.other_matters).toBe('未收取信息处理费。');
    expect(warnings(r)).toContain('落款');
  });

  it('.docx: a space added to the agency in the title is an edit too', async () => {
    const edited = editZip(await buildDocx(REPORT), 'word/document.xml', (x) => x.replace('>某县公安局（试点）<', '>某县 公安局（试点）<'));
    const r = await read('a.docx', edited);
    expect(r.report.agency).toBe('某县 公安局（试点）');
    expect(warnings(r)).toContain('报告标题');
  });

  it('.xlsx: an edited 机关名称 cell is an edited title', async () => {
    const edited = editZip(await buildXlsx(REPORT), 'xl/sharedStrings.xml', (x) => x.replace('<t>某县公安局（试点）</t>', '<t>某县公安局</t>'));
    const r = await read('a.xlsx', edited);
    expect(r.report.agency).toBe('某县公安局');
    expect(warnings(r)).toContain('报告标题');
    expect(r.report.cells['t2.rules.issued']).toBeNull();
    expect(r.report.narratives).toEqual(REPORT.narratives);
  });

  it('.html: an edited paragraph is read from the page; runs of spaces elsewhere come back from the data', async () => {
    const html = buildHtml(REPORT).replace('注：表二说明。', '注：表二说明已改。');
    const r = await read('a.html', new TextEncoder().encode(html));
    expect(r.report.tableTexts.t2).toBe('注：表二说明已改。');
    expect(r.report.narratives.overview).toBe(REPORT.narratives.overview);
    expect(r.report.narratives.problems).toBe(REPORT.narratives.problems);
    expect(warnings(r)).toContain('表二的表后说明');
  });

  it('.html saved again by a browser (serialised from its DOM) still reads back exactly', async () => {
    const page = parseHtml(buildHtml(REPORT)).documentElement.outerHTML;
    expect(page).toContain('data-disclosure-report=""');
    const r = await read('a.html', new TextEncoder().encode(page));
    expect(r.notes.map((n) => n.level)).toEqual(['info']);
    expect(r.report.narratives).toEqual(REPORT.narratives);
    expect(r.report.cells).toEqual(REPORT.cells);
  });

  it('changed section headings: the data is not used at all', async () => {
    const edited = editZip(await buildDocx(REPORT), 'word/document.xml', (x) => x.replace('五、存在的主要问题及改进情况', '五、存在问题'));
    const r = await read('a.docx', edited);
    expect(warnings(r)).toContain('章节标题在导出后有改动');
    // read as any Word file: the blank cell prints as 0 and is read as 0
    expect(r.report.cells['t2.rules.issued']).toBe(0);
  });

  it('data that is not a report (tampered) is ignored and the page is read as any file', async () => {
    const edited = editZip(await buildDocx(REPORT), 'customXml/item1.xml', (x) => x.replace('"t2.rules.issued":null', '"t2.rules.issued":-5'));
    const r = await read('a.docx', edited);
    expect(r.report.cells['t2.rules.issued']).toBe(0);
    expect(r.notes.map((n) => n.message).join()).not.toContain('导出时保存在文件中的数据');
  });

  it('an unedited export says it was read from its data', async () => {
    for (const [name, bytes] of [
      ['a.docx', await buildDocx(REPORT)],
      ['a.xlsx', await buildXlsx(REPORT)],
      ['a.html', new TextEncoder().encode(buildHtml(REPORT))],
    ] as const) {
      const r = await read(name, bytes);
      expect(
        r.notes.map((n) => n.level),
        name,
      ).toEqual(['info']);
      expect(r.notes[0]!.message, name).toContain('导出时保存在文件中的数据');
      expect(r.report.agency, name).toBe(REPORT.agency);
      expect(r.report.cells, name).toEqual(REPORT.cells);
    }
  });
});

describe('our HTML export re-opened without its data island (a CMS strips <script>)', () => {
  const stripped = (r: Report) => buildHtml(r).replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/, '');

  it('the table captions (「表二 主动公开政府信息情况」…) are labels, not notes under the tables', async () => {
    const html = stripped({ ...REPORT, tableTexts: { t2: '', t3: '', t4: '' } });
    expect(html).toContain('<caption');
    expect(html).not.toContain('application/json');
    const r = await read('a.html', new TextEncoder().encode(html));
    expect(r.report.tableTexts).toEqual({ t2: '', t3: '', t4: '' });
  });

  it('real notes under a table stay, without the caption', async () => {
    const r = await read('a.html', new TextEncoder().encode(stripped(REPORT)));
    expect(r.report.tableTexts).toEqual(REPORT.tableTexts);
  });
});

describe('our exports without their data (a CMS or another program dropped it) are read as any file, and read well', () => {
  const withoutData = (bytes: Uint8Array): Uint8Array => {
    const files = unzipSync(bytes);
    for (const k of Object.keys(files)) if (k.startsWith('customXml/')) delete files[k];
    return zipSync(files);
  };
  const plain = (r: Report) => buildHtml(r).replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/, '');

  it.each([
    ['某县公安局（试点）', 2024],
    ['ABC管理委员会3', 2100],
    ['【某某】街道 便民服务中心', 2000],
  ])('title 「%s」 %i: brackets, Latin letters, digits and the year 2100 come back from the page', async (agency, year) => {
    const report = { ...REPORT, agency, year, signOff: { agency: '', date: '' } };
    for (const [name, bytes] of [
      ['a.docx', withoutData(await buildDocx(report))],
      ['a.html', new TextEncoder().encode(plain(report))],
    ] as const) {
      const r = await read(name, bytes);
      expect(r.report.agency, name).toBe(agency);
      expect(r.report.year, name).toBe(year);
      // the title's second line is the title, not the start of 一、总体情况
      expect(r.report.narratives.overview, name).toBe(REPORT.narratives.overview.replace(/ {2}/, name === 'a.html' ? ' ' : '  '));
    }
  });
});
