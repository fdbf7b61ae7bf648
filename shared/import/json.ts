/** Our own report file (any version we ever wrote), through restore(): migrated, checked, never fixed silently. */
import type { TableId } from '../format/types';
import { CELLS } from '../format/cells';
import { restore } from '../report/restore';
import type { Report } from '../report/document';
import type { ImportNote, ImportResult, ImportStats } from './types';

/** Cells with a value per table, beside the number of statutory cells. */
export const reportStats = (report: Report): ImportStats => {
  const found: Record<TableId, number> = { t2: 0, t3: 0, t4: 0 };
  const total: Record<TableId, number> = { t2: 0, t3: 0, t4: 0 };
  for (const c of CELLS) {
    total[c.table]++;
    if (report.cells[c.id] !== null && report.cells[c.id] !== undefined) found[c.table]++;
  }
  return { found, total };
};

export const importJson = (text: string): ImportResult => {
  const r = restore(text);
  if (!r.ok) {
    const shown = r.errors.slice(0, 8);
    const more = r.errors.length > shown.length ? `\n……另有 ${r.errors.length - shown.length} 处问题` : '';
    return { ok: false, kind: 'json', message: `报告文件无法打开：\n${shown.join('\n')}${more}` };
  }
  const notes: ImportNote[] = [];
  if (r.migratedFrom !== undefined)
    notes.push({ level: 'info', message: `该文件由旧版程序保存（文件版本 ${r.migratedFrom}），已转换为当前版本；保存时将按新版本写入` });
  return { ok: true, report: r.report, notes, stats: reportStats(r.report), formatEdition: '2021', kind: 'json' };
};
