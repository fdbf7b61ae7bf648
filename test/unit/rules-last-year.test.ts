/**
 * One last year: evaluate() decides once which report is last year's — the previous report given explicitly wins over
 * the baseline saved in the report — and template review and the reuse check both read that one (issue 14, item 5).
 */
import { describe, expect, it } from 'vitest';
import { createReport, type Report } from '../../shared/report';
import { evaluate, lastYearOf, type PreviousYear } from '../../shared/rules';
import { seedReport } from '../helpers/seeds';

const J = '2023_jiyuan-city.txt';
const FROM_BASELINE = '全市政务公开工作领导小组召开会议 3 次，研究部署年度重点任务，督促各部门落实主体责任并按季度通报进展情况。';
const FROM_PREVIOUS = '全年组织开展政务公开业务培训 7 期，覆盖各乡镇街道和市直部门工作人员，进一步提升了依法公开的能力水平。';
const narratives = (overview: string) => ({ overview, problems: '', other_matters: '' });
const base = seedReport(J);
const baseline = { agency: base.agency, year: 2022, cells: base.cells, narratives: narratives(FROM_BASELINE) };
const explicit: PreviousYear = { agency: base.agency, year: 2022, cells: base.cells, narratives: narratives(FROM_PREVIOUS) };
const report: Report = createReport({ ...base, narratives: narratives(`${FROM_BASELINE}\n${FROM_PREVIOUS}`), baseline });

/** Which of the two paragraphs each consumer points at. */
const sources = (previous: PreviousYear | null) => {
  const fs = evaluate(report, previous);
  const where = (code: string) => [
    ...new Set(fs.filter((f) => f.code === code).map((f) => (f.narrative!.start < FROM_BASELINE.length ? 'baseline' : 'previous'))),
  ];
  return { review: where('TEMPLATE-REVIEW'), reuse: where('NARR-REUSED') };
};

describe('one last year for every check', () => {
  it('without an explicit previous report, template review and reuse both read the saved baseline', () => {
    expect(lastYearOf(report)).toBe(baseline);
    expect(sources(null)).toEqual({ review: ['baseline'], reuse: ['baseline'] });
  });

  it('an explicit previous report wins, for template review and reuse alike', () => {
    expect(lastYearOf(report, explicit)).toBe(explicit);
    expect(sources(explicit)).toEqual({ review: ['previous'], reuse: ['previous'] });
  });

  it('the cross-year checks read the same one', () => {
    const other: PreviousYear = { ...explicit, agency: '另一机关' };
    expect(evaluate(report, other).some((f) => f.code === 'X-AGENCY')).toBe(true);
    expect(evaluate(report).some((f) => f.code === 'X-AGENCY')).toBe(false);
  });
});
