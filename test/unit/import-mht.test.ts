/**
 * Web pages saved as one file (.mht/.mhtml) as IE, Word and old Windows tools write them (test/helpers/make-mht.ts):
 * quoted-printable or base64, UTF-8 or GBK named by the part's header, by the page's <meta>, or by nobody. Each reads
 * exactly as the page itself does; hostile messages are refused in Chinese. Chromium's own .mhtml:
 * test/e2e/import-mht-chromium.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHtml } from '../../shared/export/html';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { importHtml } from '../../shared/import/html';
import { MAX_MHT_PARTS } from '../../shared/import/mht';
import { openReportBytes } from '../../shared/app/open-report';
import { rawEnglish } from '../helpers/fuzz-cases';
import { makeMht } from '../helpers/make-mht';
import { seedReportWithNarratives } from '../helpers/seed-narratives';
import { seedExpectation } from '../helpers/seeds';

const WORD_PAGE = readFileSync(new URL('../fixtures/import/2023_xuchang-city.msword.html', import.meta.url), 'utf8');
const GBK_PAGE = WORD_PAGE.replace('charset=utf-8', 'charset=gb2312');
const NO_META_PAGE = WORD_PAGE.replace(/<meta http-equiv=Content-Type[^>]*>/, '');

describe('.mht: a web page saved as one file', () => {
  const direct = importHtml(WORD_PAGE);
  if (!direct.ok) throw new Error(direct.message);
  const e = seedExpectation('2023_xuchang-city.txt');

  const variants: [string, Uint8Array][] = [
    ['UTF-8, quoted-printable', makeMht(WORD_PAGE)],
    ['GBK named by the header (gb2312), quoted-printable', makeMht(GBK_PAGE, { charset: 'gb2312' })],
    ['GBK named by the header (gbk), base64, images before the page', makeMht(GBK_PAGE, { charset: 'gbk', encoding: 'base64', partsBefore: 3 })],
    ['GBK named only by the page’s <meta>, quoted-printable', makeMht(GBK_PAGE, { bytes: 'gbk', charset: null })],
    ['GBK named by nobody, 8bit', makeMht(NO_META_PAGE, { bytes: 'gbk', charset: null, encoding: '8bit' })],
    ['GBK named by nobody, quoted-printable', makeMht(NO_META_PAGE, { bytes: 'gbk', charset: null })],
    ['UTF-8 named by nobody, quoted-printable', makeMht(NO_META_PAGE, { charset: null })],
  ];

  for (const [what, bytes] of variants)
    it(`${what}: every cell, agency, year and narrative as the page itself`, async () => {
      const r = await importReportFile('2023年报.mht', bytes);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      expect(r.kind).toBe('mht');
      expect(r.report.agency).toBe(e.agency);
      expect(r.report.year).toBe(e.year);
      for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual((e.cells as Record<string, unknown>)[id]);
      expect(r.report.narratives).toEqual(direct.report.narratives);
    });

  it('our HTML export saved as one file reads back exactly, whatever the name (.mhtml, .html, .txt, none)', async () => {
    const want = seedReportWithNarratives('2023_jiyuan-city.txt');
    const bytes = makeMht(await buildHtml(want));
    for (const name of ['年报.mhtml', '年报.html', '年报.txt', '年报']) {
      const opened = await openReportBytes(name, bytes, importReportFile);
      expect(opened.ok, name).toBe(true);
      if (!opened.ok) continue;
      expect(opened.source).toBe('mht');
      expect(opened.report.agency).toBe(want.agency);
      expect(opened.report.cells).toEqual(want.cells);
      expect(opened.report.narratives).toEqual(want.narratives);
    }
  });
});

describe('hostile and broken .mht files are refused in Chinese', () => {
  const refused = async (bytes: Uint8Array, message: RegExp) => {
    const r = await importReportFile('年报.mht', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(rawEnglish(r.message)).toBe(false);
    }
  };

  it('too many parts: counted before any is decoded', async () => {
    await refused(makeMht(WORD_PAGE, { partsBefore: MAX_MHT_PARTS + 5 }), /网页文件中的部分过多（超过 2000 个）/);
  });

  it('a page that decodes past 16 MB', async () => {
    const huge = `<html><body><p>${'甲'.repeat(6_000_000)}</p></body></html>`;
    await refused(makeMht(huge, { encoding: '8bit' }), /解码后超过 16 MB 的上限/);
    await refused(makeMht(huge, { encoding: 'base64' }), /解码后超过 16 MB 的上限/);
  });

  it('no page in it, no boundary, a boundary that never comes', async () => {
    const onlyImage = new TextDecoder().decode(makeMht(WORD_PAGE)).replace('Content-Type: text/html', 'Content-Type: text/plain');
    await refused(new TextEncoder().encode(onlyImage), /没有找到网页正文/);
    const noBoundary = new TextDecoder().decode(makeMht(WORD_PAGE)).replace(/boundary="[^"]*"/, '');
    await refused(new TextEncoder().encode(noBoundary), /没有找到网页正文/);
    const lost = new TextDecoder().decode(makeMht(WORD_PAGE, { boundary: 'abc' })).replace(/--abc/g, '--xyz');
    await refused(new TextEncoder().encode(lost), /没有找到网页正文/);
  });

  it('a good file reads afterwards', async () => {
    const r = await importReportFile('年报.mht', makeMht(WORD_PAGE));
    expect(r.ok).toBe(true);
  });
});
