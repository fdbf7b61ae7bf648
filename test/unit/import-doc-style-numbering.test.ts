/**
 * Word 97–2003 .doc whose section headings get their 「一、」…「六、」 from their paragraph style (「heading 1」
 * numbered in the stylesheet), not from their own properties: all six sections are found, as in the .docx they
 * came from; a heading that turns its style's numbering off (ilfo 0) has no number and is not counted; a damaged
 * stylesheet is ignored — the document reads as it did without it, nothing throws.
 *
 * The fixture is LibreOffice's (test/fixtures/doc/README.md). LibreOffice writes the numbering both in the style and
 * again in each heading's own properties, so numberingFromStyleOnly (test/helpers/doc-tamper.ts) overwrites each
 * heading's own list sprms with same-sized ones that say nothing about lists, leaving the numbering to the style alone
 * as Word and WPS write it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { openCfb } from '../../shared/import/cfb';
import { docBlocks } from '../../shared/import/doc-blocks';
import { readDocStyleLists } from '../../shared/import/doc-styles';
import { expectReadExactly } from '../helpers/expect-report';
import { rawEnglish } from '../helpers/fuzz-cases';
import {
  numberingFromStyleOnly,
  rowEndsInStyle,
  styleLengthPastStylesheet,
  stylesBasedOnThemselves,
  stylesInALoop,
  stylesheetPastStream,
  stylesheetScrambled,
  stylesheetZeroed,
} from '../helpers/doc-tamper';
import { reportDocx } from '../helpers/make-docx';
import { seedReportWithNarratives } from '../helpers/seed-narratives';

const SEED = '2023_xiuwu-county.txt';
const original = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/doc/libreoffice-heading-style-numbering.doc', import.meta.url))));
const styleOnly = numberingFromStyleOnly(original, SECTIONS.length);
const HEADINGS = SECTIONS.map((s) => s.heading);
const BARE = HEADINGS.map((h) => h.replace(/^[一二三四五六]、/, ''));

const paragraphs = (doc: Uint8Array): string[] => docBlocks(openCfb(doc)).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const headingsOf = (doc: Uint8Array): string[] => paragraphs(doc).filter((p) => BARE.some((h) => p.endsWith(h) && p.length <= h.length + 2));

describe('.doc numbering that comes from the paragraph style', () => {
  it('the headings carry no numbering of their own once patched, and the stylesheet is all that numbers them', () => {
    // without the stylesheet (zeroed) the patched headings are bare: the numbers below come from the style alone
    expect(headingsOf(stylesheetZeroed(styleOnly))).toEqual(BARE);
    expect(headingsOf(styleOnly)).toEqual(HEADINGS);
  });

  it('all six sections, every cell and narrative, the same as the .docx numbered by its heading style', async () => {
    const want = seedReportWithNarratives(SEED);
    const docx = await importReportFile('a.docx', reportDocx(want, { autoNumbering: true, headingStyleNumbering: true }));
    expectReadExactly(docx, want, 'docx', 'docx');
    expectReadExactly(await importReportFile('style-only.doc', styleOnly), want, 'doc', 'style only');
    // LibreOffice's own file (numbering in the style and in each heading): the same
    expectReadExactly(await importReportFile('libreoffice.doc', original), want, 'doc', 'libreoffice');
  });

  it('a heading that turns its style numbering off (ilfo 0 on the paragraph) has no number and is not counted', () => {
    const NUMBERS = ['一', '二', '三', '四', '五'];
    const turnedOff = new Set<number>();
    for (let k = 0; k < SECTIONS.length; k++) {
      const got = headingsOf(numberingFromStyleOnly(original, SECTIONS.length, k));
      const off = got.findIndex((h) => BARE.includes(h));
      expect(off, `heading ${k}`).toBeGreaterThanOrEqual(0);
      turnedOff.add(off);
      // the one turned off is bare; the others are numbered on, 一、 to 五、, as if it were not a list item
      const others = BARE.filter((_, i) => i !== off).map((h, i) => `${NUMBERS[i]}、${h}`);
      expect(got, `heading ${k}`).toEqual([...others.slice(0, off), BARE[off], ...others.slice(off)]);
    }
    expect(turnedOff.size).toBe(SECTIONS.length);
  });

  it("a table row's end mark in the numbered style shows no number and is not counted", () => {
    const { doc, rows } = rowEndsInStyle(styleOnly, 1);
    // the rows of 表二, 表三 and 表四 (rows laid out alike share their properties)
    expect(rows).toBeGreaterThan(5);
    expect(headingsOf(doc)).toEqual(HEADINGS);
  });

  it('a damaged stylesheet is ignored: the document reads as without it, nothing throws', async () => {
    const want = seedReportWithNarratives(SEED);
    const bare = headingsOf(stylesheetZeroed(styleOnly));
    for (const [name, damage, styleOnlyHeadings] of [
      ['zeroed', stylesheetZeroed, bare],
      ['length past the table stream', stylesheetPastStream, bare],
      ['a style longer than the stylesheet', styleLengthPastStylesheet, bare],
      // a loop is cut at the first style seen twice: 「heading 1」 still numbers its paragraphs
      ['every style based on itself', stylesBasedOnThemselves, HEADINGS],
      // 「heading 1」 (1) and 「Text Body」 (27, which sets no list and numbers no paragraph here)
      ['two styles based on each other', (d: Uint8Array) => stylesInALoop(d, 1, 27), HEADINGS],
    ] as const) {
      // numbered on the paragraphs too (LibreOffice's file): read exactly as before
      expectReadExactly(await importReportFile(`${name}.doc`, damage(original)), want, 'doc', name);
      expect(headingsOf(damage(styleOnly)), name).toEqual(styleOnlyHeadings);
    }
  });

  it('a stylesheet with random bytes changed (100 seeded cases) never throws: refusals in Chinese', async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const doc = stylesheetScrambled(styleOnly, seed, 1 + (seed % 16));
      expect(() => docBlocks(openCfb(doc)), `seed ${seed}`).not.toThrow();
      const r = await importReportFile('scrambled.doc', doc);
      // what changed bytes may legitimately do (a body style made a list) can cost the sections, but only in Chinese
      if (!r.ok) expect(rawEnglish(r.message), `seed ${seed}: ${r.message}`).toBe(false);
    }
  });
});

/** A stylesheet as Word lays it out (STSHI, then each style: cbStd, StdfBase, name, UpxPapx), each style [base, sprms]. */
const stsh = (styles: readonly (readonly [number, readonly number[]])[]): Uint8Array => {
  const out: number[] = [18, 0, styles.length, 0, 10, 0, ...Array<number>(14).fill(0)];
  styles.forEach(([base, sprms], i) => {
    const upx = [2 + sprms.length, 0, i, 0, ...sprms, ...(sprms.length % 2 ? [0] : [])];
    const std = [0, 0, 1 | ((base << 4) & 0xff), base >> 4, 2, 0, 0, 0, 0, 0, 1, 0, 0x53, 0, 0, 0, ...upx, 0, 0];
    out.push(std.length & 0xff, std.length >> 8, ...std);
  });
  return Uint8Array.from(out);
};
const ILFO = (n: number) => [0x0b, 0x46, n, 0];
const ILVL = (n: number) => [0x0a, 0x26, n];

