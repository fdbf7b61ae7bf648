import { describe, expect, it } from 'vitest';
import { RowAssembler } from '../../shared/import/row-assembler';

/** Records what the assembler hands to its mapper. */
const record = () => {
  const got: { row: string; cells: readonly string[]; gathered: boolean }[] = [];
  const a = new RowAssembler<string>((row, cells, gathered) => got.push({ row, cells: [...cells], gathered }));
  return { a, got };
};

describe('one row assembler for rows a reader broke over lines', () => {
  it('gives a line of numbers to the oldest waiting label, in order', () => {
    const { a, got } = record();
    a.wait('new');
    a.wait('carried_in');
    expect(a.numberLine(['1', '2', '3'], () => 3)).toBe('settled');
    expect(a.numberLine(['4', '', '6'], () => 3)).toBe('settled');
    expect(got).toEqual([
      { row: 'new', cells: ['1', '2', '3'], gathered: false },
      { row: 'carried_in', cells: ['4', '', '6'], gathered: false },
    ]);
  });

  it('gathers numbers that come one per line until the row has one per column, then says they were gathered', () => {
    const { a, got } = record();
    a.wait('new');
    expect(a.numberLine(['7'], () => 3)).toBe('started');
    expect(a.numberLine(['8'], () => 3)).toBe('gathered');
    expect(got).toEqual([]);
    expect(a.numberLine(['9'], () => 3)).toBe('gathered');
    expect(got).toEqual([{ row: 'new', cells: ['7', '8', '9'], gathered: true }]);
  });

  it('hands over a short gathering when a new label begins, and reports numbers with no row', () => {
    const { a, got } = record();
    a.wait('new');
    a.numberLine(['7'], () => 3);
    a.flush();
    expect(got).toEqual([{ row: 'new', cells: ['7'], gathered: true }]);
    expect(a.numberLine(['5', '6', '7'], () => 3)).toBe('orphan');
  });

  it('takes a row of unknown width as its line stands', () => {
    const { a, got } = record();
    a.wait('2019');
    expect(a.numberLine(['1'], () => Number.POSITIVE_INFINITY)).toBe('settled');
    expect(got).toEqual([{ row: '2019', cells: ['1'], gathered: false }]);
  });

  it('keeps the tail of an unmatched label, and gives the numbers on the rest of a broken label to the waiting row', () => {
    const { a, got } = record();
    a.keep('行政规', 4);
    a.keep('范性文件', 4);
    expect(a.fragment).toBe('范性文件');
    a.wait('normative');
    expect(a.continueFirst(['3', '4'])).toBe(true);
    expect(a.fragment).toBe('');
    expect(got).toEqual([{ row: 'normative', cells: ['3', '4'], gathered: false }]);
    expect(a.continueFirst(['5'])).toBe(false);
    a.wait('x');
    expect(a.drain()).toEqual(['x']);
    expect(a.pending).toEqual([]);
  });
});
