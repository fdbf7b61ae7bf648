import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { CELL_IDS } from '../../shared/format';
import { evaluate } from '../../shared/rules';
import { SEED_FILES, seedExpectation, seedText } from '../helpers/seeds';

type Cells = Record<string, number | string | null>;

/**
 * Rewrites a seed into the 2019 试行 format (国办公开办函〔2019〕60号): 表二 with the old columns and the
 * extra rows, 表三 with a single （六）其他处理 row holding the sum of the three current sub-rows.
 */
const to2019 = (text: string): { text: string; sixRow: number[] } => {
  const lines = text.split('\n');
  const cellsOf = (label: RegExp) => lines.find((l) => label.test(l))!.split('\t');
  const nums = (cells: string[]) => cells.filter((c) => /^\d+(\.\d+)?$/.test(c.trim())).map((c) => c.trim());
  const rules = nums(cellsOf(/^规章\t/));
  const normative = nums(cellsOf(/^行政规范性文件\t/));
  const one = (label: string) => nums(cellsOf(new RegExp(`^${label}\\t`)))[0]!;
  const t2 = [
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
    `规章\t${rules[0]}\t${rules[0]}\t${rules[2]}`,
    `规范性文件\t${normative[0]}\t${normative[0]}\t${normative[2]}`,
    '第二十条第（五）项\t\t\t',
    '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
    `行政许可\t35\t-2\t${one('行政许可')}`,
    '其他对外管理服务事项\t12\t0\t300',
    '第二十条第（六）项\t\t\t',
    '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
    `行政处罚\t100\t3\t${one('行政处罚')}`,
    `行政强制\t20\t0\t${one('行政强制')}`,
    '第二十条第（八）项\t\t\t',
    '信息内容\t上一年项目数量\t本年增/减\t',
    '行政事业性收费\t15\t-1\t',
    '第二十条第（九）项\t\t\t',
    '信息内容\t采购项目数量\t采购总金额\t',
    '政府集中采购\t3\t251000元\t',
  ];
  const start = lines.findIndex((l) => l.startsWith('第二十条第（一）项'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('行政事业性收费'));
  const isSix = (l: string) => /申请人无正当理由逾期不补正|申请人逾期未按收费通知/.test(l) || /(^|\t)3[.、]\s*其他\t/.test(l);
  const sixLines = lines.filter(isSix);
  expect(sixLines).toHaveLength(3);
  const sixRow = Array.from({ length: 7 }, (_, i) => sixLines.reduce((a, l) => a + Number(nums(l.split('\t'))[i]), 0));
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (i === start) out.push(...t2);
    if (i >= start && i <= end) return;
    if (isSix(l)) {
      if (l === sixLines[0]) out.push(`\t（六）其他处理\t${sixRow.join('\t')}`);
      return;
    }
    out.push(l);
  });
  return { text: out.join('\n'), sixRow };
};

describe.each(SEED_FILES)('a 2019 试行-format version of %s', (file) => {
  const want = { ...(seedExpectation(file).cells as Cells) };
  const { text, sixRow } = to2019(seedText(file));
  const r = importText(text);

  it('reads what maps onto the current format', () => {
    if (!r.ok) throw new Error(r.message);
    expect(r.formatEdition).toBe('2019');
    const expected: Cells = {
      ...want,
      // 本年新制作数量 → 本年制发件数, 对外公开总数量 → 现行有效件数 (with a warning); 本年废止件数 and 收费金额 have no 2019 column
      't2.rules.repealed': null,
      't2.normative.repealed': null,
      't2.fees.amount': null,
      // the single （六）其他处理 row goes to 3.其他, the other two sub-rows stay blank
      't3.other_no_supplement.natural': null,
    };
    const cols = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
    cols.forEach((c, i) => {
      expected[`t3.other_no_supplement.${c}`] = null;
      expected[`t3.other_no_fee.${c}`] = null;
      expected[`t3.other_other.${c}`] = sixRow[i]!;
    });
    const diff = CELL_IDS.filter((id) => r.report.cells[id] !== expected[id]).map((id) => `${id}: ${String(r.report.cells[id])} ≠ ${String(expected[id])}`);
    expect(diff).toEqual([]);
  });

  it('says plainly what did not map, per table', () => {
    if (!r.ok) throw new Error(r.message);
    const t2 = r.notes.filter((n) => n.table === 't2').map((n) => n.message);
    const t3 = r.notes.filter((n) => n.table === 't3').map((n) => n.message);
    expect(t2.some((m) => m.includes('2019 试行格式'))).toBe(true);
    expect(t2.some((m) => m.includes('对外公开总数量') && m.includes('现行有效件数') && m.includes('请核对'))).toBe(true);
    expect(t2.some((m) => m.includes('本年废止件数') && m.includes('「规章」'))).toBe(true);
    expect(t2.some((m) => m.includes('行政事业性收费') && m.includes('本年收费金额'))).toBe(true);
    expect(t2.some((m) => m.includes('其他对外管理服务事项') && m.includes('政府集中采购') && m.includes('251000元'))).toBe(true);
    expect(t3.some((m) => m.includes('（六）其他处理3.其他') && m.includes('1.申请人无正当理由') && m.includes('拆分'))).toBe(true);
    // nothing is guessed silently: every blank left by the mapping is reported, and the identities still hold
    expect(evaluate(r.report).filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.stats.found.t2).toBe(7);
  });

  it('reads the same from PDF text with every cell on its own line', () => {
    if (!r.ok) throw new Error(r.message);
    const lines: string[] = [];
    for (const l of text.split('\n')) {
      if (l.includes('\t'))
        lines.push(
          ...l
            .split('\t')
            .map((c) => c.trim())
            .filter((c) => c),
        );
      else lines.push(l);
    }
    const p = importText(lines.join('\n'));
    if (!p.ok) throw new Error(p.message);
    expect(p.formatEdition).toBe('2019');
    expect(CELL_IDS.filter((id) => p.report.cells[id] !== r.report.cells[id])).toEqual([]);
  });
});
