/** The built-in checks: table identities, valid values, completeness, cross-year continuity. */
import { CELLS, TABLE_SHORT, cellLabel, cellsOfTable, t2, t3 } from '../format/cells';
import { NARRATIVE_IDS, narrativeHeading } from '../format/sections';
import { T2_BLOCKS, type T2ColumnId } from '../format/table2';
import { T3_COLUMNS, t3Row } from '../format/table3';
import { TABLE_IDS } from '../format/header-layout';
import type { CellId } from '../format/types';
import { countValue, isBlankCell } from '../report/document';
import { isMoneyString, moneyToFen } from '../report/money';
import { COMPUTED_CELLS } from '../report/totals';
import type { Check } from '../findings/check';
import type { Finding } from '../findings/finding';
import { IDENTITIES, describeCells } from '../format/identities';
import { cellPositions, type CellArray } from '../report/cell-array';
import { cellValues } from './cell-values';

export type { Check, CheckContext, PreviousYear } from '../findings/check';

/** One side of an identity: its sum, and whether any of its cells is filled (blank is -1 so one walk says both). */
const sideSum = (values: CellArray, at: readonly number[]): number => {
  let sum = -1;
  for (const i of at) {
    const v = values[i];
    if (!isBlankCell(v)) sum = (sum < 0 ? 0 : sum) + countValue(v);
  }
  return sum;
};

const IDENTITY_INDEXES = IDENTITIES.map((rule) => ({ rule, lhs: cellPositions(rule.lhs), rhs: cellPositions(rule.rhs) }));

export const identityCheck: Check = ({ report }) => {
  const out: Finding[] = [];
  const values = cellValues(report.cells);
  for (const { rule, lhs, rhs } of IDENTITY_INDEXES) {
    const ls = sideSum(values, lhs);
    const rs = sideSum(values, rhs);
    if (ls < 0 && rs < 0) continue; // an untouched part of the table is completeness's business
    const l = Math.max(ls, 0);
    const r = Math.max(rs, 0);
    if (l === r) continue;
    const ids = [...rule.lhs, ...rule.rhs];
    const lhsText = rule.lhs.length === 1 ? `${cellLabel(rule.lhs[0]!)} 为 ${l}` : `${describeCells(rule.lhs)} 之和为 ${l}`;
    // one side not yet typed at all (a new template's 上年结转, a row half entered) is work to do, not a wrong figure:
    // a warning that says what is missing; the error comes once both sides have figures and still differ
    const blankSide = ls < 0 ? rule.lhs : rs < 0 ? rule.rhs : null;
    out.push({
      code: rule.code,
      severity: blankSide ? 'warning' : 'error',
      cells: ids,
      message: blankSide
        ? `${blankSide === rule.lhs ? `${describeCells(rule.rhs)} 之和为 ${r}` : lhsText}，而${describeCells(blankSide)}尚未填写（应为 ${blankSide === rule.lhs ? r : l}）。规则：${rule.rule}`
        : `${lhsText}，而应等于 ${r}（相差 ${l - r}）。规则：${rule.rule}`,
      expected: r,
      actual: l,
    });
  }
  return out;
};

/** Values a file could carry that the model forbids; the editor and restore() never let them in, imports might. */
export const valueCheck: Check = ({ report }) => {
  const out: Finding[] = [];
  const values = cellValues(report.cells);
  for (let i = 0; i < CELLS.length; i++) {
    const c = CELLS[i]!;
    const v = values[i];
    if (v === null || v === undefined) continue;
    const bad = c.unit === 'count' ? !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) : !(typeof v === 'string' && isMoneyString(v));
    if (bad)
      out.push({
        code: 'VALUE-INVALID',
        severity: 'error',
        cells: [c.id],
        message: `${cellLabel(c.id)} 的值「${String(v)}」无效：${c.unit === 'count' ? '件数应为非负整数' : '金额应为非负数，最多 6 位小数（万元）'}`,
        actual: String(v),
      });
  }
  return out;
};

/** Above these a value is almost surely a key pressed twice: no office handles 100 million requests, or 10 million 万元 of fees. */
const COUNT_PLAUSIBLE_MAX = 99_999_999;
const MONEY_PLAUSIBLE_MAX_FEN = moneyToFen('10000000')!;

/** A valid but implausibly large value (a 15-digit count, a 21-digit amount): a warning naming the cell. */
export const plausibilityCheck: Check = ({ report }) => {
  const out: Finding[] = [];
  const values = cellValues(report.cells);
  for (let i = 0; i < CELLS.length; i++) {
    const c = CELLS[i]!;
    const v = values[i];
    // a computed total is large because a part is: the part is the cell to check
    if (v === null || v === undefined || (report.settings.autoTotals && COMPUTED_CELLS.has(c.id))) continue;
    const tooLarge =
      c.unit === 'count' ? typeof v === 'number' && v > COUNT_PLAUSIBLE_MAX : typeof v === 'string' && (moneyToFen(v) ?? 0n) > MONEY_PLAUSIBLE_MAX_FEN;
    if (tooLarge)
      out.push({
        code: 'VALUE-IMPLAUSIBLE',
        severity: 'warning',
        cells: [c.id],
        message: `${cellLabel(c.id)} 为 ${String(v)}${c.unit === 'count' ? '，超过 8 位数' : ' 万元，超过 1000 万万元'}，请核对是否多输入了数字`,
        actual: String(v),
      });
  }
  return out;
};

