/** 表二: its rows mapped onto cell ids by their labels (see table-mapper.ts for the approach). */
import { t2 } from '../format/cells';
import type { CellId } from '../format/types';
import { T2_BLOCKS, type T2ColumnId, type T2RowId } from '../format/table2';
import { FORMAT_2019, bare, canonicalText, compact, isEmptyCell, labelSimilarity, memo } from './labels';
import { newRead, note, cellValue, rowParts, isValueish, hasNumber, leaveRunTogether, runTogether, type Row, type TableRead } from './table-mapper-common';
import { thousandsGroups } from './table-mapper-t3';
import { RowAssembler } from './row-assembler';

const ITEM_NUMERAL = (item: string): string => /第[（(]([一二三四五六七八九十]+)[)）]项/.exec(item)?.[1] ?? '';
const T2_ITEM_BLOCK = new Map(T2_BLOCKS.map((b, i) => [ITEM_NUMERAL(b.item), i]));
/** Cell ids made once (ids built afresh for every cell read cost more to hash and compare). */
const T2_IDS = new Map(T2_BLOCKS.flatMap((b) => b.rows.map((r) => [r.id, new Map(b.columns.map((c) => [c.id, t2(r.id, c.id)]))] as const)));
const t2Id = (row: T2RowId, column: T2ColumnId): CellId => T2_IDS.get(row)?.get(column) ?? t2(row, column);
const T2_ROW_KEYS = T2_BLOCKS.flatMap((b, bi) => b.rows.map((r) => ({ bi, id: r.id, key: bare(r.label) })));

/** A row label waiting for its numbers on later lines; bi -1 is a 2019 row that has no place in the current format. */
type Pending = { bi: number; id: T2RowId; label: string } | { bi: -1; id: '#2019'; label: string };

type T2Col = { kind: 'cell'; id: T2ColumnId } | { kind: '2019'; key: keyof typeof FORMAT_2019.t2Columns };

/** The row a label names, remembered per label (a pure function of it: the same labels come back in every report). */
const matchT2Row = memo((label: string): { bi: number; id: T2RowId } | null => {
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
  const fuzzy = T2_ROW_KEYS.map((k) => ({ k, s: labelSimilarity(w, k.key) })).sort((a, b) => b.s - a.s)[0];
  return fuzzy && fuzzy.s >= 0.7 ? fuzzy.k : null;
});

/** The column a header cell names in item bi, remembered per (item, header) like the rows. */
const matchT2Column = (bi: number, header: string): T2Col | null => matchT2ColumnCached(`${bi}\u0000${header}`);
const matchT2ColumnCached = memo((key: string): T2Col | null => {
  const i = key.indexOf('\u0000');
  return matchT2ColumnUncached(Number(key.slice(0, i)), key.slice(i + 1));
}, 200);
const matchT2ColumnUncached = (bi: number, header: string): T2Col | null => {
  const w = bare(canonicalText(header));
  if (!w) return null;
  const cols = bi >= 0 ? T2_BLOCKS[bi]!.columns : [];
  for (const c of cols) {
    const k = bare(c.label);
    if (w === k || w.startsWith(k) || k.startsWith(w) || labelSimilarity(w, k) >= 0.7) return { kind: 'cell', id: c.id };
  }
  for (const [key, label] of Object.entries(FORMAT_2019.t2Columns)) {
    if (w === bare(label) || labelSimilarity(w, bare(label)) >= 0.8) return { kind: '2019', key: key as keyof typeof FORMAT_2019.t2Columns };
  }
  return null;
};

const T2_2019_MAP: Partial<Record<keyof typeof FORMAT_2019.t2Columns, T2ColumnId>> = { made: 'issued', totalPublished: 'effective', decisions: 'decisions' };

/** What reading 表二 keeps from line to line. */
type T2State = {
  readonly out: TableRead;
  /** Index in T2_BLOCKS of the item being read; -9 is the 2019 item (九), -1 none. */
  block: number;
  readonly headers: Map<number, Map<number, T2Col>>;
  readonly seen2019Rows: Set<string>;
  readonly seenRows: Set<string>;
  readonly unmapped2019: string[];
  /** A header whose column names come one per line (PDF text): collected until a line is not a column name. */
  headerLines: string[] | null;
  readonly assembler: RowAssembler<Pending>;
  /** Blocks whose numbers came apart from several waiting row labels: which cell each belongs to is not known. */
  readonly ambiguous: Set<number>;
};

