import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importText } from '../../shared/import/text';
import { seedExpectation } from '../helpers/seeds';

/**
 * The text a PDF reader copies (test/fixtures/import/README.md says how each file was made): read exactly, or the
 * cells it cannot place are left blank and named, never filled with a wrong number.
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const wrongCells = (text: string, seed: string) => {
  const r = importText(text);
  if (!r.ok) throw new Error(r.message);
  const want = seedExpectation(seed).cells as Record<string, unknown>;
  return { r, wrong: CELL_IDS.filter((id) => r.report.cells[id] !== want[id]) };
};

describe('pdftotext -layout text of a Word file LibreOffice wrote itself', () => {
  it('a group label centred beside a row (「无法提」 on the numbers line) does not take the numbers of the row waiting', () => {
    const { r, wrong } = wrongCells(fixture('libreoffice-xiuwu-county.pdftotext-layout.txt'), '2023_xiuwu-county.txt');
    expect(wrong).toEqual([]);
    expect(r.notes.filter((n) => n.table && n.level !== 'info')).toEqual([]);
  });
});
