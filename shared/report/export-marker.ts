/**
 * The data our exports carry beside what they print, so that opening our own .docx/.xlsx/.html again gives
 * back exactly the report that was exported — blank cells (printed as 0), every character and space of the
 * texts — instead of what can be inferred from the printed page. It is the report itself (no settings, no
 * last year's figures: an export may be published), as JSON that is safe inside XML text and an HTML
 * <script>. Readers take it only where it agrees with the visible content (shared/import/own-export.ts).
 */
import { type Report, REPORT_FORMAT, REPORT_VERSION } from './document';
import { restore } from './restore';

/** The XML namespace of the custom XML part in .docx/.xlsx and the attribute of the HTML data island. */
export const MARKER_NAMESPACE = 'urn:x-disclosure-report:export';
export const MARKER_ATTRIBUTE = 'data-disclosure-report';

/**
 * Characters written as \uXXXX: < > & (no markup can begin or end inside the JSON, not even </script>),
 * the line separators a script would choke on, and the two non-characters XML refuses. JSON.stringify already
 * escapes C0 controls and lone surrogates.
 */
const UNSAFE = /[<>&\u2028\u2029\ufffe\uffff]/g;

export const exportMarker = (report: Report): string => {
  const { baseline: _baseline, settings: _settings, ...content } = report;
  return JSON.stringify(content).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
};

/** The report a marker holds, checked like any file of ours (restore); null when it is not one. */
export const readExportMarker = (json: string): Report | null => {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = restore({ ...raw, format: REPORT_FORMAT, version: REPORT_VERSION, baseline: null });
  return r.ok ? r.report : null;
};