const assignT2 = (s: T2State, m: { bi: number; id: T2RowId }, cellsAfterLabel: readonly string[]) => {
  let tail = cellsAfterLabel;
  const b = T2_BLOCKS[m.bi]!;
  s.seenRows.add(m.id);
  const header = s.headers.get(m.bi);
  const cols: { rel: number; col: T2Col }[] = header
    ? [...header.entries()].map(([rel, col]) => ({ rel, col }))
    : b.columns.map((c, i) => ({ rel: i, col: { kind: 'cell', id: c.id } as T2Col }));
  let nums = tail.filter(isValueish);
  // one run of digits where the row has several columns: the clerk types them, seeing the source text
  const joinedDigits = cols.every((c) => c.col.kind === 'cell') ? runTogether(tail, cols.length) : null;
  if (joinedDigits !== null) {
    leaveRunTogether(
      s.out,
      't2',
      b.rows.find((r) => r.id === m.id)!.label,
      joinedDigits,
      cols.map(({ col }) => t2(m.id, (col as Extract<T2Col, { kind: 'cell' }>).id)),
    );
    return;
  }
  // more tokens than columns: numbers whose thousands are separated by spaces (「138 918」), when only one joining fits
  if (nums.length > cols.length) {
    const joined = thousandsGroups(nums, cols.length, () => true);
    if (joined) {
      note(
        s.out,
        't2',
        'info',
        `表二「${b.rows.find((r) => r.id === m.id)!.label}」一行的「${nums.join(' ')}」按以空格分隔千位读作「${joined.join(' ')}」，请核对`,
      );
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
      const id = t2Id(m.id, col.id);
      const v = cellValue(raw, b.unit);
      if (v.error) note(s.out, 't2', 'error', `表二「${b.rows.find((r) => r.id === m.id)!.label}」：${v.error}，该格留空`);
      s.out.values.set(id, v.value);
      s.out.found.add(id);
    } else {
      s.out.format2019 = true;
      const target = T2_2019_MAP[col.key];
      const label = FORMAT_2019.t2Columns[col.key];
      const rowLabel = b.rows.find((r) => r.id === m.id)!.label;
      if (target && b.columns.some((c) => c.id === target)) {
        const id = t2Id(m.id, target);
        const v = cellValue(raw, b.unit);
        s.out.values.set(id, v.value);
        s.out.found.add(id);
        const official = b.columns.find((c) => c.id === target)!.label;
        if (col.key === 'totalPublished')
          note(
            s.out,
            't2',
            'warning',
            `表二「${rowLabel}」：2019 试行格式的「${label}」（${raw?.trim() || '空'}）已填入「${official}」，两者口径不完全相同（对外公开总数量含已废止文件），请核对`,
          );
        else if (col.key === 'made') note(s.out, 't2', 'info', `表二「${rowLabel}」：2019 试行格式的「${label}」已填入「${official}」`);
      } else if (raw !== undefined && !isEmptyCell(raw)) {
        s.unmapped2019.push(`「${rowLabel}·${label}」${raw.trim()}`);
      }
    }
  });
  if (!byOrder && nums.length > cols.length)
    note(s.out, 't2', 'warning', `表二「${T2_BLOCKS[m.bi]!.rows.find((r) => r.id === m.id)!.label}」一行的数字多于列数，已按列位置读取，请核对`);
};

/** Header cells after 信息内容, relative to the first value column; complete or 2019 headers only. */
const setT2Header = (s: T2State, cells: readonly string[]) => {
  const header = new Map<number, T2Col>();
  cells.forEach((c, rel) => {
    const col = matchT2Column(s.block, c);
    // one merged header cell written out over its columns (「本年处理决定数量」 three times): one column
    const repeat = rel > 0 && compact(c) !== '' && compact(c) === compact(cells[rel - 1]!);
    if (col && !repeat) header.set(rel, col);
  });
  // a header cut short (a PDF line break) is no header: the official column order applies
  const cols = [...header.values()];
  const complete = s.block >= 0 && T2_BLOCKS[s.block]!.columns.every((c) => cols.some((x) => x.kind === 'cell' && x.id === c.id));
  if (s.block >= 0 && (complete || cols.some((c) => c.kind === '2019'))) s.headers.set(s.block, header);
  if (cols.some((c) => c.kind === '2019')) s.out.format2019 = true;
};

