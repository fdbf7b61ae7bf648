/**
 * Every realistic variant of a published report — the web page as CMSs and Word emit it, the page's text
 * as browsers copy it, Word files as WPS, Word and office systems write them — read through the same door
 * the clerk uses (importReportFile) to exactly the report it was made from: cells, agency, year,
 * narratives and the notes under the tables (where page furniture would show), no warning.
 */
import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../shared/import';
import type { ImportResult } from '../../shared/import/types';
import { CELL_IDS } from '../../shared/format';
import { createReport, type Report } from '../../shared/report';
import { SEED_FILES } from '../helpers/seeds';
import { seedReportWithNarratives } from '../helpers/seed-narratives';
import { chromeCopyTable, gbkBytes, htmlVariants, textVariants } from '../helpers/web-variants';
import { wordVariants } from '../helpers/word-variants';

/** What differs between the read report and the one the file was made from (empty: read exactly). */
export const readDiff = (r: ImportResult, want: Report): string[] => {
  if (!r.ok) return [`not read: ${r.message}`];
  const got = r.report;
  const out = CELL_IDS.filter((id) => got.cells[id] !== want.cells[id]).map((id) => `${id}: ${String(got.cells[id])} ≠ ${String(want.cells[id])}`);
  if (got.agency !== want.agency) out.push(`agency: ${got.agency} ≠ ${want.agency}`);
  if (got.year !== want.year) out.push(`year: ${got.year} ≠ ${want.year}`);
  for (const id of ['overview', 'problems', 'other_matters'] as const)
    if (got.narratives[id] !== want.narratives[id]) out.push(`${id}: «${got.narratives[id].slice(0, 80)}…» ≠ «${want.narratives[id].slice(0, 80)}…»`);
  // page furniture (menus, 站点地图, ICP备案, 打印本页) shows up here when it is not dropped
  for (const id of ['t2', 't3', 't4'] as const)
    if (got.tableTexts[id] !== want.tableTexts[id]) out.push(`tableTexts.${id}: «${got.tableTexts[id]}» ≠ «${want.tableTexts[id]}»`);
  for (const n of r.notes) if (n.level !== 'info') out.push(`note: ${n.message}`);
  return out;
};

const utf8 = (s: string) => new TextEncoder().encode(s);

describe.each(SEED_FILES)('web page variants of %s', (file) => {
  const report = seedReportWithNarratives(file);
  for (const [name, html] of Object.entries(htmlVariants(report)))
    it(name, async () => expect(readDiff(await importReportFile('报告.html', utf8(html)), report)).toEqual([]));
  it('a GB2312 page (charset only in <meta http-equiv>), saved as .htm', async () => {
    const html = htmlVariants(report)['old site of layout tables: menus, 站点地图, 网站标识码, ICP备案, 打印本页/关闭窗口 around the article']!;
    expect(html).toContain('charset=gb2312');
    expect(readDiff(await importReportFile('年报.htm', gbkBytes(html)), report)).toEqual([]);
  });
});

describe.each(SEED_FILES)('text copied from a browser, %s', (file) => {
  const report = seedReportWithNarratives(file);
  for (const [name, text] of Object.entries(textVariants(report)))
    it(name, async () => expect(readDiff(await importReportFile('复制.txt', utf8(text)), report)).toEqual([]));
});

describe.each(SEED_FILES)('Word files as WPS, Word and office systems write them, %s', (file) => {
  const report = seedReportWithNarratives(file);
  for (const [name, bytes] of Object.entries(wordVariants(report)))
    it(name, async () => expect(readDiff(await importReportFile('年报.docx', bytes), report)).toEqual([]));
});

describe('what cannot be placed is left blank with a note, never guessed', () => {
  const report = seedReportWithNarratives('2023_xiuwu-county.txt');

  it('表四 on its side whose header does not name the three groups: blank, with a warning', async () => {
    const sideways = chromeCopyTable('t4', report, 'sideways').slice(2);
    const text = textVariants(report)['Chrome copy of the page: tab lines without merged positions']!.replace(
      chromeCopyTable('t4', report).join('\n'),
      sideways.join('\n'),
    );
    expect(text).toContain(sideways.join('\n'));
    const r = await importReportFile('复制.txt', utf8(text));
    if (!r.ok) throw new Error(r.message);
    expect(CELL_IDS.filter((id) => id.startsWith('t4.')).map((id) => r.report.cells[id])).toEqual(Array(15).fill(null));
    expect(r.notes.map((n) => n.message).join('\n')).toContain('无法确定各列归属');
    expect(readDiff(r, report).filter((d) => !d.startsWith('t4.') && !d.startsWith('note:'))).toEqual([]);
  });

  it('a narrative sentence that begins like page furniture stays in the report', async () => {
    const kept = [
      '纠错机制进一步健全。',
      '无障碍环境建设信息及时公开。',
      '相关信息已在政府网站公开。',
      '技术支持方面，平台运行稳定。',
      '网站首页改版，栏目更清晰。',
    ];
    const withSentences = createReport({
      ...report,
      narratives: { ...report.narratives, other_matters: `${report.narratives.other_matters}\n${kept.join('\n')}` },
    });
    const r = await importReportFile('复制.txt', utf8(textVariants(withSentences)['Chrome copy of the page: tab lines without merged positions']!));
    expect(readDiff(r, withSentences)).toEqual([]);
  });
});
