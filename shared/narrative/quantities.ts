/**
 * The table quantities a narrative talks about, as data: which cells make them (ids and labels come
 * from shared/format, never respelled here), and the phrasings offices attach to their numbers.
 *
 * A phrasing (`lead`) is matched against the clause text right before a number and must end where
 * the number starts (only fillers like 「的」「共」「为」 between), so 「予以公开 162 件」 ties 162 to
 * 予以公开 but 「发布信息 6988 条」 ties 6988 to nothing.
 */
import type { CellId } from '../format/types';
import { T2_BLOCKS } from '../format/table2';
import { T3_COLUMNS, T3_GROUPS, T3_GROUP_SHORT, T3_ROWS, T3_TOTAL_COLUMN, t3Row, type T3GroupKey, type T3RowId } from '../format/table3';
import { T4_COLUMNS, T4_GROUPS, T4_REVIEW_HEADER, T4_SUIT_HEADER, T4_TOTAL_COLUMN, type T4GroupId } from '../format/table4';
import { cellLabel, t2, t3, t4 } from '../format/cells';
import { countValue, isBlankCell, type Cells } from '../report/document';

/** What a sentence must be about for the phrasing to count. */
export type Topic = 'application' | 't2' | 't4';

/** Subjects a phrasing may depend on (「规章制发 1 部、现行有效 2 部」: 2 is 规章's because 规章 is the subject). */
export type SubjectFamily = 't2' | 't4';

export type Quantity = {
  /** Stable key: 't3.new', 't3.group.withheld', 't3.row.withheld_secret', 't2.normative.issued', 't4.review.upheld', 't4.suit.total' … */
  readonly key: string;
  /** Finding code, always NARR-…. */
  readonly code: string;
  /** What the quantity is, in the format's words. */
  readonly label: string;
  /** The table cells summed to give the quantity's value. */
  readonly cells: readonly CellId[];
  readonly unit: 'count' | 'money';
  readonly topic: Topic;
  /** Phrasing before the number, anchored at the number (see FILL). */
  readonly lead: RegExp;
  /** The subject the clause must be about (t2: 'rules' | 'normative'; t4: a group id or 'suit'). */
  readonly subject?: { readonly family: SubjectFamily; readonly id: string };
  /** The 表三 rows summed (for the 「与自然人一列相同」 explanation). */
  readonly t3Rows?: readonly T3RowId[];
  /** For a sub-item of 表三: its group, and its phrasing anywhere in a clause (「因不掌握相关信息无法提供 21 件」 is the sub-item's). */
  readonly group?: T3GroupKey;
  readonly words?: RegExp;
  /** For groups named together (「予以公开及部分公开」): the quantities of the groups named. */
  readonly parts?: readonly Quantity[];
};

/** Fillers allowed between a keyword and its number: 「予以公开的申请共 162 件」. */
const FILL = '(?:的|之)?(?:政府信息公开)?(?:申请|案件|案|事项)?(?:数量|件数|数)?(?:共|共计|合计|总计|累计|计|为|有|达|是|了)*\\s*$';
const lead = (src: string): RegExp => new RegExp(`(?:${src})${FILL}`);

const T3_TOTAL = T3_TOTAL_COLUMN;
const groupRows = (g: T3GroupKey): T3RowId[] => T3_ROWS.filter((r) => r.kind === 'result' && r.group === g).map((r) => r.id);
const rowLabel = (id: T3RowId): string => t3Row(id).label;
const shortGroup = (g: T3GroupKey): string => T3_GROUP_SHORT[g];

/** Phrasings of each 表三 outcome group (the label itself is the main one: 「予以公开」「不予公开」…). */
const GROUP_LEADS: Record<Exclude<T3GroupKey, 'total'>, string> = {
  granted: '(?<!部分)(?<!不)(?<!不予)(?:予以公开|同意公开|准予公开|全部公开|予以全部公开|全部予以公开)',
  partial: '部分(?:予以|同意)?公开',
  withheld: '不予(?:以)?公开',
  unavailable: '无法提供(?:政府信息)?',
  declined: '不予(?:以)?处理',
  other: '其他处理',
};

