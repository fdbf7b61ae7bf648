/** Findings and import notes as Chinese text for the terminal. */
import type { ImportNote } from '../shared/import/types';
import { SEVERITY_LABEL, type Finding } from '../shared/rules';
import { renderTable } from './table-output';

const NOTE_LEVEL: Record<ImportNote['level'], string> = { error: '错误', warning: '警告', info: '提示' };

/** A finding may name 200 cells (blank cells): show a few and the count. */
export const cellsText = (cells: readonly string[]): string =>
  cells.length <= 4 ? cells.join('\n') : `${cells.slice(0, 3).join('\n')}\n等 ${cells.length} 个`;

export const findingsTable = (findings: readonly Finding[]): string =>
  renderTable(
    [{ title: '严重程度' }, { title: '代码' }, { title: '说明', maxWidth: 56 }, { title: '单元格', maxWidth: 40 }],
    findings.map((f) => [SEVERITY_LABEL[f.severity], f.code, f.message, cellsText(f.cells)]),
  );

export const notesText = (notes: readonly ImportNote[]): string => notes.map((n) => `  [${NOTE_LEVEL[n.level]}] ${n.message}`).join('\n');

export type SeverityCounts = { readonly error: number; readonly warning: number; readonly info: number };

export const severityCounts = (fs: readonly Finding[]): SeverityCounts => {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const f of fs) {
    if (f.severity === 'error') error++;
    else if (f.severity === 'warning') warning++;
    else info++;
  }
  return { error, warning, info };
};
