/**
 * Published PDFs laid out by a real office program (LibreOffice) the ways agencies vary our Word layout: every table
 * border removed (tables apart by whitespace alone), and the whole report on landscape pages. Each reads back exactly
 * through the one open path, and the landscape pages' page numbers stay out of the narratives.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { importText } from '../../shared/import/text';
import type { Report } from '../../shared/report';
import { convertToPdf } from '../helpers/office';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';

const seedWithNarratives = (file: string): Report => {
  const t = importText(seedText(file));
  if (!t.ok) throw new Error(t.message);
  return { ...seedReport(file), narratives: t.report.narratives };
};

const REPORTS: { name: string; report: Report }[] = [
  { name: 'jiyuan', report: seedWithNarratives(SEED_FILES[0]!) },
  { name: 'xiuwu', report: seedWithNarratives(SEED_FILES[3]!) },
  { name: 'random-14', report: randomConsistentReport(14) },
];

type Variant = 'no-borders' | 'landscape';
/** Our Word export edited as an agency would: every border set to none, or every section's page turned landscape. */
const variantOf = (docx: Uint8Array, v: Variant): Uint8Array => {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']!);
  const edited =
    v === 'no-borders'
      ? xml.replace(/(<w:(?:top|bottom|left|right|insideH|insideV|start|end) [^>]*w:val=")[a-z]+"/g, '$1nil"')
      : xml.replace(/<w:pgSz[^>]*\/>/g, '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
  expect(edited).not.toBe(xml);
  return zipSync({ ...files, 'word/document.xml': strToU8(edited) });
};

const wrongCells = (got: Report, want: Report): string[] =>
  CELL_IDS.filter((id) => got.cells[id] !== want.cells[id]).map((id) => `${id}: ${String(want.cells[id])} → ${String(got.cells[id])}`);

describe('LibreOffice PDFs of our Word layout without table borders, and on landscape pages, read exactly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-pdf-variants-'));
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    const jobs: { key: string; file: string }[] = [];
    for (const r of REPORTS)
      for (const v of ['no-borders', 'landscape'] as const) {
        const file = join(dir, `${r.name}-${v}.docx`);
        writeFileSync(file, variantOf(await buildDocx(r.report), v));
        jobs.push({ key: `${r.name}/${v}`, file });
      }
    const out = convertToPdf(
      jobs.map((j) => j.file),
      dir,
    );
    jobs.forEach((j, i) => pdfs.set(j.key, out[i]!));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const { name, report } of REPORTS)
    for (const v of ['no-borders', 'landscape'] as const)
      it(`${name}, ${v}: all 200 cells, agency, year, narratives`, async () => {
        const bytes = new Uint8Array(readFileSync(pdfs.get(`${name}/${v}`)!));
        const r = await importReportFile(`${name}.pdf`, bytes);
        if (!r.ok) throw new Error(r.message);
        expect(r.report.agency).toBe(report.agency);
        expect(r.report.year).toBe(report.year);
        expect(wrongCells(r.report, report)).toEqual([]);
        expect(r.notes.filter((n) => n.level === 'warning' && n.table)).toEqual([]);
        // the page numbers 「— 1 —」 of a landscape page are in its bottom margin, not a paragraph of the report
        expect(Object.values(r.report.narratives).join('\n')).not.toMatch(/[-—]\s*\d+\s*[-—]/);
        if (name !== 'random-14') expect(r.report.narratives.problems).toBe(report.narratives.problems);
      });
});