/** Phrasings of the sub-items offices quote by name (「不掌握相关信息 21 件」); 「3.其他」 has none that is safe. */
const ROW_LEADS: Partial<Record<T3RowId, string>> = {
  withheld_secret: '(?:属于)?国家秘密',
  withheld_law: '法律行政法规禁止公开',
  withheld_safety: '危及[“"]?三安全一稳定[”"]?',
  withheld_third_party: '第三方合法权益',
  withheld_internal: '(?:三类)?内部事务(?:信息)?',
  withheld_process: '(?:四类)?过程性信息',
  withheld_enforcement: '行政执法案卷(?:信息)?',
  withheld_query: '行政查询事项',
  unavailable_not_held: '不掌握(?:相关)?(?:的)?(?:政府)?信息|不属于本(?:行政)?机关(?:所)?掌握(?:的)?(?:政府)?信息|信息不存在',
  unavailable_needs_creation: '另行制作',
  unavailable_unclear: '(?:补正后)?(?:申请)?内容仍?不明确',
  declined_petition: '信访举报投诉(?:类)?|投诉举报类',
  declined_repeat: '重复申请',
  declined_publication: '公开出版物',
  declined_mass: '大量反复申请',
  declined_confirm: '确认或重新出具(?:已获取)?(?:的)?信息',
  other_no_supplement: '逾期不补正',
  other_no_fee: '逾期未(?:按收费通知要求)?缴纳(?:信息处理)?费(?:用)?',
};

const codeOf = (s: string) => `NARR-${s.toUpperCase().replace(/_/g, '-')}`;

const t3Quantities = (): Quantity[] => {
  const out: Quantity[] = [];
  const row = (key: string, code: string, label: string, rows: T3RowId[], src: string): Quantity => ({
    key,
    code,
    label,
    cells: rows.map((r) => t3(r, T3_TOTAL)),
    unit: 'count',
    topic: 'application',
    lead: lead(src),
    t3Rows: rows,
  });
  // 一: 「受理/收到/新收…（政府信息）公开申请 N 件」「收到申请 N 件」「受理依申请公开 N 件」: the verb in the clause, the object a 公开 申请.
  out.push(
    row(
      't3.new',
      'NARR-NEW',
      rowLabel('new'),
      ['new'],
      '(?<![征税回验吸没查秋])(?:受理|收到|新收|接收|接到|办理|收)(?:了)?(?:(?:[^结]{0,14}?公开(?:的)?)?申请|[^结]{0,16}?依申请公开)',
    ),
  );
  out.push(row('t3.carried_in', 'NARR-CARRIED-IN', rowLabel('carried_in'), ['carried_in'], '上(?:一)?年(?:度)?(?:未办结)?结转(?:下来)?(?:的)?(?:申请)?'));
  out.push(row('t3.total', 'NARR-CONCLUDED', `办结（${T3_GROUPS.total}）`, ['total'], '(?<!未)(?:办结|办理完毕|处理完毕|办理完成|答复完毕)(?:了)?'));
  out.push(
    row(
      't3.carried_out',
      'NARR-CARRIED-OUT',
      rowLabel('carried_out'),
      ['carried_out'],
      '(?:结转(?:至|到|入)?|转入|延期至|顺延至|留转)下(?:一)?年(?:度)?(?:继续)?(?:办理|处理|答复)?',
    ),
  );
  for (const g of Object.keys(GROUP_LEADS) as Exclude<T3GroupKey, 'total'>[]) {
    const rows = g === 'granted' || g === 'partial' ? [g] : groupRows(g);
    out.push(row(`t3.group.${g}`, codeOf(g), shortGroup(g), rows, GROUP_LEADS[g]));
  }
  // Object.entries widens keys to string; the keys are those of the typed record above.
  for (const [id, src] of Object.entries(ROW_LEADS) as [T3RowId, string][]) {
    const r = t3Row(id);
    out.push({
      ...row(`t3.row.${id}`, codeOf(id), `${shortGroup(r.group as T3GroupKey)}·${r.label}`, [id], src),
      group: r.group as T3GroupKey,
      words: new RegExp(src),
    });
  }
  return out;
};

