/**
 * The end of a report: the 落款 (agency and date) goes to its own field, the 版记 (抄送, 印发, 附注) is left out
 * with a note, and neither is appended to 六 — from our own exports and from Word files and pages made by others.
 */
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { buildHtml } from '../../shared/export/html';
import { importReportFile } from '../../shared/import';
import { createReport, type Report } from '../../shared/report';
import { signOffDateHint, signOffLayout } from '../../shared/report/sign-off';
import { reportDocx } from '../helpers/make-docx';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { seedNarratives } from './export-readers';

const SIGN_OFF = { agency: '济源市人民政府办公室', date: '2024年1月20日' };
const signed = (): Report => createReport({ ...seedReport(SEED_FILES[0]!), narratives: seedNarratives(SEED_FILES[0]!), signOff: SIGN_OFF });

const read = async (name: string, bytes: Uint8Array) => {
  const r = await importReportFile(name, bytes);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('落款 read back from our own exports', () => {
  it('Word: the 落款 comes back in its field, 六 exactly as it was', async () => {
    const report = signed();
    const back = await read('ours.docx', await buildDocx(report));
    expect(back.report.signOff).toEqual(SIGN_OFF);
    expect(back.report.narratives.other_matters).toBe(report.narratives.other_matters);
  });

  it('HTML: the same', async () => {
    const report = signed();
    const back = await read('ours.html', new TextEncoder().encode(buildHtml(report)));
    expect(back.report.signOff).toEqual(SIGN_OFF);
    expect(back.report.narratives.other_matters).toBe(report.narratives.other_matters);
  });

  it('a report without a 落款 prints none and reads back without one', async () => {
    const report = createReport({ ...signed(), signOff: { agency: '', date: '' } });
    const back = await read('ours.docx', await buildDocx(report));
    expect(back.report.signOff).toEqual({ agency: '', date: '' });
    expect(back.report.narratives.other_matters).toBe(report.narratives.other_matters);
  });
});

describe('the end of a Word file made by others', () => {
  const seed = signed();
  const six = seed.narratives.other_matters;

  it('落款 on two lines, then 附注, 抄送 and 印发: 落款 in its field, the 版记 dropped with a note, 六 untouched', async () => {
    const bytes = reportDocx(seed, {
      ending: [
        '济源市人民政府办公室',
        '2024年1月9日',
        '（此件公开发布）',
        '抄送：市委办公室，市人大常委会办公室。',
        '济源市人民政府办公室　　　　2024年1月9日印发',
      ],
    });
    const r = await read('他人.docx', bytes);
    expect(r.report.signOff).toEqual({ agency: '济源市人民政府办公室', date: '2024年1月9日' });
    expect(r.report.narratives.other_matters).toBe(six);
    const dropped = r.notes.find((n) => n.message.includes('版记'))!;
    expect(dropped.level).toBe('info');
    expect(dropped.message).toContain('抄送：市委办公室');
    expect(dropped.message).toContain('印发');
  });

  it('落款 on one line (agency and date separated by spaces), and dates written with leading zeros or spaces', async () => {
    for (const [line, expected] of [
      ['济源市人民政府办公室　　2024年1月9日', { agency: '济源市人民政府办公室', date: '2024年1月9日' }],
      ['济源市人民政府办公室 2024 年 01 月 09 日', { agency: '济源市人民政府办公室', date: '2024年01月09日' }],
    ] as const) {
      const r = await read('他人.docx', reportDocx(seed, { ending: [line] }));
      expect(r.report.signOff, line).toEqual(expected);
      expect(r.report.narratives.other_matters).toBe(six);
    }
  });

  it('a date alone is the 落款 date; a sentence of 六 that ends with a date is not', async () => {
    const alone = await read('他人.docx', reportDocx(seed, { ending: ['2024年1月9日'] }));
    expect(alone.report.signOff).toEqual({ agency: '', date: '2024年1月9日' });
    const sentence = '本报告统计期限截至2023年12月31日';
    const r = await read('他人.docx', reportDocx(seed, { ending: [sentence] }));
    expect(r.report.signOff).toEqual({ agency: '', date: '' });
    expect(r.report.narratives.other_matters).toBe(`${six}\n${sentence}`);
  });
});

describe('落款 helpers', () => {
  it('a date not written as GB/T 9704 asks gets a hint; a good one or a blank none', () => {
    expect(signOffDateHint('2025年1月20日')).toBe('');
    expect(signOffDateHint('')).toBe('');
    for (const bad of ['2025年01月20日', '二〇二五年一月二十日', '2025.1.20', '25年1月20日']) expect(signOffDateHint(bad), bad).toMatch(/阿拉伯数字/);
  });

  it('indents after GB/T 9704 §7.3.5.3: agency two characters in, the date starting two characters right of the agency', () => {
    // agency 10 characters ending 2 in: it starts 12 in, the date 2 right of that, 10 in
    expect(signOffLayout({ agency: '济源市人民政府办公室', date: '2024年1月20日' })).toEqual({ agencyRight: 2, dateStart: 10 });
    // a short agency: the date (about 6.5 characters) stands two characters in and the agency moves left to keep the offset
    expect(signOffLayout({ agency: '济源市政府', date: '2024年1月20日' })).toEqual({ agencyRight: 5.5, dateStart: 8.5 });
  });
});
