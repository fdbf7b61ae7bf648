/**
 * A published report's own 总计 error is read as printed and shown as an error, whatever the file: the reading of
 * text copied out of a PDF (which may reorder numbers when the identities confirm the reorder) must never move or
 * blank the cells of a table that was read whole beside its labels. Seed 23 of the random reports has a 表四 group
 * whose 总计 is not the sum of its parts (2 + 0 + 4 + 2 ≠ 10), the case that blanked all 15 cells.
 */
import { describe, expect, it } from 'vitest';
import { cellsOfTable } from '../../shared/format/cells';
import { buildDocx, buildHtml, buildXlsx } from '../../shared/export';
import { importReportFile, importText } from '../../shared/import';
import { evaluate } from '../../shared/rules';
import { randomValidReport } from '../helpers/random-report';
import { renderReportHtml, renderReportText } from '../helpers/render-text';

const report = randomValidReport(23);
const t4 = cellsOfTable('t4').map((c) => c.id);
const wrongTotal = t4
  .filter((id) => id.endsWith('.total'))
  .some((id) => {
    const g = id.slice(0, -'.total'.length);
    const parts = t4.filter((p) => p.startsWith(`${g}.`) && p !== id).reduce((a, p) => a + Number(report.cells[p] ?? 0), 0);
    return parts !== Number(report.cells[id] ?? 0);
  });

describe('a table read whole keeps its own errors', () => {
  it('the fixture report really has a 表四 total error', () => expect(wrongTotal).toBe(true));

  const files: [string, () => Promise<Uint8Array>][] = [
    ['our .docx', () => buildDocx(report)],
    ['our .xlsx', () => buildXlsx(report)],
    ['our .html', async () => new TextEncoder().encode(buildHtml(report))],
    ['a web page', async () => new TextEncoder().encode(renderReportHtml(report))],
  ];
  for (const [what, bytes] of files)
    it(`${what}: every 表四 cell as printed, the total error flagged`, async () => {
      const r = await importReportFile(what.endsWith('page') ? '页面.html' : `报告.${what.split('.')[1]}`, await bytes());
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      for (const id of t4) expect(r.report.cells[id] ?? 0, id).toBe(report.cells[id] ?? 0);
      expect(evaluate(r.report).some((f) => f.severity === 'error' && f.cells.some((c) => c.startsWith('t4.')))).toBe(true);
    });

  it('a page copied as text (tab-separated rows): every 表四 cell as printed', () => {
    const r = importText(renderReportText(report));
    expect(r.ok).toBe(true);
    if (r.ok) for (const id of t4) expect(r.report.cells[id] ?? 0, id).toBe(report.cells[id] ?? 0);
  });
});
