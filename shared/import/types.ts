/**
 * What every reader returns: the report it could read, and plain notes on what it could not.
 * Readers never throw at the user; a file that cannot be read at all gives ok: false with a reason.
 */
import type { CellId, TableId } from '../format/types';
import type { Report } from '../report/document';

export type ImportNote = {
  readonly level: 'error' | 'warning' | 'info';
  /** The table the note is about, so the import panel can group them. */
  readonly table?: TableId;
  readonly message: string;
  /** The cells a warning is about (a row whose numbers could not be placed for sure): the narrative checks do not accuse the text against them. */
  readonly cells?: readonly CellId[];
  /**
   * The text of the source the cells could not be read from (「77132470」: three numbers run together), shown
   * beside the cells in the import panel so the clerk can type them.
   */
  readonly source?: string;
};

/** The cells readers flagged as uncertain (warnings naming cells), for evaluate()'s `uncertainCells`. */
export const uncertainCells = (notes: readonly ImportNote[]): CellId[] => notes.flatMap((n) => (n.level !== 'info' && n.cells ? n.cells : []));

/** Which layout the source used: the current format, or the 2019 试行 format (国办公开办函〔2019〕60号). */
export type FormatEdition = '2021' | '2019';

export type ImportStats = {
  /** Statutory cells read with a value (or read as deliberately blank) per table. */
  readonly found: Record<TableId, number>;
  readonly total: Record<TableId, number>;
};

export type SourceKind = 'json' | 'text' | 'html' | 'docx' | 'xlsx' | 'pdf' | 'doc' | 'xls' | 'mht';

export type ImportResult =
  | {
      readonly ok: true;
      readonly report: Report;
      readonly notes: readonly ImportNote[];
      readonly stats: ImportStats;
      readonly formatEdition: FormatEdition;
      readonly kind: SourceKind;
    }
  | { readonly ok: false; readonly message: string; readonly kind?: SourceKind; readonly detail?: string };

/**
 * The common shape every source is reduced to before its tables are mapped onto the format:
 * paragraphs in reading order, and tables as rows of cell texts (merged cells already expanded:
 * a horizontally merged cell appears once, followed by empty strings for the columns it covers;
 * a vertical continuation is an empty string).
 */
export type Block = { readonly kind: 'paragraph'; readonly text: string } | { readonly kind: 'table'; readonly rows: readonly (readonly string[])[] };
