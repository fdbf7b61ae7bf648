/**
 * Phrasings seen on real reports the product had not met (issue 16): the false alarms that must stay quiet, and the
 * misses that must fire, each with the figure that explains it. Tables: 济源 2023 (表三 一 335, 二 4, 予以公开 194,
 * 部分公开 0, 不予公开 18, 无法提供 113 of which 本机关不掌握 98, 办结 332).
 */
import type { CellId } from '../../shared/format/types';
import { describe, expect, it } from 'vitest';
import { COMPLETENESS_CODES } from '../../shared/narrative/completeness';
import { readStatements } from '../../shared/narrative/statements';
import { uncertainCells } from '../../shared/import/types';
import { T3_COLUMNS } from '../../shared/format/table3';
import { CELL_IDS, t3 } from '../../shared/format/cells';
import { createReport, type Cells, type Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { seedReport } from '../helpers/seeds';

const J = '2023_jiyuan-city.txt';
const report = (overview: string, year = 2023, cells?: Cells): Report =>
  createReport({ ...seedReport(J), year, ...(cells ? { cells } : {}), narratives: { overview, problems: '', other_matters: '本年度未收取信息处理费。' } });
const TABLE_CODES = /^NARR-(?!YEAR|PLACEHOLDER|FEES$|REUSED)/;
const narr = (r: Report, uncertain: CellId[] = []) =>
  evaluate(r, null, { uncertainCells: uncertain }).filter((f) => TABLE_CODES.test(f.code) && !COMPLETENESS_CODES.has(f.code));
const codes = (t: string, year = 2023, cells?: Cells) => narr(report(t, year, cells)).map((f) => `${f.code}:${f.expected}/${f.actual}`);

describe('false alarms seen on real reports stay quiet', () => {
  it('「收办」 counts new and carried-over applications: 一 + 二 (339) or 一 alone (335) are both right', () => {
    expect(codes('全年收办政府信息公开申请 339 件。')).toEqual([]);
    expect(codes('全年收办政府信息公开申请 335 件。')).toEqual([]);
    const [f] = narr(report('全年收办政府信息公开申请 300 件。'));
    expect([f!.code, f!.expected, f!.actual]).toEqual(['NARR-NEW', 339, 300]);
    expect(f!.cells).toEqual(['t3.new.total', 't3.carried_in.total']);
    expect(f!.message).toContain('本年新收与上年结转之和（一 + 二）');
  });

  it('a Chinese numeral inside a slogan or a goal is not a quantity', () => {
    for (const t of [
      '依申请公开方面，坚持办结一件申请、规范一类答复。',
      '依申请公开方面，推行“一件事一次办”，办结一件申请即回访一次。',
      '依申请公开方面，深化“一网通办”“一次办好”改革，群众申请“最多跑一次”。',
      '依申请公开方面，每一件申请都按期办结。',
    ]) {
      expect(readStatements(t)).toEqual([]);
      expect(codes(t)).toEqual([]);
    }
    // a count is still a count: 「办结一件。」
    expect(codes('依申请公开方面，本年度办结一件。')).toEqual(['NARR-CONCLUDED:332/1']);
  });

  it('no accusation when the compared cell is on a row the reader marked as uncertain', () => {
    const r = report('全年共收到政府信息公开申请 300 件。');
    expect(narr(r).map((f) => f.code)).toEqual(['NARR-NEW']);
    const notes = [
      {
        level: 'warning' as const,
        table: 't3' as const,
        message: '表三「一、本年新收政府信息公开申请数量」一行有空格，数字所在的列无法完全确定，请核对',
        cells: T3_COLUMNS.map((c) => t3('new', c.id)),
      },
    ];
    expect(narr(r, uncertainCells(notes))).toEqual([]);
    // an info note does not make a row uncertain; another row's uncertainty changes nothing here
    expect(uncertainCells([{ ...notes[0]!, level: 'info' }])).toEqual([]);
    expect(narr(r, ['t3.granted.total']).map((f) => f.code)).toEqual(['NARR-NEW']);
  });
});

describe('misses seen on real reports now fire, with the figure that explains them', () => {
  it('combined groups are compared with the sum of the groups named', () => {
    expect(codes('依申请公开方面，办结的申请中予以公开及部分公开 194 件，不予公开和无法提供 131 件。')).toEqual([]);
    const f = narr(report('依申请公开方面，办结的申请中予以公开及部分公开 258 件。'));
    expect(f.map((x) => `${x.code}:${x.expected}/${x.actual}`)).toEqual(['NARR-GROUPS:194/258']);
    expect(f[0]!.cells).toEqual(['t3.granted.total', 't3.partial.total']);
    expect(f[0]!.message).toContain('予以公开及部分公开');
    expect(codes('依申请公开方面，予以公开和部分公开 190 件。')).toEqual(['NARR-GROUPS:194/190']);
    const g = narr(report('依申请公开方面，不予公开和无法提供 113 件。'));
    expect(g.map((x) => `${x.code}:${x.expected}/${x.actual}`)).toEqual(['NARR-GROUPS:131/113']);
    expect(g[0]!.cells).toHaveLength(11);
    expect(g[0]!.message).toContain('113 与「无法提供」一项相同，不予公开及无法提供合计为 131');
  });

  it('a blank 总计 column: the text is compared with the sum of the applicant columns, and the message says so', () => {
    const cells = { ...seedReport(J).cells };
    for (const id of CELL_IDS) if (/^t3\.[a-z_]+\.total$/.test(id)) cells[id] = null;
    expect(codes('全年共收到政府信息公开申请 335 件，予以公开 194 件。', 2023, cells)).toEqual([]);
    const [f] = narr(report('全年共收到政府信息公开申请 261 件。', 2023, cells));
    expect([f!.code, f!.expected, f!.actual]).toEqual(['NARR-NEW', 335, 261]);
    expect(f!.message).toContain('总计栏空白，按各申请人列之和计');
    expect(f!.message).toContain('261 与自然人一列相同');
  });

  it('「因本机关不掌握等原因无法提供」 is the whole 无法提供 group; equal to the sub-item alone, it says so', () => {
    expect(readStatements('依申请公开方面，因本机关不掌握等原因无法提供 113 件。').map((s) => s.quantity.key)).toEqual(['t3.group.unavailable']);
    expect(codes('依申请公开方面，因本机关不掌握等原因无法提供 113 件。')).toEqual([]);
    const [f] = narr(report('依申请公开方面，因本机关不掌握等原因无法提供 98 件。'));
    expect([f!.code, f!.expected, f!.actual]).toEqual(['NARR-UNAVAILABLE', 113, 98]);
    expect(f!.message).toContain('98 与「1.本机关不掌握相关政府信息」一项相同，无法提供合计为 113');
    // without 「等」 the sub-item is what is counted, as before
    expect(codes('依申请公开方面，因本机关不掌握相关政府信息无法提供 98 件。')).toEqual([]);
  });

  it('a stale year right after a run-in heading with no punctuation: the heading ends where the year begins', () => {
    const year = (t: string) =>
      evaluate(report(t, 2024))
        .filter((f) => f.code === 'NARR-YEAR')
        .map((f) => f.actual);
    expect(year('（二）主动公开政府信息的主要类别2023年，在主动公开的61条政府信息中，规章 1 件。')).toEqual([2023]);
    expect(year('（一）年度工作计划执行情况2023年，全市共公开信息 5 条。')).toEqual([2023]);
    // the heading's 「计划」 no longer hides it, but a comparison in the clause itself still does
    expect(year('（一）年度工作计划执行情况2023年同比增长 5%。')).toEqual([]);
    expect(year('（一）年度工作计划执行情况。2023 年工作计划全部完成。')).toEqual([]);
  });
});
