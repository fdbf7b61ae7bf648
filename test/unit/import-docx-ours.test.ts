/** Round trip of our own Word export (shared/export/docx.ts): every cell, the identity, the narratives and table notes, exactly. */
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { buildDocx } from '../../shared/export/docx';
import { importReportFile } from '../../shared/import';
import { importText } from '../../shared/import/text';
import type { Report } from '../../shared/report';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';

const seedWithNarratives = (file: string): Report => {
  const t = importText(seedText(file));
  if (!t.ok) throw new Error(t.message);
  return { ...seedReport(file), narratives: t.report.narratives };
};

const roundTrip = async (want: Report) => {
  const r = await importReportFile('上年报告.docx', await buildDocx(want));
  expect(r.ok, r.ok ? '' : r.message).toBe(true);
  if (!r.ok) return;
  expect(r.kind).toBe('docx');
  expect(r.report.agency).toBe(want.agency);
  expect(r.report.year).toBe(want.year);
  for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual(want.cells[id]);
  expect(r.report.narratives).toEqual(want.narratives);
  expect(r.report.tableTexts).toEqual(want.tableTexts);
  expect(r.stats.found).toEqual(r.stats.total);
  expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
};

describe('our own .docx export reads back exactly', () => {
  for (const file of SEED_FILES) it(file, () => roundTrip(seedWithNarratives(file)));

  it('random consistent reports, with notes under the tables', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const base = randomConsistentReport(seed * 7, 2021 + (seed % 5));
      await roundTrip({ ...base, tableTexts: { t2: '注：规章为本机关制定。', t3: '', t4: `注：行政复议${seed}件均已办结。` } });
    }
  });
});
