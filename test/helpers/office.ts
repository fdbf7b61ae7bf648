/**
 * LibreOffice and poppler for the office tests: convert files to PDF in one soffice run (a fresh profile each
 * time, the official font names mapped by assets/fonts/fonts.conf), then read the PDF's text, size and pages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONTS_CONF = fileURLToPath(new URL('../../assets/fonts/fonts.conf', import.meta.url));

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
export const officeAvailable = (): boolean => has('soffice') && has('pdftotext') && has('pdfinfo') && has('pdftoppm');

const officeEnv = (): NodeJS.ProcessEnv => ({ ...process.env, FONTCONFIG_FILE: FONTS_CONF, SAL_USE_VCLPLUGIN: 'svp', HOME: process.env['HOME'] ?? tmpdir() });

/**
 * Converts every file to PDF with one soffice process; returns the PDF paths in the order given.
 * Throws with soffice's output if a PDF is missing.
 */
export const convertToPdf = (files: readonly string[], outDir: string, timeoutMs = 170_000): string[] => convertWithOffice(files, outDir, 'pdf', timeoutMs);

/**
 * Opens every file in LibreOffice and saves it as `ext` (pdf, doc, or docx/xlsx for a re-save as a clerk's office
 * program would) into outDir, in one soffice process; returns the paths written, in the order given. inFilter: how to
 * open them (「HTML (StarWriter)」 opens a web page as a Writer document).
 */
export const convertWithOffice = (files: readonly string[], outDir: string, ext: string, timeoutMs = 170_000, inFilter?: string): string[] => {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        ...(inFilter ? [`--infilter=${inFilter}`] : []),
        '--convert-to',
        ext,
        '--outdir',
        outDir,
        ...files,
      ],
      { env: officeEnv(), timeout: timeoutMs, encoding: 'utf8' },
    );
    const pdfs = files.map((f) => join(outDir, `${basename(f, extname(f))}.${ext}`));
    const missing = pdfs.filter((p) => !existsSync(p));
    if (missing.length) throw new Error(`soffice did not write ${missing.join(', ')} (status ${r.status}, signal ${r.signal})\n${r.stdout}\n${r.stderr}`);
    return pdfs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
};

/** The text of a PDF (pdftotext -layout keeps the table rows on their lines). */
export const pdfText = (pdf: string, layout = true): string =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

export type PdfInfo = { pages: number; widthPt: number; heightPt: number };

export const pdfInfo = (pdf: string): PdfInfo => {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  const pages = /Pages:\s+(\d+)/.exec(out);
  if (!size || !pages) throw new Error(`pdfinfo: unexpected output\n${out}`);
  return { pages: Number(pages[1]), widthPt: Number(size[1]), heightPt: Number(size[2]) };
};

/** A4 is 595.28 × 841.89 pt. */
export const isA4 = (i: PdfInfo): boolean => Math.abs(i.widthPt - 595.28) < 1.5 && Math.abs(i.heightPt - 841.89) < 1.5;

/** PNGs of pages first..last at the given resolution; returns their paths. */
export const pdfToPngs = (pdf: string, prefix: string, first = 1, last = 1, dpi = 60): string[] => {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), pdf, prefix]);
  const dir = join(prefix, '..');
  const stem = basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
};

/** Fonts embedded in a PDF (pdffonts), to see which faces LibreOffice actually used. */
export const pdfFonts = (pdf: string): string => execFileSync('pdffonts', [pdf], { encoding: 'utf8' });

/** A text without the spaces and line breaks pdftotext puts between the characters of wrapped cells. */
export const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, '');
