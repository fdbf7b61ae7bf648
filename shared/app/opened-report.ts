import type { Report } from '../report/document';

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
};
