/**
 * Word 97–2003 .doc as a clerk finds it on a government website: LibreOffice saves our Word exports of the five seeds
 * and of random reports, and a .docx someone else wrote, as .doc at test time; each reads back exactly — every cell,
 * the agency, the year, the narratives — through the one open path, without the data part our .docx carries.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export';
import { SECTIONS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { openCfb } from '../../shared/import/cfb';
import { docBlocks } from '../../shared/import/doc-blocks';
import { type LayoutQuirks, reportDocx } from '../helpers/make-docx';
import { reportHtml } from '../helpers/report-html';
import type { Report } from '../../shared/report';
import { expectReadExactly } from '../helpers/expect-report';
import { numberingFromStyleOnly } from '../helpers/doc-tamper';
import { convertWithOffice, officeAvailable } from '../helpers/office';
import { randomConsistentReport } from '../helpers/random-report';
import { seedReportWithNarratives } from '../helpers/seed-narratives';
import { SEED_FILES } from '../helpers/seeds';

const OUT = join(process.cwd(), 'test-results', 'import-doc-office');
const FOREIGN = fileURLToPath(new URL('../fixtures/docx/libreoffice-xiuwu-county.docx', import.meta.url));

const cases: { name: string; want: Report }[] = [
  ...SEED_FILES.map((f) => ({ name: f.replace(/\.txt$/, ''), want: seedReportWithNarratives(f) })),
  ...[5, 13, 29].map((s) => ({ name: `random-${s}`, want: randomConsistentReport(s) })),
];

/** Word files laid out as other people do (test/helpers/make-docx.ts), of one seed. */
const QUIRKS: Record<string, LayoutQuirks> = {
  'tracked-changes': { trackedChanges: true },
  'split-t3-header-repeated': { splitT3At: 9, repeatHeader: true },
  'split-t3-bare': { splitT3At: 4 },
  'grid-before-t2': { gridBefore: 't2' },
  'nested-t4': { nest: 't4' },
  'split-labels': { splitLabels: true },
  'full-width-and-spaced': { fullWidth: true, spacedNumbers: true },
  'extra-column': { extraColumn: true },
  'word-noise': { wordNoise: true },
  'heading-style-numbering': { autoNumbering: true, headingStyleNumbering: true },
};
const QUIRK_SEED = SEED_FILES[0]!;

describe('.doc files LibreOffice saved from Word files read back exactly', () => {
  const docs = new Map<string, string>();
  beforeAll(async () => {
    if (!officeAvailable()) throw new Error('LibreOffice (soffice) 或 poppler-utils 未安装：请先运行 scripts/install-test-deps.sh');
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, 'doc'), { recursive: true });
    const inputs: string[] = [];
    for (const c of cases) {
      const f = join(OUT, `${c.name}.docx`);
      writeFileSync(f, await buildDocx(c.want));
      inputs.push(f);
    }
    const names = cases.map((c) => c.name);
    const foreign = join(OUT, 'foreign-xiuwu.docx');
    copyFileSync(FOREIGN, foreign);
    inputs.push(foreign);
    names.push('foreign-xiuwu');
    for (const [name, q] of Object.entries(QUIRKS)) {
      const f = join(OUT, `${name}.docx`);
      writeFileSync(f, reportDocx(seedReportWithNarratives(QUIRK_SEED), q));
      inputs.push(f);
      names.push(name);
    }
    const written = convertWithOffice(inputs, join(OUT, 'doc'), 'doc');
    // 表三's 「1.」「2.」… as list numbering: an HTML page LibreOffice opens as a Writer document, then saves as .doc
    const html = join(OUT, 'numbered-labels.html');
    writeFileSync(html, reportHtml(seedReportWithNarratives(QUIRK_SEED), '', { numberedLabels: true }));
    written.push(...convertWithOffice([html], join(OUT, 'doc'), 'doc', 170_000, 'HTML (StarWriter)'));
    names.push('numbered-labels');
    written.forEach((w, i) => docs.set(names[i]!, w));
  }, 200_000);
  afterAll(() => rmSync(join(OUT, 'doc'), { recursive: true, force: true }));

  const check = async (name: string, want: Report) => {
    const file = docs.get(name)!;
    const bytes = new Uint8Array(readFileSync(file));
    // it really is a Word 97 compound file
    expect(openCfb(bytes).has('WordDocument')).toBe(true);
    expectReadExactly(await importReportFile(`${name}.doc`, bytes), want, 'doc', name);
  };

  for (const c of cases) it(`${c.name}: our Word export saved as .doc`, () => check(c.name, c.want));

  it('a .docx someone else wrote (LibreOffice, its own merges) saved as .doc', () => check('foreign-xiuwu', seedReportWithNarratives('2023_xiuwu-county.txt')));

  for (const name of Object.keys(QUIRKS)) it(`a Word file laid out by others (${name}) saved as .doc`, () => check(name, seedReportWithNarratives(QUIRK_SEED)));

  it('section headings numbered by their style 「heading 1」: LibreOffice writes the numbering in the style and in each heading; left to the style alone (as Word writes it) the file reads the same', async () => {
    const bytes = new Uint8Array(readFileSync(docs.get('heading-style-numbering')!));
    expectReadExactly(await importReportFile('style-only.doc', numberingFromStyleOnly(bytes, SECTIONS.length)), seedReportWithNarratives(QUIRK_SEED), 'doc');
  });

  it("表三's item numbers 「1.」「2.」 only in Word's automatic numbering (list tables), not in the text", async () => {
    const bytes = new Uint8Array(readFileSync(docs.get('numbered-labels')!));
    const blocks = docBlocks(openCfb(bytes));
    const labels = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : [])).filter((c) => /属于国家秘密|重复申请|^\d\. 其他$/.test(c));
    expect(labels).toEqual(expect.arrayContaining(['1. 属于国家秘密', '2. 重复申请', '3. 其他']));
    await check('numbered-labels', seedReportWithNarratives(QUIRK_SEED));
  });
});
