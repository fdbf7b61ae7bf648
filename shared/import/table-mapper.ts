/**
 * Maps the rows of a published table (cell texts, merged cells expanded) onto statutory cell ids by their
 * labels. Rows are found by what they say, not where they stand; numbers are taken from the row, and where
 * labels and numbers are misaligned or on different lines the order of the number rows is kept.
 */
import type { CellId, TableId } from '../format/types';
import { T2_BLOCKS } from '../format/table2';
import { T3_COLUMNS, T3_GROUPS, T3_GROUPS_WITH_ITEMS, T3_RESULTS_HEADER, T3_ROWS, type T3GroupKey } from '../format/table3';
import { T4_COLUMNS, T4_GROUPS } from '../format/table4';
import type { CellValue } from '../report/document';
import { parseCellInput } from '../report/number-input';
import type { ImportNote } from './types';
import { FORMAT_2019, bare, canonicalText, isDashCell, isEmptyCell, isLabelCell, isNumberCell, numberText, parseLabel, similarity } from './labels';

export type Row = readonly string[];

export type TableRead = {
  readonly values: Map<CellId, CellValue>;
  /** Cells whose row (and column) was found, with a number or read as deliberately blank. */
  readonly found: Set<CellId>;
  readonly notes: ImportNote[];
  /** The table used the 2019 试行 layout somewhere. */
  format2019: boolean;
};

const newRead = (): TableRead => ({ values: new Map(), found: new Set(), notes: [], format2019: false });

const note = (r: TableRead, table: TableId, level: ImportNote['level'], message: string) => r.notes.push({ level, table, message });

/** A value cell as a cell value: blank and dashes are null (never 0); a bad number is null with a note. */
const cellValue = (raw: string | undefined, unit: 'count' | 'money'): { value: CellValue; error?: string } => {
  if (raw === undefined || isEmptyCell(raw)) return { value: null };
  const s = numberText(raw);
  if (s === null) return { value: null, error: `「${raw.trim()}」不是数字` };
  const p = parseCellInput(s, unit);
  return p.ok ? { value: p.value } : { value: null, error: `「${raw.trim()}」：${p.message}` };
};

const labelText = (row: Row): string => {
  const parts: string[] = [];
  for (const c of row) {
    if (isNumberCell(c)) break;
    if (isLabelCell(c)) parts.push(c);
  }
  return parts.join('');
};

/** Index of the last label cell before the first number, -1 when the row starts with numbers. */
const lastLabelIndex = (row: Row): number => {
  let last = -1;
  for (let i = 0; i < row.length; i++) {
    if (isNumberCell(row[i]!)) break;
    if (isLabelCell(row[i]!)) last = i;
  }
  return last;
};

const isValueish = (c: string): boolean => isNumberCell(c) || isDashCell(c);
const hasNumber = (row: Row): boolean => row.some(isNumberCell);

// ───────────────────────────── 表二 ─────────────────────────────

const ITEM_NUMERAL = (item: string): string => /第[（(]([一二三四五六七八九十]+)[)）]项/.exec(item)?.[1] ?? '';
const T2_ITEM_BLOCK = new Map(T2_BLOCKS.map((b, i) => [ITEM_NUMERAL(b.item), i]));
const T2_ROW_KEYS = T2_BLOCKS.flatMap((b, bi) => b.rows.map((r) => ({ bi, id: r.id, key: bare(r.label) })));

/** A row label waiting for its numbers on later lines; bi -1 is a 2019 row that has no place in the current format. */
type Pending = { bi: number; id: string; label: string };

type T2Col = { kind: 'cell'; id: string } | { kind: '2019'; key: keyof typeof FORMAT_2019.t2Columns };

const matchT2Row = (label: string): { bi: number; id: string } | null => {
  const w = bare(canonicalText(label));
  if (!w) return null;
  const exact = T2_ROW_KEYS.find((k) => k.key === w);
  if (exact) return exact;
  // 「规范性文件」 for 行政规范性文件
  const suffix = T2_ROW_KEYS.find((k) => w.length >= 4 && k.key.endsWith(w));
  if (suffix) return suffix;
  // the start of a label cut by a line break (「行政规」 / 「范性文件」)
  const starts = T2_ROW_KEYS.filter((k) => w.length >= 3 && k.key.startsWith(w));
  if (starts.length === 1) return starts[0]!;
  const inside = [...T2_ROW_KEYS].sort((a, b) => b.key.length - a.key.length).find((k) => w.includes(k.key) && w.length <= k.key.length + 8);
  if (inside) return inside;
  const fuzzy = T2_ROW_KEYS.map((k) => ({ k, s: similarity(w, k.key) })).sort((a, b) => b.s - a.s)[0];
  return fuzzy && fuzzy.s >= 0.7 ? fuzzy.k : null;
};

