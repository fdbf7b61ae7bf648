import { T3_COLUMNS, T3_ROWS } from '../../shared/format/table3';
import { T4_COLUMNS, T4_GROUPS } from '../../shared/format/table4';
import { createReport, computeTotals, type Report } from '../../shared/report';

/** A small deterministic PRNG so a failing property case can be replayed from its seed. */
export const rng = (seed: number) => {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
};

/** A random report in which every identity holds: parts drawn at random, totals and 一 derived. */
export const randomConsistentReport = (seed: number, year = 2024): Report => {
  const r = rng(seed);
  const cells: Record<string, number | string | null> = {};
  for (const row of T3_ROWS)
    for (const c of T3_COLUMNS) if (c.id !== 'total' && row.kind === 'result') cells[`t3.${row.id}.${c.id}`] = r(4) === 0 ? r(50) : r(3);
  for (const c of T3_COLUMNS) {
    if (c.id === 'total') continue;
    const carriedIn = r(5);
    const carriedOut = r(5);
    const results = T3_ROWS.filter((x) => x.kind === 'result').reduce((a, x) => a + (cells[`t3.${x.id}.${c.id}`] as number), 0);
    cells[`t3.carried_in.${c.id}`] = carriedIn;
    cells[`t3.carried_out.${c.id}`] = carriedOut;
    // 一 is chosen so that 一 + 二 = （七） + 四; add to the results if it would go negative
    const newApps = results + carriedOut - carriedIn;
    if (newApps < 0) cells[`t3.granted.${c.id}`] = (cells[`t3.granted.${c.id}`] as number) - newApps;
    cells[`t3.new.${c.id}`] = Math.max(newApps, 0);
  }
  for (const g of T4_GROUPS) for (const c of T4_COLUMNS) if (c.id !== 'total') cells[`t4.${g.id}.${c.id}`] = r(6);
  for (const row of ['rules', 'normative']) {
    cells[`t2.${row}.issued`] = r(30);
    cells[`t2.${row}.repealed`] = r(10);
    cells[`t2.${row}.effective`] = 30 + r(500);
  }
  for (const id of ['license', 'penalty', 'coercion']) cells[`t2.${id}.decisions`] = r(100000);
  cells['t2.fees.amount'] = `${r(100000)}.${String(r(1000000)).padStart(6, '0')}`.replace(/\.?0+$/, '') || '0';
  return createReport({
    agency: `测试机关${seed}`,
    year,
    cells: computeTotals(cells),
    narratives: { overview: `${year}年总体情况${seed}。`, problems: '存在问题。', other_matters: '未收取信息处理费。' },
    settings: { autoTotals: true },
  });
};

/**
 * Strings a clerk may legitimately type that trip exporters and readers: brackets and Latin letters in names,
 * markup and entities, runs of spaces, full-width and no-break spaces, tabs, emoji (with joiners and variation
 * selectors), CJK Extension B, combining marks, and lines that look like headings or the title. Only characters
 * XML 1.0 can hold: no C0 controls but tab and line feed, no lone surrogates, no U+FFFE/U+FFFF.
 */
const PIECES = [
  '政府信息公开',
  '主动公开',
  '依申请公开',
  '，',
  '。',
  '；',
  '：',
  '、',
  '“',
  '”',
  '（一）',
  '(2)',
  '第二十条',
  'ABC',
  'xyz',
  'GB/T 9704',
  '2024',
  '0',
  '123.45',
  '%',
  '<b>',
  '</b>',
  '&amp;',
  '&lt;',
  '&#38;',
  '<script>alert(1)</script>',
  '</script>',
  '<!--',
  '-->',
  ']]>',
  '"',
  "'",
  '\\',
  '{"a":1}',
  '_x000D_',
  '_x005F_',
  '  ',
  '   ',
  '\u3000',
  '\u3000\u3000',
  '\u00a0',
  '\u2003',
  '\t',
  '😀',
  '👨‍👩‍👧',
  '❤️',
  '🇨🇳',
  '𪚥',
  '𠀀',
  '𡃁',
  'é',
  'e\u0301',
  '\u200b',
  '·',
  '—',
  '…',
  '㊣',
  'Ⅻ',
  '①',
  '０１２',
  'ＡＢ',
];
const HOSTILE_LINES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '表二 主动公开政府信息情况',
  '某县人民政府2024年政府信息公开工作年度报告',
  '（一）主动公开情况',
  '（二）',
  '注：',
  '抄送：市政府办公室',
  '0',
  '1.',
  '—',
];

