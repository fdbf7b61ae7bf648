/**
 * The shared core of every foreign-file reader: paragraphs and table grids in reading order → a report
 * plus plain notes on what could not be read. Text, HTML, Word and Excel readers all reduce their source to
 * Blocks and call readBlocks, so a label variant learnt once is accepted everywhere.
 */
import { CELL_IDS, cellsOfTable, cellDef, TABLE_SHORT } from '../format/cells';
import { T3_COLUMNS, t3Row } from '../format/table3';
import { TABLE_IDS } from '../format/header-layout';
import { SECTIONS } from '../format/sections';
import { T4_GROUPS } from '../format/table4';
import type { CellId, NarrativeId, TableId } from '../format/types';
import { createReport, emptyCells, isBlankCell, type Cells, type SignOff } from '../report/document';
import { totalsDisagree } from '../report/totals';
import { cellArray, cellPositions } from '../report/cell-array';
import { IDENTITIES, type Identity } from '../format/identities';
import { allDigits, bare, canonicalText, memo } from './labels';
import { headingIndex, headingOf, looksLikeAgency, parseTitle, splitHeadingLead, yearFromPeriod } from './sections';
import { takeEndOfReport } from './sign-off';
import { isTableLabelText } from './table-labels';
import { mapT2, mapT3, mapT4, type Row, type TableRead } from './table-mapper';
import type { Block, ImportNote, ImportResult, ImportStats, SourceKind } from './types';
import { append } from './bounded';
import { preferCopyOrder } from './copy-order';

/** Of the six section headings, how many a file without any statutory table must have to be read as a report. */
const MIN_HEADINGS_WITHOUT_TABLES = 3;
/** Section index (0 = 一) → what its paragraphs are. */
const SECTION_TARGET: readonly (NarrativeId | TableId)[] = SECTIONS.map((s) => s.id);

