import { describe, expect, it } from 'vitest';
import { CELLS, CELL_IDS, cellDef, cellLabel, tableLayout, TABLE_IDS } from '../../shared/format';
import expected from '../fixtures/seeds/expected.json';

describe('the format as data', () => {
  it('has exactly the 200 numeric cells of the statutory tables, in the ids the seeds use', () => {
    expect(CELLS.length).toBe(200);
    expect(new Set(CELL_IDS).size).toBe(200);
    for (const r of Object.values(expected.reports)) expect(Object.keys(r.cells).sort()).toEqual([...CELL_IDS].sort());
  });

  it('gives 表三 25 rows × 7 columns and 表四 15 cells', () => {
    expect(CELLS.filter((c) => c.table === 't3')).toHaveLength(175);
    expect(CELLS.filter((c) => c.table === 't4')).toHaveLength(15);
    expect(CELLS.filter((c) => c.table === 't2')).toHaveLength(10);
    expect(cellDef('t2.fees.amount')!.unit).toBe('money');
    expect(cellDef('t3.withheld_secret.legal')!.rowPath).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    expect(cellLabel('t3.withheld_secret.legal')).toContain('法律服务机构');
  });

  it('lays every data cell exactly once in the merged-header grids, with no overlap', () => {
    for (const t of TABLE_IDS) {
      const layout = tableLayout(t);
      const occupied = new Set<string>();
      const dataIds: string[] = [];
      for (const row of layout.rows)
        for (const c of row) {
          for (let r = c.row; r < c.row + c.rowSpan; r++)
            for (let k = c.col; k < c.col + c.colSpan; k++) {
              const key = `${r},${k}`;
              expect(occupied.has(key), `${t} ${key} covered twice`).toBe(false);
              occupied.add(key);
            }
          if (c.cellId) dataIds.push(c.cellId);
        }
      expect(occupied.size).toBe(layout.rows.length * layout.columnCount);
      expect(dataIds.sort()).toEqual(
        CELLS.filter((c) => c.table === t)
          .map((c) => c.id)
          .sort(),
      );
    }
  });
});
