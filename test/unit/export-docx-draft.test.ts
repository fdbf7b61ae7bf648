/** An export chosen with 「仍然导出草稿」 carries a 草稿 mark on its first page; the final one carries none. */
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { attr, descendants, parseXml, paragraphText, unzip } from './export-readers';

const report = seedReport(SEED_FILES[0]!);
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The text of the header Word shows on the first page (none unless the section has a title page). */
const firstPageHeader = (files: Record<string, string>): string | null => {
  const doc = parseXml(files['word/document.xml']!);
  const sect = descendants(doc, 'sectPr')[0]!;
  if (!descendants(sect as unknown as Document, 'titlePg').length) return null;
  const ref = descendants(sect as unknown as Document, 'headerReference').find((h) => attr(h, 'type') === 'first');
  if (!ref) return null;
  const id = ref.getAttributeNS(R, 'id') ?? ref.getAttribute('r:id');
  const rels = parseXml(files['word/_rels/document.xml.rels']!);
  const target = Array.from(rels.getElementsByTagName('Relationship'))
    .find((r) => r.getAttribute('Id') === id)!
    .getAttribute('Target')!;
  return descendants(parseXml(files[`word/${target}`]!), 'p')
    .map(paragraphText)
    .join('\n');
};

describe('Word export: the draft mark', () => {
  it('a draft has 「草稿」 at the head of its first page, and keeps its page numbers there', async () => {
    const files = unzip(await buildDocx(report, { draft: true }));
    expect(firstPageHeader(files)).toBe('草稿');
    const sect = descendants(parseXml(files['word/document.xml']!), 'sectPr')[0]!;
    expect(
      descendants(sect as unknown as Document, 'footerReference')
        .map((f) => attr(f, 'type'))
        .sort(),
    ).toEqual(['default', 'even', 'first']);
  });

  it('the final export has no mark anywhere', async () => {
    const files = unzip(await buildDocx(report));
    expect(firstPageHeader(files)).toBeNull();
    expect(Object.entries(files).filter(([name, xml]) => name.endsWith('.xml') && xml.includes('草稿'))).toEqual([]);
  });
});
