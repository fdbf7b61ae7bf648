/**
 * LibreOffice opens our .docx and .xlsx (one soffice run for all of them, official fonts mapped by
 * assets/fonts/fonts.conf); the PDFs are A4 and carry every row label and every number of the tables. PNGs of the
 * Word export's first pages are left in test-results/ for a person to look at.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { buildXlsx } from '../../shared/export/xlsx';
import { TABLE_NAMES } from '../../shared/format/cells';
import { SECTIONS } from '../../shared/format/sections';
import { TABLE_IDS, tableLayout } from '../../shared/format/header-layout';
import type { TableId } from '../../shared/format/types';
import { createReport, type Report } from '../../shared/report';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { convertToPdf, isA4, officeAvailable, pdfFonts, pdfInfo, pdfText, pdfToPngs, squeeze } from '../helpers/office';
import { expectedCells, seedNarratives } from '../unit/export-readers';

const OUT = join(process.cwd(), 'test-results', 'export-office');
const TABLE_TEXTS = { t2: '注：本表由办公室统计。', t3: '', t4: '注：复议、诉讼均含上年度结转。' };

type Case = { name: string; report: Report; docxPdf: string; xlsxPdf: string };
const cases: Case[] = [];

beforeAll(() => {
  if (!officeAvailable()) throw new Error('LibreOffice (soffice) 或 poppler-utils 未安装：请先运行 scripts/install-test-deps.sh');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

/** The numbers of a table as they are printed, row by row, in the region of the text between two headings. */
const numbersIn = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => !/^\s*[—-]\s*\d+\s*[—-]\s*$/.test(l)) // page numbers 「— 3 —」
    .flatMap((l) => l.match(/(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g) ?? []);

const region = (text: string, start: string, end: string | null, from = 0): string => {
  const a = text.indexOf(start, from);
  expect(a, `「${start}」 not in the PDF`).toBeGreaterThanOrEqual(0);
  const b = end === null ? text.length : text.indexOf(end, a + start.length);
  expect(b, `「${end}」 not in the PDF`).toBeGreaterThan(a);
  return text.slice(a + start.length, b);
};

/** The label's characters in order within a short stretch: pdftotext interleaves the lines of side-by-side wrapped cells. */
const printed = (haystack: string, label: string): boolean => {
  const s = squeeze(label);
  if (haystack.includes(s)) return true;
  const spread = s.length * 3 + 40;
  for (let i = haystack.indexOf(s[0]!); i !== -1; i = haystack.indexOf(s[0]!, i + 1)) {
    let k = 1;
    let j = i + 1;
    for (; j < haystack.length && j - i <= spread && k < s.length; j++) if (haystack[j] === s[k]) k++;
    if (k === s.length) return true;
  }
  return false;
};

const labelsOf = (t: TableId): string[] =>
  tableLayout(t)
    .rows.flat()
    .filter((c) => !c.cellId)
    .map((c) => c.text);

/** The data cells of a table in reading order, as the export writes them. */
const valuesOf = (r: Report, t: TableId): string[] => {
  const cells = expectedCells(r.cells);
  return tableLayout(t)
    .rows.flat()
    .filter((c) => c.cellId)
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => String(cells[c.cellId!]));
};

