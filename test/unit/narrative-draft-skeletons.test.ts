/**
 * Drafting help for the completeness checks (issue 16, item 4): each missing subject is offered with its standard
 * heading or sentence skeleton for its own section, and once inserted the check that asked for it is satisfied.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { missingSubjects } from '../../shared/narrative/completeness';
import { draftSkeletons, insertParagraphs } from '../../shared/narrative/draft';
import type { NarrativeId } from '../../shared/format/types';
import { createReport, type Report } from '../../shared/report';
import { seedText } from '../helpers/seeds';

const jiyuan = (() => {
  const r = importText(seedText('2023_jiyuan-city.txt'));
  if (!r.ok) throw new Error(r.message);
  return r.report;
})();
const insertAll = (r: Report, section: NarrativeId): Report => {
  let text = r.narratives[section];
  for (const s of draftSkeletons(r, section)) text = insertParagraphs(text, text.length, text.length, s.text).text;
  return { ...r, narratives: { ...r.narratives, [section]: text } };
};

describe('插入标准表述 for what is missing', () => {
  it('a report that leaves out every subject: each one offered in its section, and inserting them all satisfies every check', () => {
    const bare = createReport({
      agency: '某县人民政府',
      year: 2024,
      narratives: { overview: '本年度工作情况良好。', problems: '工作取得一定成效。', other_matters: '无。' },
    });
    const before = missingSubjects(bare).map((m) => m.id);
    expect(before).toEqual([
      'opening.period',
      'opening.contact',
      'overview.active',
      'overview.request',
      'overview.management',
      'overview.platform',
      'overview.supervision',
      'gov.assessment',
      'problems.last-year',
      'problems.this-year',
    ]);
    const offered = draftSkeletons(bare, 'overview');
    expect(offered.map((s) => s.label)).toContain('政府信息公开平台建设');
    expect(offered.find((s) => s.id === 'overview.supervision')!.text).toBe('（五）监督保障\n……');
    expect(offered.find((s) => s.id === 'opening.period')!.text).toBe('本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。');
    expect(draftSkeletons(bare, 'problems').map((s) => s.label)).toEqual(['上年度问题整改情况', '本年度存在的主要问题及改进措施']);
    const drafted = insertAll(insertAll(bare, 'overview'), 'problems');
    expect(missingSubjects(drafted)).toEqual([]);
  });

  it('on a seed copy that drops 监督保障, its heading is offered for 一 (and the 考核、评议、责任追究 it held)', () => {
    const paras = jiyuan.narratives.overview.split('\n');
    const i = paras.findIndex((p) => p.startsWith('（五）监督保障'));
    const cut = { ...jiyuan, narratives: { ...jiyuan.narratives, overview: paras.slice(0, i).join('\n') } };
    expect(draftSkeletons(cut, 'overview').map((s) => s.id)).toEqual(['opening.contact', 'overview.supervision', 'gov.assessment']);
    expect(draftSkeletons(jiyuan, 'overview').map((s) => s.id)).toEqual(['opening.contact']);
  });

  it('a skeleton goes in as paragraphs of its own, wherever the caret is', () => {
    expect(insertParagraphs('开头。结尾。', 3, 3, '（五）监督保障\n……')).toEqual({ text: '开头。\n（五）监督保障\n……\n结尾。', from: 4, to: 14 });
    expect(insertParagraphs('', 0, 0, 'X')).toEqual({ text: 'X', from: 0, to: 1 });
    expect(insertParagraphs('甲\n乙', 2, 2, 'X')).toEqual({ text: '甲\nX\n乙', from: 2, to: 3 });
  });
});
