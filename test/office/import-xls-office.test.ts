/**
 * Excel 97–2003 .xls as a clerk may still hold it: LibreOffice saves our Excel exports of the five seeds and of
 * random reports, and a workbook someone else laid out, as .xls at test time; each reads back exactly — every cell,
 * the agency, the year, the narratives — without the data part our .xlsx carries.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXlsx } from '../../shared/export';
import { importReportFile } from '../../shared/import';
import { openCfb } from '../../shared/import/cfb';
import type { Report } from '../../shared/report';
import { expectReadExactly } from '../helpers/expect-report';
import { convertWithOffice, officeAvailable } from '../helpers/office';
import { randomConsistentReport } from '../helpers/random-report';
import { seedReportWithNarratives } from '../helpers/seed-narratives';
import { SEED_FILES } from '../helpers/seeds';

const OUT = join(process.cwd(), 'test-results', 'import-xls-office');
const FOREIGN = fileURLToPath(new URL('../fixtures/xlsx/libreoffice-calc-xuchang-city.xlsx', import.meta.url));

const cases: { name: string; want: Report }[] = [
  ...SEED_FILES.map((f) => ({ name: f.replace(/\.txt$/, ''), want: seedReportWithNarratives(f) })),
  ...[5, 13].map((s) => ({ name: `random-${s}`, want: randomConsistentReport(s) })),
];

describe('.xls files LibreOffice saved from Excel workbooks read back exactly', () => {
  const files = new Map<string, string>();
  beforeAll(async () => {
    if (!officeAvailable()) throw new Error('LibreOffice (soffice) 或 poppler-utils 未安装：请先运行 scripts/install-test-deps.sh');
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, 'xls'), { recursive: true });
    const inputs: string[] = [];
    for (const c of cases) {
      const f = join(OUT, `${c.name}.xlsx`);
      writeFileSync(f, await buildXlsx(c.want));
      inputs.push(f);
    }
    const foreign = join(OUT, 'foreign-xuchang.xlsx');
    copyFileSync(FOREIGN, foreign);
    inputs.push(foreign);
    const written = convertWithOffice(inputs, join(OUT, 'xls'), 'xls');
    written.forEach((w, i) => files.set(i < cases.length ? cases[i]!.name : 'foreign-xuchang', w));
  }, 200_000);
  afterAll(() => rmSync(join(OUT, 'xls'), { recursive: true, force: true }));

  const check = async (name: string, want: Report) => {
    const bytes = new Uint8Array(readFileSync(files.get(name)!));
    expect(openCfb(bytes).has('Workbook')).toBe(true);
    expectReadExactly(await importReportFile(`${name}.xls`, bytes), want, 'xls', name);
  };

  for (const c of cases) it(`${c.name}: our Excel export saved as .xls`, () => check(c.name, c.want));

  it('a workbook someone else laid out (Calc, one sheet) saved as .xls', () => check('foreign-xuchang', seedReportWithNarratives('2023_xuchang-city.txt')));
});
