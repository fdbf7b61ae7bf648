import { describe, expect, it } from 'vitest';
import { COMPLETENESS_CODES } from '../../shared/narrative/completeness';
import { readStatements, readT4Claims } from '../../shared/narrative/statements';
import { createReport, type Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { seedReport } from '../helpers/seeds';

/** [sentence, the statements it makes: quantity key and stated value (money in 分)]. */
const FOUND: [string, [string, number][]][] = [
  [
    '全年共受理政府信息公开申请 1091 件（含上年结转 39 件），已办结 1086 件，结转下年办理 5 件。',
    [
      ['t3.new', 1091],
      ['t3.carried_in', 39],
      ['t3.total', 1086],
      ['t3.carried_out', 5],
    ],
  ],
  [
    '本年度新收政府信息公开申请十二件，上年结转两件，办结一百零五件。',
    [
      ['t3.new', 12],
      ['t3.carried_in', 2],
      ['t3.total', 105],
    ],
  ],
  ['共收到政府信息公开申请 1,052 件。', [['t3.new', 1052]]],
  ['依申请公开方面，全年收到申请 52 件。', [['t3.new', 52]]],
  ['我办共计收到政府信息公开申请１０５２项。', [['t3.new', 1052]]],
  [
    '2023 年共受理依申请公开 222 件，上年结转申请 5 件，办结 215 件，结转下年度办理 12 件。',
    [
      ['t3.new', 222],
      ['t3.carried_in', 5],
      ['t3.total', 215],
      ['t3.carried_out', 12],
    ],
  ],
  [
    '已办结的申请中，予以公开 489 件、部分公开 14 项、不予公开 88 条、无法提供 414 宗、不予处理 29 起、其他处理 49 件。',
    [
      ['t3.group.granted', 489],
      ['t3.group.partial', 14],
      ['t3.group.withheld', 88],
      ['t3.group.unavailable', 414],
      ['t3.group.declined', 29],
      ['t3.group.other', 49],
    ],
  ],
  [
    '收到政府信息公开申请 27 项，其中属于已主动公开范围 4 项，部分同意公开 1 项，不予公开 1 项，不属于本行政机关掌握信息 21 项。',
    [
      ['t3.new', 27],
      ['t3.group.partial', 1],
      ['t3.group.withheld', 1],
      ['t3.row.unavailable_not_held', 21],
    ],
  ],
  [
    '对申请人的申请，同意公开 30 件，因本机关不掌握相关政府信息无法提供 21 件，重复申请 2 件，涉及国家秘密不予公开 3 件。',
    [
      ['t3.group.granted', 30],
      ['t3.row.unavailable_not_held', 21],
      ['t3.row.declined_repeat', 2],
      ['t3.row.withheld_secret', 3],
    ],
  ],
  [
    '办结的申请中，无法提供 21 件，不予公开 3 件。',
    [
      ['t3.group.unavailable', 21],
      ['t3.group.withheld', 3],
    ],
  ],
  [
    '依申请公开办理中，本机关不掌握相关信息 21 件，需要另行制作 3 件。',
    [
      ['t3.row.unavailable_not_held', 21],
      ['t3.row.unavailable_needs_creation', 3],
    ],
  ],
  ['办结的申请中予以公开的共 162 件。', [['t3.group.granted', 162]]],
  [
    '本年度因政府信息公开被申请行政复议 3 件，其中结果维持 2 件、结果纠正 1 件；被提起行政诉讼 2 件，尚未审结 2 件。',
    [
      ['t4.review.total', 3],
      ['t4.review.upheld', 2],
      ['t4.review.corrected', 1],
      ['t4.suit.total', 2],
      ['t4.suit.pending', 2],
    ],
  ],
  [
    '因政府信息公开被提起行政复议 2 件，未经复议直接起诉 1 件，复议后起诉 2 件。',
    [
      ['t4.review.total', 2],
      ['t4.suit_direct.total', 1],
      ['t4.suit_after_review.total', 2],
    ],
  ],
  ['涉及政府信息公开的行政复议案件 1 起，省政府办公厅予以驳回。', [['t4.review.total', 1]]],
  [
    '（四）依申请公开方面\n行政复议案件 1 起，行政诉讼 2 件。',
    [
      ['t4.review.total', 1],
      ['t4.suit.total', 2],
    ],
  ],
  [
    '本年度制发行政规范性文件 57 件、废止 22 件，现行有效规范性文件 486 件。',
    [
      ['t2.normative.issued', 57],
      ['t2.normative.repealed', 22],
      ['t2.normative.effective', 486],
    ],
  ],
  [
    '本年度政府规章制发 1 部、现行有效 2 部；行政规范性文件制发 131 件、废止 65 件。',
    [
      ['t2.rules.issued', 1],
      ['t2.rules.effective', 2],
      ['t2.normative.issued', 131],
      ['t2.normative.repealed', 65],
    ],
  ],
  [
    '全年作出行政许可决定 41485 件，行政处罚决定 3790 件，行政强制决定 562 件。',
    [
      ['t2.license.decisions', 41485],
      ['t2.penalty.decisions', 3790],
      ['t2.coercion.decisions', 562],
    ],
  ],
  ['本年度行政事业性收费 5884.0157 万元。', [['t2.fees.amount', 5884015700]]],
  ['收费金额共计 58840157 元。', [['t2.fees.amount', 5884015700]]],
  ['本年度未收到政府信息公开申请。', [['t3.new', 0]]],
  [
    '依申请公开方面，本年度无不予公开的申请，没有结转下年度办理的申请，未发生不予处理情形。',
    [
      ['t3.group.withheld', 0],
      ['t3.carried_out', 0],
      ['t3.group.declined', 0],
    ],
  ],
  ['收到的申请中无上年结转申请。', [['t3.carried_in', 0]]],
];

/** Sentences that mention numbers of other things: nothing may be tied to the tables. */
const NOT_FOUND: string[] = [
  '全年通过市政府网站发布政府信息 6988 条。',
  '组织开展政务公开业务培训 3 期。',
  '新增“科普新乡”等 6 个专题栏目。',
  '2023 年政府信息公开平台公开政府文件 87 件，其中，规章 1 件、规范性文件 17 件。',
  '主动公开县政府、县政府办公室各类政策文件 44 件、政策解读 69 条。',
  '全年制发的 65 个政策文件实现 100% 解读。',
  '办理群众来信和网民留言 452 件，办结率 100%。',
  '共发布民生类信息 500 余条，受理政府信息公开申请约 30 件。',
  '12345 政务服务热线解决群众诉求 226905 件。',
  '举办新闻发布会 43 场，开展 32 次表述不规范专项排查。',
  '予以公开的政府信息 5 件。', // not about applications
  '其中属于已主动公开范围 4 项。',
  '先后两次委托第三方检测机构进行检查，明确一名分管领导和 2 名保密人员。',
  '公开行政处罚信息 3790 条，行政许可事项 120 项。',
  '共排查 52 个政府网站，其中 7 个政府网站发现了低风险漏洞。',
  '12 月下发《关于开展政府网站网络安全风险排查和整改的通知》。',
  '办理“我为政府网站找错”平台网民留言 50 条。',
  '收到的政府信息公开申请中，自然人申请 45 件，收到法人或其他组织申请 5 件。', // columns, not the total
  '自然人申请中予以公开 162 件。',
  '通过信函方式收到政府信息公开申请 10 件。',
  '本年度受理行政许可申请 5000 件，办结行政审批申请 4990 件。',
  '依申请公开工作中按期办结 320 件。',
  '信息处理费收费金额 0 元。',
  '全年办理行政复议案件 200 件，行政诉讼 30 件。',
  '依申请公开方面，其中收到政府信息公开申请 10 件。',
  '房屋征收补偿申请 5 件。',
  '项目验收申请 5 件，办理群众申请 12 件。',
  '无法提供的申请中，无正当理由的申请也已答复。',
  '本年度无泄密事件发生，没有不予公开的政务新媒体。', // not about applications
];

const read = (t: string) => readStatements(t).map((s) => [s.quantity.key, s.statedFen !== undefined ? Number(s.statedFen) : s.stated]);

describe('what each phrasing ties to the tables', () => {
  for (const [text, expected] of FOUND) it(`found: ${text}`, () => expect(read(text)).toEqual(expected));
  for (const text of NOT_FOUND) it(`not tied: ${text}`, () => expect(read(text)).toEqual([]));

  it('「（含上年结转 N 件）」 makes the number 一 + 二', () => {
    const [s] = readStatements('全年共受理政府信息公开申请 1091 件（含上年结转 39 件）。');
    expect(s!.includesCarriedIn).toBe(true);
    expect(s!.cells).toEqual(['t3.new.total', 't3.carried_in.total']);
    expect(readStatements('全年共收到政府信息公开申请 1052 件，上年结转 39 件。')[0]!.includesCarriedIn).toBe(false);
  });

  it('claims in words about 表四', () => {
    const claims = (t: string) => readT4Claims(t).map((c) => [c.kind, c.subject]);
    expect(claims('因政府信息公开被申请行政复议 3 件，均获维持。')).toEqual([['all-upheld', 'review']]);
    expect(claims('本年度无政府信息公开行政复议。')).toEqual([['none', 'review']]);
    expect(claims('全年未发生行政复议案件。')).toEqual([]); // not said to be about 政府信息公开
    expect(claims('没有因政府信息公开引起的行政复议和行政诉讼。')).toEqual([
      ['none', 'review'],
      ['none', 'suit'],
    ]);
    expect(claims('2023 年没有由依申请公开引起的行政诉讼，行政复议案件 1 起。')).toEqual([['none', 'suit']]);
    expect(claims('因政府信息公开未经复议直接起诉 1 件，尚未审结 1 件，无法提供 3 件。')).toEqual([]);
  });
});

const report = (file: string, overview: string): Report =>
  createReport({ ...seedReport(file), narratives: { overview, problems: '', other_matters: '本年度未收取信息处理费。' } });
const narr = (r: Report) => evaluate(r).filter((f) => f.code.startsWith('NARR-') && !COMPLETENESS_CODES.has(f.code));

describe('findings from hand-written sentences against a real table (济源 2023)', () => {
  const J = '2023_jiyuan-city.txt';
  it('matching statements raise nothing; 受理 may include 上年结转', () => {
    expect(narr(report(J, '全年共受理政府信息公开申请 339 件，予以公开 194 件，其他处理五件。'))).toEqual([]);
    expect(narr(report(J, '全年共受理政府信息公开申请 339 件（含上年结转 4 件）。'))).toEqual([]);
    expect(narr(report(J, '全年共收到政府信息公开申请三百三十五件。'))).toEqual([]);
  });

  it('「收到」 means 一 only; 「含上年结转」 with the wrong sum is flagged against 一 + 二', () => {
    const [a] = narr(report(J, '全年共收到政府信息公开申请 339 件。'));
    expect([a!.code, a!.expected, a!.actual]).toEqual(['NARR-NEW', 335, 339]);
    expect(a!.message).toContain('339 与本年新收与上年结转之和相同');
    const [b] = narr(report(J, '全年共受理政府信息公开申请 335 件（含上年结转 4 件）。'));
    expect([b!.code, b!.expected, b!.actual]).toEqual(['NARR-NEW', 339, 335]);
    expect(b!.cells).toEqual(['t3.new.total', 't3.carried_in.total']);
  });

  it('「未收到」 when the table has applications; a sub-item; 表二 and the fee in 万元 and 元', () => {
    const codes = (t: string) => narr(report(J, t)).map((f) => `${f.code}:${f.expected}/${f.actual}`);
    expect(codes('本年度未收到政府信息公开申请。')).toEqual(['NARR-NEW:335/0']);
    expect(codes('办结的申请中没有不予公开的。')).toEqual(['NARR-WITHHELD:18/0']);
    expect(codes('办结的申请中没有部分公开的。')).toEqual([]);
    expect(codes('申请中本机关不掌握相关政府信息 57 件。')).toEqual(['NARR-UNAVAILABLE-NOT-HELD:98/57']);
    expect(codes('本年度制发行政规范性文件 56 件、废止 22 件。')).toEqual(['NARR-NORMATIVE-ISSUED:57/56']);
    expect(narr(report(J, '本年度废止行政规范性文件 57 件。'))[0]!.message).toContain('57 与「行政规范性文件本年制发件数」相同，该栏为 22');
    expect(codes('行政事业性收费 5884.0157 万元。')).toEqual([]);
    expect(codes('行政事业性收费 58840157 元。')).toEqual([]);
    expect(codes('行政事业性收费 5884.0158 万元。')).toEqual(['NARR-FEES-AMOUNT:5884.0157/5884.0158']);
  });

  it('表四 numbers and claims: 「均获维持」「无行政复议」 against 表四', () => {
    const codes = (t: string) => narr(report(J, t)).map((f) => `${f.code}:${f.expected}/${f.actual}`);
    expect(codes('因政府信息公开被申请行政复议 12 件，其中结果维持 5 件。')).toEqual([]);
    expect(codes('因政府信息公开被申请行政复议 5 件。')).toEqual(['NARR-REVIEW:12/5']);
    expect(codes('因政府信息公开被申请行政复议 12 件，均获维持。')).toEqual(['NARR-REVIEW-UPHELD:12/5']);
    expect(codes('本年度无政府信息公开行政复议。')).toEqual(['NARR-REVIEW-UPHELD:12/0']);
    expect(codes('全年办理行政复议案件 200 件。')).toEqual([]);
    expect(codes('本年度没有发生政府信息公开行政诉讼。')).toEqual(['NARR-REVIEW-UPHELD:3/0']);
    expect(codes('因政府信息公开被提起行政诉讼 3 件（未经复议直接起诉 1 件，复议后起诉 2 件）。')).toEqual([]);
    const t = '本年度无政府信息公开行政复议。';
    const m = narr(report(J, t))[0]!;
    expect(m.message).toContain('表四行政复议总计为 12');
    expect(m.narrative).toEqual({ section: 'overview', start: 0, end: t.length, quote: t });
  });

  it('NARR-SUM only when the text lists every non-zero group or overshoots', () => {
    const codes = (t: string) => narr(report(J, t)).map((f) => f.code);
    // 济源's table: 194 + 0 + 18 + 113 + 2 + 5 = 332
    expect(codes('申请办结 332 件，其中予以公开 194 件、无法提供 113 件。')).toEqual([]);
    const f = narr(report(J, '申请办结 332 件，其中予以公开 194 件、不予公开 18 件、无法提供 113 件、不予处理 2 件、其他处理 4 件。'));
    expect(f.map((x) => x.code).sort()).toEqual(['NARR-OTHER', 'NARR-SUM']);
    expect(f.find((x) => x.code === 'NARR-SUM')!.actual).toBe(331);
  });
});
