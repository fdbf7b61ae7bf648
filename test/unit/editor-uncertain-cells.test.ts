/**
 * The editor keeps quiet about a sentence compared with a cell the reader was not sure of (issue 16, item 1): the
 * opened report carries the cells of uncertain rows, and while a cell keeps the value read, no narrative finding
 * accuses the text against it; once the clerk changes the cell, the comparison is back.
 */
import { describe, expect, it } from 'vitest';
import { openedForEditor } from '../../shared/app/open-report';
import { createReport } from '../../shared/report';
import { derive, setUncertainCells } from '../../src-renderer/store/findings';
import { seedReport } from '../helpers/seeds';

const J = '2023_jiyuan-city.txt';
const report = createReport({ ...seedReport(J), narratives: { overview: '全年共收到政府信息公开申请 300 件。', problems: '', other_matters: '' } });
const ROW = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => `t3.new.${c}` as const);
const note = {
  level: 'warning' as const,
  table: 't3' as const,
  message: '表三「一、本年新收政府信息公开申请数量」一行有空格，数字所在的列无法完全确定，请核对',
  cells: ROW,
};

describe('editor: cells the reader was not sure of', () => {
  it('an imported file hands the editor the cells its warnings name', () => {
    const opened = openedForEditor('济源.txt', { ok: true, kind: 'import', source: 'text', report, notes: [note] } as unknown as Parameters<
      typeof openedForEditor
    >[1]);
    expect(opened.uncertainCells).toEqual(ROW);
    const plain = openedForEditor('济源.txt', {
      ok: true,
      kind: 'import',
      source: 'text',
      report,
      notes: [{ ...note, level: 'info' }],
    } as unknown as Parameters<typeof openedForEditor>[1]);
    expect(plain.uncertainCells).toBeUndefined();
  });

  it('no NARR-NEW while 一 keeps the value read; checked again once the clerk changes it', () => {
    setUncertainCells(report, []);
    expect(derive(report).findings.some((f) => f.code === 'NARR-NEW')).toBe(true);
    setUncertainCells(report, ROW);
    expect(derive(report).findings.some((f) => f.code === 'NARR-NEW')).toBe(false);
    const edited = { ...report, cells: { ...report.cells, 't3.new.total': 336 } };
    expect(derive(edited).findings.find((f) => f.code === 'NARR-NEW')?.expected).toBe(336);
    setUncertainCells(report, []);
  });
});
