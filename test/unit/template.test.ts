import { describe, expect, it } from 'vitest';
import { CELLS, T3_COLUMNS } from '../../shared/format';
import { createReport, type Report } from '../../shared/report';
import { templateFromLastYear } from '../../shared/report/template';
import { templateReviewCheck } from '../../shared/narrative/template-review';
import { evaluate, lastYearOf } from '../../shared/rules';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';
import { randomConsistentReport } from '../helpers/random-report';

/** The narrative of 一、总体情况 as the seed publishes it (text between the first two headings). */
const seedOverview = (file: string): string => {
  const t = seedText(file);
  const a = t.indexOf('一、总体情况');
  const b = t.indexOf('二、主动公开政府信息情况', a);
  return t
    .slice(a + '一、总体情况'.length, b)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
};

const carried = (id: string) => /^t3\.carried_in\./.test(id) || /^t2\.(rules|normative)\.effective$/.test(id);

describe('templateFromLastYear', () => {
  for (const file of SEED_FILES) {
    it(`carries over 上年结转 and 现行有效 from ${file}, leaves the rest blank`, () => {
      const last = seedReport(file);
      const { report, notes } = templateFromLastYear(last);
      expect(report.agency).toBe(last.agency);
      expect(report.year).toBe(last.year! + 1);
      expect(report.settings.autoTotals).toBe(true);
      for (const c of T3_COLUMNS) expect(report.cells[`t3.carried_in.${c.id}`]).toBe(last.cells[`t3.carried_out.${c.id}`]);
      for (const row of ['rules', 'normative']) expect(report.cells[`t2.${row}.effective`]).toBe(last.cells[`t2.${row}.effective`]);
      const others = CELLS.filter((c) => !carried(c.id));
      expect(others.length).toBe(CELLS.length - T3_COLUMNS.length - 2);
      for (const c of others) expect(report.cells[c.id], c.id).toBeNull();
      expect(report.baseline).toEqual({ agency: last.agency, year: last.year, cells: last.cells, narratives: last.narratives });
      expect(notes.join('\n')).toContain('结转下年度继续办理');
      // the cross-year rules see a correct carry-over as correct
      expect(evaluate(report).filter((f) => f.code === 'X-CARRY' || f.code === 'X-YEAR' || f.code === 'X-AGENCY')).toEqual([]);
    });

    it(`flags a deliberately wrong 上年结转 in the draft from ${file}`, () => {
      const { report } = templateFromLastYear(seedReport(file));
      const wrong = (report.cells['t3.carried_in.natural'] as number) + 3;
      const edited: Report = { ...report, cells: { ...report.cells, 't3.carried_in.natural': wrong } };
      const x = evaluate(edited).filter((f) => f.code === 'X-CARRY');
      expect(x.map((f) => f.cells[0])).toEqual(['t3.carried_in.natural']);
      expect(x[0]!.actual).toBe(wrong);
      expect(x[0]!.expected).toBe(report.cells['t3.carried_in.natural']);
      expect(x[0]!.message).toContain('结转下年度继续办理');
    });
  }

  it('keeps the 落款 agency and clears its date, saying so', () => {
    const last = createReport({ ...seedReport(SEED_FILES[0]!), signOff: { agency: '济源市人民政府办公室', date: '2024年1月20日' } });
    const { report, notes } = templateFromLastYear(last);
    expect(report.signOff).toEqual({ agency: '济源市人民政府办公室', date: '' });
    expect(notes.some((n) => n.includes('落款日期') && n.includes('2024年1月20日'))).toBe(true);
  });

  it('keeps a blank 结转下年度 blank rather than inventing 0', () => {
    const last = createReport({ agency: '某局', year: 2023, cells: { 't3.carried_out.natural': 4 } });
    const { report, notes } = templateFromLastYear(last);
    expect(report.cells['t3.carried_in.natural']).toBe(4);
    expect(report.cells['t3.carried_in.commercial']).toBeNull();
    expect(report.cells['t2.rules.effective']).toBeNull();
    expect(notes.join('\n')).toContain('商业企业');
  });

  it('random reports: carry-over equals last year, X-EFFECTIVE fires when 现行有效 is not updated after 制发', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const last = randomConsistentReport(seed, 2023);
      const { report } = templateFromLastYear(last);
      for (const c of T3_COLUMNS) expect(report.cells[`t3.carried_in.${c.id}`]).toBe(last.cells[`t3.carried_out.${c.id}`]);
      const issued: Report = { ...report, cells: { ...report.cells, 't2.normative.issued': 5, 't2.normative.repealed': 0 } };
      expect(evaluate(issued).some((f) => f.code === 'X-EFFECTIVE' && f.cells[0] === 't2.normative.effective')).toBe(true);
    }
  });
});

