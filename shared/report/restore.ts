/**
 * Every load of a report goes through restore(): it accepts any version we ever wrote, migrates it
 * to the current one, and refuses bad input with Chinese messages instead of crashing or fixing silently.
 */
import type { CellId, NarrativeId, TableId } from '../format/types';
import { cellDef, cellLabel, isCellId } from '../format/cells';
import { NARRATIVE_IDS } from '../format/sections';
import { TABLE_IDS } from '../format/header-layout';
import { MONEY_DECIMALS, isMoneyString, normaliseMoney } from './money';
import { type Baseline, type Cells, type CellValue, type Report, REPORT_FORMAT, REPORT_VERSION, createReport, emptyCells } from './document';

export type RestoreResult = { ok: true; report: Report; migratedFrom?: number } | { ok: false; errors: string[] };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const describe = (v: unknown): string => {
  if (typeof v === 'string') return `「${v.length > 20 ? `${v.slice(0, 20)}…` : v}」`;
  if (v === undefined) return '（缺失）';
  return JSON.stringify(v) ?? String(v);
};

const checkValue = (id: CellId, v: unknown, errors: string[]): CellValue => {
  if (v === null || v === undefined || v === '') return null;
  // the cell's name is built only for a message: a batch restores 200 cells a report, thousands of reports
  const where = () => `${cellLabel(id)}（${id}）`;
  if (cellDef(id)!.unit === 'count') {
    if (typeof v !== 'number') {
      errors.push(`${where()} 应为数字，实际为 ${describe(v)}`);
      return null;
    }
    if (Number.isSafeInteger(v) && v >= 0) return v;
    if (!Number.isFinite(v) || !Number.isInteger(v)) errors.push(`${where()} 应为整数，实际为 ${describe(v)}`);
    else if (v < 0) errors.push(`${where()} 不能为负数，实际为 ${v}`);
    else errors.push(`${where()} 数字过大：${v}`);
    return null;
  }
  // money: a decimal string; an integer number is accepted as written (0 is common in hand-written JSON)
  const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
  if (typeof s !== 'string') {
    errors.push(`${where()} 应为金额文本（如 "5884.0157"），实际为 ${describe(v)}；为免浮点误差，带小数的金额须写成文本`);
    return null;
  }
  if (/^-/.test(s)) errors.push(`${where()} 金额不能为负数，实际为 ${describe(s)}`);
  else if (/^\d+\.\d+$/.test(s) && s.split('.')[1]!.length > MONEY_DECIMALS)
    errors.push(`${where()} 金额最多 ${MONEY_DECIMALS} 位小数（万元，精确到分），实际为 ${describe(s)}`);
  else if (!isMoneyString(s)) errors.push(`${where()} 不是有效金额：${describe(s)}`);
  else return normaliseMoney(s);
  return null;
};

const restoreCells = (raw: unknown, errors: string[], what: string): Cells => {
  const cells = emptyCells();
  if (raw === undefined) return cells;
  if (!isObject(raw)) {
    errors.push(`${what}应为对象（单元格编号 → 数值），实际为 ${describe(raw)}`);
    return cells;
  }
  for (const [id, v] of Object.entries(raw)) {
    if (!isCellId(id)) {
      errors.push(`${what}中有未知的单元格编号「${id}」`);
      continue;
    }
    cells[id] = checkValue(id, v, errors);
  }
  return cells;
};

const restoreText = (raw: unknown, errors: string[], what: string): string => {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string') {
    errors.push(`${what}应为文本，实际为 ${describe(raw)}`);
    return '';
  }
  return raw;
};

const restoreYear = (raw: unknown, errors: string[], what: string): number | null => {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 2000 && raw <= 2100) return raw;
  errors.push(`${what}应为 2000—2100 之间的整数年份，实际为 ${describe(raw)}`);
  return null;
};

/** Version 1 kept a single `narrative` object and no settings or baseline. */
const migrateV1 = (doc: Record<string, unknown>): Record<string, unknown> => ({
  ...doc,
  narratives: doc['narratives'] ?? doc['narrative'],
  settings: { autoTotals: false },
  baseline: null,
  version: 2,
});

/** Version 2 had no 落款 (signOff): an empty one, which the export leaves out as before. */
const migrateV2 = (doc: Record<string, unknown>): Record<string, unknown> => ({ ...doc, signOff: { agency: '', date: '' }, version: 3 });

const MIGRATIONS: Record<number, (d: Record<string, unknown>) => Record<string, unknown>> = { 1: migrateV1, 2: migrateV2 };