/** Words that tell which statutory table a grid is, whatever section it stands in. */
const TABLE_MARKERS: Record<TableId, readonly string[]> = {
  t2: ['第二十条', '信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '本年制发件数'],
  t3: ['申请人情况', '自然人', '商业企业', '本年新收', '上年结转', '予以公开', '不予公开', '无法提供', '不予处理', '勾稽关系', '结转下年度'],
  t4: ['行政复议', '行政诉讼', '复议后起诉', '直接起诉', '结果维持', '结果纠正', '尚未审结'],
};

/**
 * A grid's text for finding its table's words: each cell of plain digits written 0. The words sought hold no digit,
 * and a run of digits stays a run, so what they match is the same; the text, no longer carrying a report's own
 * figures, recurs from report to report and is remembered (most of a table's cells are figures).
 */
const gridWords = memo((joined: string): string => bare(canonicalText(joined)), 4000, 500);
const figuresAsZero = (row: Row): string => {
  let s = '';
  for (const c of row) s += allDigits(c) ? '0' : c;
  return s;
};

export const classifyTable = (rows: readonly Row[]): TableId | null => {
  const text = gridWords(rows.map(figuresAsZero).join(''));
  let best: TableId | null = null;
  let bestScore = 0;
  for (const t of TABLE_IDS) {
    const score = TABLE_MARKERS[t].filter((k) => text.includes(k)).length;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
};

/** The statutory table a row opens, when a page puts several tables (and their headings) in one grid. */
const tableStartOf = (row: Row, heading: number): TableId | null => {
  if (heading >= 1 && heading <= 3) return SECTION_TARGET[heading] as TableId;
  // Every opening row holds one of these characters whatever its spacing or variant; the other rows
  // (most of a table) skip the normalisation, which dominates the CPU of a batch of text reports.
  if (!row.some((c) => /[第申勾钩复]/.test(c))) return null;
  const w = gridWords(figuresAsZero(row));
  if (w.startsWith('第二十条第一项')) return 't2';
  if (w.includes('申请人情况') || w.includes('勾稽关系')) return 't3';
  if (w.includes('行政复议') && w.includes('行政诉讼')) return 't4';
  return null;
};

/** Splits a grid that holds more than one statutory table at the rows that open each of them. */
export const splitGrid = (rows: readonly Row[]): { table: TableId | null; rows: Row[] }[] => {
  const parts: { table: TableId | null; rows: Row[] }[] = [{ table: null, rows: [] }];
  for (const row of rows) {
    const filled = row.filter((c) => c.trim() !== '');
    // the section a row alone in its grid opens (a heading inside the table), -1 for any other row
    const heading = filled.length === 1 ? headingIndex(filled[0]!) : -1;
    const start = tableStartOf(row, heading);
    const cur = parts[parts.length - 1]!;
    if (start && start !== cur.table && (cur.table !== null || cur.rows.some((r) => r.some((c) => c.trim() !== '')))) parts.push({ table: start, rows: [] });
    else if (start && cur.table === null) cur.table = start;
    if (heading < 0) parts[parts.length - 1]!.rows.push(row);
  }
  return parts.filter((p) => p.rows.length > 0);
};

/** The sum of the numbers at the given positions of values (blanks and money texts count nothing). */
const sum = (values: readonly unknown[], at: readonly number[]): number => {
  let n = 0;
  for (const k of at) {
    const v = values[k];
    if (typeof v === 'number') n += v;
  }
  return n;
};

const identityNote = (i: Identity, l: number, r: number): ImportNote => {
  const d = cellDef(i.lhs[0]!)!;
  if (i.code === 'T3-BALANCE') {
    const col = T3_COLUMNS.find((c) => c.id === d.column)!.label;
    return { level: 'warning', table: 't3', message: `表三 读取后「${col}」一列勾稽关系不成立（一 + 二 = ${l}，（七）总计 + 四 = ${r}），请核对` };
  }
  if (i.code === 'T3-COL-TOTAL') {
    const col = T3_COLUMNS.find((c) => c.id === d.column)!.label;
    return { level: 'warning', table: 't3', message: `表三 读取后「${col}」一列的（七）总计（${l}）与（一）至（六）各项之和（${r}）不符，请核对` };
  }
  if (i.code === 'T3-ROW-TOTAL') {
    const row = t3Row(d.row).shortLabel;
    return { level: 'warning', table: 't3', message: `表三 读取后「${row}」一行的总计（${l}）与各类申请人之和（${r}）不符，请核对` };
  }
  const g = T4_GROUPS.find((x) => x.id === d.row)!.label;
  return { level: 'warning', table: d.table, message: `${TABLE_SHORT[d.table]} 读取后「${g}」的总计（${l}）与各项之和（${r}）不符，请核对` };
};

/** Each identity's sides as positions in a CellArray (worked out once). */
const IDENTITY_PLAN = IDENTITIES.map((i) => ({ identity: i, lhs: cellPositions(i.lhs), rhs: cellPositions(i.rhs), all: cellPositions([...i.lhs, ...i.rhs]) }));

/** Identities checked on what was read: a failing one says the reading (or the source) must be checked. */
export const identityNotes = (cells: Cells, found: ReadonlySet<CellId>): ImportNote[] => {
  const out: ImportNote[] = [];
  const values = cellArray(cells);
  const read = CELL_IDS.map((id) => found.has(id));
  for (const { identity, lhs, rhs, all } of IDENTITY_PLAN) {
    if (!all.every((k) => read[k])) continue;
    if (all.every((k) => values[k] === null)) continue;
    const l = sum(values, lhs);
    const r = sum(values, rhs);
    if (l !== r) out.push(identityNote(identity, l, r));
  }
  return out;
};

const joinParas = (ps: readonly string[]): string =>
  ps
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join('\n');

/** A reader that failed on content it did not expect: what happened and what to do, the raw error in detail. */
export const UNREADABLE = '读取失败：文件内容的结构无法识别，可能已损坏或不是年度报告。请确认选择的文件是否正确，或把报告另存为 .docx 或 .txt 后再导入';

/** The raw text of an unexpected error, for support only (never shown alone). */
export const errorDetail = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export const readBlocks = (blocks: readonly Block[], kind: SourceKind): ImportResult => {
  try {
    return readBlocksUnsafe(blocks, kind);
  } catch (e) {
    // a reader never throws at the user
    return { ok: false, kind, message: UNREADABLE, detail: errorDetail(e) };
  }
};

/** What the walk through the blocks found: the title, each section's paragraphs and each table's rows. */
type Sorted = {
  /** The last section heading seen (0 for 一 … 5 for 六), -1 before the first. */
  section: number;
  headings: number;
  title: { agency: string; year: number } | null;
  readonly preamble: string[];
  readonly texts: Record<NarrativeId | TableId, string[]>;
  readonly rowsOf: Record<TableId, Row[]>;
  ignoredTables: number;
  tableLabelsLeftOut: number;
  /** Paragraphs of the page around the report: above its title, or another report's title. */
  furniture: number;
};

/** A paragraph: a heading opens its section, the title is taken once, the rest goes to the section it stands in. */
const sortParagraph = (s: Sorted, text: string): void => {
  const h = headingIndex(text);
  if (h > s.section) {
    s.section = h;
    s.headings++;
    return;
  }
  const lead = h < 0 ? splitHeadingLead(text) : null;
  if (lead && lead.index > s.section) {
    sortParagraph(s, lead.heading);
    sortParagraph(s, lead.rest);
    return;
  }
  if (s.section < 0) {
    // the page title and the heading often both carry the title: the first one counts, repeats are dropped
    const t = parseTitle(text);
    if (t) {
      if (!t.agency && s.preamble.length > 0 && looksLikeAgency(s.preamble[s.preamble.length - 1]!)) {
        // the title printed on two lines: 「新乡市人民政府办公室」 / 「2023年政府信息公开工作年度报告」
        s.title = s.title ?? {
          agency: s.preamble
            .pop()!
            .replace(/^[\s#*>]+/, '')
            .trim(),
          year: t.year,
        };
      } else s.title = s.title ?? t;
      // what stands above the report's title line (a page's menus, breadcrumb, publication data) is no part of it
      s.furniture += s.preamble.length;
      s.preamble.length = 0;
      return;
    }
  } else if (text.length <= 80 && parseTitle(text)?.agency) {
    // a report's title inside the report is a link to another one (「相关稿件：」 under the article)
    s.furniture++;
    return;
  }
  if (s.section < 0) s.preamble.push(text);
  // a table's own label beside it (a cell Word pushed out of the table) is not a note of the agency's
  else if (s.section >= 1 && s.section <= 3 && isTableLabelText(text)) s.tableLabelsLeftOut++;
  else s.texts[SECTION_TARGET[s.section]!].push(text);
};

/** A grid: split where it holds several statutory tables, each part appended to the table it is. */
const sortGrid = (s: Sorted, rows: readonly Row[], notes: ImportNote[]): void => {
  const all = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (all.length === 0) return;
  const parts = splitGrid(all);
  if (parts.length > 1) notes.push({ level: 'info', message: `一个表格中含有 ${parts.length} 张统计表，已分开读取` });
  for (const part of parts) {
    const bySection = s.section >= 1 && s.section <= 3 ? (SECTION_TARGET[s.section] as TableId) : null;
    // a grid outside 二、三、四 without the words of a statutory table (a page's metadata box, a list of links) is not one
    const t: TableId | null = (parts.length > 1 ? part.table : null) ?? classifyTable(part.rows) ?? bySection;
    if (!t) {
      // the title set in a table of its own (a page's title box, a Word cover laid out with a table)
      const title = s.section < 0 && !s.title ? part.rows.flat().find((c) => c.length <= 160 && parseTitle(c.trim())) : undefined;
      if (title) sortParagraph(s, title.trim());
      else s.ignoredTables++;
      continue;
    }
    append(s.rowsOf[t], part.rows);
  }
};

const sortBlocks = (blocks: readonly Block[], notes: ImportNote[]): Sorted => {
  const s: Sorted = {
    section: -1,
    headings: 0,
    title: null,
    preamble: [],
    texts: { overview: [], problems: [], other_matters: [], t2: [], t3: [], t4: [] },
    rowsOf: { t2: [], t3: [], t4: [] },
    ignoredTables: 0,
    tableLabelsLeftOut: 0,
    furniture: 0,
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const text = b.text.trim();
      if (text) sortParagraph(s, text);
    } else sortGrid(s, b.rows, notes);
  }
  return s;
};

/**
 * Each table's rows mapped onto its cells, with a note for a table missing or not understood. Only plain text can
 * come in a PDF copy's order: a file with real table cells (Word, Excel, a web page, a PDF's positions) is read
 * by its cells alone, so a report's own 总计 error is shown as that, never "repaired" by a reordering.
 */
const mapTables = (
  rowsOf: Record<TableId, Row[]>,
  notes: ImportNote[],
  kind: SourceKind,
): { reads: Record<TableId, TableRead>; cells: Cells; found: Set<CellId> } => {
  const read = <T extends TableId>(t: T, byLabels: TableRead): TableRead => (kind === 'text' ? preferCopyOrder(t, rowsOf[t], byLabels) : byLabels);
  const reads: Record<TableId, TableRead> = { t2: read('t2', mapT2(rowsOf.t2)), t3: read('t3', mapT3(rowsOf.t3)), t4: read('t4', mapT4(rowsOf.t4)) };
  const cells: Cells = emptyCells();
  const found = new Set<CellId>();
  for (const t of TABLE_IDS) {
    const r = reads[t];
    for (const [id, v] of r.values) cells[id] = v;
    for (const id of r.found) found.add(id);
    if (rowsOf[t].length === 0)
      notes.push({ level: 'error', table: t, message: `未找到${TABLE_SHORT[t]}（${headingOf(TABLE_IDS.indexOf(t) + 1).slice(2)}），该表各格留空` });
    else if (r.found.size === 0)
      notes.push({ level: 'error', table: t, message: `${TABLE_SHORT[t]}中没有读到任何能对应到统计格的行，该表各格留空，请核对原表` });
    notes.push(...r.notes);
  }
  notes.push(...identityNotes(cells, found));
  return { reads, cells, found };
};

/** The agency and year from the title, else the year from the statistical period 「…年1月1日至12月31日」. */
const agencyAndYear = (title: Sorted['title'], blocks: readonly Block[], notes: ImportNote[]): { agency: string; year: number | null } => {
  let year = title?.year ?? null;
  if (!title) notes.push({ level: 'warning', message: '未找到报告标题（「××× 20××年政府信息公开工作年度报告」），机关名称需手工填写' });
  else if (!title.agency) notes.push({ level: 'warning', message: '报告标题中没有机关名称，请手工填写' });
  if (year === null) {
    let periodYear: number | null = null;
    for (const b of blocks) {
      if (b.kind !== 'paragraph' || !/3\s*1\s*日/.test(b.text)) continue;
      periodYear = yearFromPeriod(b.text);
      if (periodYear !== null) break;
    }
    if (periodYear !== null) {
      year = periodYear;
      notes.push({ level: 'info', message: `报告年度取自统计期限：${year} 年` });
    }
  }
  if (year === null) notes.push({ level: 'warning', message: '未能确定报告年度，请手工填写' });
  return { agency: (title?.agency ?? '').trim(), year };
};

/** The three narratives, the 落款 and 版记 taken off the end of the last section. */
const narrativesOf = (s: Sorted, notes: ImportNote[]): { narratives: Record<NarrativeId, string>; signOff: SignOff | null } => {
  const lastTexts = s.section >= 0 ? s.texts[SECTION_TARGET[s.section]!] : null;
  const end = lastTexts ? takeEndOfReport(lastTexts) : null;
  if (lastTexts && end) lastTexts.splice(0, lastTexts.length, ...end.paragraphs);
  if (end?.signOff) notes.push({ level: 'info', message: `文末的落款已填入「落款」：${[end.signOff.agency, end.signOff.date].filter(Boolean).join('　')}` });
  if (end?.dropped.length) notes.push({ level: 'info', message: `文末的版记（抄送、印发等）不属于报告正文，未导入：${end.dropped.join('；')}` });
  const narratives: Record<NarrativeId, string> = {
    overview: joinParas([...s.preamble, ...s.texts.overview]),
    problems: joinParas(s.texts.problems),
    other_matters: joinParas(s.texts.other_matters),
  };
  if (s.preamble.length > 0) notes.push({ level: 'info', message: `标题与「一、总体情况」之间的 ${s.preamble.length} 段文字已放在「一、总体情况」开头` });
  for (const [id, idx] of [
    ['overview', 0],
    ['problems', 4],
    ['other_matters', 5],
  ] as const) {
    if (!narratives[id]) notes.push({ level: 'warning', message: `未读到「${headingOf(idx)}」的文字` });
  }
  return { narratives, signOff: end?.signOff ?? null };
};

const statsOf = (found: ReadonlySet<CellId>): ImportStats => ({
  found: Object.fromEntries(TABLE_IDS.map((t) => [t, cellsOfTable(t).filter((c) => found.has(c.id)).length])) as Record<TableId, number>,
  total: Object.fromEntries(TABLE_IDS.map((t) => [t, cellsOfTable(t).length])) as Record<TableId, number>,
});

/** Blocks → report in named steps: sort the blocks, map the tables, refuse what is no report, title, narratives. */
const readBlocksUnsafe = (blocks: readonly Block[], kind: SourceKind): ImportResult => {
  const notes: ImportNote[] = [];
  const sorted = sortBlocks(blocks, notes);
  const { reads, cells, found } = mapTables(sorted.rowsOf, notes, kind);

  // No statutory table and hardly any of the six headings: a README, a letter, a page about something else. Opening
  // it would replace the clerk's report with an empty one. (A published report whose tables are pictures still has
  // its headings: it opens, with its narratives, and the notes say the tables are missing.)
  // (a row label alone is no table: a README's 「（七）总计」 in a sentence gives a blank row, not a statistic)
  const { headings, title } = sorted;
  const anyNumber = [...found].some((id) => !isBlankCell(cells[id]));
  if (!anyNumber && headings < MIN_HEADINGS_WITHOUT_TABLES) {
    return {
      ok: false,
      kind,
      message: `这不是政府信息公开工作年度报告：文件中没有表二、表三、表四任何一张统计表${headings ? `，报告的六个部分标题也只找到 ${headings} 个` : title ? '，只有报告标题' : '，也没有找到报告标题和「一、总体情况」等部分标题'}。请选择年度报告文件（本程序的报告、Word、Excel、网页或复制的报告全文）`,
    };
  }

  const { agency, year } = agencyAndYear(title, blocks, notes);
  const { narratives, signOff } = narrativesOf(sorted, notes);
  if (sorted.tableLabelsLeftOut > 0)
    notes.push({
      level: 'info',
      message: `表格旁有 ${sorted.tableLabelsLeftOut} 段文字只是统计表自身的栏目名称（如「第二十条第（一）项」），不作为表后说明导入`,
    });
  if (sorted.furniture > 0)
    notes.push({ level: 'info', message: `网页上报告正文以外的 ${sorted.furniture} 段文字（标题上方的导航、发布信息，正文后其他报告的链接）未导入` });
  if (sorted.ignoredTables > 0) notes.push({ level: 'info', message: `另有 ${sorted.ignoredTables} 个表格不是统计表，未导入` });

  const formatEdition = TABLE_IDS.some((t) => reads[t].format2019) ? '2019' : '2021';
  const autoTotals = !totalsDisagree(cells);
  if (!autoTotals) notes.push({ level: 'info', message: '读到的总计与各项之和不一致，已关闭「合计自动计算」，以便看清差异' });

  const { texts } = sorted;
  const report = createReport({
    agency,
    year,
    cells,
    narratives,
    tableTexts: { t2: joinParas(texts.t2), t3: joinParas(texts.t3), t4: joinParas(texts.t4) },
    ...(signOff ? { signOff } : {}),
    settings: { autoTotals },
  });
  return { ok: true, kind, report, notes, stats: statsOf(found), formatEdition };
};
