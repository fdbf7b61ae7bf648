/**
 * "Save page as → single file" in real Chromium: CDP Page.captureSnapshot (format mhtml) gives exactly the .mhtml
 * the browser writes. Our HTML export and a Word-style web page someone else made, opened in Chromium and saved as
 * one file, read back exactly — every cell, agency, year, narratives.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildHtml } from '../../shared/export/html';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { importHtml } from '../../shared/import/html';
import { seedReportWithNarratives } from '../helpers/seed-narratives';
import { seedExpectation } from '../helpers/seeds';
import { launchChromium } from './helpers/browser';
import { expectReadExactly } from '../helpers/expect-report';

const WORD_PAGE = readFileSync(new URL('../fixtures/import/2023_xuchang-city.msword.html', import.meta.url), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The page as Chromium saves it as one file. */
const saveAsSingleFile = async (html: string): Promise<Uint8Array> => {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const cdp = await page.context().newCDPSession(page);
    const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
    return new TextEncoder().encode(data);
  } finally {
    await page.close();
  }
};

describe('pages saved as one file by Chromium', () => {
  it('our HTML export: exactly the report (Chromium drops the data island: what the page shows is read)', async () => {
    const want = seedReportWithNarratives('2023_xiuwu-county.txt');
    const bytes = await saveAsSingleFile(await buildHtml(want));
    expect(new TextDecoder().decode(bytes.subarray(0, 200))).toMatch(/Saved by Blink/);
    expectReadExactly(await importReportFile('修武县2023年报.mhtml', bytes), want, 'mht');
  });

  it('a Word "save as web page" report someone else made: as the page itself reads', async () => {
    const direct = importHtml(WORD_PAGE);
    if (!direct.ok) throw new Error(direct.message);
    const e = seedExpectation('2023_xuchang-city.txt');
    const r = await importReportFile('许昌.mht', await saveAsSingleFile(WORD_PAGE));
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    if (!r.ok) return;
    expect(r.report.agency).toBe(e.agency);
    expect(r.report.year).toBe(e.year);
    for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual((e.cells as Record<string, unknown>)[id]);
    expect(r.report.narratives).toEqual(direct.report.narratives);
  });
});
