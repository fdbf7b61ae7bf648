/**
 * Excel 97–2003 .xls (BIFF8 in a compound file): committed workbooks LibreOffice wrote (test/fixtures/xls/README.md)
 * read exactly — every cell, agency, year, narratives — through the one open path; damaged record streams are
 * refused in Chinese.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { openCfb } from '../../shared/import/cfb';
import { xlsSheets } from '../../shared/import/xls';
import { importText } from '../../shared/import/text';
import { expectReadExactly } from '../helpers/expect-report';
import { rawEnglish } from '../helpers/fuzz-cases';
import { seedReportWithNarratives } from '../helpers/seed-narratives';
import { seedExpectation, seedText } from '../helpers/seeds';

const fixture = (p: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/xls/${p}`, import.meta.url))));

describe('Excel 97–2003 .xls written by LibreOffice', () => {
  it('our Excel export saved as .xls: every cell, the agency, the year and the narratives', async () => {
    const want = seedReportWithNarratives('2023_jiyuan-city.txt');
    expectReadExactly(await importReportFile('济源.xls', fixture('our-export-jiyuan-city.xls')), want, 'xls');
  });

  it('a workbook laid out by someone else (LibreOffice Calc, one sheet, merged headers), whatever its name', async () => {
    const e = seedExpectation('2023_xuchang-city.txt');
    for (const name of ['许昌.xls', '许昌.xlsx', '许昌']) {
      const r = await importReportFile(name, fixture('libreoffice-calc-xuchang-city.xls'));
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) continue;
      expect(r.report.agency).toBe(e.agency);
      for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual((e.cells as Record<string, unknown>)[id]);
      const text = importText(seedText('2023_xuchang-city.txt'));
      if (text.ok) expect(r.report.narratives).toEqual(text.report.narratives);
    }
  });

  it('merged ranges show their top-left value only, as in .xlsx', () => {
    const sheets = xlsSheets(openCfb(fixture('libreoffice-calc-xuchang-city.xls')).read('Workbook'));
    const rows = sheets.flatMap((s) => s.rows);
    const at = rows.findIndex((r) => r.includes('三、本年度办理结果'));
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]![rows[at]!.indexOf('三、本年度办理结果')]).toBe('');
  });
});

describe('damaged .xls record streams are refused in Chinese', () => {
  const good = openCfb(fixture('our-export-jiyuan-city.xls')).read('Workbook');
  const refusedSheets = (w: Uint8Array, message: RegExp) => {
    let msg = '';
    try {
      xlsSheets(w);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(message);
    expect(rawEnglish(msg)).toBe(false);
  };

  it('a record running past the stream, a shared-string count no records could hold, Excel 95, no BOF', () => {
    const cut = good.slice();
    // the first record after BOF declares 60,000 bytes
    const second = 4 + (cut[2]! | (cut[3]! << 8));
    cut[second + 2] = 0x60;
    cut[second + 3] = 0xea;
    refusedSheets(cut, /工作簿记录无效/);
    const sst = good.slice();
    for (let at = 0; at + 4 <= sst.length; at += 4 + (sst[at + 2]! | (sst[at + 3]! << 8))) {
      if ((sst[at]! | (sst[at + 1]! << 8)) !== 0x00fc) continue;
      new DataView(sst.buffer).setUint32(at + 8, 0x7fffffff, true);
      break;
    }
    refusedSheets(sst, /工作簿记录无效/);
    const old = good.slice();
    old[4] = 0x00;
    old[5] = 0x05;
    refusedSheets(old, /Excel 5\.0\/95/);
    refusedSheets(good.slice(8), /工作簿记录无效/);
  });

  it('a truncated file goes through the open path to a Chinese refusal', async () => {
    const bytes = fixture('our-export-jiyuan-city.xls');
    const r = await importReportFile('年报.xls', bytes.slice(0, bytes.length >> 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(rawEnglish(r.message)).toBe(false);
  });
});
