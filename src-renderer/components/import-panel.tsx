/** After reading a foreign file or a template: what was read, per table, and the reader's notes. */
import type { OpenedReport } from '../../shared/ipc';
import type { Report } from '../../shared/report/document';
import { memo } from 'react';
import { TABLE_IDS } from '../../shared/format/header-layout';
import { NARRATIVE_IDS } from '../../shared/format/sections';
import { TABLE_NAMES, cellLabel, cellsOfTable } from '../../shared/format/cells';
import type { SourceBesideCells } from '../../shared/app/opened-report';
import type { CellId } from '../../shared/format/types';
import { focusCell } from '../store/cell-actions';
import { useDoc } from '../store/document-store';
import { useView } from '../store/view-store';

const SOURCE: Record<OpenedReport['source'], string> = {
  import: '读取外来文件',
  template: '以上年报告为模板新建',
  recovery: '恢复未保存的报告',
  own: '打开报告',
  consolidation: '汇总多个报告',
};

/** How many narratives have text, then how many cells of each table have a value: "2,10,175,15". */
const readCounts = (report: Report): string =>
  [
    Object.values(report.narratives).filter((t) => t.trim()).length,
    ...TABLE_IDS.map((t) => cellsOfTable(t).filter((c) => report.cells[c.id] !== null && report.cells[c.id] !== undefined).length),
  ].join(',');

/**
 * A row whose numbers ran together in the source (「77132470」 for three cells): the source text beside the
 * cells left blank, each a button to its cell, so the clerk reads the numbers off the source and types them.
 */
/** 「表二 行政规范性文件·本年制发件数」 → the row 「表二 行政规范性文件」 and the column 「本年制发件数」. */
const rowOf = (id: CellId): string => cellLabel(id).replace(/·[^·]*$/, '');
const columnOf = (id: CellId): string => cellLabel(id).replace(/^.*·/, '');

const SourceBeside = ({ row }: { row: SourceBesideCells }) => {
  const filled = useDoc((s) => row.cells.map((id) => s.report.cells[id] ?? '').join('|'));
  const values = filled.split('|');
  return (
    <li data-testid="source-beside" data-table={row.table}>
      <span className="row-name">{rowOf(row.cells[0]!)}</span>
      <span className="source-text">原文「{row.source}」</span>
      <span className="arrow">→ 请分别填入：</span>
      {row.cells.map((id, i) => (
        <button key={id} type="button" className="btn small ghost source-cell" data-target={id} title={cellLabel(id)} onClick={() => focusCell(id)}>
          {columnOf(id)}
          {values[i] === '' ? '（空）' : `＝${values[i]}`}
        </button>
      ))}
    </li>
  );
};

export const ImportPanel = memo(function ImportPanel() {
  const opened = useView((s) => s.opened);
  // counts joined into one string, so the panel is drawn again only when a count changes, not on every keystroke
  const counts = useDoc((s) => (opened ? readCounts(s.report) : ''));
  if (!opened) return null;
  const [narr = 0, ...filled] = counts.split(',').map(Number);
  return (
    <section className="import-panel" data-testid="import-panel" aria-label="读取情况">
      <div className="import-head">
        <strong>{SOURCE[opened.source]}</strong>
        {opened.fileName && <span>「{opened.fileName}」</span>}
        <button type="button" className="btn small ghost" onClick={() => useView.setState({ opened: null })} aria-label="关闭读取情况">
          关闭
        </button>
      </div>
      <ul className="read-stats">
        {TABLE_IDS.map((t, i) => (
          <li key={t} data-table={t}>
            {TABLE_NAMES[t]}：已有数值 {filled[i]} / {cellsOfTable(t).length} 个单元格
          </li>
        ))}
        <li>
          正文：{narr} / {NARRATIVE_IDS.length} 部分有文字
        </li>
      </ul>
      {opened.sourceTexts && opened.sourceTexts.length > 0 && (
        <>
          <div className="notes-title">以下行的数字在原文件中连在一起，无法拆分，已留空（{opened.sourceTexts.length} 行）：</div>
          <ul className="source-beside">
            {opened.sourceTexts.map((row, i) => (
              <SourceBeside key={i} row={row} />
            ))}
          </ul>
        </>
      )}
      {opened.notes.length > 0 && (
        <>
          <div className="notes-title">读取说明（{opened.notes.length} 条）</div>
          <ul className="notes" data-testid="import-notes">
            {opened.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <p className="import-tip">请逐表核对读取结果；右侧「检查结果」列出读取后发现的不一致之处。</p>
    </section>
  );
});
