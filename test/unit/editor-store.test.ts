import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReport } from '../../shared/report/document';
import { COMPUTED_CELLS } from '../../shared/report/totals';
import { randomConsistentReport } from '../helpers/random-report';
import { seedReport, SEED_FILES } from '../helpers/seeds';
import { cancelEdit, endEdit, loadReport, redo, setAutoTotals, setCells, typeCell, undo, useDoc } from '../../src-renderer/store/document-store';
import { acceptEntry, commitCell, escapeCell, inputCell, READ_ONLY_HINT } from '../../src-renderer/store/cell-actions';
import { derive, groupFindings } from '../../src-renderer/store/findings';
import { useView } from '../../src-renderer/store/view-store';

const cells = () => useDoc.getState().report.cells;
const past = () => useDoc.temporal.getState().pastStates.length;

beforeEach(() => {
  vi.useFakeTimers();
  loadReport(createReport());
  useView.setState({ edit: null, hints: {}, selection: null, anchor: null });
});
afterEach(() => vi.useRealTimers());

describe('document store: edits, totals and undo', () => {
  it('a new report has 合计自动计算 on and the totals follow their parts', () => {
    expect(useDoc.getState().report.settings.autoTotals).toBe(true);
    typeCell('t3.granted.natural', 5);
    typeCell('t3.granted.commercial', 2);
    endEdit();
    expect(cells()['t3.granted.total']).toBe(7);
    expect(cells()['t3.total.natural']).toBe(5);
    expect(cells()['t3.total.total']).toBe(7);
    // a total whose parts are all blank stays blank: blank is not 0
    expect(cells()['t3.new.total']).toBeNull();
  });

  it('keystrokes in one cell are one undo step; undo and redo restore the document', () => {
    typeCell('t3.new.natural', 1);
    typeCell('t3.new.natural', 12);
    typeCell('t3.new.natural', 123);
    expect(past()).toBe(0); // still typing
    endEdit();
    expect(past()).toBe(1);
    typeCell('t3.new.commercial', 4);
    endEdit();
    expect(past()).toBe(2);
    undo();
    expect(cells()['t3.new.commercial']).toBeNull();
    expect(cells()['t3.new.natural']).toBe(123);
    undo();
    expect(cells()['t3.new.natural']).toBeNull();
    expect(cells()['t3.new.total']).toBeNull();
    redo();
    expect(cells()['t3.new.natural']).toBe(123);
    expect(cells()['t3.new.total']).toBe(123);
    redo();
    expect(cells()['t3.new.commercial']).toBe(4);
  });

  it('Esc drops the edit session without a history entry', () => {
    typeCell('t4.review.upheld', 3);
    endEdit();
    typeCell('t4.review.upheld', 9);
    cancelEdit();
    expect(cells()['t4.review.upheld']).toBe(3);
    expect(past()).toBe(1);
  });

  it('a pasted block is one undo step', () => {
    setCells({ 't3.new.natural': 1, 't3.new.commercial': 2, 't3.carried_in.natural': 3 });
    expect(past()).toBe(1);
    undo();
    expect(cells()['t3.new.natural']).toBeNull();
    expect(cells()['t3.carried_in.natural']).toBeNull();
  });

  it('loading a report starts a fresh history and keeps its own 合计自动计算 setting', () => {
    typeCell('t3.new.natural', 1);
    endEdit();
    const seed = seedReport(SEED_FILES[0]!);
    loadReport(seed);
    expect(past()).toBe(0);
    expect(useDoc.getState().report.settings.autoTotals).toBe(false);
    expect(useDoc.getState().report.cells).toEqual(seed.cells);
  });

  it('with 合计自动计算 off a typed total that disagrees is an error finding; switching on recomputes it', () => {
    loadReport(randomConsistentReport(7));
    setAutoTotals(false);
    expect(derive(useDoc.getState().report).counts.error).toBe(0);
    const wrong = (cells()['t3.granted.total'] as number) + 1;
    typeCell('t3.granted.total', wrong);
    endEdit();
    const d = derive(useDoc.getState().report);
    expect(d.findings.some((f) => f.code === 'T3-ROW-TOTAL' && f.cells.includes('t3.granted.total'))).toBe(true);
    expect(d.marks.get('t3.granted.total')?.severity).toBe('error');
    setAutoTotals(true);
    expect(cells()['t3.granted.total']).toBe(wrong - 1);
    expect(derive(useDoc.getState().report).findings.some((f) => f.code === 'T3-ROW-TOTAL')).toBe(false);
    undo();
    expect(cells()['t3.granted.total']).toBe(wrong);
  });
});