const randomLine = (r: (n: number) => number, maxPieces: number): string => {
  if (r(12) === 0) return HOSTILE_LINES[r(HOSTILE_LINES.length)]!;
  const n = 1 + r(maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[r(PIECES.length)]!;
  return s;
};

/** A narrative: a few lines (some blank, some padded), now and then one of 30,000 characters. */
const randomText = (r: (n: number) => number, long: boolean): string => {
  if (r(6) === 0) return '';
  const lines: string[] = [];
  const n = 1 + r(5);
  for (let i = 0; i < n; i++) lines.push(r(10) === 0 ? '' : randomLine(r, 12));
  if (long) {
    let big = '';
    while (big.length < 30_000) big += randomLine(r, 40);
    lines.splice(r(lines.length + 1), 0, big.slice(0, 30_000).replace(/[\uD800-\uDBFF]$/, 'x'));
  }
  return lines.join(r(5) === 0 ? '\r\n' : '\n');
};

const AGENCY_PARTS = [
  '某县',
  '公安局',
  '（试点）',
  '(试点)',
  '人民政府',
  '办公室',
  'ABC',
  '3',
  '2024',
  '第二',
  '·',
  '—',
  '𪚥',
  '😀',
  '&amp;',
  '<b>',
  ' ',
  '中心',
  '【',
  '】',
  'Ltd.',
  '委员会',
];

const randomAgency = (r: (n: number) => number): string => {
  if (r(20) === 0) return '';
  const n = 1 + r(6);
  let s = '';
  for (let i = 0; i < n; i++) s += AGENCY_PARTS[r(AGENCY_PARTS.length)]!;
  return s;
};

const YEARS = [2000, 2001, 2019, 2020, 2023, 2024, 2025, 2099, 2100];

/**
 * Any report restore() accepts, made hostile: names with brackets and digits, years from 2000 to 2100 or none,
 * blank cells, totals that disagree, amounts with up to 6 decimals, and the strings above in every text.
 */
export const randomValidReport = (seed: number): Report => {
  const r = rng(seed * 2654435761);
  const base = randomConsistentReport(seed, 2024);
  const cells: Record<string, number | string | null> = { ...base.cells };
  for (const id of Object.keys(cells)) {
    const k = r(40);
    if (k === 0) cells[id] = null;
    else if (k === 1 && typeof cells[id] === 'number') cells[id] = r(3) === 0 ? 99_999_999 : r(1000);
  }
  const money = ['0', '0.000001', '5949.1', '123456789.123456', '1', '100', '0.5'];
  cells['t2.fees.amount'] = r(3) === 0 ? money[r(money.length)]! : cells['t2.fees.amount']!;
  const long = r(15) === 0;
  return createReport({
    agency: randomAgency(r),
    year: r(10) === 0 ? null : YEARS[r(YEARS.length)]!,
    cells,
    narratives: { overview: randomText(r, long), problems: randomText(r, false), other_matters: randomText(r, false) },
    tableTexts: { t2: r(2) ? randomText(r, false) : '', t3: r(3) ? '' : randomText(r, false), t4: r(3) ? '' : randomText(r, false) },
    signOff:
      r(3) === 0
        ? { agency: '', date: '' }
        : { agency: r(4) ? randomAgency(r) : '', date: ['2025年1月20日', '二〇二五年一月二十日', '', ' 2025年1月9日 ', randomLine(r, 3)][r(5)]! },
    settings: { autoTotals: false },
  });
};
