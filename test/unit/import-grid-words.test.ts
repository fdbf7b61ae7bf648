import { describe, expect, it } from 'vitest';
import { classifyTable, splitGrid } from '../../shared/import/blocks-reader';

/**
 * Which statutory table a grid is, and where a grid holding several splits, are found on the grid's text with each
 * figure written 0 (the text then recurs from report to report and is remembered). A figure between two cells still
 * separates them: a table's words broken by a figure are not found, as before.
 */
describe('table words of a grid, figures written 0', () => {
  it('the same grid with other figures is the same table', () => {
    const grid = (a: string, b: string) => [
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
      ['一、本年新收政府信息公开申请数量', a, b],
    ];
    expect(classifyTable(grid('12', '7'))).toBe('t3');
    expect(classifyTable(grid('130', '0'))).toBe('t3');
  });

  it('words broken by a figure cell are not joined across it', () => {
    expect(classifyTable([['申请人情况', '']])).toBe('t3');
    expect(classifyTable([['申请人', '12', '情况']])).toBeNull();
    // a typo's halves on either side of a figure are not read as the word it stands for (钩稽 for 勾稽)
    expect(classifyTable([['钩', '3', '稽关系']])).toBeNull();
    expect(classifyTable([['钩稽关系']])).toBe('t3');
  });

  it('a grid holding 表二 and 表三 splits at the row that opens 表三, whatever its figures', () => {
    const rows = [
      ['第二十条第（一）项', '', ''],
      ['规章', '5', '1'],
      ['申请人情况', '自然人', '商业企业'],
      ['一、本年新收政府信息公开申请数量', '30', '4'],
    ];
    expect(splitGrid(rows).map((p) => [p.table, p.rows.length])).toEqual([
      ['t2', 2],
      ['t3', 2],
    ]);
  });
});
