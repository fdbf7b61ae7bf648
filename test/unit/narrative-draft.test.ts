import { describe, expect, it } from 'vitest';
import { QUOTE_MAX } from '../../shared/narrative/sentences';
import { COMPLETENESS_CODES } from '../../shared/narrative/completeness';
import { draftApplicationSentence, draftReviewSentence } from '../../shared/narrative/draft';
import { readStatements, readT4Claims } from '../../shared/narrative/statements';
import { createReport, type Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const withOverview = (r: Report, overview: string): Report => createReport({ ...r, narratives: { ...r.narratives, overview } });
const narr = (r: Report) =>
  evaluate(r).filter((f) => f.code.startsWith('NARR-') && !COMPLETENESS_CODES.has(f.code) && !['NARR-FEES', 'NARR-REUSED'].includes(f.code));

describe('drafted sentences agree with the tables by construction', () => {
  it('on the five seeds: the standard sentences state the table figures and raise no NARR- finding', () => {
    for (const f of SEED_FILES) {
      const r = seedReport(f);
      const text = `${draftApplicationSentence(r)}\n${draftReviewSentence(r)}`;
      expect(narr(withOverview(r, text)), `${f}: ${text}`).toEqual([]);
      const keys = readStatements(text).map((s) => s.quantity.key);
      expect(keys, text).toContain('t3.new');
      expect(keys, text).toContain('t3.total');
    }
  });

  it('济源 2023: the exact sentences', () => {
    const r = seedReport('2023_jiyuan-city.txt');
    expect(draftApplicationSentence(r)).toBe(
      '2023 年共收到政府信息公开申请 335 件，上年结转 4 件，办结 332 件，其中予以公开 194 件、不予公开 18 件、无法提供 113 件、不予处理 2 件、其他处理 5 件；结转下年度继续办理 7 件。',
    );
    expect(draftReviewSentence(r)).toBe(
      '2023 年，本机关因政府信息公开被申请行政复议 12 件，其中结果维持 5 件、结果纠正 1 件、尚未审结 6 件；被提起行政诉讼 3 件，其中结果维持 2 件、结果纠正 1 件（未经复议直接起诉 1 件，复议后起诉 2 件）。',
    );
  });

  it('all zero: 「未发生…行政复议和行政诉讼」, read back as zero claims for both', () => {
    const r = seedReport('2023_xiuwu-county.txt');
    const s = draftReviewSentence(r);
    expect(s).toBe('2023 年未发生因政府信息公开引起的行政复议和行政诉讼。');
    expect(readT4Claims(s).map((c) => [c.kind, c.subject])).toEqual([
      ['none', 'review'],
      ['none', 'suit'],
    ]);
    const empty = createReport({ year: 2024 });
    expect(draftApplicationSentence(empty)).toBe('2024 年未收到政府信息公开申请。');
  });

  it('on 30 random consistent reports: no NARR- finding on the drafted text', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = randomConsistentReport(seed);
      const text = `${draftApplicationSentence(r)}\n${draftReviewSentence(r)}`;
      expect(narr(withOverview(r, text)), `${seed}: ${text}`).toEqual([]);
    }
  });

  it('stays linked: insert, change a cell, the inserted sentence is flagged with the new table value', () => {
    const r = seedReport('2023_xuchang-city.txt');
    const sentence = draftApplicationSentence(r);
    const before = `（二）依申请公开方面。${sentence}`;
    const inserted = withOverview(r, `一段别的文字。\n${before}`);
    expect(narr(inserted)).toEqual([]);
    // One application moves from 无法提供 (不掌握) to 予以公开: the tables stay consistent, the old sentence does not.
    const cells = {
      ...r.cells,
      't3.granted.natural': 490,
      't3.granted.total': 490,
      't3.unavailable_not_held.natural': 385,
      't3.unavailable_not_held.total': 391,
    };
    const changed = createReport({ ...inserted, cells });
    const found = narr(changed);
    const granted = found.find((f) => f.code === 'NARR-GRANTED')!;
    expect(granted.expected).toBe(490);
    expect(granted.actual).toBe(489);
    const start = changed.narratives.overview.indexOf(sentence);
    // the sentence is longer than a quote: the quote is the part of it around 「予以公开 489 件」
    const n = granted.narrative!;
    expect(n.section).toBe('overview');
    expect(n.start).toBeGreaterThanOrEqual(start);
    expect(n.end).toBeLessThanOrEqual(start + sentence.length);
    expect(n.quote).toBe(changed.narratives.overview.slice(n.start, n.end));
    expect(n.quote).toContain('予以公开 489 件');
    expect(n.quote.length).toBeLessThanOrEqual(QUOTE_MAX);
    expect(found.find((f) => f.code === 'NARR-UNAVAILABLE')!.expected).toBe(413);
    // 表四 too
    const review = draftReviewSentence(r);
    const withReview = withOverview(r, review);
    expect(narr(withReview)).toEqual([]);
    const c2 = createReport({ ...withReview, cells: { ...r.cells, 't4.review.upheld': 12, 't4.review.total': 32 } });
    const codes = narr(c2).map((f) => `${f.code}:${f.expected}/${f.actual}`);
    expect(codes).toContain('NARR-REVIEW:32/31');
    expect(codes).toContain('NARR-REVIEW-UPHELD:12/11');
  });
});
