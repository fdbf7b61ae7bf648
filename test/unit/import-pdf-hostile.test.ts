/**
 * Scanned and hostile PDFs: each refused with a Chinese message within the reader's 5 s budget, with
 * bounded memory, and the reader goes on reading a good PDF afterwards. The files are made here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../shared/import';
import { pdfErrorMessage } from '../../shared/import/pdf-engine';
import { bombPdf, makePdf, manyPagesPdf, passwordPdf, selfReferencingPdf } from '../helpers/make-pdf';
import { rng } from '../helpers/random-report';

const HUAIAN = new Uint8Array(readFileSync(new URL('../fixtures/pdf/2024_huaian-city.pdf', import.meta.url)));

const refused = async (bytes: Uint8Array, message: RegExp) => {
  const t0 = Date.now();
  const heap0 = process.memoryUsage().rss;
  const r = await importReportFile('年报.pdf', bytes);
  expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(false);
  if (!r.ok) expect(r.message).toMatch(message);
  // Chinese only: pdf.js's English words may go to detail, never to the message
  if (!r.ok) expect(r.message.replace(/PDF|Word|MB|\.docx|\.txt/g, '')).not.toMatch(/[A-Za-z]/);
  expect(Date.now() - t0).toBeLessThan(5000);
  expect(process.memoryUsage().rss - heap0).toBeLessThan(400 * 1024 * 1024);
};

describe('PDFs that cannot be read are refused in Chinese', () => {
  it('a scanned PDF (pages that are images, no text layer) says so and what to do instead', async () => {
    await refused(
      makePdf([
        { texts: [], image: true },
        { texts: [], image: true },
      ]),
      /扫描图片.*数字无法读取.*Word 原件.*直接填写/,
    );
  });

  it('a content stream that inflates to 2 GB is refused before pdf.js parses it', async () => {
    const bomb = bombPdf(2048);
    expect(bomb.length).toBeLessThan(6 * 1024 * 1024);
    await refused(bomb, /解压后超过 32 MB.*压缩炸弹/);
  });

  it('50,000 pages are refused by the page count before any page is read', async () => {
    await refused(manyPagesPdf(50_000), /有 50000 页.*不超过 60 页/);
  });

  it('a page tree that points at itself', async () => {
    await refused(selfReferencingPdf(), /PDF/);
  });

  it('a truncated file, random bytes behind a %PDF header', async () => {
    await refused(HUAIAN.subarray(0, Math.floor(HUAIAN.length * 0.4)), /PDF/);
    const r = rng(7);
    await refused(Uint8Array.from([...new TextEncoder().encode('%PDF-1.7\n'), ...Array.from({ length: 200_000 }, () => r(256))]), /PDF 文件已损坏或不完整|PDF/);
  });

  it('a password-protected file', async () => {
    await refused(passwordPdf(), /设置了打开密码/);
  });

  it('an error pdf.js words in English is refused in Chinese only', () => {
    const m = pdfErrorMessage(new Error('Unknown ExtGState font: bad Dict at offset 1234'));
    expect(m).toMatch(/PDF 文件无法读取.*Word 原件/);
    expect(m.replace(/PDF|Word/g, '')).not.toMatch(/[A-Za-z]/);
  });

  it('after all of them a real report still reads', async () => {
    const r = await importReportFile('2024.pdf', HUAIAN);
    expect(r.ok).toBe(true);
  });
});
