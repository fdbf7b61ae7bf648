/**
 * Web pages whose section headings are list items numbered by the browser: 「<ol style="list-style-type:
 * cjk-ideographic"><li>总体情况</li>」 shows 「一、总体情况」 though the text has no 一、. The reader numbers them as
 * the page shows them, so the six sections (and the narratives under them) are found; numbering that is not
 * Chinese (1. a. i.), or none at all, adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildHtml } from '../../shared/export/html';
import { importReportFile } from '../../shared/import';
import { htmlToBlocks } from '../../shared/import/html';
import { SECTIONS } from '../../shared/format/sections';
import { createReport } from '../../shared/report';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const seed = seedReport(SEED_FILES[1]!);
const report = createReport({
  ...seed,
  narratives: {
    overview: '本年度，我单位认真贯彻落实条例。\n主动公开信息 120 条。',
    problems: '公开质量有待提高。',
    other_matters: '本年度未收取信息处理费。',
  },
});
/** Our own page without its data island, so that only what it shows is read. */
const page = async () => (await buildHtml(report)).replace(/<script[^>]*data-disclosure-report[\s\S]*?<\/script>/, '');
const HEADING = /<h2[^>]*>([一二三四五六])、([^<]*)<\/h2>/g;
const read = async (html: string) => {
  const r = await importReportFile('年报.html', new TextEncoder().encode(html));
  if (!r.ok) throw new Error(r.message);
  return r.report;
};

describe('headings numbered by an HTML list style', () => {
  it('each heading an <li> of its own <ol start> in cjk-ideographic: read as the page shows it, the same report as with 一、 written out', async () => {
    const plain = await page();
    const listed = plain.replace(
      HEADING,
      (_m, n: string, text: string) =>
        `<ol style="list-style-type: cjk-ideographic" start="${'一二三四五六'.indexOf(n) + 1}"><li><strong>${text}</strong></li></ol>`,
    );
    expect(listed).not.toMatch(/[一二三四五六]、总体情况/);
    const want = await read(plain);
    expect(want.narratives).toEqual(report.narratives);
    expect(await read(listed)).toEqual(want);
  });

  it('one list holding every heading, numbered through value and the shorthand list-style, with the text inside a <p>', () => {
    const items = SECTIONS.map((s, i) => `<li${i === 3 ? ' value="4"' : ''}><p>${s.heading.slice(2)}</p><p>第${i + 1}部分的文字。</p></li>`).join('');
    const blocks = htmlToBlocks(`<body><h1>某县2024年政府信息公开工作年度报告</h1><ol style="list-style: inside simp-chinese-informal">${items}</ol></body>`);
    const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts.filter((t) => SECTIONS.some((s) => s.heading === t))).toEqual(SECTIONS.map((s) => s.heading));
    expect(texts).toContain('第1部分的文字。');
  });

  it('numbering that is not Chinese, or none, adds nothing; an item may set its own style', () => {
    const paragraphs = (html: string) => htmlToBlocks(html).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs('<ol><li>总体情况</li></ol><ol type="a"><li>甲</li></ol><ol style="list-style-type:none"><li>乙</li></ol><ul><li>丙</li></ul>')).toEqual([
      '总体情况',
      '甲',
      '乙',
      '丙',
    ]);
    expect(paragraphs('<ol start="11"><li>甲</li><li style="list-style-type:cjk-ideographic">乙</li></ol>')).toEqual(['甲', '十二、乙']);
    expect(paragraphs('<ol style="list-style-type:cjk-ideographic" start="20"><li>甲</li><li>乙</li></ol>')).toEqual(['二十、甲', '二十一、乙']);
  });
});