export const restore = (input: unknown): RestoreResult => {
  let raw = input;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch (e) {
      // V8's own words are English; where it stopped is what helps the clerk (or support) find the damage
      const at = /position (\d+)/.exec((e as Error).message)?.[1];
      const where = at ? `（约在第 ${Number(at) + 1} 个字符处）` : /end of JSON/i.test((e as Error).message) ? '（文件在中途结束）' : '';
      return {
        ok: false,
        errors: [`文件内容不完整或已损坏，不是有效的报告数据${where}；可能保存或复制时被截断。请改用同一文件夹中的备份文件（.bak）或自动恢复的版本`],
      };
    }
  }
  if (!isObject(raw)) return { ok: false, errors: ['文件内容不是报告对象'] };
  if (raw['format'] !== REPORT_FORMAT)
    return {
      ok: false,
      errors: ['不是本程序的报告文件（文件中的程序标识不符，文件可能已损坏或由其他程序生成）；请确认选择的是本程序保存的 .gkreport 文件'],
    };
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, errors: [`报告文件版本号无效：${describe(version)}`] };
  if (version > REPORT_VERSION)
    return { ok: false, errors: [`该文件由更新版本的程序保存（文件版本 ${version}，本程序支持至 ${REPORT_VERSION}），请升级程序后打开`] };
  let doc = raw;
  for (let v = version; v < REPORT_VERSION; v++) doc = MIGRATIONS[v]!(doc);

  const errors: string[] = [];
  const agency = restoreText(doc['agency'], errors, '机关名称');
  const year = restoreYear(doc['year'], errors, '年度');
  const cells = restoreCells(doc['cells'], errors, '单元格');
  const narratives = {} as Record<NarrativeId, string>;
  const rawNarr = doc['narratives'];
  if (rawNarr !== undefined && rawNarr !== null && !isObject(rawNarr)) errors.push(`正文部分应为对象，实际为 ${describe(rawNarr)}`);
  for (const id of NARRATIVE_IDS) narratives[id] = restoreText(isObject(rawNarr) ? rawNarr[id] : undefined, errors, `正文「${id}」`);
  const rawTT = doc['tableTexts'];
  const tableTexts = {} as Record<TableId, string>;
  for (const t of TABLE_IDS) tableTexts[t] = restoreText(isObject(rawTT) ? rawTT[t] : undefined, errors, `表格说明「${t}」`);
  const rawSignOff = doc['signOff'];
  if (rawSignOff !== undefined && rawSignOff !== null && !isObject(rawSignOff)) errors.push(`落款（signOff）应为对象，实际为 ${describe(rawSignOff)}`);
  const signOff = {
    agency: restoreText(isObject(rawSignOff) ? rawSignOff['agency'] : undefined, errors, '落款机关名称'),
    date: restoreText(isObject(rawSignOff) ? rawSignOff['date'] : undefined, errors, '落款日期'),
  };
  const rawSettings = doc['settings'];
  const autoTotals = isObject(rawSettings) && typeof rawSettings['autoTotals'] === 'boolean' ? rawSettings['autoTotals'] : false;
  let baseline: Baseline | null = null;
  const rb = doc['baseline'];
  if (isObject(rb)) {
    baseline = {
      agency: restoreText(rb['agency'], errors, '上年报告机关名称'),
      year: restoreYear(rb['year'], errors, '上年报告年度'),
      cells: restoreCells(rb['cells'], errors, '上年报告单元格'),
      ...(isObject(rb['narratives'])
        ? {
            narratives: Object.fromEntries(
              NARRATIVE_IDS.map((id) => [id, restoreText((rb['narratives'] as Record<string, unknown>)[id], errors, `上年正文「${id}」`)]),
            ) as Record<NarrativeId, string>,
          }
        : {}),
    };
  } else if (rb !== undefined && rb !== null) errors.push(`上年数据（baseline）应为对象，实际为 ${describe(rb)}`);

  if (errors.length) return { ok: false, errors };
  const report = createReport({ agency, year, cells, narratives, tableTexts, signOff, settings: { autoTotals }, baseline });
  return version < REPORT_VERSION ? { ok: true, report, migratedFrom: version } : { ok: true, report };
};

/** For callers that cannot go on without a report (CLI, tests): the errors as one message. */
export class ReportFormatError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

export const restoreOrThrow = (input: unknown): Report => {
  const r = restore(input);
  if (!r.ok) throw new ReportFormatError(r.errors);
  return r.report;
};
