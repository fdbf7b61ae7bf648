import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/rules';
import { identityCheck } from '../../shared/rules/checks';
import { cellValues, withCellValues } from '../../shared/rules/cell-values';
import { CELLS } from '../../shared/format/cells';
import { seedReport } from '../helpers/seeds';

const codes = (r: ReturnType<typeof seedReport>) => evaluate(r).map((f) => f.code);

describe('the cell values the table checks read once per evaluation', () => {
  it('are the report’s cells in the format’s order', () => {
    const r = seedReport('2023_jiyuan-city.txt');
    expect(cellValues(r.cells)).toEqual(CELLS.map((c) => r.cells[c.id]));
  });

  it('are read afresh by the next evaluation: a cell changed in place between two evaluations is seen', () => {
    const r = seedReport('2023_jiyuan-city.txt');
    expect(codes(r)).not.toContain('T3-ROW-TOTAL');
    (r.cells as Record<string, unknown>)['t3.new.total'] = 336;
    expect(codes(r)).toContain('T3-ROW-TOTAL');
    (r.cells as Record<string, unknown>)['t3.new.total'] = 335;
    expect(codes(r)).not.toContain('T3-ROW-TOTAL');
  });

  it('are kept only inside the evaluation: a check called on its own reads the cells as they are', () => {
    const r = seedReport('2023_jiyuan-city.txt');
    const ctx = { report: r, previous: null, uncertain: new Set<never>() };
    withCellValues(r.cells, () => expect(identityCheck(ctx)).toEqual([]));
    (r.cells as Record<string, unknown>)['t3.new.total'] = 336;
    expect(identityCheck(ctx).map((f) => f.code)).toContain('T3-ROW-TOTAL');
  });
});
