/**
 * The file extensions offered for opening: dialogs, the browser's file picker, drag-drop and the CLI's folder walk
 * filter by them. What a file is, the readers decide by its content (sniff.ts); the name only chooses what to offer.
 */
import { REPORT_EXTENSION } from '../report/document';

/** Read through importReportFile: text, web page (also .mht/.mhtml), Word (also .doc and WPS .wps), Excel (also .xls), PDF, JSON. */
export const IMPORT_EXTENSIONS = ['txt', 'html', 'htm', 'mht', 'mhtml', 'docx', 'doc', 'wps', 'xlsx', 'xls', 'pdf', 'json'] as const;
/** Our own file and everything the readers take. */
export const OPENABLE_EXTENSIONS = [REPORT_EXTENSION, ...IMPORT_EXTENSIONS] as const;
