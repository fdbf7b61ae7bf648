import { describe, expect, it } from 'vitest';
import { importText, textToBlocks } from '../../shared/import/text';
import { readBlocks } from '../../shared/import/blocks-reader';
import { CELL_IDS } from '../../shared/format';
import { evaluate } from '../../shared/rules';
import { randomConsistentReport, rng } from '../helpers/random-report';
import { markdownTable, pdfTable, renderReportText } from '../helpers/render-text';
import { seedExpectation, seedText } from '../helpers/seeds';

const diffCells = (got: Record<string, unknown>, want: Record<string, unknown>) =>
  CELL_IDS.filter((id) => got[id] !== want[id]).map((id) => `${id}: ${String(got[id])} ≠ ${String(want[id])}`);

describe('property: any consistent report, rendered like the seeds, reads back exactly', () => {
  it('tab layout from tableLayout(), 200 random reports', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const report = randomConsistentReport(seed, 2019 + (seed % 7));
      const r = importText(renderReportText(report));
      if (!r.ok) throw new Error(`seed ${seed}: ${r.message}`);
      expect({ seed, diff: diffCells(r.report.cells, report.cells) }).toEqual({ seed, diff: [] });
      expect(r.report.agency).toBe(report.agency);
      expect(r.report.year).toBe(report.year);
      expect(r.report.narratives).toEqual(report.narratives);
      expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
      expect(r.report.settings.autoTotals).toBe(true);
    }
  });

  it('markdown and PDF-like renderings of 60 random reports read back exactly', () => {
    for (let seed = 1000; seed < 1060; seed++) {
      const report = randomConsistentReport(seed);
      const layouts = {
        markdown: renderReportText(report, (_t, g) => markdownTable(g)),
        pdf: renderReportText(report, (_t, g) => pdfTable(g, (['interleaved', 'columns', 'cells'] as const)[seed % 3]!, 10 + (seed % 9))),
      };
      for (const [name, text] of Object.entries(layouts)) {
        const r = importText(text);
        if (!r.ok) throw new Error(`${name} ${seed}: ${r.message}`);
        expect({ name, seed, diff: diffCells(r.report.cells, report.cells) }).toEqual({ name, seed, diff: [] });
      }
    }
  });
});

describe('the identities confirm what was read', () => {
  const file = '2023_jiyuan-city.txt';
  const text = seedText(file);

  it('a changed number read from the page is flagged per table, never fixed silently', () => {
    const changed = text.replace(/^(一、本年新收政府信息公开申请数量\t\t)261/m, '$1262');
    expect(changed).not.toBe(text);
    const r = importText(changed);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.cells['t3.new.natural']).toBe(262);
    const t3 = r.notes.filter((n) => n.table === 't3').map((n) => n.message);
    expect(t3).toContain('表三 读取后「自然人」一列勾稽关系不成立（一 + 二 = 265，（七）总计 + 四 = 264），请核对');
    expect(t3.some((m) => m.includes('「一、本年新收政府信息公开申请数量」一行的总计'))).toBe(true);
    expect(r.report.settings.autoTotals).toBe(false);
    expect(evaluate(r.report).some((f) => f.severity === 'error' && f.cells.includes('t3.new.natural'))).toBe(true);
  });

  it('a PDF layout that lost one number row is read in order and the failing identities are named', () => {
    const lines = text.split('\n');
    const pdf: string[] = [];
    let run: string[][] = [];
    const flush = () => {
      if (run.length) pdf.push(...pdfTable(run, 'columns'));
      run = [];
    };
    for (const l of lines) {
      if (l.includes('\t')) run.push(l.split('\t'));
      else {
        flush();
        pdf.push(l);
      }
    }
    flush();
    // drop the number row of （二）部分公开 (all zeros): every later row shifts up by one
    const i = pdf.findIndex((l, k) => l === '0 0 0 0 0 0 0' && pdf[k - 1] === '162 3 0 0 29 0 194');
    expect(i).toBeGreaterThan(0);
    pdf.splice(i, 1);
    const r = importText(pdf.join('\n'));
    if (!r.ok) throw new Error(r.message);
    const t3 = r.notes.filter((n) => n.table === 't3' && n.level === 'warning').map((n) => n.message);
    expect(t3.some((m) => m.includes('没有读到数字'))).toBe(true);
    expect(t3.some((m) => m.includes('勾稽关系不成立'))).toBe(true);
    // 表二 and 表四 are unaffected
    const e = seedExpectation(file).cells as Record<string, unknown>;
    for (const id of CELL_IDS.filter((x) => !x.startsWith('t3.'))) expect(r.report.cells[id]).toBe(e[id]);
  });
});

