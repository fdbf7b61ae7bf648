/**
 * What the keyboard and the clipboard do to cells: typing (an entry checked as a whole by parseCellInput,
 * refused in place with a hint), moving, reverting, pasting a block and copying one.
 */
import { TABLE_NAMES, cellDef } from '../../shared/format/cells';
import type { CellId } from '../../shared/format/types';
import { parseCellInput } from '../../shared/report/number-input';
import { COMPUTED_CELLS } from '../../shared/report/totals';
import { copyBlock, formatValue, isBlock, parseBlock, planPaste, withoutLabels } from '../model/clipboard';
import { type Move, type Rect, cellAt, cellsInRect, enterFrom, moveFrom, posOf, rectBetween } from '../model/grid';
import { cancelEdit, endEdit, revertCell, setCells, typeCell, useDoc, valueBeforeEdit } from './document-store';
import { clearHint, setStatus, showFlags, showHints, useView } from './view-store';

export const isReadOnly = (id: CellId): boolean => useDoc.getState().report.settings.autoTotals && COMPUTED_CELLS.has(id);

/** A number on its way to being valid (「1,2」 before 「1,234」, 「3.」 before 「3.5」): kept as typed, not yet a value. */
const unfinished = (text: string, unit: 'count' | 'money'): boolean =>
  unit === 'count' ? /^[\d０-９][\d０-９,，\s]*$/.test(text.trim()) : /^[\d０-９][\d０-９,，\s]*(?:[.．][\d０-９]{0,6})?$/.test(text.trim());

export const READ_ONLY_HINT = '合计自动计算已开启，总计由各项自动求和（关闭开关后可手工填写）';

const setDraft = (id: CellId, draft: string, refused: string | null): void => {
  const caret = useView.getState().edit?.cellId === id ? useView.getState().edit!.caret : false;
  useView.setState({ edit: { cellId: id, draft, caret, refused } });
};

/**
 * A keystroke changed the text of a cell. The text is kept as typed (as a spreadsheet does); while it is a
 * value the document follows it live, and while it is not, the document keeps the value from before the
 * entry: a refused entry never reaches the document, and never turns into a different number.
 * Returns false when the text is refused (not a value, nor a number on its way to one).
 */
export const inputCell = (id: CellId, text: string): boolean => {
  const def = cellDef(id);
  if (!def) return false;
  if (isReadOnly(id)) {
    showHints({ [id]: READ_ONLY_HINT });
    return false;
  }
  const parsed = parseCellInput(text, def.unit);
  if (parsed.ok) {
    clearHint(id);
    setDraft(id, text, null);
    typeCell(id, parsed.value);
    return true;
  }
  typeCell(id, valueBeforeEdit(id));
  // 「1,2」 on its way to 「1,234」 is not refused yet; 「-」 or 「a」 is
  const refused = unfinished(text, def.unit) ? null : parsed.message;
  setDraft(id, text, refused);
  return refused === null;
};

/** Why the entry under way in a cell cannot stand (null when there is none or it is a value). */
const entryRefusal = (id: CellId): string | null => {
  const edit = useView.getState().edit;
  if (edit?.cellId !== id) return null;
  const parsed = parseCellInput(edit.draft, cellDef(id)!.unit);
  return parsed.ok ? null : parsed.message;
};

/**
 * Enter, Tab or an arrow: a refused entry keeps the clerk in the cell, the text marked as an error, until
 * it is corrected or Esc gives back the old value (Excel's data validation). Returns whether the cell was left.
 */
export const acceptEntry = (id: CellId): boolean => {
  const refused = entryRefusal(id);
  if (refused === null) {
    commitCell(id);
    return true;
  }
  setDraft(id, useView.getState().edit!.draft, refused);
  return false;
};

/** The focus leaves the cell: a refused entry is dropped and the old value kept, saying so. */
export const commitCell = (id: CellId): void => {
  const refused = entryRefusal(id);
  if (useView.getState().edit?.cellId === id) {
    if (refused !== null) {
      revertCell(id);
      showHints({ [id]: `${refused}，已恢复原值` });
    }
    useView.setState({ edit: null });
  }
  endEdit();
};

/** Esc: the cell gets back the value it had when the clerk entered it. */
export const escapeCell = (id: CellId): void => {
  if (useView.getState().edit?.cellId === id) {
    useView.setState({ edit: null });
    revertCell(id);
  }
  cancelEdit();
  clearHint(id);
};

export const enterCaretMode = (id: CellId): void => {
  const v = useView.getState();
  const draft = v.edit?.cellId === id ? v.edit.draft : formatValue(useDoc.getState().report.cells[id]);
  useView.setState({ edit: { cellId: id, draft, caret: true, refused: v.edit?.cellId === id ? v.edit.refused : null } });
};

/**
 * Selects a cell's text once React has drawn its new value, unless the focus has moved on by then:
 * selecting an input takes the focus back, so an Esc quickly followed by Tab would return to the cell.
 */
export const selectAfterDraw = (el: HTMLInputElement, select: (el: HTMLInputElement) => void = (e) => e.select()): void => {
  requestAnimationFrame(() => {
    if (document.activeElement === el) select(el);
  });
};

export const cellInput = (id: CellId): HTMLInputElement | null => document.querySelector<HTMLInputElement>(`input[data-cell="${id}"]`);

