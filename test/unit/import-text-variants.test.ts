import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import type { ImportResult } from '../../shared/import/types';
import { CELL_IDS } from '../../shared/format';
import { evaluate } from '../../shared/rules';
import { SEED_FILES, seedExpectation, seedText } from '../helpers/seeds';
import { markdownTable, pdfTable } from '../helpers/render-text';

type Cells = Record<string, number | string | null>;
const expectedCells = (file: string): Cells => ({ ...(seedExpectation(file).cells as Cells) });

const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(`not read: ${r.message}`);
  return r;
};

/** Compares every statutory cell, naming the cell on failure. */
const expectCells = (got: Cells, want: Cells) => {
  const diff = CELL_IDS.filter((id) => got[id] !== want[id]).map((id) => `${id}: got ${String(got[id])}, want ${String(want[id])}`);
  expect(diff).toEqual([]);
};

const problems = (r: ImportResult) => (r.ok ? r.notes.filter((n) => n.level !== 'info').map((n) => n.message) : [r.message]);

/** Applies f to each run of consecutive tab-separated lines (a table), leaving prose alone. */
const mapTables = (text: string, f: (rows: string[][]) => string[]): string => {
  const out: string[] = [];
  let run: string[][] = [];
  const flush = () => {
    if (run.length) out.push(...f(run));
    run = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) run.push(line.split('\t'));
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
};
const mapCells = (text: string, f: (cell: string) => string): string => mapTables(text, (rows) => rows.map((r) => r.map(f).join('\t')));

const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/\./g, '．');
const isNum = (c: string) => /^\d+(\.\d+)?$/.test(c.trim());
/** Splits a label in the middle with a space, as pages broken at the cell width do: 「商业 企业」. */
const splitWord = (c: string) => {
  const t = c.trim();
  if (t.length < 2 || isNum(t)) return c;
  const mid = Math.ceil(t.length / 2);
  return `${t.slice(0, mid)} ${t.slice(mid)}`;
};