describe('cell input: an entry checked as a whole', () => {
  it('accepts full-width digits and thousands separators, refuses letters with a Chinese hint and keeps the value', () => {
    expect(inputCell('t3.new.natural', '１２')).toBe(true);
    expect(cells()['t3.new.natural']).toBe(12);
    commitCell('t3.new.natural');
    // the text stays as typed, refused; the document keeps the value from before the entry
    expect(inputCell('t3.new.natural', '12a')).toBe(false);
    expect(useView.getState().edit).toMatchObject({ draft: '12a', refused: expect.stringMatching(/数字/) });
    expect(cells()['t3.new.natural']).toBe(12);
    commitCell('t3.new.natural');
    expect(useView.getState().hints['t3.new.natural']).toMatch(/已恢复原值/);
    expect(inputCell('t2.license.decisions', '1,234')).toBe(true);
    expect(cells()['t2.license.decisions']).toBe(1234);
    commitCell('t2.license.decisions');
    expect(inputCell('t3.new.natural', '-3')).toBe(false);
    expect(useView.getState().edit?.refused).toBe('件数不能为负数');
    expect(inputCell('t3.new.natural', '2.5')).toBe(false);
    expect(cells()['t3.new.natural']).toBe(12);
  });

  it('a refused entry keeps the clerk in the cell (acceptEntry false) until corrected; the document never sees it', () => {
    inputCell('t3.new.natural', '12');
    commitCell('t3.new.natural');
    inputCell('t3.new.natural', '-');
    inputCell('t3.new.natural', '-5');
    expect(acceptEntry('t3.new.natural')).toBe(false);
    expect(cells()['t3.new.natural']).toBe(12);
    inputCell('t3.new.natural', '5');
    expect(acceptEntry('t3.new.natural')).toBe(true);
    expect(cells()['t3.new.natural']).toBe(5);
    expect(useView.getState().edit).toBeNull();
  });

  it('money takes up to six decimals (万元), not seven', () => {
    expect(inputCell('t2.fees.amount', '0.123456')).toBe(true);
    expect(cells()['t2.fees.amount']).toBe('0.123456');
    commitCell('t2.fees.amount');
    expect(inputCell('t2.fees.amount', '0.1234567')).toBe(false);
    expect(cells()['t2.fees.amount']).toBe('0.123456');
  });

  it('empty is blank, not 0', () => {
    inputCell('t3.new.natural', '0');
    expect(cells()['t3.new.natural']).toBe(0);
    inputCell('t3.new.natural', '');
    expect(cells()['t3.new.natural']).toBeNull();
  });

  it('an unfinished number is kept as typed and dropped on leaving if still invalid', () => {
    inputCell('t3.new.natural', '7');
    commitCell('t3.new.natural');
    expect(inputCell('t3.new.natural', '1,2')).toBe(true);
    expect(useView.getState().edit?.draft).toBe('1,2');
    commitCell('t3.new.natural');
    expect(cells()['t3.new.natural']).toBe(7);
    expect(useView.getState().hints['t3.new.natural']).toMatch(/已恢复原值/);
    expect(useView.getState().edit).toBeNull();
  });

  it('Esc restores the value the cell had', () => {
    inputCell('t3.new.natural', '5');
    commitCell('t3.new.natural');
    inputCell('t3.new.natural', '58');
    expect(cells()['t3.new.natural']).toBe(58);
    escapeCell('t3.new.natural');
    expect(cells()['t3.new.natural']).toBe(5);
  });

  it('computed totals refuse typing while 合计自动计算 is on, accept it when off', () => {
    expect(COMPUTED_CELLS.has('t3.new.total')).toBe(true);
    expect(inputCell('t3.new.total', '9')).toBe(false);
    expect(useView.getState().hints['t3.new.total']).toBe(READ_ONLY_HINT);
    setAutoTotals(false);
    expect(inputCell('t3.new.total', '9')).toBe(true);
    expect(cells()['t3.new.total']).toBe(9);
  });
});

describe('derived findings', () => {
  it('are computed once per document version and not painted for blank-cell reminders', () => {
    const r = useDoc.getState().report;
    const a = derive(r);
    expect(derive(r)).toBe(a);
    expect(a.findings.some((f) => f.code === 'BLANK-CELLS')).toBe(true);
    expect(a.marks.size).toBe(0);
    expect(a.counts.warning).toBe(a.findings.filter((f) => f.severity === 'warning').length);
  });

  it('group by table in the order 表三, 表二, 表四, 正文, 基本信息', () => {
    setAutoTotals(false);
    setCells({ 't3.new.natural': 3, 't3.new.total': 4, 't4.review.upheld': 1, 't4.review.total': 5 });
    const groups = groupFindings(derive(useDoc.getState().report).findings);
    expect(groups.map((g) => g.key)).toEqual(['t3', 't2', 't4', 'narrative', 'general']);
    expect(groups[0]!.findings.some((f) => f.code === 'T3-ROW-TOTAL' && f.severity === 'error')).toBe(true);
    expect(groups[2]!.findings.some((f) => f.code === 'T4-TOTAL')).toBe(true);
  });
});
