/** The one check of "read back exactly" for the readers' tests: the kind, agency, year, every cell, the narratives, no warning. */
import { expect } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import type { ImportResult, SourceKind } from '../../shared/import/types';
import type { Report } from '../../shared/report';

export const expectReadExactly = (r: ImportResult, want: Report, kind: SourceKind, what = ''): void => {
  expect(r.ok, r.ok ? what : `${what} ${r.message}`).toBe(true);
  if (!r.ok) return;
  expect(r.kind, what).toBe(kind);
  expect(r.report.agency, what).toBe(want.agency);
  expect(r.report.year, what).toBe(want.year);
  for (const id of CELL_IDS) expect(r.report.cells[id], `${what} ${id}`).toEqual(want.cells[id]);
  expect(r.report.narratives, what).toEqual(want.narratives);
  expect(
    r.notes.filter((n) => n.level !== 'info'),
    what,
  ).toEqual([]);
};

/** What a read-back of our own export must give exactly: the header, every cell, every text, the notes, the 落款. */
export const ownExportContent = (r: Report) => ({
  agency: r.agency,
  year: r.year,
  cells: r.cells,
  narratives: r.narratives,
  tableTexts: r.tableTexts,
  signOff: r.signOff,
});
