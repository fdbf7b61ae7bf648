/**
 * Our own exports read back exactly. A .docx/.xlsx/.html we wrote carries the report as data beside what it
 * prints (shared/report/export-marker.ts). That data is trusted only where it agrees with what the file shows
 * now: a clerk may have edited the exported file before opening it again. Part by part — the title (agency and
 * year), each table's cells, each narrative, each table's notes — the visible content is compared with what the
 * data would print; where they agree the data is taken (blank cells stay blank, every space and character of a
 * text comes back), where they differ the visible content is taken and a note names the parts. If the section
 * headings themselves were changed, the data is not used at all.
 */
import type { NarrativeId, TableId } from '../format/types';
import { CELL_IDS, TABLE_SHORT, cellDef } from '../format/cells';
import { SECTIONS, reportTitle } from '../format/sections';
import { TABLE_IDS } from '../format/header-layout';
import { exportedValue, paragraphsOf } from '../export/content';
import { MARKER_ATTRIBUTE, MARKER_NAMESPACE, readExportMarker } from '../report/export-marker';
import { type Cells, type CellValue, type Report, createReport } from '../report/document';
import { normaliseMoney, isMoneyString } from '../report/money';
import { totalsDisagree } from '../report/totals';
import type { Block, ImportNote, ImportResult } from './types';
import { takeEndOfReport } from './sign-off';
import { attr, parseXml } from './xml';
import type { SafeZip } from './zip';
import { decodeXmlBytes } from './zip';

/** The report data in a .docx/.xlsx of ours (customXml/item1.xml in our namespace), or null. */
export const markerInZip = (zip: SafeZip): Report | null => {
  for (const name of zip.names) {
    if (!/^customXml\/item\d+\.xml$/.test(name)) continue;
    const root = parseXml(decodeXmlBytes(zip.read(name)), name).documentElement;
    if (root && root.localName === 'report' && attr(root, 'xmlns') === MARKER_NAMESPACE) return readExportMarker(root.textContent ?? '');
  }
  return null;
};

/** The report data in an HTML page of ours (<script type="application/json" data-disclosure-report>), or null; a linear scan. */
export const markerInHtml = (html: string): Report | null => {
  const lower = html.toLowerCase();
  for (let at = lower.indexOf('<script'); at >= 0; at = lower.indexOf('<script', at + 7)) {
    const open = lower.indexOf('>', at);
    if (open < 0) return null;
    const tag = lower.slice(at, open);
    if (!tag.includes(MARKER_ATTRIBUTE) || !tag.includes('application/json')) continue;
    const close = lower.indexOf('</script', open);
    return close < 0 ? null : readExportMarker(html.slice(open + 1, close));
  }
  return null;
};

/**
 * How a format's reader sees a paragraph: what two texts must share to look the same in the file. Word and
 * Excel keep every character; a web page shows runs of white space as one.
 */
export type Visible = (text: string) => string;
export const SAME_TEXT: Visible = (s) => s;
export const COLLAPSED_SPACES: Visible = (s) => s.replace(/\s+/g, ' ').trim();

const TABLE_OF_SECTION = new Map(SECTIONS.flatMap((s, i) => (s.kind === 'table' ? [[i, s.id] as const] : [])));

/** The text the report holds under section i (a narrative, or a table's notes). */
const textOf = (r: Report, i: number): string => {
  const s = SECTIONS[i]!;
  return s.kind === 'narrative' ? r.narratives[s.id] : r.tableTexts[s.id];
};

/** Where each section's heading stands: where the data says it should if it is there, else the next one found. */
const headingPositions = (blocks: readonly Block[], marker: Report, see: Visible): number[] | null => {
  const starts: number[] = [];
  let pos = 0;
  for (let i = 0; i < SECTIONS.length; i++) {
    const heading = see(SECTIONS[i]!.heading);
    const isHeading = (j: number) => {
      const b = blocks[j];
      return b !== undefined && b.kind === 'paragraph' && see(b.text) === heading;
    };
    const prev = i - 1;
    const expected = prev < 0 ? -1 : starts[prev]! + 1 + (TABLE_OF_SECTION.has(prev) ? 1 : 0) + paragraphsOf(textOf(marker, prev)).length;
    let at = expected >= pos && isHeading(expected) ? expected : -1;
    for (let j = pos; at < 0 && j < blocks.length; j++) if (isHeading(j)) at = j;
    if (at < 0) return null;
    starts.push(at);
    pos = at + 1;
  }
  return starts;
};

/** Every cell with what comparing it needs, made once (the comparison runs over all 200 cells of every file of ours). */
const CELL_PLAN = CELL_IDS.map((id) => {
  const def = cellDef(id)!;
  return { id, table: def.table, money: def.unit === 'money' };
});

const sameValue = (visible: CellValue, printed: number | string, money: boolean): boolean => {
  if (visible === null) return false;
  if (!money) return visible === printed;
  const [a, b] = [String(visible), String(printed)];
  return isMoneyString(a) && isMoneyString(b) ? normaliseMoney(a) === normaliseMoney(b) : a === b;
};

