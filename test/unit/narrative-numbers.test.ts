import { describe, expect, it } from 'vitest';
import { amountToFen, findNegations, findNumbers, parseChineseNumeral } from '../../shared/narrative/numbers';

const nums = (t: string) => findNumbers(t).map((n) => [n.decimal, n.unit, n.approx]);

describe('numbers in Chinese prose', () => {
  it('Chinese numerals', () => {
    const cases: [string, number][] = [
      ['十二', 12],
      ['两', 2],
      ['十', 10],
      ['二十', 20],
      ['一百零五', 105],
      ['三千', 3000],
      ['一万二千', 12000],
      ['三百四十五', 345],
      ['二〇二三', 2023],
      ['零', 0],
      ['九', 9],
    ];
    for (const [s, v] of cases) expect(parseChineseNumeral(s), s).toBe(v);
    expect(parseChineseNumeral('十二件')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
  });

  it('Arabic numbers with their unit: half and full width, thousands separators, decimals, 万', () => {
    expect(nums('受理 261 件')).toEqual([['261', '件', false]]);
    expect(nums('受理1,091件')).toEqual([['1091', '件', false]]);
    expect(nums('受理１０５２件')).toEqual([['1052', '件', false]]);
    expect(nums('收费 5884.0157 万元')).toEqual([['5884.0157', '万元', false]]);
    expect(nums('信息 2.7 万条')).toEqual([['27000', '条', false]]);
    expect(nums('信息 17 万条')).toEqual([['170000', '条', false]]);
    expect(nums('收取 12.50 元')).toEqual([['12.5', '元', false]]);
    expect(findNumbers('共 1,091 件')[0]!.value).toBe(1091);
    expect(findNumbers('2.5 件')[0]!.value).toBeNull();
  });

  it('Chinese numerals need a unit; ordinals and enumerations are not counts', () => {
    expect(nums('十二件、两件、一百零五项、三千条')).toEqual([
      ['12', '件', false],
      ['2', '件', false],
      ['105', '项', false],
      ['3000', '条', false],
    ]);
    expect(nums('一是加强培训，二是第一次会议，三级目录')).toEqual([]);
    expect(nums('第 3 期')).toEqual([]);
  });

  it('years, dates, percentages and bare numbers are not stated counts', () => {
    expect(nums('2023 年 1 月 1 日至 12 月 31 日，办结率 100%，12345 热线')).toEqual([]);
  });

  it('approximate numbers are marked', () => {
    expect(nums('信息 100 余条、2000 多条、约 30 件、50 件左右')).toEqual([
      ['100', '条', true],
      ['2000', '条', true],
      ['30', '件', true],
      ['50', '件', true],
    ]);
  });

  it('offsets point at the number and unit in the original text', () => {
    const t = '其中予以公开 162 件、不予公开十七件';
    const [a, b] = findNumbers(t);
    expect(t.slice(a!.start, a!.end)).toBe('162 件');
    expect(t.slice(a!.start, a!.numberEnd)).toBe('162');
    expect(t.slice(b!.start, b!.end)).toBe('十七件');
  });

  it('amounts to 分 without floats', () => {
    expect(amountToFen('5884.0157', '万元')).toBe(58840157n * 100n);
    expect(amountToFen('0.000001', '万元')).toBe(1n);
    expect(amountToFen('12.5', '元')).toBe(1250n);
    expect(amountToFen('1.234', '元')).toBeNull();
    expect(amountToFen('3', '件')).toBeNull();
  });

  it('negations that state zero, and the words that only look like one', () => {
    const words = (t: string) => findNegations(t).map((n) => n.word);
    expect(words('未发生行政复议，没有收到申请，无行政诉讼')).toEqual(['未发生', '没有', '无']);
    expect(words('无法提供，无正当理由，未经复议直接起诉，尚未审结，无力更新')).toEqual([]);
  });
});
