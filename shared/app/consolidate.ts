/**
 * 汇总: one report whose tables are the cell-wise sums of many (a 全市/全县 report from its departments').
 * Counts add as integers, 万元 as bigint 分, so nothing is rounded. A cell blank in every source stays
 * blank; otherwise a blank counts as 0 (each source's own findings already name its blanks).
 * Narratives are left empty: they are the clerk's to write.
 */
import { CELLS } from '../format/cells';
import type { CellId } from '../format/types';
import { evaluate } from '../rules/evaluate';
import type { Finding } from '../findings/finding';
import { type Cells, type Report, createReport, emptyCells } from '../report/document';
import { fenToMoney, valueToFen } from '../report/money';
import { totalsDisagree } from '../report/totals';

export type ConsolidationSource = { readonly name: string; readonly report: Report };

export type SourceSummary = {
  readonly name: string;
  readonly agency: string;
  readonly year: number | null;
  readonly findings: readonly Finding[];
};

export type DuplicateGroup = { readonly agency: string; readonly year: number | null; readonly names: readonly string[] };

export type ConsolidateOptions = {
  /** The agency of the consolidated report (e.g. 许昌市人民政府). */
  readonly agency?: string;
  /** Its year; by default the year all sources share. */
  readonly year?: number | null;
  /** Sum two reports of the same agency and year anyway (e.g. two offices that share a name). */
  readonly allowDuplicates?: boolean;
};

export type ConsolidateResult =
  | {
      readonly ok: true;
      readonly report: Report;
      readonly sources: readonly SourceSummary[];
      /** Findings of the consolidated report itself. */
      readonly findings: readonly Finding[];
      /** Plain remarks on the consolidation (mixed years, skipped values). */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly message: string; readonly duplicates: readonly DuplicateGroup[]; readonly sources: readonly SourceSummary[] };

/** Same agency: names compared without spaces (「许昌市 人民政府」 is 「许昌市人民政府」). */
const agencyKey = (a: string): string => a.replace(/[\s\u3000]+/g, '');

/**
 * Adds reports one at a time, so a batch of thousands is summed without holding them all.
 * `add` evaluates each source once; `finish` builds the result.
 */
export class Consolidator {
  private readonly counts = new Map<CellId, number>();
  private readonly fen = new Map<CellId, bigint>();
  private readonly sources: SourceSummary[] = [];
  private readonly byKey = new Map<string, string[]>();
  private readonly notes: string[] = [];
  private readonly years = new Map<number | null, number>();

  /** `findings`: the source's own findings when already evaluated (e.g. in a worker thread). */
  add(name: string, report: Report, findings?: readonly Finding[]): SourceSummary {
    for (const c of CELLS) {
      const v = report.cells[c.id];
      if (v === null || v === undefined) continue;
      if (c.unit === 'count') {
        if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) this.counts.set(c.id, (this.counts.get(c.id) ?? 0) + v);
        else this.notes.push(`「${name}」的 ${c.id} 值「${String(v)}」无效，未计入汇总`);
      } else {
        const f = typeof v === 'number' && v < 0 ? null : valueToFen(v);
        if (f === null) this.notes.push(`「${name}」的 ${c.id} 金额「${String(v)}」无效，未计入汇总`);
        else this.fen.set(c.id, (this.fen.get(c.id) ?? 0n) + f);
      }
    }
    const summary: SourceSummary = { name, agency: report.agency, year: report.year, findings: findings ?? evaluate(report) };
    this.sources.push(summary);
    this.years.set(report.year, (this.years.get(report.year) ?? 0) + 1);
    const key = agencyKey(report.agency);
    if (key) {
      const k = `${key}\u0000${report.year ?? ''}`;
      const names = this.byKey.get(k);
      if (names) names.push(name);
      else this.byKey.set(k, [name]);
    }
    return summary;
  }

  duplicates(): DuplicateGroup[] {
    const out: DuplicateGroup[] = [];
    for (const names of this.byKey.values()) {
      if (names.length < 2) continue;
      const s = this.sources.find((x) => x.name === names[0])!;
      out.push({ agency: s.agency, year: s.year, names });
    }
    return out;
  }

  finish(options: ConsolidateOptions = {}): ConsolidateResult {
    const sources = this.sources;
    if (!sources.length) return { ok: false, message: '没有可汇总的报告', duplicates: [], sources };
    const duplicates = this.duplicates();
    if (duplicates.length && !options.allowDuplicates) {
      const list = duplicates.map((d) => `「${d.agency}」${d.year ?? '（未填年度）'}年度：${d.names.join('、')}`).join('；');
      return { ok: false, message: `以下报告属于同一机关、同一年度，汇总会重复计算：${list}。请只保留其中一份后重新汇总`, duplicates, sources };
    }
    const notes = [...this.notes];
    if (duplicates.length) notes.push(`已按要求汇总同一机关、同一年度的报告：${duplicates.map((d) => d.names.join('、')).join('；')}`);
    const years = [...this.years.keys()];
    let year: number | null;
    if (options.year !== undefined) {
      year = options.year;
      const other = sources.filter((s) => s.year !== year);
      if (other.length)
        notes.push(
          `${other.length} 份报告的年度与汇总年度 ${year ?? '（未填）'} 不同：${other
            .slice(0, 5)
            .map((s) => `${s.name}（${s.year ?? '未填'}）`)
            .join('、')}${other.length > 5 ? ' 等' : ''}`,
        );
    } else if (years.length === 1) {
      year = years[0]!;
    } else {
      year = null;
      notes.push(`各报告年度不一致（${years.map((y) => y ?? '未填').join('、')}），汇总报告未填年度`);
    }
    const cells: Cells = emptyCells();
    for (const [id, v] of this.counts) cells[id] = v;
    for (const [id, v] of this.fen) cells[id] = fenToMoney(v);
    // sums of consistent reports are consistent: the totals follow later edits, as in a report typed here; a source
    // with a wrong 总计 leaves the sum's disagreement on show instead of recomputing it away
    const report = createReport({ agency: options.agency ?? '', year, cells, settings: { autoTotals: !totalsDisagree(cells) } });
    return { ok: true, report, sources, findings: evaluate(report), notes };
  }
}

export const consolidate = (sources: readonly ConsolidationSource[], options: ConsolidateOptions = {}): ConsolidateResult => {
  const c = new Consolidator();
  for (const s of sources) c.add(s.name, s.report);
  return c.finish(options);
};
