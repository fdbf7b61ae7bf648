/** 表四: its rows mapped onto cell ids by their labels (see table-mapper.ts for the approach). */
import { t4 } from '../format/cells';
import type { CellId } from '../format/types';
import type { T4ColumnId, T4GroupId } from '../format/table4';
import { T4_COLUMNS, T4_GROUPS } from '../format/table4';
import { bare, canonicalText, isLabelCell } from './labels';
import { newRead, note, cellValue, rowParts, isValueish, hasNumber, type Row, type TableRead } from './table-mapper-common';

const T4_CELLS: readonly CellId[] = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => t4(g.id, c.id)));
/** Cell ids made once (ids built afresh for every cell read cost more to hash and compare). */
const T4_IDS = new Map(T4_GROUPS.map((g) => [g.id, new Map(T4_COLUMNS.map((c) => [c.id, t4(g.id, c.id)]))]));
const t4Id = (group: T4GroupId, column: T4ColumnId): CellId => T4_IDS.get(group)!.get(column)!;

export const mapT4 = (rows: readonly Row[]): TableRead => {
  const out = newRead();
  const n = T4_COLUMNS.length;
  // rows named after a group (a transposed layout): 行政复议 / 未经复议直接起诉 / 复议后起诉 with 5 numbers each
  const byGroup = new Map<string, readonly string[]>();
  // rows named after a result (表四 on its side for a narrow page): 结果维持 … 总计 with one number per group
  const byResult = new Map<T4ColumnId, readonly string[]>();
  const groupOrder: T4GroupId[] = [];
  const flat: (string | undefined)[] = [];
  let extra = false;
  for (const row of rows) {
    if (!hasNumber(row)) {
      // the groups in the order the header names them (row by row, left to right)
      for (const cell of row) {
        const w = bare(canonicalText(cell));
        const g = w ? T4_GROUPS.find((x) => w.endsWith(bare(x.label))) : undefined;
        if (g && !groupOrder.includes(g.id)) groupOrder.push(g.id);
      }
      continue;
    }
    const parts = rowParts(row);
    const label = bare(canonicalText(parts.label));
    const tail = parts.tail;
    const g = label ? T4_GROUPS.find((x) => label.endsWith(bare(x.label))) : undefined;
    const idx = parts.values;
    if (g && idx.length <= n) {
      byGroup.set(g.id, tail);
      continue;
    }
    const r = label ? T4_COLUMNS.find((x) => label === bare(x.label)) : undefined;
    if (r && idx.length <= T4_GROUPS.length) {
      byResult.set(r.id, tail);
      continue;
    }
    if (idx.length === T4_CELLS.length || tail.length < T4_CELLS.length) flat.push(...(idx.length === T4_CELLS.length ? idx.map((i) => tail[i]) : tail));
    else {
      if (idx.length > T4_CELLS.length) extra = true;
      flat.push(...tail.slice(0, T4_CELLS.length));
    }
  }
  if (byResult.size > 0 && byGroup.size === 0) {
    // only when the header names all three groups is it known which column is which; else nothing is guessed
    if (groupOrder.length !== T4_GROUPS.length) {
      note(
        out,
        't4',
        'warning',
        '表四按「结果维持」等逐行排列，但表头没有写明行政复议、未经复议直接起诉、复议后起诉三栏，无法确定各列归属，该表各格留空，请对照原表填写',
      );
      return out;
    }
    for (const c of T4_COLUMNS) {
      const tail = byResult.get(c.id);
      if (!tail) continue;
      const nums = tail.filter(isValueish);
      groupOrder.forEach((gid, i) => {
        const id = t4Id(gid, c.id);
        const v = cellValue(nums.length === T4_GROUPS.length ? nums[i] : tail[i], 'count');
        if (v.error) note(out, 't4', 'error', `表四「${T4_GROUPS.find((x) => x.id === gid)!.label}·${c.label}」：${v.error}，该格留空`);
        out.values.set(id, v.value);
        out.found.add(id);
      });
    }
    if (flat.length > 0) note(out, 't4', 'warning', `表四另有 ${flat.length} 个数字不在「结果维持」等行中，未读取，请核对`);
  } else if (byGroup.size > 0) {
    for (const g of T4_GROUPS) {
      const tail = byGroup.get(g.id);
      if (!tail) continue;
      const nums = tail.filter(isValueish);
      T4_COLUMNS.forEach((c, i) => {
        const id = t4Id(g.id, c.id);
        const v = cellValue(nums.length === n ? nums[i] : tail[i], 'count');
        if (v.error) note(out, 't4', 'error', `表四「${g.label}·${c.label}」：${v.error}，该格留空`);
        out.values.set(id, v.value);
        out.found.add(id);
      });
    }
  } else if (flat.length > 0) {
    if (extra || flat.length > T4_CELLS.length) note(out, 't4', 'warning', `表四读到的数字多于 ${T4_CELLS.length} 个，只取了前 ${T4_CELLS.length} 个，请核对`);
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
