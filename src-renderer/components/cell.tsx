/** One statutory cell: an input that behaves like a spreadsheet cell and shows its findings. */
import { type ClipboardEvent, type KeyboardEvent, type MouseEvent, memo } from 'react';
import { useFlat } from '../store/use-flat';
import { cellDef } from '../../shared/format/cells';
import type { CellId } from '../../shared/format/types';
import type { CellValue } from '../../shared/report/document';
import { moneyToFen, fenToMoney } from '../../shared/report/money';
import { COMPUTED_CELLS } from '../../shared/report/totals';
import { formatValue } from '../model/clipboard';
import { inRect, rectBetween } from '../model/grid';
import {
  READ_ONLY_HINT,
  clearSelection,
  selectAfterDraw,
  commitCell,
  copyText,
  enterCaretMode,
  enterMove,
  escapeCell,
  focusCell,
  inputCell,
  isReadOnly,
  moveCell,
  pasteAt,
} from '../store/cell-actions';
import { type DocState, useDoc } from '../store/document-store';
import { derive } from '../store/findings';
import { type ViewState, showHints, useView } from '../store/view-store';
import type { Severity } from '../../shared/findings/finding';

/** 「row labels — column labels」, read by screen readers and used by the tests to find a cell (made when first drawn). */
const ARIA = new Map<CellId, string>();
const ariaLabel = (id: CellId): string => {
  let label = ARIA.get(id);
  if (label === undefined) {
    const c = cellDef(id);
    label = c ? [...c.rowPath, ...c.columnPath].join(' ') : id;
    ARIA.set(id, label);
  }
  return label;
};

const change = (now: CellValue, prev: CellValue): string => {
  if (now === null || prev === null) return '';
  if (typeof now === 'number' && typeof prev === 'number') {
    const d = now - prev;
    return d === 0 ? '持平' : d > 0 ? `+${d}` : `${d}`;
  }
  const a = moneyToFen(String(now));
  const b = moneyToFen(String(prev));
  if (a === null || b === null) return '';
  const d = a - b;
  return d === 0n ? '持平' : d > 0n ? `+${fenToMoney(d)}` : fenToMoney(d);
};

/** More characters than a narrow column shows at the normal size: drawn smaller, and whole in the tooltip. */
const LONG = 7;

/** What a cell shows of the document, and of the view (the entry under way, hints, the selected block). */
type CellDoc = { value: CellValue; computed: boolean; severity: Severity | undefined; strong: boolean; title: string | undefined; prev: CellValue | undefined };
type CellView = { draft: string | null; caret: boolean; refused: string | null; hint: string | undefined; flag: string | undefined; selected: boolean };

// one subscription per store and cell, each a flat record compared field by field
const useCellDoc = (id: CellId): CellDoc =>
  useFlat<DocState, CellDoc>(useDoc, (s, o) => {
    const mark = derive(s.report).marks.get(id);
    o.value = s.report.cells[id] ?? null;
    o.computed = s.report.settings.autoTotals && COMPUTED_CELLS.has(id);
    o.severity = mark?.severity;
    o.strong = mark?.strong ?? false;
    o.title = mark?.title;
    o.prev = s.report.baseline ? (s.report.baseline.cells[id] ?? null) : undefined;
  });

const useCellView = (id: CellId): CellView =>
  useFlat<ViewState, CellView>(useView, (s, o) => {
    const edit = s.edit?.cellId === id ? s.edit : null;
    o.draft = edit ? edit.draft : null;
    o.caret = !!edit?.caret;
    o.refused = edit ? edit.refused : null;
    o.hint = s.hints[id];
    o.flag = s.flags[id];
    o.selected = !!s.selection && (s.selection.r0 !== s.selection.r1 || s.selection.c0 !== s.selection.c1) && inRect(s.selection, id);
  });

/** The keys of a spreadsheet cell; a refused entry keeps the clerk in the cell with its text selected. */
const onCellKey = (id: CellId, caret: boolean, e: KeyboardEvent<HTMLInputElement>): void => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const el = e.currentTarget;
  const stay = (left: boolean) => {
    if (!left) el.select();
  };
  switch (e.key) {
    case 'ArrowUp':
    case 'ArrowDown':
      e.preventDefault();
      stay(moveCell(id, e.key === 'ArrowUp' ? 'up' : 'down', e.shiftKey));
      return;
    case 'ArrowLeft':
    case 'ArrowRight':
      if (caret) return;
      e.preventDefault();
      stay(moveCell(id, e.key === 'ArrowLeft' ? 'left' : 'right', e.shiftKey));
      return;
    case 'Tab':
      e.preventDefault();
      stay(moveCell(id, e.shiftKey ? 'prev' : 'next'));
      return;
    case 'Enter':
      e.preventDefault();
      stay(enterMove(id, e.shiftKey));
      return;
    case 'Escape':
      e.preventDefault();
      escapeCell(id);
      selectAfterDraw(el);
      return;
    case 'F2':
      e.preventDefault();
      enterCaretMode(id);
      // the text does not change, so the caret can be put at its end now (before the next key)
      el.setSelectionRange(el.value.length, el.value.length);
      return;
    case 'Delete':
    case 'Backspace':
      if (!caret && clearSelection(id)) e.preventDefault();
      return;
    default:
      if (e.key.length === 1 && isReadOnly(id)) showHints({ [id]: READ_ONLY_HINT });
  }
};