describe.each(SEED_FILES)('layout variants of %s read to the seed cells', (file) => {
  const text = seedText(file);
  const want = expectedCells(file);

  it('markdown pipe tables', () => {
    const md = mapTables(text, (rows) => markdownTable(rows.map((r) => r.map((c) => c.trim()))));
    expect(md).toContain('|---|');
    expect(md).not.toContain('\t');
    const r = ok(importText(md));
    expectCells(r.report.cells, want);
    expect(problems(r)).toEqual([]);
    expect(r.report.agency).toBe(seedExpectation(file).agency);
  });

  it('full-width digits everywhere (title, tables, money)', () => {
    const r = ok(importText(FW(text)));
    expectCells(r.report.cells, want);
    expect(r.report.year).toBe(seedExpectation(file).year);
    expect(problems(r)).toEqual([]);
  });

  it('every label and heading split by a space (「商业 企业」「三、本年度办 理结果」)', () => {
    const split = mapCells(text, splitWord)
      .split('\n')
      .map((l) => (/^#*\s*[一二三四五六]、/.test(l) && !l.includes('\t') ? splitWord(l) : l))
      .join('\n');
    expect(split).toContain('商业 企业');
    const r = ok(importText(split));
    expectCells(r.report.cells, want);
    expect(problems(r)).toEqual([]);
    expect(r.report.narratives.problems.length).toBeGreaterThan(0);
    expect(r.report.narratives.other_matters.length).toBeGreaterThan(0);
  });

  it('thousands separators and spaces inside numbers', () => {
    const sep = mapCells(text, (c) => (isNum(c) && !c.includes('.') && c.length >= 4 ? `${c.slice(0, -3)}${c.length % 2 ? ',' : ' '}${c.slice(-3)}` : c));
    const r = ok(importText(sep));
    expectCells(r.report.cells, want);
  });

  it('units after the numbers (「1,052件」, 「5884.0157万元」)', () => {
    const lines = text.split('\n');
    const withUnits = lines
      .map((l) => {
        if (!l.includes('\t')) return l;
        if (l.startsWith('行政事业性收费')) return l.replace(/\t([\d.]+)\t/, '\t$1万元\t');
        return l
          .split('\t')
          .map((c) => (isNum(c) && !c.includes('.') ? `${Number(c).toLocaleString('en-US')}件` : c))
          .join('\t');
      })
      .join('\n');
    expect(withUnits).toContain('万元\t');
    const r = ok(importText(withUnits));
    expectCells(r.report.cells, want);
  });

  it('blank cells instead of 0 read as blank (null), never 0', () => {
    const blank = mapCells(text, (c) => (c.trim() === '0' ? '' : c));
    const r = ok(importText(blank));
    const wantBlank = Object.fromEntries(Object.entries(want).map(([id, v]) => [id, v === 0 || v === '0' ? null : v]));
    expectCells(r.report.cells, wantBlank);
    // blanks are reported as unfilled by the rules engine, never as broken sums
    expect(evaluate(r.report).filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.stats.found).toEqual({ t2: 10, t3: 175, t4: 15 });
  });

  it('a dropped 规章 row leaves its three cells blank with a note', () => {
    const dropped = text
      .split('\n')
      .filter((l) => !/^规章\t/.test(l))
      .join('\n');
    expect(dropped).not.toMatch(/^规章\t/m);
    const r = ok(importText(dropped));
    expectCells(r.report.cells, { ...want, 't2.rules.issued': null, 't2.rules.repealed': null, 't2.rules.effective': null });
    expect(r.stats.found.t2).toBe(7);
    expect(r.notes.some((n) => n.table === 't2' && n.level === 'warning' && n.message.includes('「规章」'))).toBe(true);
  });

  it('PDF text in reading order: every cell on its own line', () => {
    const pdf = mapTables(text, (rows) => pdfTable(rows, 'cells'));
    expect(pdf).not.toContain('\t');
    const r = ok(importText(pdf));
    expectCells(r.report.cells, want);
    expect(problems(r)).toEqual([]);
  });

  it('PDF text with thousands separated by a space (「1 012」), confirmed by the row totals', () => {
    const spaced = mapCells(text, (c) => (isNum(c) && c.split('.')[0]!.length >= 4 ? c.replace(/^(\d+)(\d{3})/, '$1 $2') : c));
    const pdf = mapTables(spaced, (rows) => pdfTable(rows, 'interleaved'));
    const r = ok(importText(pdf));
    expectCells(r.report.cells, want);
    expect(problems(r)).toEqual([]);
  });

  for (const mode of ['interleaved', 'columns'] as const) {
    it(`PDF-extracted layout, labels and numbers on different lines (${mode}, long labels wrapped)`, () => {
      const pdf = mapTables(text, (rows) => pdfTable(rows, mode, 14));
      expect(pdf).not.toContain('\t');
      const r = ok(importText(pdf));
      expectCells(r.report.cells, want);
      expect(problems(r)).toEqual([]);
      expect(r.report.narratives.overview.length).toBeGreaterThan(0);
    });
  }
});

/** Label variants and typos (docs/import-text.md) seen in real reports, each accepted silently. */
const VARIANTS: readonly (readonly [string, (t: string) => string])[] = [
  ['钩稽关系', (t) => t.replace(/勾稽/g, '钩稽')],
  ['规范性文件 without 行政', (t) => t.replace(/^行政规范性文件\t/m, '规范性文件\t')],
  ['先行有效件数 / 本年废纸件数', (t) => t.replace('本年废止件数', '本年废纸件数').replace('现行有效件数', '先行有效件数')],
  ['现行有效件数（历史累计）', (t) => t.replace('现行有效件数', '现行有效件数（历史累计）')],
  ['2.其他法律行政止公开', (t) => t.replace('其他法律行政法规禁止公开', '其他法律行政止公开')],
  ['四、…行政法复议… heading', (t) => t.replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况')],
  [
    '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    (t) => t.replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'),
  ],
  ['五、政府信息公开工作存在的主要问题及改进措施', (t) => t.replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进措施')],
  ['（六） sub-items numbered 1、2、3、', (t) => t.replace(/([\t\n])([123])\.\s*(申请人|其他\t)/g, '$1$2、$3')],
  ['top-left 勾稽 cell dropped', (t) => t.replace(/\(本列数据的勾稽关系为：[^)]*\)/, '')],
  ['headers split over lines inside cells (「结果\\n维持」 rendered as separate words)', (t) => t.replace(/结果 /g, '结果  ')],
  ['label cells with full-width brackets and 、 numbering', (t) => t.replace(/\((一|二|三|四|五|六|七)\) ?/g, '（$1）').replace(/\t(\d)\. ?/g, '\t$1、')],
];

describe.each(SEED_FILES)('label variants of real reports in %s', (file) => {
  const text = seedText(file);
  const want = expectedCells(file);
  for (const [name, f] of VARIANTS) {
    it(name, () => {
      const v = f(text);
      expect(v).not.toBe(text);
      const r = ok(importText(v));
      expectCells(r.report.cells, want);
      expect(problems(r)).toEqual([]);
      expect(r.report.narratives.problems.length).toBeGreaterThan(0);
      expect(r.report.narratives.other_matters.length).toBeGreaterThan(0);
    });
  }
});

describe('more of what real pages do (济源 seed)', () => {
  const file = '2023_jiyuan-city.txt';
  const text = seedText(file);
  const want = expectedCells(file);

  it('an extra 「小计」 column for 法人或其他组织 is dropped with a note', () => {
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    const to = lines.findIndex((l) => l.startsWith('四、政府信息公开'));
    const out = lines.map((l, i) => {
      if (i <= from || i >= to || !l.includes('\t')) return l;
      if (l.includes('商业企业')) return l.replace('其他\t', '其他\t小计\t');
      const cells = l.split('\t');
      const numeric = cells.map((c, k) => (isNum(c) ? k : -1)).filter((k) => k >= 0);
      if (numeric.length !== 7) return l;
      const sub = numeric.slice(1, 6).reduce((a, k) => a + Number(cells[k]), 0);
      cells.splice(numeric[5]! + 1, 0, String(sub));
      return cells.join('\t');
    });
    const r = ok(importText(out.join('\n')));
    expectCells(r.report.cells, want);
    expect(r.notes.some((n) => n.table === 't3' && n.message.includes('小计'))).toBe(true);
    expect(problems(r)).toEqual([]);
  });

  it('short texts around the tables are kept in tableTexts, and a preamble goes to the start of 一', () => {
    const withTexts = text
      .replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n\n单位：件\n')
      .replace('\n四、政府信息公开行政复议', '\n注：本表中申请数量含通过信函、网络等方式提交的申请。\n\n四、政府信息公开行政复议')
      .replace('\n一、总体情况', '\n根据《中华人民共和国政府信息公开条例》第五十条的规定，编制本报告。\n\n一、总体情况');
    const r = ok(importText(withTexts));
    expectCells(r.report.cells, want);
    expect(r.report.tableTexts.t3).toBe('单位：件\n注：本表中申请数量含通过信函、网络等方式提交的申请。');
    expect(r.report.narratives.overview.startsWith('根据《中华人民共和国政府信息公开条例》第五十条的规定，编制本报告。\n本报告数据统计时间为')).toBe(true);
    expect(r.notes.some((n) => n.level === 'info' && n.message.includes('总体情况'))).toBe(true);
  });

  it('title variants: year first, 年度, year in brackets at the end, markdown heading', () => {
    const titles: Record<string, string> = {
      '2023年济源市人民政府政府信息公开工作年度报告': '济源市人民政府',
      '# 济源市人民政府2023年度政府信息公开工作年度报告': '济源市人民政府',
      '济源市人民政府政府信息公开工作年度报告（2023年度）': '济源市人民政府',
      '**济源市人民政府 2 0 2 3 年政府信息公开工作年度报告**': '济源市人民政府',
    };
    for (const [title, agency] of Object.entries(titles)) {
      const r = ok(importText(text.replace('济源市人民政府 2023 年政府信息公开工作年度报告', title)));
      expect({ title, agency: r.report.agency, year: r.report.year }).toEqual({ title, agency, year: 2023 });
    }
  });

  it('a title printed on two lines (agency, then 「2023年政府信息公开工作年度报告」), in text and in HTML', () => {
    const r = ok(importText(text.replace('济源市人民政府 2023 年政府信息公开工作年度报告', '济源市人民政府\n2023年政府信息公开工作年度报告')));
    expect([r.report.agency, r.report.year]).toEqual(['济源市人民政府', 2023]);
    expect(r.report.narratives.overview.startsWith('本报告数据统计时间为')).toBe(true);
    const alone = ok(importText(text.replace('济源市人民政府 2023 年政府信息公开工作年度报告', '2023年政府信息公开工作年度报告')));
    expect([alone.report.agency, alone.report.year]).toEqual(['', 2023]);
    expect(alone.notes.some((n) => n.level === 'warning' && n.message.includes('机关名称'))).toBe(true);
  });

  it('no title: the year comes from the statistical period, the agency is left for the clerk', () => {
    const r = ok(importText(text.replace('济源市人民政府 2023 年政府信息公开工作年度报告', '')));
    expect(r.report.agency).toBe('');
    expect(r.report.year).toBe(2023);
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('标题'))).toBe(true);
  });

  it('all three tables and their headings in one grid are split and read', () => {
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.startsWith('二、主动公开'));
    const to = lines.findIndex((l) => l.startsWith('五、存在的主要问题'));
    const grid = lines
      .slice(from, to)
      .filter((l) => l.trim() !== '')
      .map((l) => (l.includes('\t') ? l : `${l}\t\t\t`));
    const one = [...lines.slice(0, from), ...grid, '', ...lines.slice(to)].join('\n');
    const r = ok(importText(one));
    expectCells(r.report.cells, want);
    expect(problems(r)).toEqual([]);
    expect(r.notes.some((n) => n.message.includes('3 张统计表'))).toBe(true);
  });

  it('a sentence instead of 表四 is kept as text and the table is reported missing', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('行政复议\t'));
    const sentence = '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况';
    lines.splice(at, 4, sentence);
    const r = ok(importText(lines.join('\n')));
    expect(r.report.tableTexts.t4).toBe(sentence);
    expect(r.stats.found.t4).toBe(0);
    expect(r.notes.some((n) => n.table === 't4' && n.level === 'error' && n.message.includes('未找到表四'))).toBe(true);
    expectCells(
      Object.fromEntries(CELL_IDS.filter((id) => !id.startsWith('t4.')).map((id) => [id, r.report.cells[id] ?? null])),
      Object.fromEntries(CELL_IDS.filter((id) => !id.startsWith('t4.')).map((id) => [id, want[id] ?? null])),
    );
  });

  it('a page box with numbers after 六 (索引号, 发布日期) is not taken for a statutory table', () => {
    const boxed = `${text}\n\n索引号\t11410000005747341X\t发布机构\t办公室\n文号\t1\t生成日期\t2024\n`;
    const r = ok(importText(boxed));
    expectCells(r.report.cells, want);
    expect(problems(r)).toEqual([]);
  });

  it('a misaligned row (label shifted one column, numbers one tab short) is read from its numbers', () => {
    const shifted = text.replace(/^\t\(二\) 部分公开(.*)$/m, '(二) 部分公开$1');
    expect(shifted).not.toBe(text);
    const r = ok(importText(shifted));
    expectCells(r.report.cells, want);
  });
});
