import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bare, canonicalText, compact, isDashCell, isEmptyCell, isLabelCell, isNumberCell, numberText } from '../../shared/import/labels';
import { headingIndex } from '../../shared/import/sections';
import { textToBlocks } from '../../shared/import/text';

/**
 * labels.ts answers most cells without normalising them (ASCII digits are a number, a text that starts with a CJK
 * ideograph is words, a text of letters, digits and ideographs is its own compact form). These answers must be the
 * ones the full normalisation gives: here the definitions written out in full, over every cell of the seed reports
 * and the texts around the shortcuts' edges.
 */
const fullCompact = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '');
const fullBare = (s: string) => fullCompact(s).replace(/[^\p{L}\p{N}]/gu, '');
const fullCanonical = (s: string) =>
  fullCompact(s)
    .replace(/钩稽/g, '勾稽')
    .replace(/先行有效/g, '现行有效')
    .replace(/废纸/g, '废止')
    .replace(/行政法复议/g, '行政复议')
    .replace(/行政止公开/g, '行政法规禁止公开');
const fullDash = (s: string) => /^[-—–－/／~～]+$|^无$/.test(fullCompact(s));
const fullEmpty = (s: string) => fullCompact(s) === '' || fullDash(s);

const seedCells = (): string[] => {
  const dir = 'test/fixtures/seeds';
  const cells = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')))
    for (const b of textToBlocks(readFileSync(`${dir}/${f}`, 'utf8'))) {
      if (b.kind === 'table') for (const r of b.rows) for (const c of r) cells.add(c);
      else cells.add(b.text);
    }
  return [...cells];
};

const EDGES = [
  '𠀀',
  '\ud840',
  'Ⅻ',
  '①',
  '½',
  '・',
  '（一）',
  '12万元',
  '无件',
  '钩稽关系',
  '先行有效件数',
  '行政法复议',
  '0',
  '007',
  '12',
  '１２',
  '12件',
  '1,052',
  '零',
  '零件',
  '〇',
  '无',
  '无此项',
  '一',
  '一、总体情况',
  '⼀',
  '件',
  '万元',
  'ab12',
  '规章',
  '规 章',
  '“规章”',
  'e\u0301',
  '计',
  '—',
  '12 3',
  ' 12',
  '12\u3000',
];

describe('cell kinds and label forms worked out by shortcut', () => {
  const texts = [...seedCells(), ...EDGES, ...EDGES.flatMap((a) => EDGES.map((b) => a + b))];

  it('a seed report has cells of every kind the shortcuts take (numbers and words)', () => {
    expect(texts.some((c) => /^\d+$/.test(c))).toBe(true);
    expect(texts.some((c) => /^[\u4e00-\u9fff]/.test(c))).toBe(true);
  });

  it('compact, bare and canonicalText agree with NFKC and the removals written out', () => {
    for (const s of texts) {
      expect(compact(s), s).toBe(fullCompact(s));
      expect(bare(s), s).toBe(fullBare(s));
      expect(canonicalText(s), s).toBe(fullCanonical(s));
    }
  });

  it('number, dash, empty and label answers agree with the full reading of the cell', () => {
    for (const s of texts) {
      expect(isDashCell(s), s).toBe(fullDash(s));
      expect(isEmptyCell(s), s).toBe(fullEmpty(s));
      expect(isNumberCell(s), s).toBe(numberText(s) !== null);
      expect(isLabelCell(s), s).toBe(!fullEmpty(s) && numberText(s) === null);
    }
    // a unit after 零 leaves the Chinese zero: a number, though the cell starts with an ideograph
    expect(numberText('零件')).toBe('0');
    expect(isNumberCell('零件')).toBe(true);
    expect(isDashCell('无')).toBe(true);
    expect(numberText('007')).toBe('007');
  });

  it('a heading is found whatever marks stand before it, and a line starting otherwise is none', () => {
    expect(headingIndex('一、总体情况')).toBe(0);
    expect(headingIndex('## 二、主动公开政府信息情况')).toBe(1);
    expect(headingIndex('\u3000三、收到和处理政府信息公开申请情况')).toBe(2);
    expect(headingIndex('⼀、总体情况')).toBe(0);
    expect(headingIndex('> * 四、政府信息公开行政复议、行政诉讼情况')).toBe(3);
    expect(headingIndex('2、总体情况')).toBe(-1);
    expect(headingIndex('七、总体情况')).toBe(-1);
  });
});
