/**
 * Chromium, WPS and others embed one glyph for a character and the radical it looks like, and write
 * the radical's code point into the PDF's text map: 「人民」 comes out as U+2F08 U+2EA0. Kangxi
 * radicals (U+2F00–U+2FD5) have a compatibility mapping to the ideograph; the CJK radicals supplement
 * (U+2E80–U+2EFF) has none, so its simplified forms that are whole characters are listed here.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e9d': '月',
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea9': '王',
  '\u2eac': '示',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed1': '長',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2eef': '龍',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};
/** Kangxi radicals whose compatibility mapping is the traditional form, where the report's text is simplified. */
const SIMPLIFIED: Readonly<Record<string, string>> = { '\u2f3e': '户' };

/**
 * Radicals, and CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F: one glyph shared by 「年」 and its
 * compatibility twin, the twin's code point written into the map), whose canonical mapping is the unified ideograph.
 */
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fd5\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/u;
const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fd5\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/gu;

export const unifyRadicals = (s: string): string =>
  RADICAL.test(s) ? s.replace(RADICALS, (c) => SUPPLEMENT[c] ?? SIMPLIFIED[c] ?? (c >= '\u2f00' ? c.normalize('NFKC') : c)) : s;
