import { describe, expect, it } from 'vitest';
import { addMoney, fenToMoney, moneyToFen, parseCellInput } from '../../shared/report';

describe('exact money (万元 to the 分)', () => {
  it('adds without float error', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.3');
    expect(addMoney('24252.311082', '5949.09')).toBe('30201.401082');
    expect(fenToMoney(moneyToFen('96171.6')! * 3n)).toBe('288514.8');
    expect(moneyToFen('1.0000001')).toBeNull();
  });
});

describe('what a clerk types', () => {
  it('normalises full-width digits and thousands separators for counts', () => {
    expect(parseCellInput('１２３', 'count')).toEqual({ ok: true, value: 123 });
    expect(parseCellInput('1,234', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput(' 7 ', 'count')).toEqual({ ok: true, value: 7 });
    expect(parseCellInput('', 'count')).toEqual({ ok: true, value: null });
  });
  it('refuses what is not a count, with a Chinese hint', () => {
    for (const bad of ['-1', '1.5', 'abc', '12a']) {
      const r = parseCellInput(bad, 'count');
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
  it('accepts 万元 with up to 6 decimals, kept as written', () => {
    expect(parseCellInput('5884.0157', 'money')).toEqual({ ok: true, value: '5884.0157' });
    expect(parseCellInput('１２.５０', 'money')).toEqual({ ok: true, value: '12.50' });
    expect(parseCellInput('1.1234567', 'money').ok).toBe(false);
    expect(parseCellInput('-3', 'money').ok).toBe(false);
  });

  it('takes .5 万元 as 0.5, as a sheet does (it was refused as 「只能填写金额数字」, which it is)', () => {
    expect(parseCellInput('.5', 'money')).toEqual({ ok: true, value: '0.5' });
    expect(parseCellInput('．２５', 'money')).toEqual({ ok: true, value: '0.25' });
    expect(parseCellInput('.1234567', 'money').ok).toBe(false);
    expect(parseCellInput('.', 'money').ok).toBe(false);
    expect(parseCellInput('.5', 'count')).toEqual({ ok: false, message: '件数应为整数' });
  });

  it('takes 12.00 or 12. as the count 12, as a sheet formatted with decimals copies it (it was refused as 「件数应为整数」, which it is)', () => {
    expect(parseCellInput('12.00', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseCellInput('12.', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseCellInput('１,２３４.０', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput('0.0', 'count')).toEqual({ ok: true, value: 0 });
    expect(parseCellInput('12.50', 'count')).toEqual({ ok: false, message: '件数应为整数' });
    expect(parseCellInput('12.01', 'count')).toEqual({ ok: false, message: '件数应为整数' });
  });

  it('a dash (a zero or a blank in an accounting-format sheet) is named as a dash, not as a negative number', () => {
    for (const dash of ['-', '－', '—', '–', '--', ' - ']) {
      expect(parseCellInput(dash, 'count'), dash).toEqual({ ok: false, message: '不是数字：没有的请填 0，不知道的留空' });
      expect(parseCellInput(dash, 'money'), dash).toEqual({ ok: false, message: '不是数字：没有的请填 0，不知道的留空' });
    }
    // a full-width minus is a minus
    expect(parseCellInput('－5', 'count')).toEqual({ ok: false, message: '件数不能为负数' });
    expect(parseCellInput('－5', 'money')).toEqual({ ok: false, message: '金额不能为负数' });
  });
});