const needOfT2 = (s: T2State, m: Pending): number => {
  if (m.bi < 0) return Number.POSITIVE_INFINITY;
  const h = s.headers.get(m.bi);
  return h ? Math.max(...h.keys()) + 1 : T2_BLOCKS[m.bi]!.columns.length;
};

const settleT2 = (s: T2State, m: Pending, tail: readonly string[], gathered = false) => {
  if (m.id === '#2019' || m.bi < 0) {
    const vals = tail.filter((c) => !isEmptyCell(c)).map((c) => c.trim());
    s.unmapped2019.push(`「${m.label.trim()}」${vals.join('、')}`);
    return;
  }
  const need = needOfT2(s, m);
  // numbers gathered one per line stopped short by a label (a column's name, copied between its numbers): said
  if (gathered && tail.length < need && runTogether(tail, need) === null)
    note(
      s.out,
      't2',
      'warning',
      `表二「${T2_BLOCKS[m.bi]!.rows.find((r) => r.id === m.id)!.label}」一行只读到 ${tail.length} 个数字（应为 ${need} 个），请核对`,
      T2_BLOCKS[m.bi]!.columns.map((c) => t2(m.id, c.id)),
    );
  assignT2(s, m, tail);
};

/** One line of 表二: an item heading, a header, a row label with or without its numbers, or numbers alone. */
const readT2Line = (s: T2State, row: Row): void => {
  const parts = rowParts(row);
  const label = parts.label;
  const w = bare(canonicalText(label));
  if (s.headerLines) {
    const only = row.filter((c) => !isEmptyCell(c));
    if (only.length === 1 && !hasNumber(row) && matchT2Column(s.block, only[0]!)) {
      s.headerLines.push(only[0]!);
      return;
    }
    setT2Header(s, s.headerLines);
    s.headerLines = null;
  }
  const itemMatch = /第二十条第([一二三四五六七八九十]+)项/.exec(w);
  if (itemMatch) {
    s.assembler.flush();
    s.block = T2_ITEM_BLOCK.get(itemMatch[1]!) ?? (itemMatch[1] === '九' ? -9 : -1);
    if (s.block === -9) s.out.format2019 = true;
    return;
  }
  if (w.startsWith('信息内容')) {
    s.assembler.flush();
    const start = row.findIndex((c) => bare(c).startsWith('信息内容'));
    const rest = row.slice(start + 1);
    if (rest.every(isEmptyCell)) s.headerLines = [];
    else setT2Header(s, rest);
    return;
  }
  const tail = parts.tail;
  if (!label) {
    if (!hasNumber(row)) return;
    // two rows of one block named before any of their numbers, which then come fewer than a row's: in copied text
    // they may run row by row or column by column, and nothing tells which
    const [a, b] = s.assembler.pending;
    const columns = a && a.bi >= 0 ? T2_BLOCKS[a.bi]!.columns.length : 0;
    if (!s.assembler.gathering && b && a!.bi === b.bi && columns > 1 && tail.filter(isValueish).length < columns) s.ambiguous.add(a!.bi);
    s.assembler.numberLine(tail, (m) => needOfT2(s, m));
    return;
  }
  s.assembler.flush();
  if (bare(label) === bare(FORMAT_2019.t2Rows.otherServices) || bare(label) === bare(FORMAT_2019.t2Rows.procurement) || s.block === -9) {
    s.out.format2019 = true;
    if (s.seen2019Rows.has(label)) return;
    s.seen2019Rows.add(label);
    // its numbers may come on later lines: they are taken and reported, so they cannot shift other rows
    if (tail.length === 0) s.assembler.wait({ bi: -1, id: '#2019', label });
    else settleT2(s, { bi: -1, id: '#2019', label }, tail);
    return;
  }
  let m = matchT2Row(label);
  if (!m && s.assembler.fragment) m = matchT2Row(s.assembler.fragment + label);
  if (m) s.assembler.fragment = '';
  else {
    s.assembler.keep(label, 30);
    // the rest of a label cut by a line break, on the line with the numbers of the row waiting
    if (hasNumber(row)) s.assembler.continueFirst(tail);
    return;
  }
  // a row already read (its label's tail joined to a later line) is not read twice
  if (s.seenRows.has(m.id)) return;
  if (s.assembler.pending.length > 0 && s.assembler.pending[0]!.id === m.id && s.assembler.pending[0]!.bi === m.bi) {
    if (hasNumber(row)) s.assembler.continueFirst(tail);
    return;
  }
  if (tail.length === 0) s.assembler.wait({ ...m, label });
  else if (!s.headers.has(m.bi) && tail.length === tail.filter(isValueish).length && tail.length < T2_BLOCKS[m.bi]!.columns.length)
    s.assembler.begin({ ...m, label }, tail, T2_BLOCKS[m.bi]!.columns.length);
  else assignT2(s, m, tail);
};

