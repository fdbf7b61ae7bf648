/**
 * What a PDF viewer built on pdf.js (Firefox's, and the one many sites embed) copies on select all → copy: the text
 * items of each page in content-stream order, a line break where pdf.js marks the end of a line (hasEOL).
 */
export const pdfjsCopyText = async (bytes: Uint8Array): Promise<string> => {
  const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  try {
    let out = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        out += item.str;
        if (item.hasEOL) out += '\n';
      }
      out += '\n';
    }
    return out;
  } finally {
    await doc.destroy();
  }
};
