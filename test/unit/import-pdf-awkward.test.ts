/**
 * PDFs laid out the awkward ways published reports are (test/helpers/layout-pdf.ts): wrapped row labels
 * with their numbers centred half a line away, group labels one or two characters a line, header words
 * one run per character, tables that run on to the next page without their header, page numbers and a
 * running header, the title only in the document properties. Each reads back exactly.
 */
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import type { Report } from '../../shared/report';
import { awkwardReportPdf, type AwkwardOptions } from '../helpers/layout-pdf';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const withText = (r: Report): Report => ({
  ...r,
  narratives: {
    overview:
      '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，把政务公开作为推进政府治理体系建设的重要抓手，主动公开各类政府信息。\n（一）主动公开情况。全年通过政府网站和政务新媒体主动公开政府信息，及时回应社会关切，确保公开内容准确、完整、及时。',
    problems: '一是政策解读形式较为单一；二是基层政务公开标准化规范化水平有待提高。下一步将加强培训，提升公开质量。',
    other_matters: '本年度未收取信息处理费。',
  },
});

const read = async (r: Report, o: AwkwardOptions) => {
  const res = await importReportFile('年报.pdf', awkwardReportPdf(r, o));
  if (!res.ok) throw new Error(res.message);
  return res;
};

const expectExact = (got: Report, want: Report) => {
  expect(got.agency).toBe(want.agency);
  expect(got.year).toBe(want.year);
  expect(CELL_IDS.filter((id) => got.cells[id] !== want.cells[id]).map((id) => `${id}: ${String(want.cells[id])} → ${String(got.cells[id])}`)).toEqual([]);
};

describe('awkwardly laid out PDFs read exactly', () => {
  const seed = withText(seedReport(SEED_FILES[0]!));

  it('group labels one character a line, per-character headers, wrapped labels with centred numbers, 表三 across a page without its header', async () => {
    const r = await read(seed, { groupChars: 1, pageNumber: '—' });
    expectExact(r.report, seed);
    expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
  });

  it('group labels two characters a line, 「- 3 -」 page numbers and a running header on every page, a compressed content stream', async () => {
    const r = await read(seed, { groupChars: 2, pageNumber: '-', runningHeader: '政府信息公开工作年度报告', compress: true });
    expectExact(r.report, seed);
    expect(r.report.narratives.overview).not.toContain('政府信息公开工作年度报告\n');
    expect(Object.values(r.report.narratives).join('\n')).not.toMatch(/[-—] ?\d ?[-—]/);
  });

  it('the header repeated on the continuation page, the break moved into each group of 表三', async () => {
    for (const pushDown of [0, 120, 260, 400]) {
      const r = await read(seed, { groupChars: 1, repeatHeader: true, pushDown });
      expectExact(r.report, seed);
    }
  });

  it('the title only in the PDF document properties', async () => {
    const r = await read(seed, { titleOnPage: false });
    expectExact(r.report, seed);
  });

  it('paragraphs rejoined from their layout lines, headings kept apart', async () => {
    const r = await read(seed, {});
    expect(r.report.narratives.overview.split('\n')).toEqual(seed.narratives.overview.split('\n'));
    expect(r.report.narratives.problems).toBe(seed.narratives.problems);
  });

  it('random reports, every layout', async () => {
    for (const s of [21, 22, 23, 24]) {
      const rep = withText(randomConsistentReport(s));
      const r = await read(rep, { groupChars: ((s % 2) + 1) as 1 | 2, repeatHeader: s % 3 === 0, pushDown: (s * 37) % 300 });
      expectExact(r.report, rep);
    }
  });
});
