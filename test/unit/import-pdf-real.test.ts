/**
 * A real published report PDF (淮安市人民政府 2024, made in WPS, 6 pages): its tables break across
 * pages, its row labels wrap with the numbers centred beside them, its group labels run one or two
 * characters a line down merged cells, its page numbers sit inside the tables' range. All 200 cells,
 * the agency and the year are read exactly, and the narrative sections are cut at their headings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import expected from '../fixtures/pdf/expected.json';
import { awkwardReportPdf } from '../helpers/layout-pdf';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const FILE = '2024_huaian-city.pdf';
const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${FILE}`, import.meta.url)));
const e = expected.reports[FILE];

describe('the real Huaian 2024 PDF', () => {
  it('reads agency, year and all 200 cells exactly, with no warning', async () => {
    const r = await importReportFile(FILE, bytes);
    if (!r.ok) throw new Error(r.message);
    expect(r.kind).toBe('pdf');
    expect(r.report.agency).toBe(e.agency);
    expect(r.report.year).toBe(e.year);
    expect(Object.keys(e.cells).sort()).toEqual([...CELL_IDS].sort());
    for (const id of CELL_IDS) expect({ id, v: r.report.cells[id] }).toEqual({ id, v: (e.cells as Record<string, unknown>)[id] });
    expect(r.stats.found).toEqual({ t2: 10, t3: 175, t4: 15 });
    expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
    expect(r.report.settings.autoTotals).toBe(true);
  });

  it('reads while other PDFs of other page counts are read at the same time (a CLI worker reads two chunks at once)', async () => {
    const short = awkwardReportPdf(seedReport(SEED_FILES[1]!), {});
    const loop = async (files: Uint8Array[]) => {
      const out: string[] = [];
      for (const f of files) {
        const r = await importReportFile('x.pdf', f);
        out.push(r.ok ? String(r.report.cells['t3.carried_out.total']) : r.message);
      }
      return out;
    };
    const [x, y, z] = await Promise.all([loop([bytes, short, bytes]), loop([short, bytes, short]), loop([short, short, bytes])]);
    const want = String(e.cells['t3.carried_out.total']);
    const other = String(seedReport(SEED_FILES[1]!).cells['t3.carried_out.total']);
    expect([x, y, z]).toEqual([
      [want, other, want],
      [other, want, other],
      [other, other, want],
    ]);
  }, 60_000);

  it('rejoins the narrative paragraphs and drops the page numbers', async () => {
    const r = await importReportFile(FILE, bytes);
    if (!r.ok) throw new Error(r.message);
    const overview = r.report.narratives.overview.split('\n');
    // the preamble, the opening paragraph and the five run-in sub-sections (一)…(五)
    expect(overview).toHaveLength(7);
    expect(overview[0]).toMatch(/^本报告由淮安市人民政府办公室根据.*hazwgkc@163\.com）。$/);
    // the spaces typed around numbers are a matter of spacing on the page, not of the text compared here
    expect(overview[3]!.replace(/ /g, '')).toMatch(/^（二）依申请公开情况。.*共受理政府信息公开申请3119件.*尚未审结7件。$/);
    expect(r.report.narratives.problems.split('\n')).toHaveLength(2);
    expect(r.report.narratives.other_matters.replace(/ /g, '')).toBe(
      '2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。',
    );
    const all = Object.values(r.report.narratives).join('\n');
    expect(all).not.toMatch(/-\s*\d\s*-/);
  });
});