describe('templateReviewCheck', () => {
  const file = SEED_FILES.find((f) => f.includes('jiyuan'))!;
  const last = {
    ...seedReport(file),
    narratives: {
      overview: seedOverview(file),
      problems: '2023 年存在的问题：培训仅 3 期，检查三次，一是力量薄弱。',
      other_matters: '本年度未收取信息处理费。',
    },
  };
  const { report } = templateFromLastYear(last);
  const review = () => templateReviewCheck({ report, previous: lastYearOf(report), uncertain: new Set() });

  it('marks every figure and the old year in paragraphs carried word for word', () => {
    const fs = review();
    expect(fs.length).toBeGreaterThan(5);
    for (const f of fs) {
      expect(f.severity).toBe('info');
      expect(f.code).toBe('TEMPLATE-REVIEW');
      expect(report.narratives[f.narrative!.section as 'overview'].slice(f.narrative!.start, f.narrative!.end)).toBe(f.narrative!.quote);
    }
    const quotes = fs.filter((f) => f.narrative!.section === 'overview').map((f) => f.narrative!.quote);
    expect(quotes).toContain('60335');
    expect(quotes).toContain('261');
    expect(quotes).toContain('486');
    expect(fs.some((f) => f.narrative!.quote === '2023' && f.message.includes('上年年度'))).toBe(true);
    // 1 月 1 日至 12 月 31 日 is the statistical period, not a stale figure
    expect(quotes).not.toContain('31');
    expect(fs.filter((f) => f.narrative!.section === 'problems').map((f) => f.narrative!.quote)).toEqual(['2023', '3', '三']);
    expect(fs.some((f) => f.narrative!.section === 'other_matters')).toBe(false);
  });

  it('stops marking a paragraph once it is rewritten, and is active through evaluate()', () => {
    const paras = report.narratives.overview.split('\n');
    const i = paras.findIndex((p) => p.includes('60335'));
    paras[i] = '2024 年，示范区管委会公开各类政府信息 61000 条。';
    const edited: Report = { ...report, narratives: { ...report.narratives, overview: paras.join('\n') } };
    const fs = evaluate(edited).filter((f) => f.code === 'TEMPLATE-REVIEW');
    expect(fs.some((f) => f.narrative!.quote === '61000' || f.narrative!.quote === '60335')).toBe(false);
    expect(fs.some((f) => f.narrative!.quote === '261')).toBe(true);
  });

  it('leaves the contact line and document numbers alone: e-mail, telephone, 邮编, mobile, 「国令第 711 号」 as a PDF spaces it', () => {
    const overview =
      '本报告由某市人民政府办公室根据《条例》（国令第 711 号）编制。如有疑问，请联系（邮编：223001，电话：0517-83605210，手机 13912345678，电子邮箱：hazwgkc2023@163.com）。全年公开信息 5500 条。';
    const last = createReport({ agency: '某市人民政府', year: 2024, narratives: { overview, problems: '', other_matters: '' } });
    const current: Report = { ...last, year: 2025 };
    const quotes = templateReviewCheck({ report: current, previous: last, uncertain: new Set() }).map((f) => f.narrative!.quote);
    expect(quotes).toEqual(['5500']);
  });

  it('says nothing for a report without last year', () => {
    expect(templateReviewCheck({ report: seedReport(file), previous: null, uncertain: new Set() })).toEqual([]);
  });
});
