/** The report document: what our file holds, what the editor edits, what every view renders. */
import type { CellId, NarrativeId, TableId } from '../format/types';
import { CELL_IDS } from '../format/cells';
import { NARRATIVE_IDS } from '../format/sections';

export const REPORT_FORMAT = 'disclosure-report';
export const REPORT_VERSION = 3;
/** The extension of our own file type (registered with the OS by the installer). */
export const REPORT_EXTENSION = 'gkreport';

/** A count, a 万元 decimal string, or null for a blank cell (blank is not 0). */
export type CellValue = number | string | null;
export type Cells = Record<CellId, CellValue>;

/** Last year's figures kept beside this year's, for the cross-year checks and the editor's hints. */
export type Baseline = {
  readonly agency: string;
  readonly year: number | null;
  readonly cells: Cells;
  /** Last year's narratives, for spotting text carried over word for word. */
  readonly narratives?: Record<NarrativeId, string>;
};

/**
 * 落款 at the end of the report (GB/T 9704 发文机关署名 and 成文日期), e.g. 「××县人民政府办公室」 and 「2025年1月20日」.
 * Both are free text as the clerk writes them; blank means the export prints no 落款.
 */
export type SignOff = { readonly agency: string; readonly date: string };

export type Report = {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly agency: string;
  readonly year: number | null;
  readonly cells: Cells;
  readonly narratives: Record<NarrativeId, string>;
  /** Short texts agencies put before or after a table (kept, exported under the table). */
  readonly tableTexts: Record<TableId, string>;
  readonly signOff: SignOff;
  readonly settings: { readonly autoTotals: boolean };
  readonly baseline: Baseline | null;
};

/**
 * The template of emptyCells(), private to this module and never written. Not frozen: V8 copies a plain object by
 * its shape (~1.5 µs for 200 cells) but a frozen one property by property (~16 µs), and a batch makes thousands.
 */
const EMPTY_CELLS: Readonly<Cells> = Object.fromEntries(CELL_IDS.map((id) => [id, null]));
/** A fresh record of all 200 cells, blank; copying one template is ~10× cheaper than rebuilding it (a batch makes thousands). */
export const emptyCells = (): Cells => ({ ...EMPTY_CELLS });
export const emptyNarratives = (): Record<NarrativeId, string> => Object.fromEntries(NARRATIVE_IDS.map((id) => [id, ''])) as Record<NarrativeId, string>;

export const createReport = (init: Partial<Omit<Report, 'format' | 'version'>> = {}): Report => ({
  format: REPORT_FORMAT,
  version: REPORT_VERSION,
  agency: init.agency ?? '',
  year: init.year ?? null,
  cells: init.cells ? { ...EMPTY_CELLS, ...init.cells } : emptyCells(),
  narratives: { ...emptyNarratives(), ...(init.narratives ?? {}) },
  tableTexts: { t2: '', t3: '', t4: '', ...(init.tableTexts ?? {}) },
  signOff: { agency: init.signOff?.agency ?? '', date: init.signOff?.date ?? '' },
  settings: { autoTotals: init.settings?.autoTotals ?? true },
  baseline: init.baseline ?? null,
});

/** The JSON text of our file: stable key order, human-readable. */
export const serialiseReport = (r: Report): string => `${JSON.stringify(r, null, 2)}\n`;

/** A cell as a count: blank (and a 万元 text) counts 0. The one `num` of the checks and the narrative. */
export const countValue = (v: CellValue | undefined): number => (typeof v === 'number' ? v : 0);
export const isBlankCell = (v: CellValue | undefined): boolean => v === null || v === undefined;
/** The sum of counts over cells, blanks as 0. */
export const sumCounts = (cells: Cells, ids: readonly CellId[]): number => ids.reduce((a, id) => a + countValue(cells[id]), 0);
export const allBlank = (cells: Cells, ids: readonly CellId[]): boolean => ids.every((id) => isBlankCell(cells[id]));