export type OwnExportInput = {
  readonly blocks: readonly Block[];
  /** What the format's reader made of the blocks (the visible content as any file would be read). */
  readonly visible: ImportResult;
  readonly marker: Report | null;
  readonly see: Visible;
  /** Whether the file shows the same agency and year elsewhere than in its title (Excel's 机关名称/报告年度 cells). */
  readonly identityAgrees?: (marker: Report) => boolean;
  /** Whether the format prints the 落款 after the last section (Word and HTML do; the workbook keeps it only as data). */
  readonly printsSignOff: boolean;
};

/** The 落款 lines as the exports print them. */
const signOffLines = (r: Report): string[] => [r.signOff.agency.trim(), r.signOff.date.trim()].filter((l) => l !== '');

const NOTE_EXACT = '这是本程序导出的文件：已按导出时保存在文件中的数据完整读取（与文件中显示的内容一致）';

export const readOwnExport = ({ blocks, visible, marker, see, identityAgrees, printsSignOff }: OwnExportInput): ImportResult => {
  if (!marker || !visible.ok) return visible;
  const starts = headingPositions(blocks, marker, see);
  if (!starts) {
    const note: ImportNote = { level: 'warning', message: '文件中保存有本程序导出时的数据，但章节标题在导出后有改动，已全部按文件中显示的内容读取，请核对' };
    return { ...visible, notes: [note, ...visible.notes] };
  }
  const changed: string[] = [];

  // the title: the agency and the year, in one line or two (where the line breaks is all that may differ)
  const shown = blocks
    .slice(0, starts[0])
    .flatMap((b) => (b.kind === 'paragraph' ? b.text.split('\n') : []))
    .join('');
  const titleAgrees = see(shown) === see(reportTitle(marker.agency, marker.year)) && (identityAgrees?.(marker) ?? true);
  if (!titleAgrees) changed.push('报告标题（机关名称、年度）');

  // the cells, table by table
  const cells: Cells = { ...visible.report.cells };
  const changedTables = new Set<TableId>();
  const changedCells = new Map<TableId, number>();
  const shownCells = visible.report.cells;
  const markerCells = marker.cells;
  for (const { id, table, money } of CELL_PLAN) {
    const kept = markerCells[id];
    if (sameValue(shownCells[id] ?? null, exportedValue(kept), money)) cells[id] = kept ?? null;
    else {
      changedTables.add(table);
      changedCells.set(table, (changedCells.get(table) ?? 0) + 1);
    }
  }
  for (const [t, n] of changedCells) changed.push(`${TABLE_SHORT[t]} ${n} 格`);

  // the texts, section by section, paragraph by paragraph; the 落款 follows the last section
  let signOff = marker.signOff;
  const texts = SECTIONS.map((s, i) => {
    const last = i + 1 === starts.length;
    const paras = blocks.slice(starts[i]! + 1, last ? blocks.length : starts[i + 1]).flatMap((b) => (b.kind === 'paragraph' ? [b.text.trim()] : []));
    const want = [...paragraphsOf(textOf(marker, i)), ...(last && printsSignOff ? signOffLines(marker) : [])];
    const agrees = paras.length === want.length && paras.every((p, k) => see(p) === see(want[k]!));
    if (agrees) return textOf(marker, i);
    const what = s.kind === 'narrative' ? `「${s.heading}」的文字` : `${TABLE_SHORT[s.id]}的表后说明`;
    if (!last || !printsSignOff) {
      changed.push(what);
      return paras.join('\n');
    }
    changed.push(`${what}或落款`);
    const end = takeEndOfReport(paras);
    signOff = end.signOff ?? { agency: '', date: '' };
    return end.paragraphs.join('\n');
  });
  const narratives = Object.fromEntries(SECTIONS.flatMap((s, i) => (s.kind === 'narrative' ? [[s.id, texts[i]!]] : []))) as Record<NarrativeId, string>;
  const tableTexts = Object.fromEntries(SECTIONS.flatMap((s, i) => (s.kind === 'table' ? [[s.id, texts[i]!]] : []))) as Record<TableId, string>;

  const report = createReport({
    agency: titleAgrees ? marker.agency : visible.report.agency,
    year: titleAgrees ? marker.year : visible.report.year,
    cells,
    narratives,
    tableTexts,
    signOff,
    settings: { autoTotals: !totalsDisagree(cells) },
  });
  const notes: ImportNote[] = changed.length
    ? [
        { level: 'warning', message: `文件中保存有本程序导出时的数据，但以下内容在导出后有改动，已按文件中显示的内容读取：${changed.join('、')}` },
        ...visible.notes.filter((n) => n.level !== 'info' && n.table !== undefined && changedTables.has(n.table)),
      ]
    : [{ level: 'info', message: NOTE_EXACT }];
  const found = { ...visible.stats.found };
  for (const t of TABLE_IDS) if (!changedTables.has(t)) found[t] = visible.stats.total[t];
  return { ...visible, report, notes, stats: { ...visible.stats, found }, formatEdition: '2021' as const };
};