const TABLE_INDEXES = TABLE_IDS.map((table) => {
  const cells = cellsOfTable(table).map((c) => c.id);
  return { table, cells, at: cellPositions(cells) };
});

export const completenessCheck: Check = ({ report }) => {
  const out: Finding[] = [];
  const values = cellValues(report.cells);
  for (const { table: t, cells: tableCells, at } of TABLE_INDEXES) {
    const blanks: CellId[] = [];
    for (let k = 0; k < at.length; k++) if (isBlankCell(values[at[k]!])) blanks.push(tableCells[k]!);
    if (!blanks.length) continue;
    // a table not yet begun is one fact; examples only help find the few cells left out of a filled table
    const all = blanks.length === tableCells.length;
    const sample = blanks.slice(0, 3).map(cellLabel).join('、');
    out.push({
      code: 'BLANK-CELLS',
      severity: 'warning',
      cells: blanks,
      message: all
        ? `${TABLE_SHORT[t]}尚未填写（${blanks.length} 个单元格均为空白）。无数据请填 0。`
        : `${TABLE_SHORT[t]}有 ${blanks.length} 个单元格未填写（如 ${sample}${blanks.length > 3 ? ' 等' : ''}）。无数据请填 0；空白在合计中按 0 计算。`,
    });
  }
  for (const id of NARRATIVE_IDS) {
    if (report.narratives[id].trim() === '')
      out.push({
        code: 'NARRATIVE-EMPTY',
        severity: 'warning',
        cells: [],
        message: `「${narrativeHeading(id)}」尚未填写正文`,
        target: { kind: 'section', section: id },
      });
  }
  if (report.agency.trim() === '') out.push({ code: 'AGENCY-EMPTY', severity: 'warning', cells: [], message: '未填写机关名称' });
  if (report.year === null) out.push({ code: 'YEAR-EMPTY', severity: 'warning', cells: [], message: '未填写报告年度' });
  return out;
};

/** 表二: 现行有效件数 is normally at least 本年制发件数 (a weak heuristic, usually true; not a rule of the format). */
export const t2HintCheck: Check = ({ report }) => {
  const out: Finding[] = [];
  const block = T2_BLOCKS[0]!;
  for (const row of block.rows) {
    const issued = report.cells[t2(row.id, 'issued')];
    const eff = report.cells[t2(row.id, 'effective')];
    if (typeof issued === 'number' && typeof eff === 'number' && eff < issued)
      out.push({
        code: 'T2-EFFECTIVE-LT-ISSUED',
        severity: 'info',
        cells: [t2(row.id, 'issued'), t2(row.id, 'effective')],
        message: `表二「${row.label}」现行有效件数 ${eff} 小于本年制发件数 ${issued}，请核对（本年制发的一般仍有效）`,
        expected: issued,
        actual: eff,
      });
  }
  return out;
};

export const crossYearCheck: Check = ({ report, previous }) => {
  if (!previous) return [];
  const out: Finding[] = [];
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1)
    out.push({
      code: 'X-YEAR',
      severity: 'warning',
      cells: [],
      message: `上年报告的年度为 ${previous.year}，本报告为 ${report.year}，不是相邻年度`,
      expected: report.year - 1,
      actual: previous.year,
    });
  if (report.agency.trim() && previous.agency.trim() && report.agency.trim() !== previous.agency.trim())
    out.push({
      code: 'X-AGENCY',
      severity: 'warning',
      cells: [],
      message: `上年报告的机关名称为「${previous.agency}」，与本报告「${report.agency}」不同`,
      expected: previous.agency,
      actual: report.agency,
    });
  for (const c of T3_COLUMNS) {
    const here = t3('carried_in', c.id);
    const there = t3('carried_out', c.id);
    const v = report.cells[here];
    const p = previous.cells[there];
    if (v === null || v === undefined || p === null || p === undefined || v === p) continue;
    out.push({
      code: 'X-CARRY',
      severity: 'warning',
      cells: [here],
      message: `${cellLabel(here)} 为 ${String(v)}，上年报告「${t3Row('carried_out').label}·${c.label}」为 ${String(p)}，两者应相等`,
      expected: countValue(p),
      actual: countValue(v),
    });
  }
  for (const row of T2_BLOCKS[0]!.rows) {
    const id = (col: T2ColumnId) => t2(row.id, col);
    const eff = report.cells[id('effective')];
    const prevEff = previous.cells[id('effective')];
    if (typeof eff !== 'number' || typeof prevEff !== 'number') continue;
    const expected = prevEff + countValue(report.cells[id('issued')]) - countValue(report.cells[id('repealed')]);
    if (eff === expected) continue;
    out.push({
      code: 'X-EFFECTIVE',
      severity: 'warning',
      cells: [id('effective'), id('issued'), id('repealed')],
      message: `表二「${row.label}」现行有效件数为 ${eff}；按上年现行有效 ${prevEff} + 本年制发 ${countValue(report.cells[id('issued')])} − 本年废止 ${countValue(report.cells[id('repealed')])} 应为 ${expected}。如有文件自然失效或修订，请在说明中注明`,
      expected,
      actual: eff,
    });
  }
  return out;
};

export const BUILT_IN_CHECKS: readonly Check[] = [valueCheck, plausibilityCheck, identityCheck, crossYearCheck, t2HintCheck, completenessCheck];
