/**
 * Word files in the shapes real reports take beyond layout quirks: the 2019 试行 format (old 表二,
 * a single 「（六）其他处理」 row), a dropped 规章 row. What maps onto the current format is read,
 * what does not is said per table — through the Word path, not only the text path.
 */
import type { CellId } from '../../shared/format/types';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, SECTIONS, T3_COLUMNS, T3_ROWS, tableLayout } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import type { Report } from '../../shared/report';
import { type DocxBodyItem, type DocxRow, makeDocx, statutoryRows } from '../helpers/make-docx';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const cell = (text: string, span = 1): DocxRow['cells'][number] => ({ paras: text ? [text] : [], span });

const docxOf = (report: Report, rowsFor: (t: 't2' | 't3' | 't4') => DocxRow[]): Uint8Array => {
  const body: DocxBodyItem[] = [{ p: `${report.agency}${report.year}年政府信息公开工作年度报告` }];
  for (const s of SECTIONS) {
    body.push({ p: s.heading });
    if (s.kind === 'table') body.push({ table: rowsFor(s.id) }, { p: '' });
    else body.push({ p: `${s.heading.slice(2)}的正文。` });
  }
  return makeDocx(body);
};

const OTHER_IDS = ['other_no_supplement', 'other_no_fee', 'other_other'];

/** 表二 of the 2019 试行 format and 表三 with one （六）其他处理 row (the sum of the three current sub-rows). */
const rows2019 = (r: Report, t: 't2' | 't3' | 't4'): DocxRow[] => {
  const v = (id: CellId) => String(r.cells[id] ?? '');
  if (t === 't2')
    return [
      ['第二十条第（一）项', '', '', ''],
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规章', v('t2.rules.issued'), v('t2.rules.issued'), v('t2.rules.effective')],
      ['规范性文件', v('t2.normative.issued'), v('t2.normative.issued'), v('t2.normative.effective')],
      ['第二十条第（五）项', '', '', ''],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '35', '-2', v('t2.license.decisions')],
      ['其他对外管理服务事项', '12', '0', '300'],
      ['第二十条第（六）项', '', '', ''],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政处罚', '100', '3', v('t2.penalty.decisions')],
      ['行政强制', '20', '0', v('t2.coercion.decisions')],
      ['第二十条第（八）项', '', '', ''],
      ['信息内容', '上一年项目数量', '本年增/减', ''],
      ['行政事业性收费', '15', '-1', ''],
      ['第二十条第（九）项', '', '', ''],
      ['信息内容', '采购项目数量', '采购总金额', ''],
      ['政府集中采购', '3', '251000元', ''],
    ].map((row) => ({ cells: row.map((c) => cell(c)) }));
  const rows = statutoryRows(t, r);
  if (t !== 't3') return rows;
  const head = tableLayout('t3').headerRows;
  const first = head + T3_ROWS.findIndex((x) => x.id === OTHER_IDS[0]);
  const sums = T3_COLUMNS.map((c) => String(OTHER_IDS.reduce((a, id) => a + (r.cells[`t3.${id}.${c.id}`] as number), 0)));
  const six: DocxRow = { cells: [{ paras: [], vMerge: 'continue' }, cell('（六）其他处理', 2), ...sums.map((s) => cell(s))] };
  return [...rows.slice(0, first), six, ...rows.slice(first + OTHER_IDS.length)];
};

describe('a 2019 试行-format Word report', () => {
  for (const file of SEED_FILES) {
    it(`${file}: reads what maps, says plainly what does not`, async () => {
      const want = seedReport(file);
      const r = await importReportFile(
        '上年报告.docx',
        docxOf(want, (t) => rows2019(want, t)),
      );
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      expect(r.formatEdition).toBe('2019');
      const expected: Record<string, unknown> = { ...want.cells, 't2.rules.repealed': null, 't2.normative.repealed': null, 't2.fees.amount': null };
      for (const c of T3_COLUMNS) {
        expected[`t3.other_no_supplement.${c.id}`] = null;
        expected[`t3.other_no_fee.${c.id}`] = null;
        expected[`t3.other_other.${c.id}`] = OTHER_IDS.reduce((a, id) => a + (want.cells[`t3.${id}.${c.id}`] as number), 0);
      }
      for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual(expected[id]);
      const t2 = r.notes.filter((n) => n.table === 't2').map((n) => n.message);
      const t3 = r.notes.filter((n) => n.table === 't3').map((n) => n.message);
      expect(t2.some((m) => m.includes('2019 试行格式'))).toBe(true);
      expect(t2.some((m) => m.includes('政府集中采购'))).toBe(true);
      expect(t3.some((m) => m.includes('（六）其他处理'))).toBe(true);
    });
  }
});

describe('a Word report without the 规章 row', () => {
  it('leaves the 规章 cells blank and says so for 表二', async () => {
    const want = seedReport(SEED_FILES[2]!);
    const r = await importReportFile(
      '上年报告.docx',
      docxOf(want, (t) => statutoryRows(t, want).filter((row) => !(t === 't2' && row.cells[0]?.paras[0] === '规章'))),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual(id.startsWith('t2.rules.') ? null : want.cells[id]);
    expect(r.notes.some((n) => n.table === 't2' && n.message.includes('规章'))).toBe(true);
  });
});
