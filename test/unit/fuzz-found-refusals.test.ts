/**
 * Refusals the long fuzz run (npm run fuzz, 2,000 cases) found miscounted: a damaged PDF is an expected
 * refusal, not a reader fault (no support detail, which marks a fault caught by a catch-all), and a
 * report file whose program mark was damaged is refused without quoting the damaged mark back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../shared/import';
import { rawEnglish } from '../helpers/fuzz-cases';

const HUAIAN = new Uint8Array(readFileSync(new URL('../fixtures/pdf/2024_huaian-city.pdf', import.meta.url)));

describe('refusals found by the fuzz run', () => {
  it('a truncated PDF is refused as damaged, in Chinese, and not counted as a reader fault', async () => {
    const r = await importReportFile('huaian.pdf', HUAIAN.subarray(0, 281_823));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/PDF 文件已损坏或不完整/);
    expect(r.detail).toBeUndefined();
    expect(rawEnglish(r.message)).toBe(false);
  });

  it('a report file whose program mark is damaged is refused without echoing the damaged mark', async () => {
    const good = JSON.stringify({ format: 'disclosure-report', version: 3, agency: '某县人民政府', year: 2023, cells: {} });
    for (const mark of ['lisclosure-report', 'disclosure-reporT', 'xxxxxxxxxxxxxxxxx「」']) {
      const r = await importReportFile('某县.gkreport', new TextEncoder().encode(good.replace('disclosure-report', mark)));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.replace(/\.gkreport/g, '')).not.toMatch(/[A-Za-z]{5,}/);
    }
  });
});

describe('the fuzz run’s English detector', () => {
  it('passes a file extension the clerk is told to use, and still catches raw parser English', () => {
    expect(rawEnglish('请确认选择的是本程序保存的 .gkreport 文件')).toBe(false);
    expect(rawEnglish('读取失败：Unexpected token in JSON at position 3')).toBe(true);
  });
});
