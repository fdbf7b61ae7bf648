/**
 * Reading a published report's PDF (made in WPS or Word and put on the agency's web site): its
 * positioned text and ruling lines rebuilt into the blocks every reader produces, then the same
 * mapping, identity checks and notes as for Word, Excel, web pages and text.
 */
import { readBlocks } from './blocks-reader';
import type { PdfLimits } from './pdf-budget';
import { knownPdfRefusal, pdfErrorMessage, readPdfContent, type PdfSetAside } from './pdf-engine';
import { setAsideNote } from './pdf-garbled';
import { pdfToBlocks } from './pdf-layout';
import type { ImportResult } from './types';

export const importPdf = async (bytes: Uint8Array, limits?: PdfLimits): Promise<ImportResult> => {
  let blocks;
  let setAside: readonly PdfSetAside[];
  try {
    const content = await readPdfContent(bytes, limits);
    setAside = content.setAside ?? [];
    blocks = pdfToBlocks(content);
  } catch (e) {
    // A damaged, locked or over-budget PDF is an expected refusal. Anything else is a reader fault: pdf.js's own
    // (English) words go to detail, for support, as every reader's catch-all does; the clerk reads Chinese only.
    if (knownPdfRefusal(e) !== null) return { ok: false, kind: 'pdf', message: pdfErrorMessage(e) };
    return { ok: false, kind: 'pdf', message: pdfErrorMessage(e), detail: String((e as { message?: unknown })?.message ?? e).slice(0, 200) };
  }
  const r = readBlocks(blocks, 'pdf');
  if (!r.ok || !setAside.length) return r;
  return { ...r, notes: [{ level: 'warning', message: setAsideNote(setAside) }, ...r.notes] };
};
