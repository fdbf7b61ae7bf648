/** Committed files written by another program (LibreOffice Writer and Calc): exactly the seed cells. See test/fixtures/{docx,xlsx}/README.md. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { importText } from '../../shared/import/text';
import { openZip } from '../../shared/import/zip';
import { seedExpectation, seedText } from '../helpers/seeds';

const fixture = (p: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url))));

const CASES = [
  { file: 'docx/libreoffice-xiuwu-county.docx', seed: '2023_xiuwu-county.txt', kind: 'docx', app: 'docProps/app.xml' },
  { file: 'xlsx/libreoffice-calc-xuchang-city.xlsx', seed: '2023_xuchang-city.txt', kind: 'xlsx', app: 'docProps/app.xml' },
] as const;

describe('files written by LibreOffice', () => {
  for (const c of CASES) {
    it(`${c.file} reads to exactly ${c.seed}`, async () => {
      const bytes = fixture(c.file);
      expect(new TextDecoder().decode(openZip(bytes).read(c.app))).toMatch(/LibreOffice/);
      const r = await importReportFile(c.file.split('/')[1]!, bytes);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      const e = seedExpectation(c.seed);
      expect(r.kind).toBe(c.kind);
      expect(r.report.agency).toBe(e.agency);
      expect(r.report.year).toBe(e.year);
      for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual((e.cells as Record<string, unknown>)[id]);
      const text = importText(seedText(c.seed));
      if (text.ok) expect(r.report.narratives).toEqual(text.report.narratives);
      expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
    });
  }
});