describe('the stylesheet: what each style sets, through its bases', () => {
  it('a derived style inherits its base list and may set its own level; a style that turns the list off (ilfo 0) wins', () => {
    const t = stsh([
      [0xfff, []],
      [0, [...ILFO(1), ...ILVL(0)]],
      [1, ILVL(1)],
      [2, ILFO(0)],
    ]);
    const s = readDocStyleLists(t, 0, t.length);
    expect([0, 1, 2, 3, 4, 999].map((i) => s.of(i))).toEqual([
      { ilfo: 0, ilvl: 0 },
      { ilfo: 1, ilvl: 0 },
      { ilfo: 1, ilvl: 1 },
      { ilfo: 0, ilvl: 1 },
      { ilfo: 0, ilvl: 0 },
      { ilfo: 0, ilvl: 0 },
    ]);
  });

  it('a chain of bases is followed at most 16 styles deep; cut short, or past its stream, the stylesheet is ignored', () => {
    const chain = stsh([[0xfff, ILFO(2)], ...Array.from({ length: 40 }, (_, i) => [i, []] as const)]);
    const s = readDocStyleLists(chain, 0, chain.length);
    expect(s.of(15)).toEqual({ ilfo: 2, ilvl: 0 });
    expect(s.of(40)).toEqual({ ilfo: 0, ilvl: 0 });
    const t = stsh([[0xfff, ILFO(1)]]);
    expect(readDocStyleLists(t, 0, t.length).of(0)).toEqual({ ilfo: 1, ilvl: 0 });
    expect(readDocStyleLists(t.subarray(0, t.length - 1), 0, t.length).of(0)).toEqual({ ilfo: 0, ilvl: 0 });
    expect(readDocStyleLists(t, 0, t.length + 1).of(0)).toEqual({ ilfo: 0, ilvl: 0 });
    expect(readDocStyleLists(t, 0xffffffff, 8).of(0)).toEqual({ ilfo: 0, ilvl: 0 });
  });
});