const matchT2Column = (bi: number, header: string): T2Col | null => {
  const w = bare(canonicalText(header));
  if (!w) return null;
  const cols = bi >= 0 ? T2_BLOCKS[bi]!.columns : [];
  for (const c of cols) {
    const k = bare(c.label);
    if (w === k || w.startsWith(k) || k.startsWith(w) || similarity(w, k) >= 0.7) return { kind: 'cell', id: c.id };
  }
  for (const [key, label] of Object.entries(FORMAT_2019.t2Columns)) {
    if (w === bare(label) || similarity(w, bare(label)) >= 0.8) return { kind: '2019', key: key as keyof typeof FORMAT_2019.t2Columns };
  }
  return null;
};

const T2_2019_MAP: Partial<Record<keyof typeof FORMAT_2019.t2Columns, string>> = { made: 'issued', totalPublished: 'effective', decisions: 'decisions' };

export const mapT2 = (rows: readonly Row[]): TableRead => {
  const out = newRead();
  let block = -1;
  const headers = new Map<number, Map<number, T2Col>>();
  const pending: Pending[] = [];
  const seen2019Rows = new Set<string>();
  const seenRows = new Set<string>();
  const unmapped2019: string[] = [];

  const assign = (m: { bi: number; id: string }, cellsAfterLabel: readonly string[]) => {
    let tail = cellsAfterLabel;
    const b = T2_BLOCKS[m.bi]!;
    seenRows.add(m.id);
    const header = headers.get(m.bi);
    const cols: { rel: number; col: T2Col }[] = header
      ? [...header.entries()].map(([rel, col]) => ({ rel, col }))
      : b.columns.map((c, i) => ({ rel: i, col: { kind: 'cell', id: c.id } as T2Col }));
    let nums = tail.filter(isValueish);
    // more tokens than columns: numbers whose thousands are separated by spaces (「138 918」), when only one joining fits
    if (nums.length > cols.length) {
      const joined = thousandsGroups(nums, cols.length, () => true);
      if (joined) {
        note(out, 't2', 'info', `表二「${b.rows.find((r) => r.id === m.id)!.label}」一行的「${nums.join(' ')}」按以空格分隔千位读作「${joined.join(' ')}」，请核对`);
        nums = joined;
        tail = joined;
      }
    }
    // the numbers match the columns one to one: take them in order, whatever their positions
    const byOrder = nums.length === cols.length;
    cols.forEach(({ rel, col }, i) => {
      let raw = byOrder ? nums[i] : tail[rel];
      // a one-column row whose only number stands one cell off
      if (!byOrder && cols.length === 1 && (raw === undefined || isEmptyCell(raw)) && nums.length === 1) raw = nums[0];
      if (col.kind === 'cell') {
        const id = `t2.${m.id}.${col.id}`;
        const v = cellValue(raw, b.unit);
        if (v.error) note(out, 't2', 'error', `表二「${b.rows.find((r) => r.id === m.id)!.label}」：${v.error}，该格留空`);
        out.values.set(id, v.value);
        out.found.add(id);
      } else {
        out.format2019 = true;
        const target = T2_2019_MAP[col.key];
        const label = FORMAT_2019.t2Columns[col.key];
        const rowLabel = b.rows.find((r) => r.id === m.id)!.label;
        if (target && b.columns.some((c) => c.id === target)) {
          const id = `t2.${m.id}.${target}`;
          const v = cellValue(raw, b.unit);
          out.values.set(id, v.value);
          out.found.add(id);
          const official = b.columns.find((c) => c.id === target)!.label;
          if (col.key === 'totalPublished')
            note(out, 't2', 'warning', `表二「${rowLabel}」：2019 试行格式的「${label}」（${raw?.trim() || '空'}）已填入「${official}」，两者口径不完全相同（对外公开总数量含已废止文件），请核对`);
          else if (col.key === 'made') note(out, 't2', 'info', `表二「${rowLabel}」：2019 试行格式的「${label}」已填入「${official}」`);
        } else if (raw !== undefined && !isEmptyCell(raw)) {
          unmapped2019.push(`「${rowLabel}·${label}」${raw.trim()}`);
        }
      }
    });
    if (!byOrder && nums.length > cols.length) note(out, 't2', 'warning', `表二「${T2_BLOCKS[m.bi]!.rows.find((r) => r.id === m.id)!.label}」一行的数字多于列数，已按列位置读取，请核对`);
  };

  /** Header cells after 信息内容, relative to the first value column; complete or 2019 headers only. */
  const setHeader = (cells: readonly string[]) => {
    const header = new Map<number, T2Col>();
    cells.forEach((c, rel) => {
      const col = matchT2Column(block, c);
      if (col) header.set(rel, col);
    });
    // a header cut short (a PDF line break) is no header: the official column order applies
    const cols = [...header.values()];
    const complete = block >= 0 && T2_BLOCKS[block]!.columns.every((c) => cols.some((x) => x.kind === 'cell' && x.id === c.id));
    if (block >= 0 && (complete || cols.some((c) => c.kind === '2019'))) headers.set(block, header);
    if (cols.some((c) => c.kind === '2019')) out.format2019 = true;
  };
  /** A header whose column names come one per line (PDF text): collected until a line is not a column name. */
  let headerLines: string[] | null = null;
  /** A label line that matched nothing: joined with the next line before matching (PDF line breaks). */
  let fragment = '';
  /** Numbers that come one per line: gathered until the waiting row has one per column. */
  let acc: { m: Pending; cells: string[]; need: number } | null = null;
  const needOf = (m: Pending): number => {
    if (m.bi < 0) return Number.POSITIVE_INFINITY;
    const h = headers.get(m.bi);
    return h ? Math.max(...h.keys()) + 1 : T2_BLOCKS[m.bi]!.columns.length;
  };
  const settle = (m: Pending, tail: readonly string[]) => {
    if (m.bi < 0) {
      const vals = tail.filter((c) => !isEmptyCell(c)).map((c) => c.trim());
      unmapped2019.push(`「${m.label.trim()}」${vals.join('、')}`);
    } else assign(m, tail);
  };
  const flushAcc = () => {
    if (acc) settle(acc.m, acc.cells);
    acc = null;
  };

  for (const row of rows) {
    const label = labelText(row);
    const w = bare(canonicalText(label));
    if (headerLines) {
      const only = row.filter((c) => !isEmptyCell(c));
      if (only.length === 1 && !hasNumber(row) && matchT2Column(block, only[0]!)) {
        headerLines.push(only[0]!);
        continue;
      }
      setHeader(headerLines);
      headerLines = null;
    }
    const itemMatch = /第二十条第([一二三四五六七八九十]+)项/.exec(w);
    if (itemMatch) {
      flushAcc();
      block = T2_ITEM_BLOCK.get(itemMatch[1]!) ?? (itemMatch[1] === '九' ? -9 : -1);
      if (block === -9) out.format2019 = true;
      continue;
    }
    if (w.startsWith('信息内容')) {
      flushAcc();
      const start = row.findIndex((c) => bare(c).startsWith('信息内容'));
      const rest = row.slice(start + 1);
      if (rest.every(isEmptyCell)) headerLines = [];
      else setHeader(rest);
      continue;
    }
    const li = lastLabelIndex(row);
    const tail = row.slice(li + 1);
    if (!label) {
      if (!hasNumber(row)) continue;
      const values = tail.filter((c) => !isEmptyCell(c));
      if (acc) {
        acc.cells.push(...values);
        if (acc.cells.length >= acc.need) flushAcc();
        continue;
      }
      const next = pending.shift();
      if (!next) continue;
      const need = needOf(next);
      if (values.length >= need || tail.length >= need || need === Number.POSITIVE_INFINITY) settle(next, tail);
      else acc = { m: next, cells: values, need };
      continue;
    }
    flushAcc();
    if (bare(label) === bare(FORMAT_2019.t2Rows.otherServices) || bare(label) === bare(FORMAT_2019.t2Rows.procurement) || block === -9) {
      out.format2019 = true;
      if (seen2019Rows.has(label)) continue;
      seen2019Rows.add(label);
      // its numbers may come on later lines: they are taken and reported, so they cannot shift other rows
      if (tail.length === 0) pending.push({ bi: -1, id: '#2019', label });
      else settle({ bi: -1, id: '#2019', label }, tail);
      continue;
    }
    let m = matchT2Row(label);
    if (!m && fragment) m = matchT2Row(fragment + label);
    fragment = m ? '' : (fragment + label).slice(-30);
    if (!m) {
      // the rest of a label cut by a line break, on the line with the numbers of the row waiting
      if (hasNumber(row) && pending.length > 0) {
        settle(pending.shift()!, tail);
        fragment = '';
      }
      continue;
    }
    // a row already read (its label's tail joined to a later line) is not read twice
    if (seenRows.has(m.id)) continue;
    if (pending.length > 0 && pending[0]!.id === m.id && pending[0]!.bi === m.bi) {
      if (hasNumber(row)) settle(pending.shift()!, tail);
      continue;
    }
    if (tail.length === 0) pending.push({ ...m, label });
    else assign(m, tail);
  }
  flushAcc();
  if (headerLines) setHeader(headerLines);
  for (const p of pending) settle(p, []);

  for (const b of rows.length > 0 ? T2_BLOCKS : []) {
    for (const r of b.rows) {
      const missing = b.columns.filter((c) => !out.found.has(`t2.${r.id}.${c.id}`));
      if (missing.length === b.columns.length && !seenRows.has(r.id)) {
        note(out, 't2', 'warning', `表二未找到「${r.label}」一行，${missing.length > 1 ? `${missing.length} 格` : '该格'}留空，请核对（没有${r.label}的机关常删去此行）`);
      } else if (missing.length > 0) {
        note(out, 't2', 'warning', `表二「${r.label}」一行的「${missing.map((c) => c.label).join('」「')}」在原表中没有对应的列，留空，请补填`);
      }
    }
  }
  if (out.format2019) note(out, 't2', 'warning', '表二为 2019 试行格式（国办公开办函〔2019〕60号），已按现行格式读取能对应的项目，其余请按现行格式补填');
  if (unmapped2019.length > 0) note(out, 't2', 'info', `表二中现行格式没有的项目未导入：${unmapped2019.join('；')}`);
  return out;
};

