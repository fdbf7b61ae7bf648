import { describe, expect, it } from 'vitest';
import { createReport, restore, serialiseReport, REPORT_VERSION } from '../../shared/report';
import { CELL_IDS } from '../../shared/format/cells';
import { randomConsistentReport } from '../helpers/random-report';
import { seedReport } from '../helpers/seeds';

const base = () => JSON.parse(serialiseReport(seedReport('2023_jiyuan-city.txt')));
const errorsOf = (doc: unknown) => {
  const r = restore(doc);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
};

describe('restore(): every load goes through one door', () => {
  it('round-trips the current version exactly, seeds and random reports', () => {
    for (const r of [seedReport('2023_xuchang-city.txt'), ...Array.from({ length: 20 }, (_, i) => randomConsistentReport(i + 1))]) {
      const back = restore(serialiseReport(r));
      expect(back.ok && back.report).toEqual(r);
    }
  });

  it('migrates a version 1 file (single `narrative` object, no settings) and says so', () => {
    const v1 = { format: 'disclosure-report', version: 1, agency: '某局', year: 2022, cells: { 't3.new.natural': 3 }, narrative: { overview: '总体' } };
    const r = restore(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.report.version).toBe(REPORT_VERSION);
    expect(r.report.narratives.overview).toBe('总体');
    expect(r.report.cells['t3.new.natural']).toBe(3);
    expect(r.report.cells['t3.new.total']).toBeNull();
    expect(r.report.settings.autoTotals).toBe(false);
  });

  it('migrates a version 2 file (no 落款) to an empty 落款, and keeps a 落款 exactly across save and load', () => {
    const v2 = { ...base(), version: 2 };
    delete v2.signOff;
    const r = restore(v2);
    expect(r.ok && r.migratedFrom).toBe(2);
    expect(r.ok && r.report.signOff).toEqual({ agency: '', date: '' });
    const signed = createReport({ ...seedReport('2023_jiyuan-city.txt'), signOff: { agency: '济源市人民政府办公室', date: '2024年1月20日' } });
    const back = restore(serialiseReport(signed));
    expect(back.ok && back.report.signOff).toEqual({ agency: '济源市人民政府办公室', date: '2024年1月20日' });
    expect(back.ok && back.report).toEqual(signed);
    // a program that knew only version 2 would drop the 落款 on save: the version says it is newer
    expect(JSON.parse(serialiseReport(signed)).version).toBeGreaterThan(2);
    expect(errorsOf({ ...base(), signOff: '济源市' }).join()).toContain('落款（signOff）应为对象');
    expect(errorsOf({ ...base(), signOff: { agency: 1, date: '' } }).join()).toContain('落款机关名称应为文本');
  });

  it('refuses a wrong type, a negative or fractional count, too many decimals, an unknown cell id — in Chinese, naming the cell', () => {
    const cases: [string, unknown, RegExp][] = [
      ['t3.new.natural', '12', /自然人.*应为数字/],
      ['t3.new.natural', -1, /不能为负数/],
      ['t4.review.upheld', 1.5, /应为整数/],
      ['t2.fees.amount', '1.1234567', /最多 6 位小数/],
      ['t2.fees.amount', 12.5, /金额文本/],
      ['t2.fees.amount', 'abc', /不是有效金额/],
    ];
    for (const [id, value, re] of cases) {
      const doc = base();
      doc.cells[id] = value;
      const errs = errorsOf(doc);
      expect(errs.join('\n'), `${id}=${String(value)}`).toMatch(re);
      expect(errs.join('\n')).toContain(id);
    }
    const doc = base();
    doc.cells['t3.bogus.natural'] = 1;
    expect(errorsOf(doc).join()).toContain('未知的单元格编号「t3.bogus.natural」');
  });

  it('never crashes on garbage and never fixes silently', () => {
    for (const junk of [
      null,
      42,
      'not json',
      '[]',
      { format: 'other' },
      { format: 'disclosure-report', version: 99 },
      { format: 'disclosure-report', version: 'x' },
    ]) {
      const r = restore(junk);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatch(/[\u4e00-\u9fa5]/);
    }
    const doc = base();
    doc.year = '2023';
    expect(errorsOf(doc).join()).toContain('年度');
  });

  it('keeps money exactly as a decimal string and accepts integer money written as a number', () => {
    const doc = base();
    doc.cells['t2.fees.amount'] = '0005884.015700';
    const r = restore(doc);
    expect(r.ok && r.report.cells['t2.fees.amount']).toBe('5884.015700');
    doc.cells['t2.fees.amount'] = 811;
    const r2 = restore(doc);
    expect(r2.ok && r2.report.cells['t2.fees.amount']).toBe('811');
  });

  it('creates a blank report with all 200 cells empty (not 0) and 合计自动计算 on', () => {
    const r = createReport();
    expect(Object.values(r.cells).every((v) => v === null)).toBe(true);
    expect(r.settings.autoTotals).toBe(true);
  });

  it("gives every cell id in the format's order, whatever order the file wrote them in (validate --json prints them as they are)", () => {
    const doc = base();
    doc.cells = Object.fromEntries(Object.entries(doc.cells as Record<string, unknown>).reverse());
    const r = restore(doc);
    expect(r.ok && Object.keys(r.report.cells)).toEqual(CELL_IDS);
    const partial = restore({ ...base(), cells: { 't4.suit_after_review.total': 3, 't2.rules.issued': 1 } });
    expect(partial.ok && Object.keys(partial.report.cells)).toEqual(CELL_IDS);
  });

  it("accepts a report in memory exactly as it accepts the JSON saved of it (opening a file restores the reader's report directly)", () => {
    for (const r of [seedReport('2023_xuchang-city.txt'), ...Array.from({ length: 20 }, (_, i) => randomConsistentReport(i + 101))]) {
      const direct = restore(r);
      const saved = restore(JSON.parse(serialiseReport(r)));
      expect(direct).toEqual(saved);
      expect(direct.ok && serialiseReport(direct.report)).toBe(serialiseReport(r));
    }
    // what JSON would quietly turn into a blank (NaN → null) is refused in memory, never let through
    const nan = createReport({ cells: { 't2.rules.issued': Number.NaN } });
    expect(restore(nan).ok).toBe(false);
  });
});
