/**
 * How the table mappers put a row together when a reader broke it over lines (PDF text above all, but every
 * reader feeds the same rows): a label without numbers waits for a later number line, numbers that come one per
 * line are gathered until the waiting row has one per column, and a label cut by a line break is kept as a
 * fragment to join with the next line. The mappers decide what a label means; this holds what is still open.
 */
import { isEmptyCell } from './labels';

/** What a line of numbers without a label did: joined the row being gathered, settled a waiting row, began gathering, or found no row. */
export type NumberLine = 'gathered' | 'settled' | 'started' | 'orphan';

export class RowAssembler<P> {
  /** Rows named without numbers, oldest first: later number lines belong to them in order. */
  readonly pending: P[] = [];
  /** The start of a label that matched nothing on its own. */
  fragment = '';
  private acc: { row: P; cells: string[]; need: number } | null = null;

  private readonly settle: (row: P, cells: readonly string[], gathered: boolean) => void;

  /** settle gets the row, its cells, and whether they were gathered from several lines. */
  constructor(settle: (row: P, cells: readonly string[], gathered: boolean) => void) {
    this.settle = settle;
  }

  /** Numbers are being gathered into a row. */
  get gathering(): boolean {
    return this.acc !== null;
  }

  /** A row named without numbers: its numbers come later. */
  wait(row: P): void {
    this.pending.push(row);
  }

  /**
   * A row named with fewer numbers than it has cells, the rest one per line below (copied PDF text: 「行政规范性文件 17」
   * then 「8」, 「99」): later number lines are gathered into it until it has need cells or the next label comes.
   */
  begin(row: P, cells: readonly string[], need: number): void {
    this.flush();
    this.acc = { row, cells: cells.filter((c) => !isEmptyCell(c)), need };
  }

  /** The numbers gathered so far go to their row, however few. */
  flush(): void {
    const acc = this.acc;
    this.acc = null;
    if (acc) this.settle(acc.row, acc.cells, true);
  }

  /**
   * A line with numbers and no label (its tail is every cell after the label column): more numbers for the row
   * being gathered, else all the numbers of the oldest waiting row, or the first of them when it has fewer cells
   * than the row needs. need is the cell count of a row (Infinity: unknown, the line is taken as it is).
   */
  numberLine(tail: readonly string[], need: (row: P) => number): NumberLine {
    const values = tail.filter((c) => !isEmptyCell(c));
    if (this.acc) {
      this.acc.cells.push(...values);
      if (this.acc.cells.length >= this.acc.need) this.flush();
      return 'gathered';
    }
    const next = this.pending.shift();
    if (next === undefined) return 'orphan';
    const n = need(next);
    if (values.length >= n || tail.length >= n || n === Number.POSITIVE_INFINITY) {
      this.settle(next, tail, false);
      return 'settled';
    }
    this.acc = { row: next, cells: values, need: n };
    return 'started';
  }

  /** The rest of a broken label on the line with the numbers of the oldest waiting row: they are that row's. */
  continueFirst(tail: readonly string[]): boolean {
    if (this.pending.length === 0) return false;
    this.settle(this.pending.shift()!, tail, false);
    this.fragment = '';
    return true;
  }

  /** A label that matched nothing: kept (its last max characters) to join with the next label line. */
  keep(label: string, max: number): void {
    this.fragment = (this.fragment + label).slice(-max);
  }

  /** The rows still waiting at the end of the table, taken out. */
  drain(): P[] {
    return this.pending.splice(0);
  }
}
