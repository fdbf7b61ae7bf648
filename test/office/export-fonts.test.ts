/**
 * assets/fonts/fonts.conf maps every face the Word export names (and their common other names) onto an installed
 * CJK font of the right kind, so LibreOffice renders 仿宋/楷体/黑体/小标宋 as such rather than a Latin fallback.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FONTS, FONT_ENTRIES } from '../../shared/export/docx-fonts';
import { FONTS_CONF } from '../helpers/office';

const match = (family: string): string =>
  execFileSync('fc-match', [family, 'family', 'style'], { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, encoding: 'utf8' }).trim();

const KIND: Record<string, RegExp> = {
  仿宋_GB2312: /^Noto Serif CJK SC:style=Regular/,
  仿宋: /^Noto Serif CJK SC:style=Regular/,
  FangSong: /^Noto Serif CJK SC:style=Regular/,
  宋体: /^Noto Serif CJK SC:style=Regular/,
  SimSun: /^Noto Serif CJK SC:style=Regular/,
  楷体_GB2312: /^AR PL UKai CN/,
  楷体: /^AR PL UKai CN/,
  KaiTi: /^AR PL UKai CN/,
  黑体: /^Noto Sans CJK SC/,
  SimHei: /^Noto Sans CJK SC/,
  方正小标宋简体: /^Noto Serif CJK SC:style=Bold/,
  方正小标宋_GBK: /^Noto Serif CJK SC:style=Bold/,
  'Times New Roman': /^Noto Serif CJK SC/,
};

describe('fonts.conf maps the official font names onto installed CJK fonts', () => {
  it.each(Object.entries(KIND))('%s', (family, want) => {
    expect(match(family)).toMatch(want);
  });

  it('covers every face the Word export names and every fallback in its font table', () => {
    const named = new Set([...Object.values(FONTS), ...FONT_ENTRIES.flatMap((f) => [f.name, ...(f.altName ? [f.altName] : [])])]);
    for (const f of named) expect(Object.keys(KIND)).toContain(f);
  });
});
