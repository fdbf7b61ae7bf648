/** 表三: its rows mapped onto cell ids by their labels (see table-mapper.ts for the approach). */
import { t3 } from '../format/cells';
import { T3_COLUMNS, T3_GROUPS, T3_GROUPS_WITH_ITEMS, T3_RESULTS_HEADER, T3_ROWS, t3Row, type T3GroupKey, type T3RowId } from '../format/table3';
import { bare, isDashCell, isEmptyCell, memo, numberText, parseLabel, labelSimilarity } from './labels';
import { RowAssembler } from './row-assembler';
import { newRead, note, cellValue, rowParts, isValueish, hasNumber, leaveRunTogether, runTogether, type Row, type TableRead } from './table-mapper-common';

const GROUP_KEYS = Object.keys(T3_GROUPS) as T3GroupKey[];
const groupWords = (g: T3GroupKey): string => parseLabel(T3_GROUPS[g]).words;
const GROUP_WORDS = new Map(GROUP_KEYS.map((g) => [g, groupWords(g)]));
const RESULTS_WORDS = parseLabel(T3_RESULTS_HEADER).words;
const T3_KEYS = T3_ROWS.map((r) => ({ row: r, key: parseLabel(r.label).words }));
const itemsOf = (g: T3GroupKey) => T3_ROWS.filter((r) => r.kind === 'result' && r.group === g);
const N = T3_COLUMNS.length;
/** Each row's cell ids, made once (ids built afresh for every row read cost more to hash and compare). */
const T3_ROW_CELLS = new Map(T3_ROWS.map((r) => [r.id, T3_COLUMNS.map((c) => t3(r.id, c.id))]));

type T3Match = { kind: 'row'; id: T3RowId; confident: boolean; exact?: boolean } | { kind: 'group'; group: T3GroupKey } | { kind: 'none' };

const textMatch = (words: string, candidates: readonly { row: (typeof T3_ROWS)[number]; key: string }[]): { id: T3RowId; score: number } | null => {
  if (!words) return null;
  const exact = candidates.find((c) => c.key === words);
  if (exact) return { id: exact.row.id, score: 1 };
  // a label cut by a line break, or a key followed by an explanation in brackets
  const prefix = candidates.filter((c) => (words.length >= 3 && c.key.startsWith(words)) || (c.key.length >= 4 && words.startsWith(c.key)));
  if (prefix.length === 1) return { id: prefix[0]!.row.id, score: 0.9 };
  const best = candidates.map((c) => ({ id: c.row.id, score: labelSimilarity(words, c.key) })).sort((a, b) => b.score - a.score)[0];
  return best && best.score >= 0.6 ? best : null;
};

/**
 * The same labels come back in every report of a batch (a worker reads hundreds): the match, a pure function
 * of the label, the group context and the row expected next, is remembered (frozen, as callers share it).
 */
export const matchT3Label = (label: string, context: T3GroupKey | null, expected?: (typeof T3_ROWS)[number]): T3Match =>
  matchT3Cached(`${context ?? ''}\u0000${expected?.id ?? ''}\u0000${label}`);
const matchT3Cached = memo((key: string): T3Match => {
  // the label comes last: a NUL inside it stays part of it
  const i = key.indexOf('\u0000');
  const j = key.indexOf('\u0000', i + 1);
  const [context, expectedId, label] = [key.slice(0, i), key.slice(i + 1, j), key.slice(j + 1)];
  return Object.freeze(matchT3LabelUncached(label, (context || null) as T3GroupKey | null, expectedId ? t3Row(expectedId as T3RowId) : undefined));
}, 200);