/** A drag that began on a cell (not in its text after F2): passing over other cells selects the block, as in a spreadsheet. */
let dragging = false;
const endDrag = (): void => {
  dragging = false;
};

/**
 * A click selects the whole value, also on the cell that has the focus already (typing then replaces it,
 * as in a spreadsheet); only after F2 or a double click does a click place the caret.
 */
const onCellMouseDown = (id: CellId, caret: boolean, e: MouseEvent<HTMLInputElement>): void => {
  if (e.shiftKey) {
    e.preventDefault();
    focusCell(id, { extend: true });
    return;
  }
  useView.setState({ anchor: id, selection: rectBetween(id, id) });
  if (caret) return;
  e.preventDefault();
  if (e.button === 0) {
    dragging = true;
    window.addEventListener('mouseup', endDrag, { once: true });
  }
  const el = e.currentTarget;
  el.focus();
  el.select();
};

/** The focus stays where the drag began; the block reaches the cell under the mouse. */
const onCellMouseEnter = (id: CellId, e: MouseEvent<HTMLInputElement>): void => {
  if (!dragging) return;
  if (e.buttons !== 1) return endDrag();
  focusCell(id, { extend: true });
};

const onCellDoubleClick = (id: CellId, e: MouseEvent<HTMLInputElement>): void => {
  enterCaretMode(id);
  const el = e.currentTarget;
  el.setSelectionRange(el.value.length, el.value.length);
};

const onCellPaste = (id: CellId, caret: boolean, e: ClipboardEvent<HTMLInputElement>): void => {
  if (caret) return;
  e.preventDefault();
  pasteAt(id, e.clipboardData.getData('text/plain'));
  selectAfterDraw(e.currentTarget);
};

const onCellCopy = (id: CellId, caret: boolean, e: ClipboardEvent<HTMLInputElement>): void => {
  if (caret) return;
  e.preventDefault();
  e.clipboardData.setData('text/plain', copyText(id));
};

const cellClass = (d: CellDoc, v: CellView, long: boolean): string =>
  [
    'cell',
    v.refused ? 'is-refused' : d.severity ? (d.strong ? `is-${d.severity}` : `in-${d.severity}`) : '',
    d.computed ? 'is-computed' : '',
    v.selected ? 'is-selected' : '',
    v.flag ? 'is-flagged' : '',
    v.refused || v.hint ? 'has-hint' : '',
    long ? 'is-long' : '',
  ]
    .filter(Boolean)
    .join(' ');

/** The tooltip: a long value whole, why a paste left the cell out, and the findings. */
const cellTitle = (d: CellDoc, v: CellView, text: string, long: boolean): string | undefined => {
  const lines = [long ? text : '', v.flag ?? '', d.title ?? (d.computed ? '合计自动计算' : '')].filter(Boolean);
  return lines.length ? lines.join('\n') : undefined;
};

/** Beside the input: the severity icon, last year's value with the change, and the hint. */
const CellNotes = ({ d, hint }: { d: CellDoc; hint: string | null | undefined }) => {
  const delta = d.prev !== undefined ? change(d.value, d.prev) : '';
  return (
    <>
      {/* always present (hidden when unmarked): inserting an element on each keystroke would re-lay out the whole table */}
      <span
        className={`mark sev-icon ${d.severity && d.strong ? d.severity : 'none'}`}
        aria-hidden="true"
        title={d.severity && d.strong ? d.title : undefined}
      />
      {d.prev !== undefined && (
        <span className="prev" title="上年数值及变化">
          {d.prev === null ? '上年空' : `上年${formatValue(d.prev)}`}
          {delta && <em> {delta}</em>}
        </span>
      )}
      {hint && (
        <span className="hint" role="alert">
          {hint}
        </span>
      )}
    </>
  );
};

export const Cell = memo(function Cell({ id, colSpan }: { id: CellId; colSpan?: number }) {
  const d = useCellDoc(id);
  const v = useCellView(id);
  const text = v.draft ?? formatValue(d.value);
  const long = text.length > LONG;
  return (
    <td className={cellClass(d, v, long)} colSpan={colSpan && colSpan > 1 ? colSpan : undefined}>
      <div className={d.prev !== undefined ? 'box with-prev' : 'box'}>
        <input
          data-cell={id}
          aria-label={ariaLabel(id)}
          aria-invalid={!!v.refused || d.severity === 'error' || undefined}
          aria-readonly={d.computed || undefined}
          title={cellTitle(d, v, text, long)}
          inputMode={cellDef(id)?.unit === 'money' ? 'decimal' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          readOnly={d.computed}
          value={text}
          onChange={(e) => inputCell(id, e.currentTarget.value)}
          onKeyDown={(e) => onCellKey(id, v.caret, e)}
          onFocus={(e) => {
            const s = useView.getState();
            if (s.anchor !== id || !s.selection) focusCell(id);
            if (!v.caret) e.currentTarget.select();
          }}
          onMouseDown={(e) => onCellMouseDown(id, v.caret, e)}
          onMouseEnter={(e) => onCellMouseEnter(id, e)}
          onDoubleClick={(e) => onCellDoubleClick(id, e)}
          onBlur={() => commitCell(id)}
          onPaste={(e) => onCellPaste(id, v.caret, e)}
          onCopy={(e) => onCellCopy(id, v.caret, e)}
        />
        <CellNotes d={d} hint={v.refused ?? v.hint} />
      </div>
    </td>
  );
});
