import type { CellId } from '../../shared/format/types';
import { describe, expect, it } from 'vitest';
import { COMPLETENESS_CODES } from '../../shared/narrative/completeness';
import { findNumbers } from '../../shared/narrative/numbers';
import { quantity } from '../../shared/narrative/quantities';
import { readStatements } from '../../shared/narrative/statements';
import { createReport, type Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { randomConsistentReport, rng } from '../helpers/random-report';

const CN = '零一二三四五六七八九';
/** 12 → 十二, 105 → 一百零五, 1010 → 一千零一十 (below 10000). */
const cn = (n: number): string => {
  if (n === 0) return '零';
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    const unit = units[i]!;
    out += (d === 1 && unit === '十' && out === '' ? '' : CN[d]!) + unit;
  });
  return out;
};

const num = (r: Report, id: CellId): number => (typeof r.cells[id] === 'number' ? (r.cells[id] as number) : 0);
const q = (r: Report, key: string): number => quantity(key).cells.reduce((a, id) => a + num(r, id), 0);

/** A narrative written in one of several phrasings per quantity, stating the table's own figures. */
const writeText = (r: Report, seed: number): string => {
  const pick = rng(seed * 7 + 1);
  const one = <T>(xs: T[]): T => xs[pick(xs.length)]!;
  const v = (n: number) => (n < 10000 && pick(3) === 0 ? cn(n) : ` ${n} `);
  const y = r.year;
  const apps = [
    one([
      `全年共受理政府信息公开申请${v(q(r, 't3.new'))}件`,
      `本年度新收政府信息公开申请${v(q(r, 't3.new'))}件`,
      `共收到政府信息公开申请${v(q(r, 't3.new'))}项`,
    ]),
    one([`上年结转${v(q(r, 't3.carried_in'))}件`, `上年度结转的申请${v(q(r, 't3.carried_in'))}件`]),
    one([`办结${v(q(r, 't3.total'))}件`, `已办结${v(q(r, 't3.total'))}件`]),
  ];
  const groups = [
    [one(['予以公开', '同意公开']), 't3.group.granted'],
    ['部分公开', 't3.group.partial'],
    ['不予公开', 't3.group.withheld'],
    ['无法提供', 't3.group.unavailable'],
    ['不予处理', 't3.group.declined'],
    ['其他处理', 't3.group.other'],
  ].map(([label, key]) => `${label}${v(q(r, key!))}${one(['件', '项'])}`);
  const out = one([`结转下年度继续办理${v(q(r, 't3.carried_out'))}件`, `结转下年办理${v(q(r, 't3.carried_out'))}件`]);
  const t4 = (g: string, c: string) => num(r, `t4.${g}.${c}`);
  const review = `因政府信息公开被申请行政复议${v(t4('review', 'total'))}件，其中结果维持${v(t4('review', 'upheld'))}件、结果纠正${v(t4('review', 'corrected'))}件、其他结果${v(t4('review', 'other'))}件、尚未审结${v(t4('review', 'pending'))}件`;
  const suit = `被提起行政诉讼${v(q(r, 't4.suit.total'))}件（未经复议直接起诉${v(t4('suit_direct', 'total'))}件，复议后起诉${v(t4('suit_after_review', 'total'))}件）`;
  const t2 = (row: string, col: string) => num(r, `t2.${row}.${col}`);
  const docs = one([
    `本年度制发行政规范性文件${v(t2('normative', 'issued'))}件、废止${v(t2('normative', 'repealed'))}件，现行有效规范性文件${v(t2('normative', 'effective'))}件；政府规章制发${v(t2('rules', 'issued'))}部、现行有效${v(t2('rules', 'effective'))}部。`,
    `行政规范性文件制发${v(t2('normative', 'issued'))}件、废止${v(t2('normative', 'repealed'))}件。`,
  ]);
  const decisions = `全年作出行政许可决定 ${t2('license', 'decisions')} 件，行政处罚决定 ${t2('penalty', 'decisions')} 件，行政强制决定 ${t2('coercion', 'decisions')} 件，行政事业性收费 ${String(r.cells['t2.fees.amount'])} 万元。`;
  return [
    `${y} 年，本机关持续推进政务公开，发布政府信息 6988 条，组织培训 3 期，新增专题栏目 6 个。`,
    `（二）依申请公开方面`,
    `${y} 年，${apps.join('，')}，其中${groups.join('、')}；${out}。`,
    `${y} 年，本机关${review}；${suit}。`,
    docs,
    decisions,
  ].join('\n');
};

const narrFindings = (r: Report) => evaluate(r).filter((f) => f.code.startsWith('NARR-') && !COMPLETENESS_CODES.has(f.code));

describe('property: random tables, text in random phrasings', () => {
  it('a text stating the table figures raises no NARR- finding (40 reports)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const base = randomConsistentReport(seed);
      const r = createReport({ ...base, narratives: { ...base.narratives, overview: writeText(base, seed) } });
      expect(narrFindings(r), `${seed}: ${r.narratives.overview}`).toEqual([]);
      // every figure written about a table quantity (in 件/项/部/万元; the first paragraph's 条/期/个 are about other things) is read back
      const written = findNumbers(r.narratives.overview).filter((n) => ['件', '项', '部', '万元'].includes(n.unit));
      expect(
        readStatements(r.narratives.overview).map((s) => s.number!.start),
        r.narratives.overview,
      ).toEqual(written.map((n) => n.start));
    }
  });

  it("one stated count changed: a finding with that quantity's code, the table value and the number stated, on that sentence (40 reports)", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const base = randomConsistentReport(seed);
      const text = writeText(base, seed);
      const counts = readStatements(text).filter((s) => s.number && s.quantity.unit === 'count');
      const s = counts[rng(seed)(counts.length)]!;
      const table = q(base, s.quantity.key);
      let wrong = table + 1;
      while ([num(base, 't3.new.total') + num(base, 't3.carried_in.total'), num(base, 't3.total.total')].includes(wrong) && s.quantity.key === 't3.new')
        wrong += 1;
      const changed = `${text.slice(0, s.number!.start)} ${wrong} ${text.slice(s.number!.numberEnd)}`;
      const r = createReport({ ...base, narratives: { ...base.narratives, overview: changed } });
      const found = narrFindings(r).filter((f) => f.code !== 'NARR-SUM');
      expect(
        found.map((f) => [f.code, f.expected, f.actual]),
        `${seed}: ${s.phrase.text}`,
      ).toEqual([[s.quantity.code, table, wrong]]);
      expect(changed.slice(found[0]!.narrative!.start, found[0]!.narrative!.end)).toContain(` ${wrong} `);
    }
  });

  it('the Chinese numeral writer used above is right', () => {
    expect([0, 2, 10, 12, 20, 105, 110, 1010, 3000, 9999].map(cn)).toEqual([
      '零',
      '二',
      '十',
      '十二',
      '二十',
      '一百零五',
      '一百一十',
      '一千零一十',
      '三千',
      '九千九百九十九',
    ]);
  });
});
