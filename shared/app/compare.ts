/**
 * 跨年度对比: per statutory cell, last year's value, this year's and the change, plus the findings
 * that only exist because last year is known (上年结转, 现行有效件数, …) — taken from the one engine,
 * evaluate(thisYear, lastYear), so the comparison never has rules of its own.
 */
import { CELLS, cellLabel } from '../format/cells';
import type { CellId, Unit } from '../format/types';
import { evaluate } from '../rules/evaluate';
import type { Finding } from '../findings/finding';
import type { CellValue, Report } from '../report/document';
import { fenToMoney, valueToFen } from '../report/money';

export type CellChange = {
  readonly id: CellId;
  readonly label: string;
  readonly unit: Unit;
  readonly last: CellValue;
  readonly current: CellValue;
  /** current − last (万元 as an exact decimal string); null when either side is blank. */
  readonly change: number | string | null;
  /** The change in percent of last year's value, one decimal; null when last year is blank or 0. */
  readonly percent: number | null;
};

export type Comparison = {
  readonly last: { readonly agency: string; readonly year: number | null };
  readonly current: { readonly agency: string; readonly year: number | null };
  readonly cells: readonly CellChange[];
  /** Findings of evaluate(current, last) that evaluate(current) alone does not give. */
  readonly crossYear: readonly Finding[];
};

const change = (unit: Unit, last: CellValue, current: CellValue): { change: number | string | null; percent: number | null } => {
  if (last === null || current === null || last === undefined || current === undefined) return { change: null, percent: null };
  if (unit === 'count') {
    if (typeof last !== 'number' || typeof current !== 'number') return { change: null, percent: null };
    return { change: current - last, percent: last === 0 ? null : Math.round(((current - last) / last) * 1000) / 10 };
  }
  const a = valueToFen(last);
  const b = valueToFen(current);
  if (a === null || b === null) return { change: null, percent: null };
  return { change: fenToMoney(b - a), percent: a === 0n ? null : Math.round(Number(((b - a) * 100000n) / a) / 100) / 10 };
};

const key = (f: Finding): string => `${f.code}\u0000${f.message}`;

export const compareReports = (last: Report, current: Report): Comparison => {
  const cells = CELLS.map((c): CellChange => {
    const l = last.cells[c.id] ?? null;
    const v = current.cells[c.id] ?? null;
    return { id: c.id, label: cellLabel(c.id), unit: c.unit, last: l, current: v, ...change(c.unit, l, v) };
  });
  const alone = new Set(evaluate({ ...current, baseline: null }, null).map(key));
  const crossYear = evaluate({ ...current, baseline: null }, last).filter((f) => !alone.has(key(f)));
  return { last: { agency: last.agency, year: last.year }, current: { agency: current.agency, year: current.year }, cells, crossYear };
};

/** The cells whose value differs between the years (blank vs 0 counts as a difference; 1.50 vs 1.5 does not). */
export const changedCells = (c: Comparison): CellChange[] =>
  c.cells.filter((x) => (x.last === null) !== (x.current === null) || (x.change !== null && x.change !== 0 && x.change !== '0'));