// ───────────────────────────── 表三 ─────────────────────────────

const GROUP_KEYS = Object.keys(T3_GROUPS) as T3GroupKey[];
const groupWords = (g: T3GroupKey): string => parseLabel(T3_GROUPS[g]).words;
const GROUP_WORDS = new Map(GROUP_KEYS.map((g) => [g, groupWords(g)]));
const RESULTS_WORDS = parseLabel(T3_RESULTS_HEADER).words;
const T3_KEYS = T3_ROWS.map((r) => ({ row: r, key: parseLabel(r.label).words }));
const itemsOf = (g: T3GroupKey) => T3_ROWS.filter((r) => r.kind === 'result' && r.group === g);
const N = T3_COLUMNS.length;

type T3Match = { kind: 'row'; id: string; confident: boolean; exact?: boolean } | { kind: 'group'; group: T3GroupKey } | { kind: 'none' };

const textMatch = (words: string, candidates: readonly { row: (typeof T3_ROWS)[number]; key: string }[]): { id: string; score: number } | null => {
  if (!words) return null;
  const exact = candidates.find((c) => c.key === words);
  if (exact) return { id: exact.row.id, score: 1 };
  // a label cut by a line break, or a key followed by an explanation in brackets
  const prefix = candidates.filter((c) => (words.length >= 3 && c.key.startsWith(words)) || (c.key.length >= 4 && words.startsWith(c.key)));
  if (prefix.length === 1) return { id: prefix[0]!.row.id, score: 0.9 };
  const best = candidates.map((c) => ({ id: c.row.id, score: similarity(words, c.key) })).sort((a, b) => b.score - a.score)[0];
  return best && best.score >= 0.6 ? best : null;
};

