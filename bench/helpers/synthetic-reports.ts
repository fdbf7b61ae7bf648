/**
 * Synthetic but realistic reports for the CLI benchmark: consistent tables with realistic spreads
 * (randomConsistentReport), agency names like those of a city's departments and counties, and the
 * narratives of the real seed reports (so text files are the size of real pages, 6–10 KB).
 */
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocx } from '../../shared/export/docx';
import { buildXlsx } from '../../shared/export/xlsx';
import { createReport, serialiseReport, type Report } from '../../shared/report';
import { randomConsistentReport } from '../../test/helpers/random-report';
import { renderReportHtml, renderReportText } from '../../test/helpers/render-text';
import { SEED_FILES } from '../../test/helpers/seeds';
import { seedNarratives } from '../../test/helpers/seed-narratives';

const PLACES = ['许昌市', '新乡市', '济源市', '开封市', '焦作市', '洛阳市', '南阳市', '周口市', '商丘市', '信阳市'];
const UNITS = [
  '人民政府',
  '人民政府办公室',
  '发展和改革委员会',
  '教育局',
  '公安局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '卫生健康委员会',
  '市场监督管理局',
  '应急管理局',
  '医疗保障局',
];

const narratives = SEED_FILES.map(seedNarratives);

/** Report i of a batch: a distinct agency per i (no two of the same agency and year). */
export const syntheticReport = (i: number, year = 2024): Report => {
  const base = randomConsistentReport(1000 + i, year);
  const agency = `${PLACES[i % PLACES.length]}${i >= PLACES.length * UNITS.length ? `第${Math.floor(i / (PLACES.length * UNITS.length)) + 1}区` : ''}${UNITS[Math.floor(i / PLACES.length) % UNITS.length]}`;
  return createReport({ ...base, agency, narratives: narratives[i % narratives.length]! });
};

export type Format = 'text' | 'html' | 'docx' | 'xlsx' | 'json';
const EXT: Record<Format, string> = { text: 'txt', html: 'html', docx: 'docx', xlsx: 'xlsx', json: 'gkreport' };

/**
 * Writes n reports of one format into dir. Word and Excel files take ~10–50 ms each to build, so at most
 * `distinct` different ones are built and the rest are copies under new names (reading cost is the same).
 */
export const writeReports = async (dir: string, format: Format, n: number, distinct = 100): Promise<void> => {
  mkdirSync(dir, { recursive: true });
  const name = (i: number) => join(dir, `${String(i).padStart(5, '0')}.${EXT[format]}`);
  for (let i = 0; i < n; i++) {
    if ((format === 'docx' || format === 'xlsx') && i >= distinct) {
      copyFileSync(name(i % distinct), name(i));
      continue;
    }
    const r = syntheticReport(i);
    const data =
      format === 'text'
        ? renderReportText(r)
        : format === 'html'
          ? renderReportHtml(r)
          : format === 'json'
            ? serialiseReport(r)
            : format === 'docx'
              ? await buildDocx(r)
              : await buildXlsx(r);
    writeFileSync(name(i), data);
  }
};
