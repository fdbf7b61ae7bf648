/** The work done for one file by `validate`, in the main thread or a worker: read, evaluate, summarise. */
import { uncertainCells, type ImportNote } from '../shared/import/types';
import type { CellValue, Report } from '../shared/report/document';
import { evaluate, type PreviousYear } from '../shared/rules';
import type { Finding } from '../shared/rules';
import { readReportAt } from './read-report';
import { importReportFile } from '../shared/import';
import { severityCounts, type SeverityCounts } from './findings-output';

/**
 * One file in `validate --json`. A file that cannot be read has agency/year/cells null, no findings,
 * and `error` saying why (the only entries that carry `error`).
 */
export type FileEntry = {
  readonly file: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly cells: Record<string, CellValue> | null;
  readonly findings: readonly Finding[];
  readonly notes: readonly ImportNote[];
  readonly error?: string;
};

/**
 * Every statutory cell in the order of the format, blank as null: a restored report's cells are exactly that record
 * (createReport copies the format's template and restore() admits no other key), so they are printed as they are
 * instead of copied 200 properties at a time.
 */
const cellsOf = (r: Report): Record<string, CellValue> => r.cells;

export const unreadableEntry = (file: string, reason: string): FileEntry => ({
  file,
  agency: null,
  year: null,
  cells: null,
  findings: [],
  notes: [],
  error: reason,
});

/**
 * A checked file as it crosses from the reader worker to the main thread: its JSON (what `validate --json` prints,
 * JSON.stringify of the FileEntry) and what every output needs without reading it back. One string is posted far
 * more cheaply than the deep object (~0.2 ms a file in the structured clone), and the JSON output never parses it.
 */
export type CheckedFile = { readonly json: string; readonly counts: SeverityCounts; readonly unreadable: boolean };

export const checkedFile = (e: FileEntry): CheckedFile => ({ json: JSON.stringify(e), counts: severityCounts(e.findings), unreadable: e.error !== undefined });

/** The entry back from its JSON (the human and CSV outputs); FileEntry is plain data, so this is the entry itself. */
export const entryOf = (c: CheckedFile): FileEntry => JSON.parse(c.json) as FileEntry;

export const checkFile = async (file: string, previous: PreviousYear | null): Promise<FileEntry> => {
  const r = await readReportAt(file, importReportFile);
  if (!r.ok) return unreadableEntry(file, r.message);
  const findings = evaluate(r.report, previous, { uncertainCells: uncertainCells(r.notes) });
  return { file, agency: r.report.agency, year: r.report.year, cells: cellsOf(r.report), findings, notes: r.notes };
};