/** 表二 subjects: the first block's rows (规章, 行政规范性文件). 「规章制度」 is not 规章. */
export const T2_SUBJECTS: readonly { readonly id: string; readonly re: RegExp }[] = [
  { id: 'rules', re: /规章(?!制度)/g },
  { id: 'normative', re: /规范性文件/g },
];

const T2_COLUMN_LEADS: Record<string, string> = {
  issued: '(?:制发|印发|出台|新制定|制定)(?:了)?(?:的)?(?:政府|行政)?(?:规章|规范性文件)?',
  repealed: '(?:废止|废除|宣布失效|清理废止)(?:了)?(?:的)?(?:政府|行政)?(?:规章|规范性文件)?',
  effective: '现行有效(?:的)?(?:政府|行政)?(?:规章|规范性文件)?',
};

/** 表二 decisions and fees: only with 「决定」/「收费」 attached — 「公开行政处罚信息 N 条」 is not 处理决定数量. */
const T2_ROW_LEADS: Record<string, string> = {
  license: '(?:行政许可)(?:处理)?决定(?:书)?',
  penalty: '(?:行政处罚)(?:处理)?决定(?:书)?',
  coercion: '(?:行政强制)(?:处理)?决定(?:书)?',
  fees: '(?:行政事业性收费|收费金额)(?:金额|总额|总计)?',
};

const t2Quantities = (): Quantity[] => {
  const out: Quantity[] = [];
  const [docs, ...rest] = T2_BLOCKS;
  for (const r of docs!.rows)
    for (const c of docs!.columns)
      out.push({
        key: `t2.${r.id}.${c.id}`,
        code: codeOf(`${r.id}_${c.id}`),
        label: `${r.label}${c.label}`,
        cells: [t2(r.id, c.id)],
        unit: 'count',
        topic: 't2',
        lead: lead(T2_COLUMN_LEADS[c.id]!),
        subject: { family: 't2', id: r.id },
      });
  for (const b of rest)
    for (const r of b.rows)
      out.push({
        key: `t2.${r.id}.${b.columns[0]!.id}`,
        code: codeOf(r.id === 'fees' ? 'fees_amount' : r.id),
        label: `${r.label}${b.columns[0]!.label}`,
        cells: [t2(r.id, b.columns[0]!.id)],
        unit: b.unit,
        topic: 't2',
        lead: lead(T2_ROW_LEADS[r.id]!),
      });
  return out;
};

/**
 * 表四 subjects. 「行政诉讼」 alone means both kinds of suit (未经复议直接起诉 + 复议后起诉).
 * Order matters only for ties; the subject nearest before the number wins.
 */
export const T4_SUBJECTS: readonly { readonly id: string; readonly re: RegExp }[] = [
  { id: 'suit_direct', re: /直接(?:提起)?(?:行政)?(?:起诉|诉讼)/g },
  { id: 'suit_after_review', re: /复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/g },
  { id: 'suit', re: /行政诉讼|(?<!直接|复议后)(?:被)?起诉/g },
  { id: 'review', re: /行政复议|(?<!经|未经)复议(?!后)/g },
];

const SUIT_GROUPS = T4_GROUPS.filter((g) => g.suit).map((g) => g.id);
const T4_COLUMN_LEADS: Record<string, string> = {
  upheld: '(?:结果)?(?:被)?维持(?:原)?(?:行政行为|决定|答复)?',
  corrected: '(?:结果)?(?:被)?纠正',
  other: '其他结果',
  pending: '(?:尚未审结|未审结|正在审理|尚在审理)',
};
const T4_SUBJECT_LEADS: Record<string, string> = {
  review: '行政复议',
  suit: '行政诉讼|起诉',
  suit_direct: '直接(?:提起)?(?:行政)?(?:起诉|诉讼)',
  suit_after_review: '复议后(?:提起)?(?:行政)?(?:起诉|诉讼)',
};