export const focusCell = (id: CellId, opts: { extend?: boolean } = {}): void => {
  const v = useView.getState();
  if (opts.extend && v.anchor) {
    useView.setState({ selection: rectBetween(v.anchor, id) });
    return;
  }
  useView.setState({ anchor: id, selection: rectBetween(id, id) });
  const el = cellInput(id);
  if (!el) return;
  el.focus();
  el.select();
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
};

/**
 * Moves the focus (or, with Shift, the far corner of the selection); not while the entry is refused.
 * Returns whether the focus left the cell's entry.
 */
export const moveCell = (id: CellId, move: Move, extend = false): boolean => {
  if (!acceptEntry(id)) return false;
  if (extend) {
    const v = useView.getState();
    const sel = v.selection;
    const anchor = v.anchor ?? id;
    // the moving corner is the one opposite the anchor
    const head = sel ? farCorner(anchor, sel) : id;
    useView.setState({ selection: rectBetween(anchor, moveFrom(head, move)) ?? sel });
    return true;
  }
  focusCell(moveFrom(id, move, isReadOnly));
  return true;
};

/** Enter: down (past read-only 总计), and at the foot of a table on to the next table (the 收费 cell is the last of 表二). */
export const enterMove = (id: CellId, up: boolean): boolean => {
  if (!acceptEntry(id)) return false;
  focusCell(enterFrom(id, up, isReadOnly));
  return true;
};

const farCorner = (anchor: CellId, rect: Rect): CellId => {
  const p = posOf(anchor);
  if (!p) return anchor;
  const r = p.r === rect.r0 ? rect.r1 : rect.r0;
  const c = p.c === rect.c0 ? rect.c1 : rect.c0;
  return cellAt(rect.table, r, c) ?? anchor;
};

/**
 * Paste at the focused cell: a block fills right and down; a refused value is left out and the rest kept.
 * One refused value gets its hint; more are marked on their cells and summed up once in the status bar,
 * instead of a tooltip over every one of them.
 */
export const pasteAt = (id: CellId, text: string): void => {
  commitCell(id);
  const single = !isBlock(text);
  const table = single ? { block: [[text.replace(/\r?\n$/, '')]], rows: 0, columns: 0 } : withoutLabels(parseBlock(text));
  const plan = planPaste(id, table.block, isReadOnly);
  setCells(plan.values);
  // a pasted 总计 is checked against the sum the report now computes: equal is simply confirmed, unequal is a slip to show
  const cells = useDoc.getState().report.cells;
  const refusedById: Record<CellId, string> = { ...plan.refused };
  let confirmed = 0;
  for (const [tid, v] of Object.entries(plan.totals)) {
    const sum = formatValue(cells[tid as CellId] ?? 0);
    if (formatValue(v) === sum) confirmed++;
    else refusedById[tid as CellId] = `粘贴的总计 ${formatValue(v)} 与各项之和 ${sum} 不符；总计自动计算，未粘贴`;
  }
  const refused = Object.entries(refusedById);
  if (refused.length === 1) showHints(refusedById);
  else showFlags(refusedById);
  if (single) return;
  if (plan.rect) useView.setState({ anchor: id, selection: plan.rect });
  const n = Object.keys(plan.values).length;
  const first = refused[0];
  const why =
    refused.length > 1 && first
      ? `（如${cellName(first[0] as CellId)}：${first[1]}；已用红框标出，鼠标停留可看原因）`
      : refused.length
        ? '（见单元格提示）'
        : '';
  const left = [table.columns ? `行标题 ${table.columns} 列` : '', table.rows ? `表头 ${table.rows} 行` : ''].filter(Boolean).join('、');
  setStatus(
    `已粘贴 ${n} 个单元格${left ? `（已略去${left}）` : ''}${confirmed ? `，${confirmed} 个总计与自动计算的结果一致` : ''}${refused.length ? `，${refused.length} 个未粘贴${why}` : ''}${plan.outside ? `，${plan.outside} 个数值超出表格范围` : ''}`,
    refused.length || plan.outside ? 'error' : 'ok',
  );
};

/** 「表三 三、本年度办理结果 （一）予以公开 自然人」: a cell as a clerk finds it. */
const cellName = (id: CellId): string => {
  const c = cellDef(id);
  return c ? `${TABLE_NAMES[c.table].split(' ')[0]}「${[...c.rowPath, ...c.columnPath].join(' ')}」` : id;
};

/** The text of the selected block (or of the one cell) for the clipboard. */
export const copyText = (id: CellId): string => {
  const sel = useView.getState().selection;
  const rect = sel && sel.r0 <= sel.r1 ? sel : rectBetween(id, id);
  return rect ? copyBlock(rect, useDoc.getState().report.cells) : '';
};

/** Delete with a block selected: every cell of the block becomes blank (one undo step). */
export const clearSelection = (id: CellId): boolean => {
  const sel = useView.getState().selection;
  if (!sel || (sel.r0 === sel.r1 && sel.c0 === sel.c1)) return false;
  commitCell(id);
  const values: Record<CellId, null> = {};
  for (const row of cellsInRect(sel)) for (const c of row) if (!isReadOnly(c)) values[c] = null;
  setCells(values);
  setStatus(`已清空 ${Object.keys(values).length} 个单元格`, 'ok');
  return true;
};
