/**
 * Word's automatic numbering: a heading typed as 「总体情况」 with list numbering shows as
 * 「一、总体情况」, a sub-item 「属于国家秘密」 as 「1.属于国家秘密」, but the number is not in the
 * text — it lives in numbering.xml (and, for styles such as 标题 1, in styles.xml). Readers see
 * the number, so it is rendered here the way Word counts: per list, per level, deeper levels
 * restarting when a shallower one advances.
 */
import { type XmlDocument, type XmlElement, attr, childElements, firstChild } from './xml';

type Level = { start: number; format: string; text: string; suffix: string };
type NumDef = { abstractId: string; starts: Map<number, number> };

const CN = '〇一二三四五六七八九';
const chineseCounting = (n: number): string => {
  if (n <= 0) return String(n);
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
};
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const roman = (n: number): string => {
  const t: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of t)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
};
const letter = (n: number): string => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

export const formatNumber = (n: number, format: string): string => {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return n < 10 ? LEGAL[n]! : chineseCounting(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
};

export type Numbering = {
  /** The label Word shows before this paragraph (「一、」「1.」), or '' if it is not numbered. */
  labelOf(p: XmlElement): string;
};

const NONE: Numbering = { labelOf: () => '' };

const numPrOf = (pPr: XmlElement | undefined): { numId: string | null; ilvl: number | null } | null => {
  const numPr = pPr ? firstChild(pPr, 'numPr') : undefined;
  if (!numPr) return null;
  const numId = firstChild(numPr, 'numId');
  const ilvl = firstChild(numPr, 'ilvl');
  return { numId: numId ? attr(numId, 'val') : null, ilvl: ilvl ? Number(attr(ilvl, 'val')) : null };
};

export const readNumbering = (numberingXml: XmlDocument | null, stylesXml: XmlDocument | null): Numbering => {
  if (!numberingXml?.documentElement) return NONE;
  const root = numberingXml.documentElement;
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of childElements(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of childElements(a, 'lvl')) {
      const v = (name: string) => {
        const e = firstChild(l, name);
        return e ? attr(e, 'val') : null;
      };
      levels.set(Number(attr(l, 'ilvl') ?? 0), {
        start: Number(v('start') ?? 1),
        format: v('numFmt') ?? 'decimal',
        text: v('lvlText') ?? '',
        suffix: v('suff') ?? 'tab',
      });
    }
    abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, NumDef>();
  for (const n of childElements(root, 'num')) {
    const a = firstChild(n, 'abstractNumId');
    const starts = new Map<number, number>();
    for (const o of childElements(n, 'lvlOverride')) {
      const s = firstChild(o, 'startOverride');
      if (s) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(attr(s, 'val') ?? 1));
    }
    nums.set(attr(n, 'numId') ?? '', { abstractId: a ? (attr(a, 'val') ?? '') : '', starts });
  }
  // numbering that a paragraph gets from its style (标题 1 numbered 「一、」), following basedOn
  const styleNum = new Map<string, { numId: string | null; ilvl: number | null }>();
  const basedOn = new Map<string, string>();
  if (stylesXml?.documentElement)
    for (const s of childElements(stylesXml.documentElement, 'style')) {
      const id = attr(s, 'styleId') ?? '';
      const np = numPrOf(firstChild(s, 'pPr'));
      if (np) styleNum.set(id, np);
      const b = firstChild(s, 'basedOn');
      if (b) basedOn.set(id, attr(b, 'val') ?? '');
    }
  const fromStyle = (styleId: string | null) => {
    for (let id = styleId, depth = 0; id && depth < 10; id = basedOn.get(id) ?? null, depth++) {
      const np = styleNum.get(id);
      if (np) return np;
    }
    return null;
  };

  const counters = new Map<string, number[]>();
  return {
    labelOf: (p) => {
      const pPr = firstChild(p, 'pPr');
      const own = numPrOf(pPr);
      const styleEl = pPr ? firstChild(pPr, 'pStyle') : undefined;
      const inherited = fromStyle(styleEl ? attr(styleEl, 'val') : null);
      const numId = own?.numId ?? inherited?.numId ?? null;
      const ilvl = Math.max(0, Math.min(8, own?.ilvl ?? inherited?.ilvl ?? 0));
      if (!numId || numId === '0') return '';
      const num = nums.get(numId);
      const levels = num ? abstracts.get(num.abstractId) : undefined;
      const lvl = levels?.get(ilvl);
      if (!num || !levels || !lvl) return '';
      const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
      const c = counters.get(numId) ?? Array.from({ length: 9 }, (_, l) => startOf(l) - 1);
      c[ilvl] = c[ilvl]! + 1;
      for (let l = ilvl + 1; l < 9; l++) c[l] = startOf(l) - 1;
      counters.set(numId, c);
      if (lvl.format === 'bullet') return '';
      const text = lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
        const l = Number(d) - 1;
        return formatNumber(Math.max(c[l]!, startOf(l)), levels.get(l)?.format ?? 'decimal');
      });
      return text + (lvl.suffix === 'space' || lvl.suffix === 'tab' ? ' ' : '');
    },
  };
};