const t4Quantities = (): Quantity[] => {
  const out: Quantity[] = [];
  const subjects: { id: string; groups: readonly T4GroupId[]; label: string }[] = [
    { id: 'review', groups: ['review'], label: T4_REVIEW_HEADER },
    { id: 'suit', groups: SUIT_GROUPS, label: T4_SUIT_HEADER },
    ...T4_GROUPS.filter((g) => g.suit).map((g) => ({ id: g.id, groups: [g.id], label: `${T4_SUIT_HEADER}·${g.label}` })),
  ];
  for (const s of subjects)
    for (const c of T4_COLUMNS) {
      const isTotal = c.id === T4_TOTAL_COLUMN;
      out.push({
        key: `t4.${s.id}.${c.id}`,
        code: codeOf(isTotal ? s.id : `${s.id}_${c.id}`),
        label: isTotal ? s.label : `${s.label}${c.label}`,
        cells: s.groups.map((g) => t4(g, c.id)),
        unit: 'count',
        topic: 't4',
        lead: lead(isTotal ? `(?:${T4_SUBJECT_LEADS[s.id]})(?:案件|案)?` : T4_COLUMN_LEADS[c.id]!),
        subject: { family: 't4', id: s.id },
      });
    }
  return out;
};

export const QUANTITIES: readonly Quantity[] = [...t3Quantities(), ...t2Quantities(), ...t4Quantities()];
export const quantity = (key: string): Quantity => {
  const q = QUANTITIES.find((x) => x.key === key);
  if (!q) throw new Error(`unknown quantity ${key}`);
  return q;
};

/** The 表三 outcome groups a 办结 total is the sum of, in the format's order. */
export const OUTCOME_GROUP_KEYS: readonly string[] = Object.keys(GROUP_LEADS).map((g) => `t3.group.${g}`);

/** 表三's applicant columns (every column but 总计). */
export const PART_COLUMNS = T3_COLUMNS.filter((c) => c.id !== T3_TOTAL);
/** Each 表三 row's 总计 cell, and each 总计 cell with the applicant cells of its row. */
const T3_TOTAL_OF = new Map<T3RowId, CellId>(T3_ROWS.map((r) => [r.id, t3(r.id, T3_TOTAL)]));

const T3_PARTS_OF_TOTAL = new Map<CellId, readonly CellId[]>(T3_ROWS.map((r) => [t3(r.id, T3_TOTAL), PART_COLUMNS.map((c) => t3(r.id, c.id))]));

/**
 * A cell's value for comparing with the text, null when blank. A blank 表三 总计 with applicant columns
 * filled (the 2019 试行 tables often printed only the columns) is their sum, and `fromParts` says so.
 */
export const cellForText = (cells: Cells, id: CellId): { readonly value: number; readonly fromParts: boolean } | null => {
  if (!isBlankCell(cells[id])) return { value: countValue(cells[id]), fromParts: false };
  const partIds = T3_PARTS_OF_TOTAL.get(id);
  if (!partIds) return null;
  const parts = partIds.map((p) => cells[p]);
  return parts.every(isBlankCell) ? null : { value: parts.reduce<number>((a, v) => a + countValue(v), 0), fromParts: true };
};

/** The sum of cells as the text is compared with it; null when every one is blank. */
export const sumForText = (cells: Cells, ids: readonly CellId[]): { readonly value: number; readonly fromParts: boolean } | null => {
  let value = 0;
  let fromParts = false;
  let any = false;
  for (const id of ids) {
    const v = cellForText(cells, id);
    if (!v) continue;
    any = true;
    value += v.value;
    fromParts ||= v.fromParts;
  }
  return any ? { value, fromParts } : null;
};
const rowTotal = (cells: Cells, row: T3RowId): number => cellForText(cells, T3_TOTAL_OF.get(row)!)?.value ?? 0;

