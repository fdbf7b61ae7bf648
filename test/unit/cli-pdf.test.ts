/**
 * The built command line on published PDFs: validate a folder holding PDFs (walked by extension),
 * template and consolidate from PDFs, compare a PDF with a report; a scanned PDF is unreadable in Chinese.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restore } from '../../shared/report/restore';
import expected from '../fixtures/pdf/expected.json';
import { makePdf } from '../helpers/make-pdf';
import { ensureCliBuilt, removeTempDirs, runCli, tempDir } from './cli-harness';

const HUAIAN = new URL('../fixtures/pdf/2024_huaian-city.pdf', import.meta.url);
const e = expected.reports['2024_huaian-city.pdf'];

describe('CLI on PDFs', () => {
  let dir = '';
  beforeAll(async () => {
    await ensureCliBuilt();
    dir = tempDir('pdf');
    copyFileSync(HUAIAN, join(dir, '淮安2024.pdf'));
    writeFileSync(join(dir, '扫描件.pdf'), makePdf([{ texts: [], image: true }]));
  }, 120_000);
  afterAll(removeTempDirs);

  it('validate --json on a folder reads the PDF and calls the scanned one unreadable', () => {
    const r = runCli(['validate', '--json', dir]);
    const files = (
      JSON.parse(r.stdout) as { files: { file: string; agency: string | null; year: number | null; cells: Record<string, unknown> | null; error?: string }[] }
    ).files;
    const read = files.find((f) => f.file.endsWith('淮安2024.pdf'))!;
    expect(read.agency).toBe(e.agency);
    expect(read.year).toBe(e.year);
    expect(read.cells).toEqual(e.cells);
    expect(files.find((f) => f.file.endsWith('扫描件.pdf'))!.error).toMatch(/扫描图片/);
    expect(r.code).toBe(2);
  }, 60_000);

  it('template from a PDF, consolidate two PDFs, compare a PDF with its template', () => {
    const draft = join(dir, '2025.gkreport');
    expect(runCli(['template', join(dir, '淮安2024.pdf'), '-o', draft]).code).toBe(0);
    const t = restore(readFileSync(draft, 'utf8'));
    if (!t.ok) throw new Error(t.errors.join('\n'));
    expect(t.report.year).toBe(e.year + 1);
    expect(t.report.cells['t3.carried_in.natural']).toBe(e.cells['t3.carried_out.natural']);

    const sum = join(dir, '汇总.gkreport');
    copyFileSync(HUAIAN, join(dir, '淮安2024-副本.pdf'));
    const c = runCli(['consolidate', join(dir, '淮安2024.pdf'), join(dir, '淮安2024-副本.pdf'), '-o', sum, '--allow-duplicates']);
    expect(c.code, c.stderr).toBe(0);
    const s = restore(readFileSync(sum, 'utf8'));
    if (!s.ok) throw new Error(s.errors.join('\n'));
    expect(s.report.cells['t3.new.total']).toBe(2 * e.cells['t3.new.total']);

    const cmp = runCli(['compare', join(dir, '淮安2024.pdf'), draft]);
    expect(cmp.stdout + cmp.stderr).toContain(e.agency);
  }, 120_000);
});