describe('garbage in: a clear answer, never a throw', () => {
  it('an empty string and whitespace', () => {
    for (const s of ['', '   \n\t\n  ']) {
      const r = importText(s);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/为空/);
    }
  });

  it('random bytes decoded as text (300 cases)', () => {
    const next = rng(42);
    for (let k = 0; k < 300; k++) {
      const bytes = Uint8Array.from({ length: 1 + next(4000) }, () => next(256));
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      const r = importText(text);
      if (r.ok) {
        expect(r.notes.some((n) => n.level === 'error')).toBe(true);
      } else {
        expect(r.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('a shuffled seed (lines in random order) does not throw and reports what it could not read', () => {
    const next = rng(7);
    const lines = seedText('2023_xuchang-city.txt').split('\n');
    for (let k = 0; k < 30; k++) {
      const shuffled = [...lines].sort(() => next(3) - 1);
      const r = importText(shuffled.join('\n'));
      if (r.ok) expect(r.notes.length).toBeGreaterThan(0);
    }
  });

  it('a text with no tables and no report structure is refused', () => {
    const r = importText('今天天气很好。\n我们去公园散步，看到了很多花。\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('统计表');
  });

  it('a report text without its tables is read with an error note per table', () => {
    const narrativeOnly = seedText('2023_xiuwu-county.txt')
      .split('\n')
      .filter((l) => !l.includes('\t'))
      .join('\n');
    const r = importText(narrativeOnly);
    if (!r.ok) throw new Error(r.message);
    expect(r.stats.found).toEqual({ t2: 0, t3: 0, t4: 0 });
    for (const t of ['t2', 't3', 't4'] as const) expect(r.notes.some((n) => n.table === t && n.level === 'error')).toBe(true);
    expect(r.report.narratives.overview.length).toBeGreaterThan(0);
    expect(Object.values(r.report.cells).every((v) => v === null)).toBe(true);
  });

  it('readBlocks accepts hostile block shapes without throwing', () => {
    const huge = 'x'.repeat(200_000);
    const t0 = performance.now();
    const r = readBlocks(
      [
        { kind: 'paragraph', text: huge },
        { kind: 'table', rows: [] },
        { kind: 'table', rows: [[], [''], ['一、本年新收政府信息公开申请数量', '1e999', '-3', '１２３４５６７８９０１２３４５６７８９０']] },
        { kind: 'table', rows: [['行政复议', '行政诉讼'], Array.from({ length: 40 }, (_, i) => String(i))] },
        {
          kind: 'table',
          rows: [
            ['规章'.repeat(100_000), '1'],
            ['自然人', '申'.repeat(100_000), '3'],
          ],
        },
      ],
      'text',
    );
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.report.cells['t4.review.upheld']).toBe(0);
      expect(r.notes.some((n) => n.table === 't4' && n.message.includes('多于'))).toBe(true);
      expect(r.notes.some((n) => n.table === 't3' && n.level === 'error')).toBe(true);
    }
  });

  it('textToBlocks keeps tab rows, pipe rows and paragraphs apart', () => {
    const b = textToBlocks('标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nx\ty\n1\t2\n段落。');
    expect(b).toEqual([
      { kind: 'paragraph', text: '标题' },
      {
        kind: 'table',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
      {
        kind: 'table',
        rows: [
          ['x', 'y'],
          ['1', '2'],
        ],
      },
      { kind: 'paragraph', text: '段落。' },
    ]);
  });
});
