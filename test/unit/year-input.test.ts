/** The year field as a whole: four digits, Chinese numerals too, not before 2000 nor after next year. */
import { describe, expect, it } from 'vitest';
import { YEAR_HINT, parseYearInput } from '../../shared/report/number-input';

describe('parseYearInput', () => {
  it('takes four digits, full-width digits, Chinese numerals and a trailing 年', () => {
    for (const t of ['2024', '２０２４', '二〇二四', '二零二四', '2024年', ' 二〇二四年 ']) expect(parseYearInput(t, 2026)).toEqual({ ok: true, value: 2024 });
    expect(parseYearInput('', 2026)).toEqual({ ok: true, value: null });
  });

  it('refuses 24, 1999 and words with the hint, and a year after next year', () => {
    for (const t of ['24', '1999', '去年', '2024.5', '20245']) expect(parseYearInput(t, 2026)).toEqual({ ok: false, message: YEAR_HINT });
    expect(parseYearInput('2027', 2026)).toEqual({ ok: true, value: 2027 });
    expect(parseYearInput('2028', 2026)).toMatchObject({ ok: false, message: expect.stringContaining('不能晚于 2027 年') });
  });
});
