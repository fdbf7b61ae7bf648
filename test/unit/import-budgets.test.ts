/**
 * Budgets inside the readers, so a small hostile file cannot cost gigabytes or minutes even before the
 * worker's limits apply: sheet grids sized by what they hold, a part read once however often it is
 * referenced, merged ranges bounded, no regular expression retried over a long run of spaces, and no
 * spread of a long array into a call. Each case failed (crash, minutes, or a stack overflow in English) before.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../shared/import';
import { crc32 } from '../../shared/import/zip';
import { zipRaw } from '../helpers/make-docx';
import { SEED_FILES, seedText } from '../helpers/seeds';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook whose <sheets> lists `sheets` entries, all pointing at the one worksheet part given. */
const workbook = (sheet: string, sheets = 1): Uint8Array =>
  zipRaw(
    Object.entries({
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'xl/workbook.xml': `<workbook ${NS} xmlns:r="${REL}"><sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('')}</sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': sheet,
    }).map(([name, text]) => {
      const data = strToU8(text);
      return { name, data, method: 0 as const, size: data.length, crc: crc32(data) };
    }),
  );

const heapGrowth = async (f: () => Promise<unknown>): Promise<number> => {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  await f();
  return process.memoryUsage().heapUsed - before;
};

describe('reader budgets', () => {
  it('a 17 KB .xlsx listing one sheet part 400 times, with a value at A1 and at IV5000: read once, small grid', async () => {
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>行政复议</t></is></c></row><row r="5000"><c r="IV5000"><v>1</v></c></row></sheetData></worksheet>`;
    const bytes = workbook(sheet, 400);
    expect(bytes.length).toBeLessThan(40_000);
    let r: Awaited<ReturnType<typeof importReportFile>> | undefined;
    // before: every <sheet> built a 5000 × 256 grid of its own (4.2 GB, the process died)
    const grew = await heapGrowth(async () => (r = await importReportFile('年报.xlsx', bytes)));
    expect(grew).toBeLessThan(200 * 1024 * 1024);
    // not a report: refused in Chinese like any workbook without the statutory tables
    expect(r!.ok || r!.message).toBeTruthy();
    if (!r!.ok) expect(r!.message).not.toMatch(/[A-Za-z]{6,}/);
  });

  it('thousands of merged ranges over thousands of values are refused at once in Chinese (12.9 s on a 64 KB file before)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
    const merges = Array.from({ length: 3000 }, (_, i) => `<mergeCell ref="A${(i % 7) + 1}:IV5000"/>`).join('');
    const r = await importReportFile('年报.xlsx', workbook(`<worksheet ${NS}><sheetData>${rows}</sheetData><mergeCells>${merges}</mergeCells></worksheet>`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/合并单元格过多，不是年度报告/);
  }, 8_000);

  it('a line of 80,000 spaces before a letter is read in one pass (5.4 s before: /[ \\u00a0]+$/ retried at every space)', async () => {
    const text = seedText(SEED_FILES[0]!).replace(/一、总体情况\n/, `一、总体情况\n${' '.repeat(40_000)}${'\u00a0'.repeat(40_000)}甲\n`);
    const r = await importReportFile('年报.txt', strToU8(text));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.report.narratives.overview).toContain('甲');
  }, 3_000);

  it('a Markdown table separator row of 100,000 spaces and dashes does not backtrack', async () => {
    const text = `| 项目 | 数量 |\n|${' '.repeat(100_000)}-\n| 行政许可 | 3 |\n`;
    const r = await importReportFile('年报.txt', strToU8(text));
    expect(r.ok || r.message.length > 0).toBe(true);
  }, 3_000);

  it('a 29 MB text with a table of 400,000 rows is read or refused in Chinese, never "Maximum call stack size exceeded"', async () => {
    const seed = seedText(SEED_FILES[0]!);
    const rows = '行政许可\t1\t0\t2\n'.repeat(400_000);
    const text = seed.replace(/(二、主动公开政府信息情况\n)/, `$1${rows}`);
    const r = await importReportFile('年报.txt', strToU8(text.slice(0, 29 * 1024 * 1024)));
    if (!r.ok) expect(r.message).not.toMatch(/[A-Za-z]{6,}/);
    else expect(r.report.agency).not.toBe('');
  }, 60_000);
});
