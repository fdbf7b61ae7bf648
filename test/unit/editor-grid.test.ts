import { describe, expect, it } from 'vitest';
import { T3_COLUMNS, T3_ROWS } from '../../shared/format/table3';
import { CELL_IDS, cellDef } from '../../shared/format/cells';
import { createReport } from '../../shared/report/document';
import { GRIDS, TAB_ORDER, enterFrom, moveFrom, rectBetween } from '../../src-renderer/model/grid';
import { COMPUTED_CELLS } from '../../shared/report/totals';
import { copyBlock, isBlock, parseBlock, planPaste, withoutLabels } from '../../src-renderer/model/clipboard';

describe('the keyboard follows the printed tables', () => {
  it('表三 is 25 rows of 7 cells in the order of the format, 表四 one row of 15', () => {
    expect(GRIDS.t3.rows.length).toBe(T3_ROWS.length);
    expect(GRIDS.t3.rows.every((r) => r.length === T3_COLUMNS.length)).toBe(true);
    expect(GRIDS.t3.rows[2]![0]).toBe('t3.granted.natural');
    expect(GRIDS.t4.rows).toHaveLength(1);
    expect(GRIDS.t4.rows[0]).toHaveLength(15);
    expect(new Set(TAB_ORDER)).toEqual(new Set(CELL_IDS));
  });

  it('arrows move within a table and stop at its edges', () => {
    expect(moveFrom('t3.new.natural', 'down')).toBe('t3.carried_in.natural');
    expect(moveFrom('t3.new.natural', 'up')).toBe('t3.new.natural');
    expect(moveFrom('t3.new.natural', 'right')).toBe('t3.new.commercial');
    expect(moveFrom('t3.new.total', 'right')).toBe('t3.new.total');
    expect(moveFrom('t3.carried_out.legal', 'down')).toBe('t3.carried_out.legal');
    // 表二: from the three-column block down into a one-column block whose cell spans all three
    expect(moveFrom('t2.normative.repealed', 'down')).toBe('t2.license.decisions');
    expect(moveFrom('t2.license.decisions', 'up')).toBe('t2.normative.issued');
  });

  it('Tab walks every cell in reading order across tables', () => {
    expect(moveFrom('t2.fees.amount', 'next')).toBe('t3.new.natural');
    expect(moveFrom('t3.new.natural', 'prev')).toBe('t2.fees.amount');
    expect(moveFrom('t3.new.total', 'next')).toBe('t3.carried_in.natural');
  });

  it('Tab and Enter pass over the cells to skip (the computed 总计); arrows do not', () => {
    const locked = (id: string) => COMPUTED_CELLS.has(id as never);
    expect(moveFrom('t3.new.other_org', 'next', locked)).toBe('t3.carried_in.natural');
    expect(moveFrom('t3.carried_in.natural', 'prev', locked)).toBe('t3.new.other_org');
    expect(moveFrom('t3.new.other_org', 'right', locked)).toBe('t3.new.total');
    expect(enterFrom('t3.other_other.natural', false, locked)).toBe('t3.carried_out.natural');
    expect(enterFrom('t3.carried_out.natural', true, locked)).toBe('t3.other_other.natural');
    // from a total (reached by the arrows) Enter runs down the locked column and on to the next table;
    // at the foot of a table it goes on in reading order, as before
    expect(enterFrom('t3.other_other.total', false, locked)).toBe('t4.review.upheld');
    expect(enterFrom('t3.carried_out.natural', false, locked)).toBe('t3.carried_out.commercial');
    expect(moveFrom('t4.review.pending', 'next', locked)).toBe('t4.suit_direct.upheld');
    // the last cell of all: nowhere to go but where it is
    expect(moveFrom('t4.suit_after_review.pending', 'next', locked)).toBe('t4.suit_after_review.pending');
  });
});

