/** The year field as a whole: four digits, Chinese numerals too, not before 2000 nor after next year. */
import { describe, expect, it } from 'vitest';
import { parseYearInput, yearHint } from '../../shared/report/number-input';

describe('parseYearInput', () => {
  it('takes four digits, full-width digits, Chinese numerals and a trailing 年', () => {
    for (const t of ['2024', '２０２４', '二〇二四', '二零二四', '2024年', ' 二〇二四年 ']) expect(parseYearInput(t, 2026)).toEqual({ ok: true, value: 2024 });
    expect(parseYearInput('', 2026)).toEqual({ ok: true, value: null });
  });

  it('takes 2024年度 as 2024, as the report calls its year (it was refused with 「请填写四位数年份」 though it has four digits)', () => {
    for (const t of ['2024年度', '２０２４年度', '二〇二四年度', '2024 年度']) expect(parseYearInput(t, 2026)).toEqual({ ok: true, value: 2024 });
    expect(parseYearInput('年度', 2026)).toEqual({ ok: false, message: yearHint(2026) });
  });

  it('refuses 24 and words with the hint, a year before the first report and a year after next year', () => {
    for (const t of ['24', '去年', '2024.5', '20245']) expect(parseYearInput(t, 2026)).toEqual({ ok: false, message: yearHint(2026) });
    // the example is the year a report written now is for, not a year fixed when the program was written
    expect(yearHint(2026)).toBe('请填写四位数年份，如 2025');
    expect(yearHint(2031)).toBe('请填写四位数年份，如 2030');
    // 1999 has four digits: asking for four digits would not tell the clerk what is wrong
    expect(parseYearInput('1999', 2026)).toEqual({ ok: false, message: '年度不能早于 2000 年（请填写四位数年份，如 2025）' });
    expect(parseYearInput('2027', 2026)).toEqual({ ok: true, value: 2027 });
    expect(parseYearInput('2028', 2026)).toMatchObject({ ok: false, message: expect.stringContaining('不能晚于 2027 年') });
  });
});
