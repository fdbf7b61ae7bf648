/**
 * What the keyboard and the clipboard do to cells: typing (checked by parseCellInput on every
 * keystroke, refused in place with a hint), moving, reverting, pasting a block and copying one.
 */
import { cellDef } from '../../shared/format/cells';
import type { CellId } from '../../shared/format/types';
import { parseCellInput } from '../../shared/report/number-input';
import { COMPUTED_CELLS } from '../../shared/report/totals';
import { copyBlock, formatValue, isBlock, parseBlock, planPaste } from '../model/clipboard';
import { type Move, type Rect, cellAt, cellsInRect, moveFrom, posOf, rectBetween } from '../model/grid';
import { cancelEdit, endEdit, revertCell, setCells, typeCell, useDoc } from './document-store';
import { clearHint, setStatus, showHints, useView } from './view-store';

export const isReadOnly = (id: CellId): boolean => useDoc.getState().report.settings.autoTotals && COMPUTED_CELLS.has(id);

/** A number on its way to being valid (「1,2」 before 「1,234」, 「3.」 before 「3.5」): kept as typed, not yet a value. */
const unfinished = (text: string, unit: 'count' | 'money'): boolean =>
  unit === 'count' ? /^[\d０-９][\d０-９,，\s]*$/.test(text.trim()) : /^[\d０-９][\d０-９,，\s]*(?:[.．][\d０-９]{0,6})?$/.test(text.trim());

export const READ_ONLY_HINT = '合计自动计算已开启，总计由各项自动求和（关闭开关后可手工填写）';

/** A keystroke changed the text of a cell. Returns false when the text was refused. */
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
    useView.setState({ edit: { cellId: id, draft: text, caret: useView.getState().edit?.caret ?? false } });
    typeCell(id, parsed.value);
    return true;
  }
  if (unfinished(text, def.unit)) {
    useView.setState({ edit: { cellId: id, draft: text, caret: useView.getState().edit?.caret ?? false } });
    return true;
  }
  showHints({ [id]: parsed.message });
  return false;
};

/** Leaves the cell: an unfinished number that is still not valid is dropped and the old value kept. */
export const commitCell = (id: CellId): void => {
  const edit = useView.getState().edit;
  if (edit?.cellId === id) {
    const def = cellDef(id)!;
    const parsed = parseCellInput(edit.draft, def.unit);
    if (!parsed.ok) {
      revertCell(id);
      showHints({ [id]: `${parsed.message}，已恢复原值` });
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
  useView.setState({ edit: { cellId: id, draft, caret: true } });
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

/** Moves the focus (or, with Shift, the far corner of the selection). */
export const moveCell = (id: CellId, move: Move, extend = false): void => {
  commitCell(id);
  if (extend) {
    const v = useView.getState();
    const sel = v.selection;
    const anchor = v.anchor ?? id;
    // the moving corner is the one opposite the anchor
    const head = sel ? farCorner(anchor, sel) : id;
    useView.setState({ selection: rectBetween(anchor, moveFrom(head, move)) ?? sel });
    return;
  }
  focusCell(moveFrom(id, move));
};

const farCorner = (anchor: CellId, rect: Rect): CellId => {
  const p = posOf(anchor);
  if (!p) return anchor;
  const r = p.r === rect.r0 ? rect.r1 : rect.r0;
  const c = p.c === rect.c0 ? rect.c1 : rect.c0;
  return cellAt(rect.table, r, c) ?? anchor;
};

/** Paste at the focused cell: a block fills right and down; each refused value is hinted, the rest kept. */
export const pasteAt = (id: CellId, text: string): void => {
  if (!isBlock(text)) {
    commitCell(id);
    if (inputCell(id, text.replace(/\r?\n$/, ''))) commitCell(id);
    return;
  }
  commitCell(id);
  const plan = planPaste(id, parseBlock(text), isReadOnly);
  setCells(plan.values);
  showHints(plan.refused);
  if (plan.rect) useView.setState({ anchor: id, selection: plan.rect });
  const n = Object.keys(plan.values).length;
  const bad = Object.keys(plan.refused).length;
  setStatus(`已粘贴 ${n} 个单元格${bad ? `，${bad} 个未粘贴（见单元格提示）` : ''}${plan.outside ? `，${plan.outside} 个数值超出表格范围` : ''}`, bad || plan.outside ? 'error' : 'ok');
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
