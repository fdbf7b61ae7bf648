/** A value valid in form but implausibly large (a key pressed twice) is a warning naming its cell. */
import { describe, expect, it } from 'vitest';
import { createReport } from '../../shared/report/document';
import { evaluate } from '../../shared/rules/evaluate';

const implausible = (cells: Record<string, number | string | null>) =>
  evaluate(createReport({ cells: { ...createReport().cells, ...cells } })).filter((f) => f.code === 'VALUE-IMPLAUSIBLE');

describe('VALUE-IMPLAUSIBLE: counts over 8 digits, amounts over 10,000,000 万元', () => {
  it('warns of a 15-digit count, naming the cell', () => {
    const [f, ...rest] = implausible({ 't3.new.natural': 123456789012345 });
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.cells).toEqual(['t3.new.natural']);
    expect(f!.message).toContain('自然人');
    expect(f!.message).toContain('123456789012345');
    expect(f!.message).toContain('请核对是否多输入了数字');
  });

  it('warns of a 21-digit amount', () => {
    const [f] = implausible({ 't2.fees.amount': '123456789012345678901' });
    expect(f!.cells).toEqual(['t2.fees.amount']);
    expect(f!.message).toContain('请核对是否多输入了数字');
  });

  it('takes 8-digit counts and 10,000,000 万元 exactly without a word', () => {
    expect(implausible({ 't3.new.natural': 99_999_999, 't2.fees.amount': '10000000' })).toEqual([]);
    expect(implausible({ 't3.new.natural': 100_000_000 })).toHaveLength(1);
    expect(implausible({ 't2.fees.amount': '10000000.000001' })).toHaveLength(1);
  });
});