export const matchT3Label = (label: string, context: T3GroupKey | null, expected?: (typeof T3_ROWS)[number]): T3Match => {
  const p = parseLabel(label);
  let segs = p.segments.filter((s) => !(s === RESULTS_WORDS || similarity(s, RESULTS_WORDS) >= 0.8));
  let group: T3GroupKey | null = p.group !== undefined ? (GROUP_KEYS[p.group - 1] ?? null) : null;
  if (p.top === 3 && segs.length === 0) return { kind: 'none' };
  // a group's own words (「不予公开」) may stand without its numbering
  if (segs.length > 0) {
    const g = GROUP_KEYS.find((k) => T3_GROUPS_WITH_ITEMS.includes(k) && (segs[0] === GROUP_WORDS.get(k) || similarity(segs[0]!, GROUP_WORDS.get(k)!) >= 0.8));
    if (g && (p.item !== undefined || segs.length > 1 || p.group !== undefined)) {
      group = group ?? g;
      segs = segs.slice(1);
    } else if (g && segs.length === 1) {
      return { kind: 'group', group: g };
    }
  }
  if (group && T3_GROUPS_WITH_ITEMS.includes(group) && segs.length > 0 && p.group !== undefined && segs[0] === GROUP_WORDS.get(group)) segs = segs.slice(1);
  const words = segs.join('');
  if (p.top !== undefined && p.top !== 3) {
    const tops = T3_KEYS.filter((k) => k.row.kind === 'new' || k.row.kind === 'carried_in' || k.row.kind === 'carried_out');
    const t = textMatch(words, tops);
    return t ? { kind: 'row', id: t.id, confident: true, exact: t.score === 1 } : { kind: 'none' };
  }
  if (group && !T3_GROUPS_WITH_ITEMS.includes(group)) {
    const row = T3_ROWS.find((r) => r.group === group)!;
    return { kind: 'row', id: row.id, confident: true, exact: true };
  }
  if (p.item !== undefined) {
    const resultKeys = T3_KEYS.filter((k) => k.row.kind === 'result');
    const text = textMatch(words, resultKeys);
    if (text && text.score === 1) return { kind: 'row', id: text.id, confident: true, exact: true };
    const keyOf = (id: string) => T3_KEYS.find((k) => k.row.id === id)!.key;
    // the words agree with a row when they are its start (a label cut by a line break) or close to it (a typo)
    const agrees = (id: string) => !words || keyOf(id).startsWith(words) || similarity(words, keyOf(id)) >= 0.5;
    const g = group ?? context;
    const byNumber = g && T3_GROUPS_WITH_ITEMS.includes(g) ? itemsOf(g)[p.item - 1] : undefined;
    if (byNumber && agrees(byNumber.id)) return { kind: 'row', id: byNumber.id, confident: true, exact: !words };
    // the group label may come later (centred in its merged cell): the row that follows the last one read
    const next = expected && expected.kind === 'result' && expected.group && T3_GROUPS_WITH_ITEMS.includes(expected.group as T3GroupKey) ? expected : undefined;
    if (next && itemsOf(next.group as T3GroupKey).indexOf(next) + 1 === p.item && agrees(next.id)) return { kind: 'row', id: next.id, confident: true, exact: !words };
    if (text) return { kind: 'row', id: text.id, confident: text.score >= 0.9 || (byNumber?.id === text.id), exact: false };
    if (byNumber) return { kind: 'row', id: byNumber.id, confident: true, exact: false };
    return { kind: 'none' };
  }
  if (group) return { kind: 'group', group };
  const text = textMatch(words, T3_KEYS);
  if (!text) return { kind: 'none' };
  const key = T3_KEYS.find((k) => k.row.id === text.id)!.key;
  // short keys (其他, 总计) also head columns: only a numbered label or the right context names the row
  if (key.length < 4 && text.id !== 'other_other') return { kind: 'row', id: text.id, confident: false, exact: text.score === 1 };
  if (text.id === 'other_other') return context === 'other' ? { kind: 'row', id: text.id, confident: false, exact: true } : { kind: 'none' };
  return { kind: 'row', id: text.id, confident: text.score >= 0.9, exact: text.score === 1 };
};

