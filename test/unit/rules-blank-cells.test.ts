import { describe, expect, it } from 'vitest';
import { createReport } from '../../shared/report/document';
import { evaluate } from '../../shared/rules/evaluate';

const blankFindings = (cells: Record<string, number | null> = {}) =>
  evaluate(createReport({ cells: { ...createReport().cells, ...cells } })).filter((f) => f.code === 'BLANK-CELLS');

describe('BLANK-CELLS: one warning per table with blank cells', () => {
  it('says a table not yet begun is blank, without listing example cells', () => {
    const t3 = blankFindings().find((f) => f.cells[0]!.startsWith('t3.'))!;
    expect(t3.message).toBe('表三尚未填写（175 个单元格均为空白）。无数据请填 0。');
    expect(t3.cells).toHaveLength(175);
  });

  it('names the first blank cells of a table partly filled, so the clerk can find them', () => {
    const t4 = blankFindings({ 't4.review.upheld': 1 }).find((f) => f.cells[0]!.startsWith('t4.'))!;
    expect(t4.cells).toHaveLength(14);
    expect(t4.message).toMatch(/^表四有 14 个单元格未填写（如 表四 .+ 等）。无数据请填 0；空白在合计中按 0 计算。$/);
    expect(t4.cells).not.toContain('t4.review.upheld');
  });
});
