/**
 * Completeness checks (issue 16, item 3): on the five seeds nothing is reported where the seed covers the subject;
 * on edited copies that drop the subject, the check fires, naming it in the format's words. Info or warning, never error.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { COMPLETENESS_CODES, missingSubjects } from '../../shared/narrative/completeness';
import type { Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { SEED_FILES, seedText } from '../helpers/seeds';

const seed = (f: string): Report => {
  const r = importText(seedText(f));
  if (!r.ok) throw new Error(r.message);
  return r.report;
};
const missing = (r: Report) => missingSubjects(r).map((m) => m.id);
const withText = (r: Report, section: keyof Report['narratives'], text: string): Report => ({ ...r, narratives: { ...r.narratives, [section]: text } });
/** The overview without the sub-heading paragraph (and its body paragraph) that names `topic`. */
const dropTopic = (r: Report, topic: string): Report => {
  const paras = r.narratives.overview.split('\n');
  const i = paras.findIndex((p) => p.includes(topic) && /^（/.test(p));
  expect(i).toBeGreaterThanOrEqual(0);
  return withText(r, 'overview', paras.filter((p, j) => j !== i && !(j === i + 1 && !/^（/.test(p))).join('\n'));
};
const JIYUAN = '2023_jiyuan-city.txt';
const COMPLETENESS = { test: (code: string) => COMPLETENESS_CODES.has(code) };

describe('completeness on the five seeds', () => {
  it("every seed covers the five subjects of 一 and this year's problems with measures: no warning", () => {
    for (const f of SEED_FILES) {
      const fs = evaluate(seed(f)).filter((x) => COMPLETENESS.test(x.code));
      expect(
        fs.filter((x) => x.severity !== 'info'),
        f,
      ).toEqual([]);
      expect(
        missing(seed(f)).filter((id) => id.startsWith('overview.') || id === 'problems.this-year'),
        f,
      ).toEqual([]);
    }
  });

  it('what a seed does state is not reported: 济源 states the period and all of 考核、评议、责任追究', () => {
    expect(missing(seed(JIYUAN))).not.toContain('opening.period');
    expect(missing(seed(JIYUAN))).not.toContain('gov.assessment');
    expect(missing(seed('2023_xinxiang-city-office.txt'))).not.toContain('opening.contact');
  });

  it('never an error; every finding points into its section with a short quote', () => {
    for (const f of SEED_FILES)
      for (const x of evaluate(seed(f)).filter((y) => COMPLETENESS.test(y.code))) {
        expect(x.severity === 'info' || x.severity === 'warning').toBe(true);
        expect(x.narrative!.quote.length).toBeLessThanOrEqual(40);
      }
  });
});

describe('edited copies that drop a subject', () => {
  it('一 without one of its five subjects names that subject', () => {
    for (const f of [JIYUAN, '2023_xinxiang-city-office.txt', '2023_xuchang-city.txt'])
      for (const [topic, id, label] of [
        ['主动公开', 'overview.active', '主动公开'],
        ['依申请', 'overview.request', '依申请公开'],
        ['信息管理', 'overview.management', '政府信息管理'],
        ['平台建设', 'overview.platform', '政府信息公开平台建设'],
        ['监督保障', 'overview.supervision', '监督保障'],
      ] as const) {
        const fs = evaluate(dropTopic(seed(f), topic)).filter((x) => x.code === 'NARR-OVERVIEW-TOPIC');
        expect(
          fs.map((x) => x.actual),
          `${f} ${topic}`,
        ).toEqual([label]);
        expect(missing(dropTopic(seed(f), topic))).toContain(id);
        expect(fs[0]!.severity).toBe('warning');
        expect(fs[0]!.message).toContain('主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障');
      }
  });

  it("五 without its measures, or without last year's rectification, says which half is missing", () => {
    const r = seed(JIYUAN);
    const problemsOnly = r.narratives.problems
      .split('\n')
      .filter((p) => !p.startsWith('改进情况'))
      .join('\n');
    const fs = evaluate(withText(r, 'problems', problemsOnly)).filter((x) => x.code === 'NARR-PROBLEMS-HALF');
    expect(fs.map((x) => [x.actual, x.severity])).toEqual([
      ['本年度存在的主要问题及改进措施', 'warning'],
      ['上年度问题整改情况', 'info'],
    ]);
    expect(fs.find((x) => x.severity === 'warning')!.message).toContain('未写明针对本年度问题的改进措施');
    const rectified = `针对上年度报告指出的公开目录不全问题，已完成整改。\n${r.narratives.problems}`;
    expect(missing(withText(r, 'problems', rectified))).not.toContain('problems.last-year');
  });

  it('the opening without the statistical period; a report without a contact', () => {
    const r = seed(JIYUAN);
    const noPeriod = r.narratives.overview.split('\n').slice(1).join('\n');
    const fs = evaluate(withText(r, 'overview', noPeriod)).filter((x) => x.code === 'NARR-OPENING');
    expect(fs.map((x) => x.actual)).toEqual(['统计期限', '联系方式']);
    expect(fs[0]!.message).toContain('统计期限自2023年1月1日起至2023年12月31日止');
    const contact = `${r.narratives.overview}\n如对本报告有任何疑问，请与济源市人民政府办公室联系（电话：0391-1234567）。`;
    expect(missing(withText(r, 'overview', contact))).not.toContain('opening.contact');
  });

  it('a title that would not read 「<机关>20XX年政府信息公开工作年度报告」', () => {
    const r = seed(JIYUAN);
    expect(missing(r)).not.toContain('title');
    const f = evaluate({ ...r, agency: '济源市人民政府2023年度' }).find((x) => x.code === 'NARR-TITLE')!;
    expect(f.severity).toBe('info');
    expect(f.message).toContain('<机关名称>2023年政府信息公开工作年度报告');
  });

  it('各级人民政府 only: 工作考核、社会评议和责任追究结果情况, naming what is missing', () => {
    const r = seed(JIYUAN);
    const all = (t: string) => t.replace(/责任追究/g, '');
    const cut = {
      ...r,
      narratives: { overview: all(r.narratives.overview), problems: all(r.narratives.problems), other_matters: all(r.narratives.other_matters) },
    };
    const f = evaluate(cut).find((x) => x.code === 'NARR-GOV-ASSESSMENT')!;
    expect(f.message).toContain('还应当包括工作考核、社会评议和责任追究结果情况');
    expect(f.message).toContain('「责任追究」');
    expect(f.message).not.toContain('「工作考核」');
    expect(missing({ ...cut, agency: '济源市教育局' })).not.toContain('gov.assessment');
  });
});