const matchT3LabelUncached = (label: string, context: T3GroupKey | null, expected?: (typeof T3_ROWS)[number]): T3Match => {
  const p = parseLabel(label);
  let segs = p.segments.filter((s) => !(s === RESULTS_WORDS || labelSimilarity(s, RESULTS_WORDS) >= 0.8));
  let group: T3GroupKey | null = p.group !== undefined ? (GROUP_KEYS[p.group - 1] ?? null) : null;
  if (p.top === 3 && segs.length === 0) return { kind: 'none' };
  // a group's own words (「不予公开」) may stand without its numbering
  if (segs.length > 0) {
    const isGroupWords = (k: T3GroupKey) => segs[0] === GROUP_WORDS.get(k) || labelSimilarity(segs[0]!, GROUP_WORDS.get(k)!) >= 0.8;
    const g = GROUP_KEYS.find((k) => T3_GROUPS_WITH_ITEMS.includes(k) && isGroupWords(k));
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
    const keyOf = (id: T3RowId) => T3_KEYS.find((k) => k.row.id === id)!.key;
    // the words agree with a row when they are its start (a label cut by a line break) or close to it (a typo)
    const agrees = (id: T3RowId) => !words || keyOf(id).startsWith(words) || labelSimilarity(words, keyOf(id)) >= 0.5;
    const g = group ?? context;
    const byNumber = g && T3_GROUPS_WITH_ITEMS.includes(g) ? itemsOf(g)[p.item - 1] : undefined;
    if (byNumber && agrees(byNumber.id)) return { kind: 'row', id: byNumber.id, confident: true, exact: !words };
    // the group label may come later (centred in its merged cell): the row that follows the last one read
    const next = expected && expected.kind === 'result' && expected.group && T3_GROUPS_WITH_ITEMS.includes(expected.group as T3GroupKey) ? expected : undefined;
    if (next && itemsOf(next.group as T3GroupKey).indexOf(next) + 1 === p.item && agrees(next.id))
      return { kind: 'row', id: next.id, confident: true, exact: !words };
    if (text) return { kind: 'row', id: text.id, confident: text.score >= 0.9 || byNumber?.id === text.id, exact: false };
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
    const merged = thousandsGroups(
      idx.map((i) => tail[i]!),
      N,
      check,
    );
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

const rowLabelOf = (id: T3RowId): string => t3Row(id).shortLabel;

/**
 * Some templates add a 「小计」 column for 法人或其他组织 (not official). Its place among the applicant
 * columns, from the header row that names 商业企业: -1 when there is none.
 */
const subtotalColumn = (rows: readonly Row[]): number => {
  const first = T3_COLUMNS.find((c) => c.org)!;
  const last = [...T3_COLUMNS].reverse().find((c) => c.org)!;
  const firstWords = bare(first.label);
  const lastWords = bare(last.label);
  for (const row of rows) {
    // a 小计/合计 cell holds 计 (no other character normalises to it): the other rows are not looked at
    if (!row.some((c) => c.includes('计'))) continue;
    const words = row.map((c) => bare(c));
    const a = words.indexOf(firstWords);
    const b = words.lastIndexOf(lastWords);
    const sub = words.findIndex((w) => /^(法人或其他组织)?(小计|合计)$/.test(w));
    if (a < 0 || sub < 0) continue;
    const orgIndex = T3_COLUMNS.indexOf(first);
    return sub < a ? orgIndex : b >= 0 && sub > b ? orgIndex + T3_COLUMNS.filter((c) => c.org).length : -1;
  }
  return -1;
};

/** Drops an added 「小计」 column from every row that has one value more than the official columns. */
const dropSubtotalColumn = (out: TableRead, rows: readonly Row[]): readonly Row[] => {
  const subtotal = subtotalColumn(rows);
  if (subtotal < 0) return rows;
  note(out, 't3', 'info', '表三多出一列「小计」（不是现行格式的列），已略去不读');
  return rows.map((row) => {
    const { last, values: idx } = rowParts(row);
    if (idx.length !== N + 1) return row;
    const drop = last + 1 + idx[subtotal]!;
    return row.filter((_, i) => i !== drop);
  });
};

/** Where the numbers stand in well-formed rows, per tail length (rows of one depth share a layout). */
const learnLayout = (rows: readonly Row[]): Map<number, number> => {
  const votes = new Map<number, Map<number, number>>();
  for (const row of rows) {
    const { tail, values: idx } = rowParts(row);
    if (idx.length === N && idx[N - 1]! - idx[0]! === N - 1) {
      const m = votes.get(tail.length) ?? new Map<number, number>();
      m.set(idx[0]!, (m.get(idx[0]!) ?? 0) + 1);
      votes.set(tail.length, m);
    }
  }
  return new Map<number, number>([...votes].map(([len, m]) => [len, [...m].sort((a, b) => b[1] - a[1])[0]![0]]));
};

const rowTotalHolds = (vals: (string | undefined)[]) => {
  const n = vals.map((v) => (v === undefined ? 0 : Number(numberText(v) ?? 0)));
  return n[N - 1] === n.slice(0, N - 1).reduce((a, b) => a + b, 0);
};

const OTHER_2019 = '#other2019';

/** What reading 表三 keeps from line to line. */
type T3State = {
  readonly out: TableRead;
  readonly learned: Map<number, number>;
  context: T3GroupKey | null;
  readonly assigned: Set<string>;
  /** The numbers of a single 2019 （六）其他处理 row. */
  single2019: string[] | null;
  /** Index in T3_ROWS of the last row named: the next numbered label most likely follows it. */
  lastRow: number;
  readonly assembler: RowAssembler<T3RowId | typeof OTHER_2019>;
};

const assignT3 = (s: T3State, id: T3RowId, tail: readonly string[]) => {
  if (s.assigned.has(id)) {
    note(s.out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行出现两次，只读取了第一次`);
    return;
  }
  s.assigned.add(id);
  const rowCells = T3_ROW_CELLS.get(id)!;
  const joinedDigits = runTogether(tail, N);
  if (joinedDigits !== null) {
    leaveRunTogether(s.out, 't3', rowLabelOf(id), joinedDigits, [...rowCells]);
    return;
  }
  const ex = extractValues(tail, s.learned, rowTotalHolds);
  if (ex.extra) note(s.out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行的数字多于 ${N} 个，已取最后 ${N} 个，请核对`, [...rowCells]);
  else if (ex.joined) note(s.out, 't3', 'info', `表三「${rowLabelOf(id)}」一行的数字中有以空格分隔千位的，已按该行总计核对后合并读取`);
  else if (ex.uncertain) note(s.out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行有空格，数字所在的列无法完全确定，请核对`, [...rowCells]);
  T3_COLUMNS.forEach((c, i) => {
    const cid = rowCells[i]!;
    const v = cellValue(ex.values[i], 'count');
    if (v.error) note(s.out, 't3', 'error', `表三「${rowLabelOf(id)}」·${c.label}：${v.error}，该格留空`);
    s.out.values.set(cid, v.value);
    s.out.found.add(cid);
  });
};

/** A label read by its numbering or by likeness, not word for word: said, so the clerk can check. */
const inexactT3 = (s: T3State, label: string, id: T3RowId) =>
  note(s.out, 't3', 'info', `表三「${label.replace(/\s+/g, '').slice(0, 40)}」按「${rowLabelOf(id)}」一行读取`);

const settleT3 = (s: T3State, id: T3RowId | typeof OTHER_2019, cells: readonly string[], gathered: boolean) => {
  if (gathered && cells.length < N && runTogether(cells, N) === null)
    note(
      s.out,
      't3',
      'warning',
      `表三「${id === OTHER_2019 ? T3_GROUPS.other : rowLabelOf(id)}」一行只读到 ${cells.length} 个数字（应为 ${N} 个），请核对`,
      id === OTHER_2019 ? [] : [...T3_ROW_CELLS.get(id)!],
    );
  if (id === OTHER_2019) s.single2019 = [...cells];
  else assignT3(s, id, cells);
};

/** One line of 表三: a group heading, a row label with or without its numbers, the rest of a broken label, or numbers alone. */
const readT3Line = (s: T3State, row: Row): void => {
  const parts = rowParts(row);
  let label = parts.label;
  const tail = parts.tail;
  // dashes after the label (a row of zeros written 「—」, its label wrapped above and below) are that row's numbers
  const numbers = hasNumber(row) || (tail.some(isDashCell) && tail.every((c) => isDashCell(c) || isEmptyCell(c)));
  if (!label) {
    s.assembler.fragment = '';
    // numbers one per line (PDF text in reading order) are gathered until the row has all its columns
    if (numbers && s.assembler.numberLine(tail, () => N) === 'orphan')
      note(s.out, 't3', 'warning', `表三有一行数字（${tail.filter((c) => !isEmptyCell(c)).join(' ')}）找不到对应的行名，未读取`);
    return;
  }
  s.assembler.flush();
  const expected = T3_ROWS[s.lastRow + 1];
  let m = matchT3Label(label, s.context, expected);
  const fragment = s.assembler.fragment;
  if (fragment && !(m.kind === 'row' && m.confident)) {
    const joined = matchT3Label(fragment + label, s.context, expected);
    if (joined.kind === 'row' && joined.confident) {
      m = joined;
      label = fragment + label;
    }
  }
  if ((m.kind === 'row' && m.confident) || m.kind === 'group') s.assembler.fragment = '';
  else s.assembler.keep(label, 60);
  if (m.kind === 'group') {
    s.context = m.group;
    if (m.group === 'other') {
      // 2019 试行格式: a single （六）其他处理 row, with its numbers here or on a later line
      if (numbers) s.single2019 = [...tail];
      else if (tail.length === 0 && !s.assembler.pending.includes(OTHER_2019)) s.assembler.wait(OTHER_2019);
      // part of a group label centred in its merged cell (「无法提」) on the line with the numbers of the row waiting
    } else if (numbers) s.assembler.continueFirst(tail);
    return;
  }
  // a fragment that only looks like a row, or names the row already waiting, carries the numbers of the waiting row
  if (m.kind === 'row' && numbers && s.assembler.pending.length > 0 && (!m.confident || m.id === s.assembler.pending[0])) m = { kind: 'none' };
  if (m.kind === 'none') {
    // the second half of a label broken over two lines, with the numbers of the row above
    if (numbers) s.assembler.continueFirst(tail);
    return;
  }
  const rowDef = t3Row(m.id);
  if (m.confident) s.lastRow = Math.max(s.lastRow, T3_ROWS.indexOf(rowDef));
  if (rowDef.group && T3_GROUPS_WITH_ITEMS.includes(rowDef.group as T3GroupKey)) s.context = rowDef.group as T3GroupKey;
  else if (rowDef.kind !== 'result') s.context = null;
  // a sub-item of （六） means the current format: the group line was a heading, not a 2019 row
  if (rowDef.group === 'other') {
    const k = s.assembler.pending.indexOf(OTHER_2019);
    if (k >= 0) s.assembler.pending.splice(k, 1);
  }
  if (tail.length === 0 && !numbers) {
    if (m.confident && !s.assigned.has(m.id) && !s.assembler.pending.includes(m.id)) {
      s.assembler.wait(m.id);
      if (!m.exact) inexactT3(s, label, m.id);
    }
    return;
  }
  if (!m.confident && !numbers) return;
  if (!m.exact && !s.assigned.has(m.id)) inexactT3(s, label, m.id);
  assignT3(s, m.id, tail);
};

/** Rows still waiting get blanks, a 2019 single （六） row goes to its last item, and rows not found are named. */
const finishT3 = (s: T3State): void => {
  for (const id of s.assembler.drain().filter((x): x is T3RowId => x !== OTHER_2019)) {
    note(s.out, 't3', 'warning', `表三「${rowLabelOf(id)}」一行没有读到数字，按空白处理`);
    assignT3(s, id, []);
  }

  const otherItems = itemsOf('other');
  if (s.single2019 && otherItems.every((r) => !s.assigned.has(r.id))) {
    s.out.format2019 = true;
    const last = otherItems[otherItems.length - 1]!;
    assignT3(s, last.id, s.single2019);
    note(
      s.out,
      't3',
      'warning',
      `表三只有一行「${T3_GROUPS.other}」（2019 试行格式），其数字已全部计入「${T3_GROUPS.other}${last.label}」，「${otherItems
        .slice(0, -1)
        .map((r) => `${r.label.slice(0, 14)}…`)
        .join('」「')}」两行留空，请按现行格式拆分`,
    );
  }
  const missing = T3_ROWS.filter((r) => !s.assigned.has(r.id));
  if (missing.length > 0 && missing.length < T3_ROWS.length) {
    note(s.out, 't3', 'warning', `表三未找到以下各行，留空：${missing.map((r) => `「${rowLabelOf(r.id)}」`).join('')}`);
  }
};

export const mapT3 = (input: readonly Row[]): TableRead => {
  const out = newRead();
  const rows = dropSubtotalColumn(out, input);
  const s: T3State = {
    out,
    learned: learnLayout(rows),
    context: null,
    assigned: new Set(),
    single2019: null,
    lastRow: -1,
    assembler: new RowAssembler<T3RowId | typeof OTHER_2019>((id, cells, gathered) => settleT3(s, id, cells, gathered)),
  };
  for (const row of rows) readT3Line(s, row);
  s.assembler.flush();
  finishT3(s);
  return out;
};
