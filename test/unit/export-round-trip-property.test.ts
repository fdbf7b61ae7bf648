/**
 * Exact round trips of our own exports for any valid report: 300 seeded random reports with hostile-but-valid
 * content (test/helpers/random-report.ts) are exported to .docx, .xlsx and .html and read back; agency, year,
 * every cell (blank stays blank), every narrative, every table's notes and the 落款 must come back character for
 * character. A failing seed is named, so `randomValidReport(seed)` replays it.
 */
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format/cells';
import { buildDocx, buildHtml, buildXlsx } from '../../shared/export';
import { importReportFile } from '../../shared/import';
import { type Report, restore, serialiseReport } from '../../shared/report';
import { randomValidReport } from '../helpers/random-report';

const REPORTS = 300;

const differences = (want: Report, got: Report): string[] => {
  const out: string[] = [];
  if (got.agency !== want.agency) out.push(`agency ${JSON.stringify(got.agency)} ≠ ${JSON.stringify(want.agency)}`);
  if (got.year !== want.year) out.push(`year ${got.year} ≠ ${want.year}`);
  const cells = CELL_IDS.filter((id) => got.cells[id] !== want.cells[id]);
  if (cells.length) out.push(`cells ${cells.slice(0, 3).join(', ')}${cells.length > 3 ? ` (+${cells.length - 3})` : ''}`);
  for (const k of ['overview', 'problems', 'other_matters'] as const) if (got.narratives[k] !== want.narratives[k]) out.push(`narrative ${k}`);
  for (const t of ['t2', 't3', 't4'] as const) if (got.tableTexts[t] !== want.tableTexts[t]) out.push(`tableTexts ${t}`);
  if (got.signOff.agency !== want.signOff.agency || got.signOff.date !== want.signOff.date)
    out.push(`signOff ${JSON.stringify(got.signOff)} ≠ ${JSON.stringify(want.signOff)}`);
  return out;
};

const EXPORTS = {
  docx: (r: Report) => buildDocx(r),
  xlsx: (r: Report) => buildXlsx(r),
  html: async (r: Report) => new TextEncoder().encode(buildHtml(r)),
};

describe('our own exports read back exactly, for any valid report', () => {
  it('the generated reports are valid (restore() accepts each one unchanged)', () => {
    for (let seed = 1; seed <= REPORTS; seed++) {
      const want = randomValidReport(seed);
      const r = restore(serialiseReport(want));
      expect(r.ok, `seed ${seed}`).toBe(true);
      if (r.ok) expect(r.report, `seed ${seed}`).toEqual(want);
    }
  });

  for (const [kind, build] of Object.entries(EXPORTS)) {
    it(`.${kind}: ${REPORTS} random reports`, { timeout: 240_000 }, async () => {
      const failures: string[] = [];
      for (let seed = 1; seed <= REPORTS; seed++) {
        const want = randomValidReport(seed);
        const r = await importReportFile(`报告.${kind}`, await build(want));
        if (!r.ok) failures.push(`seed ${seed}: refused: ${r.message}`);
        else {
          const d = differences(want, r.report);
          if (d.length) failures.push(`seed ${seed}: ${d.join('; ')}`);
          else if (r.notes.some((n) => n.level !== 'info')) failures.push(`seed ${seed}: notes ${r.notes.map((n) => n.message).join(' | ')}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