describe('LibreOffice opens the exports', () => {
  beforeAll(async () => {
    const files: string[] = [];
    for (const f of SEED_FILES) {
      const name = f.replace(/\.txt$/, '');
      const report = createReport({ ...seedReport(f), narratives: seedNarratives(f), tableTexts: TABLE_TEXTS });
      const docx = join(OUT, `${name}.docx`);
      const xlsx = join(OUT, `${name}-tables.xlsx`);
      writeFileSync(docx, await buildDocx(report));
      writeFileSync(xlsx, await buildXlsx(report));
      files.push(docx, xlsx);
      cases.push({ name, report, docxPdf: join(OUT, `${name}.pdf`), xlsxPdf: join(OUT, `${name}-tables.pdf`) });
    }
    convertToPdf(files, OUT);
  });

  it.each(SEED_FILES.map((f) => f.replace(/\.txt$/, '')))('Word export of %s: A4, every heading, row label and number', (name) => {
    const c = cases.find((x) => x.name === name)!;
    const info = pdfInfo(c.docxPdf);
    expect(isA4(info)).toBe(true);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    const raw = squeeze(pdfText(c.docxPdf, false));
    expect(raw).toContain(squeeze(c.report.agency));
    expect(raw).toContain(`${c.report.year}年政府信息公开工作年度报告`);
    for (const s of SECTIONS) expect(raw).toContain(squeeze(s.heading));
    for (const t of TABLE_IDS) for (const label of labelsOf(t)) expect(printed(raw, label), `${t}: ${label}`).toBe(true);
    for (const p of [TABLE_TEXTS.t2, TABLE_TEXTS.t4]) expect(raw).toContain(squeeze(p));
    // the narratives are all there, every paragraph (letters and digits: pdftotext drops some punctuation at line ends)
    const words = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
    const rawWords = words(raw.replace(/—\d+—/g, ''));
    for (const id of ['overview', 'problems', 'other_matters'] as const)
      for (const p of c.report.narratives[id].split('\n').filter((l) => l.trim())) expect(rawWords).toContain(words(p));
    // every number of every table, in reading order, between its heading and the next
    const text = pdfText(c.docxPdf);
    const heads = SECTIONS.map((s) => s.heading);
    for (const t of TABLE_IDS) {
      const k = SECTIONS.findIndex((s) => s.id === t);
      const body = region(text, heads[k]!, heads[k + 1]!);
      expect(numbersIn(body), t).toEqual(valuesOf(c.report, t));
    }
  });

  it.each(SEED_FILES.map((f) => f.replace(/\.txt$/, '')))('Excel export of %s: A4, every row label and number', (name) => {
    const c = cases.find((x) => x.name === name)!;
    expect(isA4(pdfInfo(c.xlsxPdf))).toBe(true);
    const raw = squeeze(pdfText(c.xlsxPdf, false));
    expect(raw).toContain(squeeze(`${c.report.agency}${c.report.year}年政府信息公开工作年度报告`));
    for (const t of TABLE_IDS) for (const label of labelsOf(t)) expect(printed(raw, label), `${t}: ${label}`).toBe(true);
    const text = pdfText(c.xlsxPdf);
    TABLE_IDS.forEach((t, k) => {
      const body = region(text, TABLE_NAMES[t], k + 1 < TABLE_IDS.length ? TABLE_NAMES[TABLE_IDS[k + 1]!] : null);
      const withoutNotes = body.replace(TABLE_TEXTS[t], '');
      expect(numbersIn(withoutNotes), t).toEqual(valuesOf(c.report, t));
    });
  });

  it('LibreOffice set the official faces in the mapped fonts: 小标宋 → Noto Serif Bold, 黑体 → Noto Sans, 楷体 → UKai; nothing fell back to DejaVu', () => {
    for (const c of cases) {
      const fonts = pdfFonts(c.docxPdf);
      expect(fonts).toMatch(/NotoSerifCJK\w*-Bold/);
      expect(fonts).toMatch(/NotoSerifCJK\w*-Regular/);
      expect(fonts).toMatch(/NotoSansCJK/);
      expect(fonts).not.toMatch(/DejaVu|Liberation/);
      expect(pdfFonts(c.xlsxPdf)).not.toMatch(/DejaVu|Liberation/);
    }
    // every seed but one has 「（一）…」 sub-headings, set in 楷体
    expect(cases.filter((c) => /UKai/.test(pdfFonts(c.docxPdf))).length).toBeGreaterThanOrEqual(4);
  });

  it('leaves PNGs of the Word export (first three pages of each seed) and of one Excel export in test-results/', () => {
    const pngs = [
      ...cases.flatMap((c) => pdfToPngs(c.docxPdf, join(OUT, `${c.name}-page`), 1, 3, 60)),
      ...pdfToPngs(cases[0]!.xlsxPdf, join(OUT, `${cases[0]!.name}-tables-page`), 1, 4, 60),
    ];
    expect(pngs.length).toBe(cases.length * 3 + 4);
    for (const p of pngs) expect(statSync(p).size).toBeGreaterThan(5_000);
  });
});
