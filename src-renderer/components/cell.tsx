/** One statutory cell: an input that behaves like a spreadsheet cell and shows its findings. */
import { type ClipboardEvent, type KeyboardEvent, type MouseEvent, memo, useRef } from 'react';
import { useFlat } from '../store/use-flat';
import { cellDef } from '../../shared/format/cells';
import type { CellId } from '../../shared/format/types';
import type { CellValue } from '../../shared/report/document';
import { moneyToFen, fenToMoney } from '../../shared/report/money';
import { COMPUTED_CELLS } from '../../shared/report/totals';
import { formatValue } from '../model/clipboard';
import { inRect, rectBetween } from '../model/grid';
import { READ_ONLY_HINT, clearSelection, selectAfterDraw, commitCell, copyText, enterCaretMode, escapeCell, focusCell, inputCell, isReadOnly, moveCell, pasteAt } from '../store/cell-actions';
import { type DocState, useDoc } from '../store/document-store';
import { derive } from '../store/findings';
import { type ViewState, showHints, useView } from '../store/view-store';
import type { Severity } from '../../shared/rules/finding';

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

/** What a cell shows of the document, and of the view (the edit under way, hints, the selected block). */
type CellDoc = { value: CellValue; computed: boolean; severity: Severity | undefined; strong: boolean; title: string | undefined; prev: CellValue | undefined };
type CellView = { draft: string | null; caret: boolean; hint: string | undefined; selected: boolean };

export const Cell = memo(function Cell({ id, colSpan }: { id: CellId; colSpan?: number }) {
  // one subscription per store and cell, each a flat record compared field by field
  const { value, computed, severity, strong, title, prev } = useFlat<DocState, CellDoc>(useDoc, (s, o) => {
    const mark = derive(s.report).marks.get(id);
    o.value = s.report.cells[id] ?? null;
    o.computed = s.report.settings.autoTotals && COMPUTED_CELLS.has(id);
    o.severity = mark?.severity;
    o.strong = mark?.strong ?? false;
    o.title = mark?.title;
    o.prev = s.report.baseline ? (s.report.baseline.cells[id] ?? null) : undefined;
  });
  const { draft, caret, hint, selected } = useFlat<ViewState, CellView>(useView, (s, o) => {
    const editing = s.edit?.cellId === id;
    o.draft = editing ? s.edit!.draft : null;
    o.caret = editing && s.edit!.caret;
    o.hint = s.hints[id];
    o.selected = !!s.selection && (s.selection.r0 !== s.selection.r1 || s.selection.c0 !== s.selection.c1) && inRect(s.selection, id);
  });
  const justFocused = useRef(false);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.currentTarget;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        e.preventDefault();
        moveCell(id, e.key === 'ArrowUp' ? 'up' : 'down', e.shiftKey);
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (caret) return;
        e.preventDefault();
        moveCell(id, e.key === 'ArrowLeft' ? 'left' : 'right', e.shiftKey);
        return;
      case 'Tab':
        e.preventDefault();
        moveCell(id, e.shiftKey ? 'prev' : 'next');
        return;
      case 'Enter':
        e.preventDefault();
        moveCell(id, e.shiftKey ? 'up' : 'down');
        return;
      case 'Escape':
        e.preventDefault();
        escapeCell(id);
        selectAfterDraw(el);
        return;
      case 'F2':
        e.preventDefault();
        enterCaretMode(id);
        selectAfterDraw(el, (e) => e.setSelectionRange(e.value.length, e.value.length));
        return;
      case 'Delete':
      case 'Backspace':
        if (!caret && clearSelection(id)) e.preventDefault();
        return;
      default:
        if (e.key.length === 1 && isReadOnly(id)) showHints({ [id]: READ_ONLY_HINT });
    }
  };

  const onMouseDown = (e: MouseEvent<HTMLInputElement>) => {
    if (e.shiftKey) {
      e.preventDefault();
      focusCell(id, { extend: true });
    } else useView.setState({ anchor: id, selection: rectBetween(id, id) });
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    if (caret) return;
    e.preventDefault();
    pasteAt(id, e.clipboardData.getData('text/plain'));
    const el = e.currentTarget;
    selectAfterDraw(el);
  };

  const onCopy = (e: ClipboardEvent<HTMLInputElement>) => {
    if (caret) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyText(id));
  };

  const cls = ['cell', severity ? (strong ? `is-${severity}` : `in-${severity}`) : '', computed ? 'is-computed' : '', selected ? 'is-selected' : '', hint ? 'has-hint' : '']
    .filter(Boolean)
    .join(' ');
  const delta = prev !== undefined ? change(value, prev) : '';
  return (
    <td className={cls} colSpan={colSpan && colSpan > 1 ? colSpan : undefined}>
      <div className={prev !== undefined ? 'box with-prev' : 'box'}>
      <input
        data-cell={id}
        aria-label={ariaLabel(id)}
        aria-invalid={severity === 'error' || undefined}
        aria-readonly={computed || undefined}
        title={title ?? (computed ? '合计自动计算' : undefined)}
        inputMode={cellDef(id)?.unit === 'money' ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        readOnly={computed}
        value={draft ?? formatValue(value)}
        onChange={(e) => inputCell(id, e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          justFocused.current = true;
          const v = useView.getState();
          if (v.anchor !== id || !v.selection) focusCell(id);
          e.currentTarget.select();
        }}
        onMouseUp={(e) => {
          // a click selects the whole cell, as in a spreadsheet; typing then replaces it
          if (justFocused.current && !caret) e.preventDefault();
          justFocused.current = false;
        }}
        onMouseDown={onMouseDown}
        onDoubleClick={() => enterCaretMode(id)}
        onBlur={() => commitCell(id)}
        onPaste={onPaste}
        onCopy={onCopy}
      />
      {/* always present (hidden when unmarked): inserting an element on each keystroke would re-lay out the whole table */}
      <span className={`mark sev-icon ${severity && strong ? severity : 'none'}`} aria-hidden="true" title={severity && strong ? title : undefined} />
      {prev !== undefined && (
        <span className="prev" title="上年数值及变化">
          {prev === null ? '上年空' : `上年${formatValue(prev)}`}
          {delta && <em> {delta}</em>}
        </span>
      )}
      {hint && (
        <span className="hint" role="alert">
          {hint}
        </span>
      )}
      </div>
    </td>
  );
});
