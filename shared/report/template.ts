/**
 * 以上年报告为模板新建: this year's draft from last year's report. What must carry over is carried
 * (上年结转 := 上年结转下年度, 现行有效件数 := 上年现行有效件数), every other count is left blank —
 * not 0 — so completeness shows what is still to fill, and last year's figures stay beside as the
 * baseline for the editor's hints and the cross-year checks.
 */
import { t2, t3 } from '../format/cells';
import { T2_BLOCKS } from '../format/table2';
import { T3_COLUMNS, t3Row, t3RowOfKind } from '../format/table3';
import { narrativeHeading, NARRATIVE_IDS } from '../format/sections';
import { type Report, createReport, emptyCells } from './document';

/** `year`: this year when the clerk gives it (a report that does not state its year); otherwise last year + 1. */
export const templateFromLastYear = (last: Report, year: number | null = last.year === null ? null : last.year + 1): { report: Report; notes: string[] } => {
  const notes: string[] = [];
  const cells = emptyCells();
  const carriedIn = t3RowOfKind('carried_in');
  const carriedOut = t3RowOfKind('carried_out');
  const missingCarry: string[] = [];
  for (const c of T3_COLUMNS) {
    const v = last.cells[t3(carriedOut, c.id)];
    if (v === null || v === undefined) missingCarry.push(c.label);
    else cells[t3(carriedIn, c.id)] = v;
  }
  notes.push(
    missingCarry.length === T3_COLUMNS.length
      ? `上年报告表三「${t3Row(carriedOut).label}」未填写，本年「${t3Row(carriedIn).label}」需手工填写`
      : `已将上年表三「${t3Row(carriedOut).label}」各列填入本年「${t3Row(carriedIn).label}」${missingCarry.length ? `（上年未填的列：${missingCarry.join('、')}，需手工填写）` : ''}`,
  );
  const effectiveRows = T2_BLOCKS[0]!.rows;
  const filled: string[] = [];
  for (const row of effectiveRows) {
    const v = last.cells[t2(row.id, 'effective')];
    if (v !== null && v !== undefined) {
      cells[t2(row.id, 'effective')] = v;
      filled.push(row.label);
    }
  }
  if (filled.length) notes.push(`表二「${filled.join('」「')}」的现行有效件数已按上年数填入：请加上本年制发件数、减去本年废止件数（跨年度检查会核对）`);
  if (year === null) notes.push('上年报告中未找到年度，请填写本年度');
  const stale = NARRATIVE_IDS.filter((id) => last.narratives[id].trim() !== '');
  if (stale.length)
    notes.push(`正文（${stale.map(narrativeHeading).join('、')}）沿用上年文字作为草稿：其中的数字和上年年度已标出（提示），请逐一改写为本年情况`);
  if (Object.values(last.tableTexts).some((t) => t.trim() !== '')) notes.push('表格前后的说明文字沿用上年，请核对');
  if (last.signOff.date.trim()) notes.push(`落款日期（上年为「${last.signOff.date}」）已清空，请填写本年报告的成文日期`);
  notes.push('其余单元格均留空（不是 0），请逐项填写；上年数值显示在各单元格旁供对照');
  const report = createReport({
    agency: last.agency,
    year,
    cells,
    narratives: { ...last.narratives },
    tableTexts: { ...last.tableTexts },
    // the signing agency stays; the date is this year's to write
    signOff: { agency: last.signOff.agency, date: '' },
    settings: { autoTotals: true },
    baseline: { agency: last.agency, year: last.year, cells: { ...last.cells }, narratives: { ...last.narratives } },
  });
  return { report, notes };
};
