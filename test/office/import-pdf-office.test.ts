/**
 * PDFs as agencies publish them, made here from reports whose every cell is known: our Word export laid
 * out by LibreOffice, a Word file LibreOffice wrote itself (the foreign fixture), and Chromium's print of
 * our web page export. Each is read back through the one open path: all 200 cells, the agency and the
 * year exactly, and the reading confirmed by the table identities. Their `pdftotext -layout` text must
 * read exactly through the text reader too.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { buildHtml } from '../../shared/export/html';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { importText } from '../../shared/import/text';
import type { Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/helpers/browser';
import { convertToPdf, pdfText } from '../helpers/office';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';

const seedWithNarratives = (file: string): Report => {
  const t = importText(seedText(file));
  if (!t.ok) throw new Error(t.message);
  return { ...seedReport(file), narratives: t.report.narratives };
};

const SOURCES: { name: string; report: Report }[] = [
  ...SEED_FILES.map((f) => ({ name: f.replace('.txt', ''), report: seedWithNarratives(f) })),
  ...[11, 12, 13].map((seed) => ({ name: `random-${seed}`, report: randomConsistentReport(seed) })),
];
const FOREIGN = { name: 'foreign-xiuwu', report: seedWithNarratives('2023_xiuwu-county.txt') };

const expectExact = (got: Report, want: Report) => {
  expect(got.agency).toBe(want.agency);
  expect(got.year).toBe(want.year);
  const wrong = CELL_IDS.filter((id) => got.cells[id] !== want.cells[id]).map((id) => `${id}: ${String(want.cells[id])} → ${String(got.cells[id])}`);
  expect(wrong).toEqual([]);
};

describe('published PDFs made by LibreOffice and Chromium read back exactly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-pdf-'));
  const viaWord = new Map<string, string>();
  const viaChromium = new Map<string, string>();

  beforeAll(async () => {
    const docx = await Promise.all(
      SOURCES.map(async (s) => {
        const f = join(dir, `${s.name}.docx`);
        writeFileSync(f, await buildDocx(s.report));
        return f;
      }),
    );
    const foreign = join(dir, `${FOREIGN.name}.docx`);
    copyFileSync(new URL('../fixtures/docx/libreoffice-xiuwu-county.docx', import.meta.url), foreign);
    const pdfs = convertToPdf([...docx, foreign], dir);
    [...SOURCES, FOREIGN].forEach((s, i) => viaWord.set(s.name, pdfs[i]!));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage();
      for (const s of SOURCES) {
        const html = join(dir, `${s.name}.html`);
        writeFileSync(html, buildHtml(s.report));
        await page.goto(`file://${html}`);
        const pdf = join(dir, `${s.name}.chromium.pdf`);
        writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
        viaChromium.set(s.name, pdf);
      }
    } finally {
      await browser.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = async (path: string) => {
    const r = await importReportFile('年报.pdf', new Uint8Array(readFileSync(path)));
    if (!r.ok) throw new Error(r.message);
    expect(r.kind).toBe('pdf');
    return r;
  };

  for (const s of [...SOURCES, FOREIGN]) {
    it(`${s.name}: Word file laid out by LibreOffice → PDF → all 200 cells, agency, year`, async () => {
      const r = await read(viaWord.get(s.name)!);
      expectExact(r.report, s.report);
      expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
      expect(evaluate(r.report).filter((f) => f.severity === 'error' && /^T\d-/.test(f.code))).toEqual([]);
    });
  }

  for (const s of SOURCES) {
    it(`${s.name}: our web page printed by Chromium → PDF → all 200 cells, agency, year`, async () => {
      const r = await read(viaChromium.get(s.name)!);
      expectExact(r.report, s.report);
      expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
    });
  }

  it('the pdftotext -layout text of every PDF made from our exports reads exactly through the text reader', () => {
    for (const s of SOURCES)
      for (const pdf of [viaWord.get(s.name)!, viaChromium.get(s.name)!]) {
        const r = importText(pdfText(pdf, true));
        if (!r.ok) throw new Error(r.message);
        expect({ pdf, cells: CELL_IDS.filter((id) => r.report.cells[id] !== s.report.cells[id]) }).toEqual({ pdf, cells: [] });
      }
  });

  it('the pdftotext -layout text of the PDF of a Word file LibreOffice wrote itself reads exactly too', () => {
    const r = importText(pdfText(viaWord.get(FOREIGN.name)!, true));
    if (!r.ok) throw new Error(r.message);
    expect(CELL_IDS.filter((id) => r.report.cells[id] !== FOREIGN.report.cells[id])).toEqual([]);
  });
});