/** The quantity's table value, or null when every cell is blank (nothing to compare with). */
export const tableCount = (q: Quantity, cells: Cells): number | null => sumForText(cells, q.cells)?.value ?? null;

/** How the quantity's cells are named in a message: one cell by its label, a group as 「… 各项之和」. */
export const tableRef = (q: Quantity): string =>
  q.cells.length === 1 ? cellLabel(q.cells[0]!) : `${q.topic === 't4' ? '表四' : q.topic === 't2' ? '表二' : '表三'} ${q.label}（${q.cells.length} 项合计）`;

/** The quantity's name for prose: 「本年新收政府信息公开申请数量」, 「不予公开」 (no 一、/（三） numbering); made once per label. */
const plainLabels = new Map<string, string>();
export const plainLabel = (q: Quantity): string => {
  let plain = plainLabels.get(q.label);
  if (plain === undefined) plainLabels.set(q.label, (plain = q.label.replace(/^[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）/g, '')));
  return plain;
};

/**
 * Values that are also right for a phrasing: 「共受理…申请 N 件」 may count 上年结转 too; 「办理」 may mean 办结;
 * 「收办」 counts 一 + 二 (compared with that) but 一 alone is accepted as well.
 */
export const acceptedAlternatives = (q: Quantity, verb: string, cells: Cells): number[] => {
  if (q.key !== 't3.new') return [];
  const nw = rowTotal(cells, 'new');
  const ci = rowTotal(cells, 'carried_in');
  if (/^收办/.test(verb)) return [nw];
  if (/受理|办理/.test(verb)) return /办理/.test(verb) ? [nw + ci, rowTotal(cells, 'total')] : [nw + ci];
  return [];
};

/**
 * 「予以公开及部分公开 258 件」「不予公开和无法提供 30 件」: groups named together with 及/和/与 before one
 * number are compared with their sum. Returns the combined quantity, or null when only one group is named.
 */
const JOINER = '(?:及|和|与|以及|或)';
const GROUP_BEFORE = Object.fromEntries(
  (Object.keys(GROUP_LEADS) as Exclude<T3GroupKey, 'total'>[]).map((g) => [g, new RegExp(`(?:${GROUP_LEADS[g]})(?:的)?(?:申请)?${JOINER}\\s*$`)]),
) as Record<Exclude<T3GroupKey, 'total'>, RegExp>;

/** What a group named before another ends with (after any spaces): the last character of JOINER. */
const JOINER_END = /[及和与或]$/;

export const combinedGroups = (last: Quantity, before: string): Quantity | null => {
  if (!last.key.startsWith('t3.group.')) return null;
  if (!JOINER_END.test(before.trimEnd())) return null; // no group can be named before: every GROUP_BEFORE ends in JOINER\s*$
  const named = [last.key.slice('t3.group.'.length) as Exclude<T3GroupKey, 'total'>];
  let rest = before;
  for (;;) {
    const hit = (Object.keys(GROUP_BEFORE) as Exclude<T3GroupKey, 'total'>[]).find((g) => !named.includes(g) && GROUP_BEFORE[g].test(rest));
    if (!hit) break;
    named.unshift(hit);
    rest = rest.replace(GROUP_BEFORE[hit], '');
  }
  if (named.length < 2) return null;
  const order = Object.keys(GROUP_LEADS);
  named.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const parts = named.map((g) => quantity(`t3.group.${g}`));
  return {
    ...last,
    key: `t3.groups.${named.join('+')}`,
    code: 'NARR-GROUPS',
    label: parts.map(plainLabel).join('及'),
    cells: parts.flatMap((p) => p.cells),
    t3Rows: parts.flatMap((p) => p.t3Rows ?? []),
    parts,
  };
};
