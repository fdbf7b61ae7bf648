/**
 * 打开 a report file, once for every host. The desktop app, the browser build and the command line
 * each get the file's name and bytes their own way (dialog, file picker, argument) and hand them here;
 * what comes back — the report, its notes, or a refusal in Chinese — is the same everywhere.
 * The reader itself is passed in: the desktop and the CLI run it in an isolated worker, the browser
 * loads it lazily.
 */
import type { OpenedReport, SourceBesideCells } from './opened-report';
import { uncertainCells, type ImportNote, type ImportResult, type SourceKind } from '../import/types';
import type { CellId } from '../format/types';
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../import/limits';
import { REPORT_EXTENSION, type Report } from '../report/document';
import { restore } from '../report/restore';

export { MAX_IMPORT_BYTES as MAX_REPORT_BYTES } from '../import/limits';

/** Any reader of a file's bytes: importReportFile itself, or the same run in a worker with limits. */
export type ReadBytes = (fileName: string, bytes: Uint8Array) => Promise<ImportResult> | ImportResult;

/** own: our report file, saved back to where it came from; import: read from another format, saved as a new file. */
export type OpenedFile = {
  readonly ok: true;
  readonly kind: 'own' | 'import';
  readonly source: SourceKind;
  readonly report: Report;
  readonly notes: readonly ImportNote[];
};
/**
 * message: what happened and what to do, in Chinese, without the file's name (each host names the file
 * its own way: a dialog, a line of the CLI's table); detail: raw text for support, never shown alone.
 */
export type Refusal = { readonly ok: false; readonly message: string; readonly detail?: string };
export type OpenOutcome = OpenedFile | Refusal;

const ownName = (name: string): boolean => name.toLowerCase().endsWith(`.${REPORT_EXTENSION}`);

/** The refusal for a file larger than the limit, before it is read (hosts stat the file first). */
export const tooLargeRefusal = (size: number): Refusal => ({ ok: false, message: tooLargeMessage(size) });

export const isTooLarge = (size: number): boolean => size > MAX_IMPORT_BYTES;

/** Shown when a reader broke its promise never to throw. */
export const readerFailed = (e: unknown): Refusal => ({
  ok: false,
  message: '读取时程序出错，文件未打开，当前报告不受影响。请把该文件另存为 .docx 或 .txt 后重试；如仍不行，请联系技术支持',
  detail: e instanceof Error ? e.message : String(e),
});

/** Why an isolated reader was stopped: it ran past its time, past its memory, or died. */
export type ReaderStop = { readonly kind: 'timeout' | 'memory' | 'crash'; readonly detail: string };

const UNTOUCHED = '程序和当前打开的报告不受影响';

/** The refusal for a file whose reader was stopped (the worker's limits); the same words in every host. */
export const readerStopped = (stop: ReaderStop, limits: { readonly timeoutMs: number; readonly maxOldGenerationSizeMb: number }): Refusal => ({
  ok: false,
  message:
    stop.kind === 'timeout'
      ? `读取超过 ${Math.ceil(limits.timeoutMs / 1000)} 秒仍未完成，已停止读取，${UNTOUCHED}。文件可能过于复杂、已损坏或是恶意构造的；请确认选择的文件是否正确，或在 Word/Excel 中另存为一份后再导入`
      : stop.kind === 'memory'
        ? `读取时占用的内存超过 ${limits.maxOldGenerationSizeMb} MB 的上限，已停止读取，${UNTOUCHED}。文件可能已损坏或是恶意构造的；请确认选择的文件是否正确，或在 Word/Excel 中另存为一份后再导入`
        : `读取程序意外停止，文件未打开，${UNTOUCHED}。请重试；如仍不行，请把该文件另存为 .docx 或 .txt 后再导入`,
  detail: stop.detail,
});

/**
 * Reads one file. A report coming out of a reader is checked by restore() like one coming from the
 * disk, so no host ever gets a report that its own save would write and the next open refuse.
 */
export const openReportBytes = async (fileName: string, bytes: Uint8Array, read: ReadBytes): Promise<OpenOutcome> => {
  if (isTooLarge(bytes.length)) return tooLargeRefusal(bytes.length);
  let result: ImportResult;
  try {
    result = await read(fileName, bytes);
  } catch (e) {
    return readerFailed(e);
  }
  if (!result.ok) {
    const detail = (result as { detail?: unknown }).detail;
    return typeof detail === 'string' ? { ok: false, message: result.message, detail } : { ok: false, message: result.message };
  }
  // The reader's report is plain data (strings, safe integers, null), so restore() on it accepts and returns exactly
  // what it would on the JSON our save writes of it; skipping that text and its parse saves ~0.2 ms a file in a batch.
  const checked = restore(result.report);
  if (!checked.ok) {
    const more = checked.errors.length > 10 ? `\n……共 ${checked.errors.length} 处问题` : '';
    return { ok: false, message: `读取的内容无效：\n${checked.errors.slice(0, 10).join('\n')}${more}` };
  }
  const kind = result.kind === 'json' && ownName(fileName) ? 'own' : 'import';
  return { ok: true, kind, source: result.kind, report: checked.report, notes: result.notes };
};

/** A refusal as the editor shows it (desktop dialog, browser message). */
export const refusalText = (fileName: string, r: Refusal): string => `无法从「${fileName}」读取年报：${r.message}`;

/** A reader's note as the editor's import panel shows it. */
export const noteText = (n: ImportNote): string => (n.level === 'error' ? `错误：${n.message}` : n.level === 'warning' ? `注意：${n.message}` : n.message);

/** The rows a reader could not split, with their source text, for the import panel. */
const sourceTextsOf = (notes: readonly ImportNote[]): { sourceTexts?: SourceBesideCells[] } => {
  const rows = notes.flatMap((n) => (n.source !== undefined && n.cells?.length && n.table ? [{ table: n.table, source: n.source, cells: n.cells }] : []));
  return rows.length ? { sourceTexts: rows } : {};
};

const uncertainOf = (notes: readonly ImportNote[]): { uncertainCells?: CellId[] } => {
  const cells = uncertainCells(notes);
  return cells.length ? { uncertainCells: cells } : {};
};

/** What the editor gets for an opened file: our own file keeps its name; an import must be saved as a new file. */
export const openedForEditor = (fileName: string, opened: OpenedFile): OpenedReport =>
  opened.kind === 'own'
    ? { report: opened.report, fileName, source: 'own', notes: opened.notes.map(noteText) }
    : {
        report: opened.report,
        fileName: null,
        source: 'import',
        notes: [`已从「${fileName}」导入，请核对后另存为年报文件（.${REPORT_EXTENSION}）。`, ...opened.notes.map(noteText)],
        ...sourceTextsOf(opened.notes),
        ...uncertainOf(opened.notes),
      };
