/**
 * Excel .xlsx: our own export and sheets laid out like the official tables. The sheet XML is read
 * directly behind the zip limits (xlsx-blocks.ts); each sheet's rows become blocks, and all sheets
 * together are mapped onto the format by readBlocks. .xls (BIFF) is refused by the sniffer.
 */
import type { TableId } from '../format/types';
import { SECTIONS } from '../format/sections';
import type { Block, ImportNote, ImportResult } from './types';
import { readBlocks } from './blocks-reader';
import { refusal } from './docx';
import { TABLE_TITLE, headingIndex } from './sections';
import { sheetBlocks, xlsxSheets, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, type XlsxSheet } from './xlsx-blocks';
import type { SafeZip } from './zip';
import { SAME_TEXT, markerInZip, readOwnExport } from './own-export';
import type { Report } from '../report/document';

const TABLE_OF_NUMERAL: Record<string, TableId> = { 二: 't2', 三: 't3', 四: 't4', '2': 't2', '3': 't3', '4': 't4' };
const SECTION_OF: Record<TableId, number> = { t2: 1, t3: 2, t4: 3 };
/** Our export's pointer from the narrative sheet to a table sheet. */
const SEE_SHEET = /^见工作表「([^」]*)」$/;
/** A 机关名称/报告年度 row of our 报告 sheet whose value cell is empty. */
const META_KEY = /^[\s\u3000]*(机关名称|单位名称|报告年度)[\s\u3000:：]*$/;

const tableOfSheet = (s: XlsxSheet, blocks: readonly Block[]): TableId | null => {
  const byName = TABLE_TITLE.exec(s.name);
  if (byName) return TABLE_OF_NUMERAL[byName[1]!]!;
  const first = blocks[0];
  const byTitle = first && first.kind === 'paragraph' ? TABLE_TITLE.exec(first.text) : null;
  return byTitle ? TABLE_OF_NUMERAL[byTitle[1]!]! : null;
};

/**
 * One reading order for the whole workbook: the narrative sheet(s) in order, each table sheet's
 * content placed under its section heading (so the text under a table stays that table's text
 * and does not end up in 六、其他需要报告的事项).
 */
export type WorkbookMeta = { agency?: string; year?: number };

/** 「机关名称 | …」「报告年度 | 2023」 rows (our export's 报告 sheet): the report's identity, not a table. */
const metaOf = (b: Block): WorkbookMeta | null => {
  if (b.kind !== 'table') return null;
  const meta: WorkbookMeta = {};
  for (const row of b.rows) {
    const cells = row.map((c) => c.trim()).filter(Boolean);
    const key = (cells[0] ?? '').replace(/[\s\u3000:：]+/g, '');
    if (cells.length !== 2) return null;
    if (key === '机关名称' || key === '单位名称') meta.agency = cells[1];
    else if ((key === '报告年度' || key === '年度') && /^\d{4}$/.test(cells[1]!)) meta.year = Number(cells[1]);
    else return null;
  }
  return meta;
};

export const workbookBlocks = (sheets: readonly XlsxSheet[], meta: WorkbookMeta = {}): Block[] => {
  const main: Block[] = [];
  const tables = new Map<TableId, Block[]>();
  for (const s of sheets) {
    const blocks = sheetBlocks(s.rows);
    const t = tableOfSheet(s, blocks);
    if (!t || tables.has(t)) {
      main.push(...blocks);
      continue;
    }
    const first = blocks[0];
    tables.set(t, first && first.kind === 'paragraph' && TABLE_TITLE.test(first.text) ? blocks.slice(1) : blocks);
  }
  const out: Block[] = [];
  const seeSheet = (b: Block | undefined): TableId | null => {
    const m = b && b.kind === 'paragraph' ? SEE_SHEET.exec(b.text.trim()) : null;
    const named = m ? TABLE_TITLE.exec(m[1]!) : null;
    return named ? TABLE_OF_NUMERAL[named[1]!]! : null;
  };
  const pointed = new Set(main.map(seeSheet));
  let headed = false;
  for (const b of main) {
    // our export's pointer 「见工作表「表二」」 stands where the table belongs
    const pointer = seeSheet(b);
    if (pointer || (b.kind === 'paragraph' && SEE_SHEET.test(b.text.trim()))) {
      if (pointer && tables.has(pointer)) {
        out.push(...tables.get(pointer)!);
        tables.delete(pointer);
      }
      continue;
    }
    // 「机关名称」 or 「报告年度」 above the first heading with its value cell empty: the report had none
    if (!headed && b.kind === 'paragraph' && META_KEY.test(b.text)) continue;
    const m = metaOf(b);
    if (m) {
      Object.assign(meta, m);
      continue;
    }
    out.push(b);
    const h = b.kind === 'paragraph' ? headingIndex(b.text) : -1;
    headed ||= h >= 0;
    const t = (Object.keys(SECTION_OF) as TableId[]).find((x) => SECTION_OF[x] === h);
    if (t && tables.has(t) && !pointed.has(t)) {
      out.push(...tables.get(t)!);
      tables.delete(t);
    }
  }
  for (const [t, blocks] of [...tables].sort((a, b) => SECTION_OF[a[0]] - SECTION_OF[b[0]])) {
    const at = out.findIndex((b) => b.kind === 'paragraph' && headingIndex(b.text) > SECTION_OF[t]);
    const part: Block[] = [{ kind: 'paragraph', text: SECTIONS[SECTION_OF[t]]!.heading }, ...blocks];
    if (at < 0) out.push(...part);
    else out.splice(at, 0, ...part);
  }
  return out;
};

/** A workbook's sheets (from .xlsx or .xls) → report: the blocks, the 机关名称/报告年度 cells, our export's data part if any. */
export const readWorkbook = (sheets: readonly XlsxSheet[], kind: 'xlsx' | 'xls', marker: ReturnType<typeof markerInZip>): ImportResult => {
  const meta: WorkbookMeta = {};
  const blocks = workbookBlocks(sheets, meta);
  const r = readBlocks(blocks, kind);
  if (!r.ok) return r;
  const notes: ImportNote[] = [...r.notes];
  const cut = sheets.filter((s) => s.truncated).map((s) => `「${s.name}」`);
  if (cut.length) notes.push({ level: 'warning', message: `工作表${cut.join('、')}超出 ${MAX_SHEET_ROWS} 行或 ${MAX_SHEET_COLUMNS} 列的部分未读取` });
  // the 机关名称 and 报告年度 cells say it outright; the title is only read when they are missing
  const agency = meta.agency ?? r.report.agency;
  const year = meta.year ?? r.report.year;
  const named = meta.agency !== undefined;
  const visible: ImportResult = {
    ...r,
    report: { ...r.report, agency, year },
    notes: notes.filter((n) => !(named && n.message.includes('未找到报告标题')) && !(meta.year !== undefined && n.message.includes('报告年度'))),
  };
  // the 机关名称/报告年度 cells are visible content too: an edit there is an edit of the title
  const identityAgrees = (m: Report) => (meta.agency ?? m.agency.trim()) === m.agency.trim() && (meta.year ?? m.year) === m.year;
  return readOwnExport({ blocks, visible, marker, see: SAME_TEXT, identityAgrees, printsSignOff: false });
};

export const importXlsxZip = (zip: SafeZip): ImportResult => {
  try {
    return readWorkbook(xlsxSheets(zip), 'xlsx', markerInZip(zip));
  } catch (e) {
    return { ok: false, kind: 'xlsx', message: refusal(e, 'Excel 文件') };
  }
};
