import type { CellId, TableId } from '../format/types';
import type { Report } from '../report/document';

/** A row the reader could not split (its numbers run together in the source): the source text and the cells left blank. */
export type SourceBesideCells = { readonly table: TableId; readonly source: string; readonly cells: readonly CellId[] };

/**
 * A report a use case opened for the editor, with what the reader could not read (empty for our own
 * files). Part of the IPC contract (shared/ipc.ts re-exports it); defined here, where it is made.
 */
export type OpenedReport = {
  readonly report: Report;
  /** File name shown in the title bar; null for a report that has no file yet (template, import). */
  readonly fileName: string | null;
  /** Where the report came from: our own file, or an import that must be saved as a new file. */
  readonly source: 'own' | 'import' | 'template' | 'recovery' | 'consolidation';
  readonly notes: readonly string[];
  /** Shown beside their cells in the import panel, so the clerk types the numbers (absent when none). */
  readonly sourceTexts?: readonly SourceBesideCells[];
  /**
   * Cells on rows the reader was not sure of (its warnings name them): the editor's narrative checks do not accuse
   * the text against them while they keep the value read.
   */
  readonly uncertainCells?: readonly CellId[];
};