type Extracted = { values: (string | undefined)[]; uncertain: boolean; extra: boolean; joined?: boolean };

/**
 * PDF text separates thousands by a space (「1 012」), which splits one number into two tokens. The ways of
 * joining 3-digit tokens to the token before them that give exactly n numbers are tried; the one reading is
 * kept only if it is the single one that passes check (the row total), otherwise null.
 */
export const thousandsGroups = (tokens: readonly string[], n: number, check: (vals: string[]) => boolean): string[] | null => {
  if (tokens.length > n + 6) return null;
  const found: string[][] = [];
  const walk = (i: number, acc: string[]) => {
    if (found.length > 1) return;
    if (acc.length > n) return;
    if (i === tokens.length) {
      if (acc.length === n && check(acc)) found.push(acc);
      return;
    }
    let num = tokens[i]!;
    if (!/^\d{1,3}$/.test(num) && !/^\d+(\.\d+)?$/.test(num)) return;
    walk(i + 1, [...acc, num]);
    // a lead of 1-3 digits followed by groups of exactly three digits
    for (let j = i + 1; j < tokens.length && /^\d{1,3}$/.test(tokens[i]!) && /^\d{3}(\.\d+)?$/.test(tokens[j]!); j++) {
      num += tokens[j]!;
      walk(j + 1, [...acc, num]);
      if (tokens[j]!.includes('.')) break;
    }
  };
  walk(0, []);
  return found.length === 1 ? found[0]! : null;
};