describe('paste and copy blocks like Excel / WPS', () => {
  it('parses tab/newline blocks, ignoring the trailing newline Excel adds', () => {
    expect(parseBlock('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(isBlock('12\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
  });

  it('fills right and down from the focused cell, refusing bad values one by one', () => {
    const block = parseBlock('1\t2\t3\t4\n5\tx\t7\t8\n9\t10\t-1\t12\n');
    const plan = planPaste('t3.granted.natural', block, () => false);
    expect(plan.values['t3.granted.natural']).toBe(1);
    expect(plan.values['t3.granted.nonprofit']).toBe(4);
    expect(plan.values['t3.partial.natural']).toBe(5);
    expect(plan.values['t3.withheld_secret.nonprofit']).toBe(12);
    expect(Object.keys(plan.values)).toHaveLength(10);
    expect(Object.keys(plan.refused).sort()).toEqual(['t3.partial.commercial', 't3.withheld_secret.research']);
    expect(plan.refused['t3.withheld_secret.research']).toMatch(/负数/);
    expect(plan.outside).toBe(0);
    expect(plan.rect).toEqual({ table: 't3', r0: 2, c0: 0, r1: 4, c1: 3 });
  });

  it('counts what falls outside the table and keeps values pasted over read-only totals apart, to be compared', () => {
    const plan = planPaste('t3.new.other_org', [['1', '2', '3']], (id) => id.endsWith('.total'));
    expect(plan.values).toEqual({ 't3.new.other_org': 1 });
    expect(plan.totals).toEqual({ 't3.new.total': 2 });
    expect(plan.refused).toEqual({});
    expect(plan.outside).toBe(1);
    // text that is no number over a total is still refused; a blank one is nothing to compare
    const words = planPaste('t3.new.legal', [['1', '', '合计']], (id) => id.endsWith('.total'));
    expect(words.refused['t3.new.total']).toMatch(/自动计算/);
    expect(words.totals).toEqual({});
  });

  it('a table copied from Excel with its headings and row labels is pasted by its numbers alone', () => {
    // 表三 as a sheet copies it: a title row, the merged header rows, three label columns (a merged label is written
    // in its first cell only), then the seven numbers of each row
    const rows = GRIDS.t3.rows.map((ids, r) => {
      const path = cellDef(ids[0]!)!.rowPath;
      const labels = [path[0] ?? '', path[1] ?? '', path[2] ?? ''].map((l, i) => (r > 2 && i === 0 ? '' : l));
      return [...labels, ...ids.map((_, c) => String(r * 10 + c))];
    });
    const block = [
      ['表三 收到和处理政府信息公开申请情况'],
      ['（本列数据的勾稽关系为：…）', '', '', '申请人情况'],
      ['', '', '', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      ...rows,
    ];
    const { block: numbers, rows: headRows, columns } = withoutLabels(block);
    expect([headRows, columns]).toEqual([3, 3]);
    expect(numbers).toHaveLength(25);
    expect(numbers[2]).toEqual(['20', '21', '22', '23', '24', '25', '26']);
    const plan = planPaste('t3.new.natural', numbers, (id) => id.endsWith('.total'));
    expect(plan.values['t3.granted.natural']).toBe(20);
    expect(plan.values['t3.carried_out.other_org']).toBe(245);
    expect(plan.refused).toEqual({});
    expect(plan.outside).toBe(0);
  });

  it('keeps a block of numbers, blanks and mistakes as it is: only whole columns of words and leading rows without a number are labels', () => {
    for (const text of ['1\t2\n3\t4', '1\tx\n\t4', 'x\t1\n2\t3', '\t1\n\t2', '-5\t1']) {
      const block = parseBlock(text);
      expect(withoutLabels(block), text).toEqual({ block, rows: 0, columns: 0 });
    }
    expect(withoutLabels(parseBlock('规章\t0\t0\t0\n行政规范性文件\t57\t22\t486'))).toEqual({
      block: [
        ['0', '0', '0'],
        ['57', '22', '486'],
      ],
      rows: 0,
      columns: 1,
    });
    // a block with no number at all is not a table: left to be refused cell by cell, as typed
    expect(withoutLabels(parseBlock('a\tb\nc\td'))).toEqual({ block: parseBlock('a\tb\nc\td'), rows: 0, columns: 0 });
  });

  it('copies a selected block back as tabs and newlines (blank stays blank)', () => {
    const r = createReport({ cells: { 't3.new.natural': 3, 't3.new.commercial': 0, 't3.carried_in.natural': 12 } });
    expect(copyBlock(rectBetween('t3.new.natural', 't3.carried_in.research')!, r.cells)).toBe('3\t0\t\n12\t\t');
  });
});
