/**
 * Where LibreOffice breaks the pages of our Word export: a merged group of 表三 (「（四）无法提供」 and its three
 * rows) is never split by a page break. The same report is exported with 0–21 lines of text before 表三, so
 * that over the run the page break falls at every height of the table; on every page the rows of each group
 * are together. The last pages are left as PNGs in test-results/ for a person to look at.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { tableLayout } from '../../shared/format/header-layout';
import { createReport } from '../../shared/report';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { execFileSync } from 'node:child_process';
import { convertToPdf, officeAvailable, pdfInfo, pdfText, pdfToPngs, squeeze } from '../helpers/office';
import { seedNarratives } from '../unit/export-readers';

const OUT = join(process.cwd(), 'test-results', 'export-pages');
/** One page is 22 lines of 3号 text: shifting the table by each of them puts a page break at every row. */
const SHIFTS = Array.from({ length: 22 }, (_, i) => i);
const pdfs: string[] = [];
/** The seed with a 落款, exported whole: the last page is looked at. */
const SIGN_OFF = { agency: '济源市人民政府办公室', date: '2024年1月20日' };
let signedPdf = '';

const layout = tableLayout('t3');
const labels = layout.rows.flat().filter((c) => c.kind === 'label');
/** Each merged group under 「三、本年度办理结果」 with the labels of its rows (only labels printed once in 表三, so a page that has one has that row). */
const GROUPS = labels
  .filter((c) => c.col === 1 && c.rowSpan > 1)
  .map((g) => ({
    name: g.text,
    rows: labels.filter((c) => c.row >= g.row && c.row < g.row + g.rowSpan && c.col === 2).map((c) => squeeze(c.text.replace(/^\d+\.\s*/, ''))),
  }))
  .map((g) => ({ ...g, rows: g.rows.filter((r) => labels.filter((c) => squeeze(c.text).includes(r)).length === 1) }));

beforeAll(async () => {
  if (!officeAvailable()) throw new Error('LibreOffice (soffice) 或 poppler-utils 未安装：请先运行 scripts/install-test-deps.sh');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const seed = seedReport(SEED_FILES[0]!);
  const files: string[] = [];
  for (const n of SHIFTS) {
    // short lines of the body text before 表二; 表二 fits on one page, so 表三 moves down line by line
    const overview = Array.from({ length: n }, (_, i) => `第${i + 1}行。`).join('\n');
    const report = createReport({ ...seed, narratives: { ...seed.narratives, overview, problems: '', other_matters: '' } });
    const f = join(OUT, `shift-${String(n).padStart(2, '0')}.docx`);
    writeFileSync(f, await buildDocx(report));
    files.push(f);
  }
  const signed = join(OUT, 'sign-off.docx');
  writeFileSync(signed, await buildDocx(createReport({ ...seed, narratives: seedNarratives(SEED_FILES[0]!), signOff: SIGN_OFF })));
  const all = convertToPdf([...files, signed], OUT);
  signedPdf = all.pop()!;
  pdfs.push(...all);
});

describe('Word export: page breaks in 表三', () => {
  it('knows the groups it checks, each with rows whose labels are unique', () => {
    expect(GROUPS.map((g) => g.name)).toEqual(['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    for (const g of GROUPS) expect(g.rows.length, g.name).toBeGreaterThanOrEqual(2);
  });

  it('the rows of each merged group land on one page, wherever the page breaks', () => {
    const split: string[] = [];
    let breaksInT3 = 0;
    pdfs.forEach((pdf, k) => {
      const pages = pdfText(pdf, false).split('\f').map(squeeze);
      const t3Pages = pages.filter((p) => GROUPS.some((g) => g.rows.some((r) => p.includes(r))));
      if (t3Pages.length > 1) breaksInT3++;
      for (const g of GROUPS) {
        const on = new Set(g.rows.map((r) => pages.findIndex((p) => p.includes(r))));
        expect(on.has(-1), `${g.name} not printed (shift ${SHIFTS[k]})`).toBe(false);
        if (on.size > 1) split.push(`shift ${SHIFTS[k]}: ${g.name} on pages ${[...on].map((i) => i + 1).join(', ')}`);
      }
    });
    // the sweep did move page breaks through 表三 (else it proved nothing)
    expect(breaksInT3).toBeGreaterThanOrEqual(SHIFTS.length / 3);
    expect(split).toEqual([]);
  });

  it('leaves PNGs of the pages around 表三 of two shifts in test-results/', () => {
    for (const k of [0, 11]) {
      const last = pdfInfo(pdfs[k]!).pages;
      expect(pdfToPngs(pdfs[k]!, join(OUT, `shift-${k}-page`), 2, last, 60).length).toBe(last - 1);
    }
  });
});

describe('Word export: the 落款 on the last page', () => {
  /** Words of the last page with their boxes (pdftotext -bbox), in points. */
  const lastPageWords = (pdf: string) => {
    const last = pdfInfo(pdf).pages;
    const html = execFileSync('pdftotext', ['-bbox', '-f', String(last), '-l', String(last), pdf, '-'], { encoding: 'utf8' });
    return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: +m[1]!,
      y0: +m[2]!,
      x1: +m[3]!,
      text: m[5]!,
    }));
  };

  it('the agency and the date close the report, right-aligned: the agency two characters in, the date starting two characters right of it', () => {
    const words = lastPageWords(signedPdf);
    const lineOf = (text: string) => {
      const w = words.filter((x) => text.includes(x.text) && x.text.length > 0);
      const y = w.find((x) => text.startsWith(x.text))!.y0;
      const line = words.filter((x) => Math.abs(x.y0 - y) < 2);
      return { text: line.map((x) => x.text).join(''), x0: Math.min(...line.map((x) => x.x0)), x1: Math.max(...line.map((x) => x.x1)), y };
    };
    const agency = lineOf(SIGN_OFF.agency);
    const date = lineOf(SIGN_OFF.date);
    expect(agency.text).toBe(SIGN_OFF.agency);
    expect(date.text).toBe(SIGN_OFF.date);
    // the last two lines of text on the page (the page number aside), agency above date
    const below = words.filter((x) => x.y0 > date.y + 2 && !/^[—\d-]+$/.test(x.text));
    expect(below).toEqual([]);
    expect(date.y).toBeGreaterThan(agency.y);
    // A4 595.3 pt, right margin 26 mm = 73.7 pt: the text block ends at 521.6 pt; one character of 3号 = 16 pt
    const right = 595.28 - (26 * 72) / 25.4;
    expect(Math.abs(right - agency.x1 - 2 * 16)).toBeLessThan(6);
    expect(Math.abs(date.x0 - agency.x0 - 2 * 16)).toBeLessThan(6);
    pdfToPngs(signedPdf, join(OUT, 'sign-off-last-page'), pdfInfo(signedPdf).pages, pdfInfo(signedPdf).pages, 60);
  });
});