/** The N value cells of a row's tail (cells after its label). */
const extractValues = (tail: readonly string[], learned: Map<number, number>, check: (vals: (string | undefined)[]) => boolean): Extracted => {
  const idx = tail.map((c, i) => (isValueish(c) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === N) return { values: idx.map((i) => tail[i]), uncertain: false, extra: false };
  if (idx.length > N) {
    const merged = thousandsGroups(idx.map((i) => tail[i]!), N, check);
    if (merged) return { values: merged, uncertain: false, extra: false, joined: true };
    return { values: idx.slice(-N).map((i) => tail[i]), uncertain: true, extra: true };
  }
  if (tail.length <= N) {
    const vals = Array.from({ length: N }, (_, i) => tail[i]);
    return { values: vals, uncertain: tail.length < N && idx.length > 0, extra: false };
  }
  const offsets: number[] = [];
  for (let o = 0; o + N <= tail.length; o++) if (idx.every((i) => i >= o && i < o + N)) offsets.push(o);
  const take = (o: number) => Array.from({ length: N }, (_, i) => tail[o + i]);
  const known = learned.get(tail.length);
  if (known !== undefined && offsets.includes(known)) return { values: take(known), uncertain: false, extra: false };
  if (offsets.length === 1) return { values: take(offsets[0]!), uncertain: false, extra: false };
  const passing = offsets.filter((o) => check(take(o)));
  if (passing.length >= 1) return { values: take(passing[0]!), uncertain: passing.length > 1 && idx.length > 0, extra: false };
  return { values: take(offsets[0] ?? 0), uncertain: idx.length > 0, extra: false };
};

const rowLabelOf = (id: string): string => T3_ROWS.find((r) => r.id === id)!.label.replace(/（区分处理的.*$/, '');

/**
 * Some templates add a 「小计」 column for 法人或其他组织 (not official). Its place among the applicant
 * columns, from the header row that names 商业企业: -1 when there is none.
 */
const subtotalColumn = (rows: readonly Row[]): number => {
  const first = T3_COLUMNS.find((c) => c.org)!;
  const last = [...T3_COLUMNS].reverse().find((c) => c.org)!;
  for (const row of rows) {
    const words = row.map((c) => bare(c));
    const a = words.indexOf(bare(first.label));
    const b = words.lastIndexOf(bare(last.label));
    const sub = words.findIndex((w) => /^(法人或其他组织)?(小计|合计)$/.test(w));
    if (a < 0 || sub < 0) continue;
    const orgIndex = T3_COLUMNS.indexOf(first);
    return sub < a ? orgIndex : b >= 0 && sub > b ? orgIndex + T3_COLUMNS.filter((c) => c.org).length : -1;
  }
  return -1;
};

export const mapT3 = (rows: readonly Row[]): TableRead => {
  const out = newRead();
  const subtotal = subtotalColumn(rows);
  if (subtotal >= 0) {
    // drop the extra column from every row that has one value more than the official columns
    rows = rows.map((row) => {
      const tail = row.slice(lastLabelIndex(row) + 1);
      const idx = tail.map((c, i) => (isValueish(c) ? i : -1)).filter((i) => i >= 0);
      if (idx.length !== N + 1) return row;
      const drop = lastLabelIndex(row) + 1 + idx[subtotal]!;
      return row.filter((_, i) => i !== drop);
    });
    note(out, 't3', 'info', '表三多出一列「小计」（不是现行格式的列），已略去不读');
  }
  // learn where the numbers stand in well-formed rows, per tail length (rows of one depth share a layout)
  const votes = new Map<number, Map<number, number>>();
  for (const row of rows) {
    const tail = row.slice(lastLabelIndex(row) + 1);
    const idx = tail.map((c, i) => (isValueish(c) ? i : -1)).filter((i) => i >= 0);
    if (idx.length === N && idx[N - 1]! - idx[0]! === N - 1) {
      const m = votes.get(tail.length) ?? new Map<number, number>();
      m.set(idx[0]!, (m.get(idx[0]!) ?? 0) + 1);
      votes.set(tail.length, m);
    }
  }
  const learned = new Map<number, number>([...votes].map(([len, m]) => [len, [...m].sort((a, b) => b[1] - a[1])[0]![0]]));

  let context: T3GroupKey | null = null;
  const pending: string[] = [];
  const assigned = new Set<string>();
  let single2019: string[] | null = null;
  const rowTotalHolds = (vals: (string | undefined)[]) => {
    const n = vals.map((v) => (v === undefined ? 0 : Number(numberText(v) ?? 0)));
    return n[N - 1] === n.slice(0, N - 1).reduce((a, b) => a + b, 0);
  };

  const assign = (id: string, tail: readonly string[]) => {
    if (assigned.has(id)) {
      note(out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行出现两次，只读取了第一次`);
      return;
    }
    assigned.add(id);
    const ex = extractValues(tail, learned, rowTotalHolds);
    if (ex.extra) note(out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行的数字多于 ${N} 个，已取最后 ${N} 个，请核对`);
    else if (ex.joined) note(out, 't3', 'info', `表三「${rowLabelOf(id)}」一行的数字中有以空格分隔千位的，已按该行总计核对后合并读取`);
    else if (ex.uncertain) note(out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行有空格，数字所在的列无法完全确定，请核对`);
    T3_COLUMNS.forEach((c, i) => {
      const cid = `t3.${id}.${c.id}`;
      const v = cellValue(ex.values[i], 'count');
      if (v.error) note(out, 't3', 'error', `表三「${rowLabelOf(id)}」·${c.label}：${v.error}，该格留空`);
      out.values.set(cid, v.value);
      out.found.add(cid);
    });
  };

  /** A label read by its numbering or by likeness, not word for word: said, so the clerk can check. */
  const inexact = (label: string, id: string) =>
    note(out, 't3', 'info', `表三「${label.replace(/\s+/g, '').slice(0, 40)}」按「${T3_ROWS.find((r) => r.id === id)!.label.replace(/（区分处理的.*$/, '')}」一行读取`);
  const OTHER_2019 = '#other2019';
  let acc: { id: string; cells: string[] } | null = null;
  const flushAcc = () => {
    if (!acc) return;
    if (acc.cells.length < N) note(out, 't3', 'warning', `表三「${acc.id === OTHER_2019 ? T3_GROUPS.other : rowLabelOf(acc.id)}」一行只读到 ${acc.cells.length} 个数字（应为 ${N} 个），请核对`);
    if (acc.id === OTHER_2019) single2019 = acc.cells;
    else assign(acc.id, acc.cells);
    acc = null;
  };
  /** The start of a label that a PDF line break cut off: joined with the next line before matching. */
  let fragment = '';
  /** Index in T3_ROWS of the last row named: the next numbered label most likely follows it. */
  let lastRow = -1;
  for (const row of rows) {
    let label = labelText(row);
    const tail = row.slice(lastLabelIndex(row) + 1);
    const numbers = hasNumber(row);
    if (!label) {
      fragment = '';
      if (numbers) {
        const values = tail.filter((c) => !isEmptyCell(c));
        if (acc) {
          // numbers one per line (PDF text in reading order): gathered until the row has all its columns
          acc.cells.push(...values);
          if (acc.cells.length >= N) flushAcc();
          continue;
        }
        const next = pending.shift();
        if (next && values.length < N && tail.length < N) acc = { id: next, cells: values };
        else if (next === OTHER_2019) single2019 = [...tail];
        else if (next) assign(next, tail);
        else note(out, 't3', 'warning', `表三有一行数字（${values.join(' ')}）找不到对应的行名，未读取`);
      }
      continue;
    }
    flushAcc();
    const expected = T3_ROWS[lastRow + 1];
    let m = matchT3Label(label, context, expected);
    if (fragment && !(m.kind === 'row' && m.confident)) {
      const joined = matchT3Label(fragment + label, context, expected);
      if (joined.kind === 'row' && joined.confident) {
        m = joined;
        label = fragment + label;
      }
    }
    fragment = m.kind === 'row' && m.confident ? '' : m.kind === 'group' ? '' : (fragment + label).slice(-60);
    if (m.kind === 'group') {
      context = m.group;
      if (m.group === 'other') {
        // 2019 试行格式: a single （六）其他处理 row, with its numbers here or on a later line
        if (numbers) single2019 = [...tail];
        else if (tail.length === 0 && !pending.includes(OTHER_2019)) pending.push(OTHER_2019);
      }
      continue;
    }
    // a fragment that only looks like a row, or names the row already waiting, carries the numbers of the waiting row
    if (m.kind === 'row' && numbers && pending.length > 0 && (!m.confident || m.id === pending[0])) m = { kind: 'none' };
    if (m.kind === 'none') {
      // the second half of a label broken over two lines, with the numbers of the row above
      if (numbers && pending.length > 0) {
        const next = pending.shift()!;
        if (next === OTHER_2019) single2019 = [...tail];
        else assign(next, tail);
        fragment = '';
      }
      continue;
    }
    const rowDef = T3_ROWS.find((r) => r.id === m.id)!;
    if (m.confident) lastRow = Math.max(lastRow, T3_ROWS.indexOf(rowDef));
    if (rowDef.group && T3_GROUPS_WITH_ITEMS.includes(rowDef.group as T3GroupKey)) context = rowDef.group as T3GroupKey;
    else if (rowDef.kind !== 'result') context = null;
    // a sub-item of （六） means the current format: the group line was a heading, not a 2019 row
    if (rowDef.group === 'other') {
      const k = pending.indexOf(OTHER_2019);
      if (k >= 0) pending.splice(k, 1);
    }
    if (tail.length === 0 && !numbers) {
      if (m.confident && !assigned.has(m.id) && !pending.includes(m.id)) {
        pending.push(m.id);
        if (!m.exact) inexact(label, m.id);
      }
      continue;
    }
    if (!m.confident && !numbers) continue;
    if (!m.exact && !assigned.has(m.id)) inexact(label, m.id);
    assign(m.id, tail);
  }
  flushAcc();
  const leftOver = pending.filter((id) => id !== OTHER_2019);
  pending.length = 0;
  pending.push(...leftOver);
  for (const id of pending) {
    note(out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行没有读到数字，按空白处理`);
    assign(id, []);
  }

  const otherItems = itemsOf('other');
  if (single2019 && otherItems.every((r) => !assigned.has(r.id))) {
    out.format2019 = true;
    const last = otherItems[otherItems.length - 1]!;
    assign(last.id, single2019);
    note(
      out,
      't3',
      'warning',
      `表三只有一行「${T3_GROUPS.other}」（2019 试行格式），其数字已全部计入「${T3_GROUPS.other}${last.label}」，「${otherItems
        .slice(0, -1)
        .map((r) => `${r.label.slice(0, 14)}…`)
        .join('」「')}」两行留空，请按现行格式拆分`,
    );
  }
  const missing = T3_ROWS.filter((r) => !assigned.has(r.id));
  if (missing.length > 0 && missing.length < T3_ROWS.length) {
    note(out, 't3', 'warning', `表三未找到以下各行，留空：${missing.map((r) => `「${rowLabelOf(r.id)}」`).join('')}`);
  }
  return out;
};

// ───────────────────────────── 表四 ─────────────────────────────

const T4_CELLS: readonly CellId[] = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g.id}.${c.id}`));

export const mapT4 = (rows: readonly Row[]): TableRead => {
  const out = newRead();
  const n = T4_COLUMNS.length;
  // rows named after a group (a transposed layout): 行政复议 / 未经复议直接起诉 / 复议后起诉 with 5 numbers each
  const byGroup = new Map<string, readonly string[]>();
  const flat: (string | undefined)[] = [];
  let extra = false;
  for (const row of rows) {
    if (!hasNumber(row)) continue;
    const label = bare(canonicalText(labelText(row)));
    const tail = row.slice(lastLabelIndex(row) + 1);
    const g = label ? T4_GROUPS.find((x) => label.endsWith(bare(x.label))) : undefined;
    if (g && tail.filter(isValueish).length <= n) {
      byGroup.set(g.id, tail);
      continue;
    }
    const idx = tail.map((c, i) => (isValueish(c) ? i : -1)).filter((i) => i >= 0);
    if (idx.length === T4_CELLS.length || tail.length < T4_CELLS.length) flat.push(...(idx.length === T4_CELLS.length ? idx.map((i) => tail[i]) : tail));
    else {
      if (idx.length > T4_CELLS.length) extra = true;
      flat.push(...tail.slice(0, T4_CELLS.length));
    }
  }
  if (byGroup.size > 0) {
    for (const g of T4_GROUPS) {
      const tail = byGroup.get(g.id);
      if (!tail) continue;
      const nums = tail.filter(isValueish);
      T4_COLUMNS.forEach((c, i) => {
        const id = `t4.${g.id}.${c.id}`;
        const v = cellValue(nums.length === n ? nums[i] : tail[i], 'count');
        if (v.error) note(out, 't4', 'error', `表四「${g.label}·${c.label}」：${v.error}，该格留空`);
        out.values.set(id, v.value);
        out.found.add(id);
      });
    }
  } else if (flat.length > 0) {
    if (extra || flat.length > T4_CELLS.length)
      note(out, 't4', 'warning', `表四读到的数字多于 ${T4_CELLS.length} 个，只取了前 ${T4_CELLS.length} 个，请核对`);
    if (flat.length < T4_CELLS.length) note(out, 't4', 'warning', `表四只读到 ${flat.length} 个数字（应为 ${T4_CELLS.length} 个），缺少的格留空，请核对`);
    T4_CELLS.forEach((id, i) => {
      const v = cellValue(flat[i], 'count');
      if (v.error) note(out, 't4', 'error', `表四第 ${i + 1} 格：${v.error}，该格留空`);
      out.values.set(id, v.value);
      if (i < flat.length) out.found.add(id);
    });
  } else if (rows.some((r) => r.some(isLabelCell))) {
    // the table is there but holds no number at all: every cell was left blank
    for (const id of T4_CELLS) {
      out.values.set(id, null);
      out.found.add(id);
    }
    note(out, 't4', 'warning', `表四没有读到任何数字，${T4_CELLS.length} 格均按空白处理，请核对`);
  }
  return out;
};
