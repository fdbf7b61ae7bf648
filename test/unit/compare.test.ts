import type { CellId } from '../../shared/format/types';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format/cells';
import { createReport } from '../../shared/report';
import { changedCells, compareReports } from '../../shared/app/compare';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const last = () => ({ ...seedReport(SEED_FILES[4]!), year: 2022 });

describe('compareReports', () => {
  it('gives every cell with last year, this year and the change (万元 exact)', () => {
    const a = last();
    const b = seedReport(SEED_FILES[4]!);
    const c = compareReports(a, { ...b, cells: { ...b.cells, 't3.new.natural': (b.cells['t3.new.natural'] as number) + 5, 't2.fees.amount': '0.3' } });
    expect(c.cells.map((x) => x.id)).toEqual([...CELL_IDS]);
    const nat = c.cells.find((x) => x.id === 't3.new.natural')!;
    expect(nat.change).toBe(5);
    expect(nat.last).toBe(a.cells['t3.new.natural']);
    const fee = c.cells.find((x) => x.id === 't2.fees.amount')!;
    const lastFee = a.cells['t2.fees.amount'] as string;
    expect(fee.current).toBe('0.3');
    // 0.3 − last year's fee, computed here by scaling to integers
    const [i, f = ''] = lastFee.split('.');
    const lastFen = BigInt(i!) * 1_000_000n + BigInt(f.padEnd(6, '0'));
    const diff = 300_000n - lastFen;
    const abs = diff < 0n ? -diff : diff;
    const text = `${diff < 0n ? '-' : ''}${abs / 1_000_000n}${abs % 1_000_000n ? `.${(abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '')}` : ''}`;
    expect(fee.change).toBe(text);
    expect(
      changedCells(c)
        .map((x) => x.id)
        .sort(),
    ).toEqual(['t2.fees.amount', 't3.new.natural']);
  });

  it('percent is one decimal of last year; none when last year is 0 or blank', () => {
    const a = createReport({ year: 2023, cells: { 't3.new.natural': 8, 't3.new.commercial': 0, 't2.fees.amount': '2' } });
    const b = createReport({ year: 2024, cells: { 't3.new.natural': 9, 't3.new.commercial': 4, 't3.new.research': 1, 't2.fees.amount': '3' } });
    const c = compareReports(a, b);
    const get = (id: string) => c.cells.find((x) => x.id === id)!;
    expect(get('t3.new.natural').percent).toBe(12.5);
    expect(get('t3.new.commercial').percent).toBeNull();
    expect(get('t3.new.research')).toMatchObject({ last: null, current: 1, change: null, percent: null });
    expect(get('t2.fees.amount')).toMatchObject({ change: '1', percent: 50 });
  });

  it('gives the cross-year findings of evaluate(thisYear, lastYear), and only those', () => {
    const a = last();
    const b = seedReport(SEED_FILES[4]!);
    const broken = { ...b, cells: { ...b.cells, 't3.carried_in.natural': (a.cells['t3.carried_out.natural'] as number) + 1 } };
    const c = compareReports(a, broken);
    expect(c.crossYear.map((f) => f.code)).toContain('X-CARRY');
    // the table identities broken by the edit are this year's own findings, not cross-year ones
    expect(c.crossYear.some((f) => f.code.startsWith('T3-'))).toBe(false);
    const matching = { ...a.cells };
    for (const id of CELL_IDS.filter((x) => x.startsWith('t3.carried_in.'))) matching[id.replace('carried_in', 'carried_out') as CellId] = b.cells[id]!;
    expect(compareReports({ ...a, cells: matching }, b).crossYear.filter((f) => f.code === 'X-CARRY')).toEqual([]);
    expect(compareReports({ ...a, year: 2020 }, b).crossYear.map((f) => f.code)).toContain('X-YEAR');
  });
});