/** A block whose numbers could be row by row or column by column: its cells blank, the numbers listed in a warning. */
const leaveOrderUnknown = (s: T2State, bi: number): void => {
  const b = T2_BLOCKS[bi]!;
  const ids = b.rows.flatMap((r) => b.columns.map((c) => t2(r.id, c.id)));
  const read = ids.map((id) => s.out.values.get(id)).filter((v) => v !== null && v !== undefined);
  for (const id of ids) {
    s.out.values.set(id, null);
    s.out.found.add(id);
  }
  s.out.notes.splice(0, s.out.notes.length, ...s.out.notes.filter((n) => !n.cells?.some((id) => ids.includes(id))));
  note(
    s.out,
    't2',
    'warning',
    `表二「${b.rows.map((r) => r.label).join('」「')}」${b.rows.length} 行的数字在复制的文本中都排在行名之后（依次为 ${read.join('、')}），无法确定是按行还是按列排列，这 ${ids.length} 格留空：请对照原文件填写`,
    ids,
  );
};

/** Rows not found, columns the source lacked, and what the 2019 layout could not carry over. */
const noteT2Gaps = (s: T2State, rows: readonly Row[]): void => {
  for (const b of rows.length > 0 ? T2_BLOCKS : []) {
    for (const r of b.rows) {
      const missing = b.columns.filter((c) => !s.out.found.has(t2(r.id, c.id)));
      if (missing.length === b.columns.length && !s.seenRows.has(r.id)) {
        note(
          s.out,
          't2',
          'warning',
          `表二未找到「${r.label}」一行，${missing.length > 1 ? `${missing.length} 格` : '该格'}留空，请核对（没有${r.label}的机关常删去此行）`,
        );
      } else if (missing.length > 0) {
        note(s.out, 't2', 'warning', `表二「${r.label}」一行的「${missing.map((c) => c.label).join('」「')}」在原表中没有对应的列，留空，请补填`);
      }
    }
  }
  if (s.out.format2019) note(s.out, 't2', 'warning', '表二为 2019 试行格式（国办公开办函〔2019〕60号），已按现行格式读取能对应的项目，其余请按现行格式补填');
  if (s.unmapped2019.length > 0) note(s.out, 't2', 'info', `表二中现行格式没有的项目未导入：${s.unmapped2019.join('；')}`);
};

export const mapT2 = (rows: readonly Row[]): TableRead => {
  const s: T2State = {
    out: newRead(),
    block: -1,
    headers: new Map(),
    seen2019Rows: new Set(),
    seenRows: new Set(),
    unmapped2019: [],
    headerLines: null,
    ambiguous: new Set(),
    assembler: new RowAssembler<Pending>((m, tail, gathered) => settleT2(s, m, tail, gathered)),
  };
  for (const row of rows) readT2Line(s, row);
  s.assembler.flush();
  if (s.headerLines) setT2Header(s, s.headerLines);
  for (const p of s.assembler.drain()) settleT2(s, p, []);
  for (const bi of s.ambiguous) leaveOrderUnknown(s, bi);
  noteT2Gaps(s, rows);
  return s.out;
};
