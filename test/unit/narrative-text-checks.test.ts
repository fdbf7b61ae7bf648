import { describe, expect, it } from 'vitest';
import { REUSE_SHARE_THRESHOLD, measureReuse, similarity } from '../../shared/narrative/text-checks';
import { createReport, type Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { seedNarratives, seedReportWithNarratives } from '../helpers/seed-narratives';
import { SEED_FILES } from '../helpers/seeds';

const FEES_OK = '本年度未收取信息处理费。';
const r2024 = (overview: string, other_matters = FEES_OK, problems = ''): Report =>
  createReport({ agency: '某某县人民政府', year: 2024, narratives: { overview, problems, other_matters } });
const codes = (r: Report, prefix: string) => evaluate(r).filter((f) => f.code === prefix);

describe('NARR-YEAR: a year that is not the report year where this year is meant', () => {
  it('flags 「2023 年，…」 and 「2023 年全县共…」 in a 2024 report, with the sentence', () => {
    const text = '2024 年，我县持续推进政务公开。\n2023 年，全县共主动公开政府信息 13200 条。2023 年全县共收到申请 10 件。';
    const f = codes(r2024(text), 'NARR-YEAR');
    expect(f.map((x) => [x.expected, x.actual, x.narrative!.quote])).toEqual([
      [2024, 2023, '2023 年，全县共主动公开政府信息 13200 条。'],
      [2024, 2023, '2023 年全县共收到申请 10 件。'],
    ]);
    expect(text.slice(f[0]!.narrative!.start, f[0]!.narrative!.end)).toBe(f[0]!.narrative!.quote);
  });

  it('says once that a sentence names last year, however often it names it (a period 「自2023年1月1日起至2023年12月31日止」)', () => {
    const f = codes(r2024('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'), 'NARR-YEAR');
    expect(f).toHaveLength(1);
    // two sentences with the year each are still two findings
    expect(codes(r2024('2023 年，全县共主动公开政府信息 13200 条。2023 年全县共收到申请 10 件。'), 'NARR-YEAR')).toHaveLength(2);
  });

  it('flags a statistical period of another year', () => {
    expect(codes(r2024('本报告数据统计时间为 2023 年 1 月 1 日至 12 月 31 日。'), 'NARR-YEAR')).toHaveLength(1);
    expect(codes(r2024('本报告数据统计时间为2024年1月1日起至12月31日止。'), 'NARR-YEAR')).toHaveLength(0);
    expect(codes(r2024('本报告数据统计时间为 2025 年 1 月 1 日至 12 月 31 日。'), 'NARR-YEAR')).toHaveLength(1);
    expect(codes(r2024('本报告统计期限为二〇二三年一月一日至十二月三十一日。'), 'NARR-YEAR').map((f) => f.actual)).toEqual([2023]);
    expect(codes(r2024('二〇二三年，我县持续推进政务公开。二〇二四年，我县持续推进。'), 'NARR-YEAR').map((f) => f.narrative!.quote)).toEqual([
      '二〇二三年，我县持续推进政务公开。',
    ]);
  });

  it('leaves alone: document numbers, titles, comparisons, plans, dates, other references', () => {
    const fine = [
      '严格落实《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）。',
      '按照《2023 年政务公开工作要点》要求推进。',
      '与 2023 年相比，申请数量增长 10%。',
      '较 2023 年增加 5 件。',
      '2025 年，我县将进一步完善公开目录。',
      '2023 年 12 月出台的制度于今年落实。',
      '自 2019 年以来持续推进。',
      '针对 2023 年度报告评议中指出的问题进行整改。',
      '2022—2024 年规划稳步实施。',
      '2022 年至 2024 年，全县共建成平台 3 个。',
    ];
    for (const t of fine) expect(codes(r2024(t), 'NARR-YEAR'), t).toEqual([]);
  });

  it('the 2023 seed texts kept in a 2024 report: the sentences narrating 2023 are flagged, nothing else', () => {
    for (const f of SEED_FILES) {
      const r = createReport({ ...seedReportWithNarratives(f), year: 2024 });
      const found = codes(r, 'NARR-YEAR');
      expect(found.length, f).toBeGreaterThan(0);
      for (const x of found) {
        expect(x.actual).toBe(2023);
        expect(/^2023\s*年/.test(x.narrative!.quote) || /统计时间为 2023 年/.test(x.narrative!.quote), x.narrative!.quote).toBe(true);
      }
    }
  });

  it('nothing on the five 2023 seeds', () => {
    for (const f of SEED_FILES) expect(codes(seedReportWithNarratives(f), 'NARR-YEAR'), f).toEqual([]);
  });
});

describe('NARR-PLACEHOLDER', () => {
  it('XX, ××, 待补充, 待填写, TODO, 【】 are flagged with the sentence', () => {
    const text = '本年度共主动公开信息 XX 条。\n制发规范性文件××件。\n平台建设情况待补充。\n监督保障：待填写。\nTODO 写培训。\n【】\n统计【填写单位名称】。';
    const f = codes(r2024(text), 'NARR-PLACEHOLDER');
    expect(f.map((x) => x.actual)).toEqual(['XX', '××', '待补充', '待填写', 'TODO', '【】', '【填写单位名称】']);
    expect(f[0]!.narrative!.quote).toBe('本年度共主动公开信息 XX 条。');
  });
  it('no false alarm on ordinary text and the seeds', () => {
    expect(codes(r2024('举办 XXL 号活动？不。启用移动云防火墙 waf 应用服务，二〇〇八年以来。'), 'NARR-PLACEHOLDER')).toEqual([]);
    for (const f of SEED_FILES) expect(codes(seedReportWithNarratives(f), 'NARR-PLACEHOLDER'), f).toEqual([]);
  });
});

describe('NARR-FEES: 六 must report 信息处理费', () => {
  it('every seed states its fees in 六: nothing flagged', () => {
    for (const f of SEED_FILES) expect(codes(seedReportWithNarratives(f), 'NARR-FEES'), f).toEqual([]);
  });
  it('a 六 that says nothing about fees, or is empty, is flagged at 六', () => {
    const f = codes(r2024('总体情况。', '本年度无其他需要报告的事项。'), 'NARR-FEES');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('信息处理费');
    expect(f[0]!.narrative!.section).toBe('other_matters');
    expect(codes(r2024('总体情况。', ''), 'NARR-FEES')).toHaveLength(1);
    expect(codes(r2024('总体情况。', '本年度未收取信息公开处理费用。'), 'NARR-FEES')).toHaveLength(0);
  });
});

describe('NARR-REUSED: text carried over from last year', () => {
  it('similarity: 1 for the same text, high for a changed year, low for different text', () => {
    expect(similarity('全年共受理政府信息公开申请', '全年共受理政府信息公开申请')).toBe(1);
    expect(similarity('2023年全县政务公开水平持续提升进一步创新公开形式', '2024年全县政务公开水平持续提升进一步创新公开形式')).toBeGreaterThan(0.9);
    expect(similarity('加强政府网站安全排查', '规范依申请公开答复格式')).toBeLessThan(0.3);
  });

  it("last year's text with the year changed: every long sentence is reused, each one highlighted", () => {
    const file = '2023_xuchang-city.txt';
    const last = seedNarratives(file);
    const next = Object.fromEntries(Object.entries(last).map(([k, v]) => [k, v.replace(/2023/g, '2024')])) as typeof last;
    const m = measureReuse(next, last);
    expect(m.share).toBeGreaterThan(0.95);
    const r = createReport({
      ...seedReportWithNarratives(file),
      year: 2024,
      narratives: next,
      baseline: { agency: '许昌市人民政府', year: 2023, cells: seedReportWithNarratives(file).cells, narratives: last },
    });
    const f = codes(r, 'NARR-REUSED');
    expect(f.length).toBe(m.reused.length);
    expect(f.length).toBeGreaterThan(10);
    for (const x of f) expect(next[x.narrative!.section as 'overview'].slice(x.narrative!.start, x.narrative!.end)).toBe(x.narrative!.quote);
    expect(f[0]!.message).toContain('上年（2023 年）报告');
  });

  it('a report rewritten this year is below the threshold: nothing flagged', () => {
    const last = seedNarratives('2023_xinxiang-city-office.txt');
    const now = seedNarratives('2023_xiuwu-county.txt');
    const m = measureReuse(now, last);
    expect(m.share).toBeLessThan(REUSE_SHARE_THRESHOLD);
    const r = createReport({ year: 2024, narratives: now, baseline: { agency: 'x', year: 2023, cells: createReport().cells, narratives: last } });
    expect(codes(r, 'NARR-REUSED')).toEqual([]);
  });

  it('half of the sentences reused (above 30%): only those are flagged', () => {
    const last = '一是加强政府网站安全排查，及时整改发现的问题。二是规范依申请公开答复格式和答复内容。三是加强政务新媒体日常监测和通报。';
    const now = '一是加强政府网站安全排查，及时整改发现的问题。二是规范依申请公开答复格式和答复内容。今年新建了政策文件库并完成历史文件清理。';
    const r = createReport({
      year: 2024,
      narratives: { overview: now, problems: '', other_matters: FEES_OK },
      baseline: { agency: '', year: 2023, cells: createReport().cells, narratives: { overview: last, problems: '', other_matters: '' } },
    });
    const f = codes(r, 'NARR-REUSED');
    expect(f.map((x) => x.narrative!.quote)).toEqual(['一是加强政府网站安全排查，及时整改发现的问题。', '二是规范依申请公开答复格式和答复内容。']);
  });
});
