/**
 * A small, fast XML reader for the parts of Word and Excel files, building only what the readers
 * walk (firstChild/nextSibling, localName, attributes, textContent). xmldom builds a full DOM and
 * validates every name, which made reading a .docx ~10× slower than reading it needs to be; batches
 * of a thousand reports (CLI validate) are dominated by it. Anything this reader does not accept
 * (a DTD, malformed markup, a stray entity) makes it return null, and parseXml falls back to xmldom,
 * so refusals and their messages are unchanged.
 */

export type LightAttr = { readonly name: string; readonly localName: string; readonly value: string };
export type LightNode = LightElement | LightText;

export class LightText {
  readonly nodeType = 3;
  nextSibling: LightNode | null = null;
  constructor(readonly data: string) {}
  get textContent(): string {
    return this.data;
  }
}

/** An element's attributes, kept flat (name, local name, value, …): an object per attribute is made only when asked by item(). */
export class LightAttributes {
  constructor(private readonly flat: readonly string[]) {}
  get length(): number {
    return this.flat.length / 3;
  }
  item(i: number): LightAttr | null {
    const k = i * 3;
    return k >= 0 && k < this.flat.length ? { name: this.flat[k]!, localName: this.flat[k + 1]!, value: this.flat[k + 2]! } : null;
  }
  /** The value of the first attribute with this local name (what xml.ts attr() asks), or null. */
  byLocalName(localName: string): string | null {
    for (let k = 1; k < this.flat.length; k += 3) if (this.flat[k] === localName) return this.flat[k + 1]!;
    return null;
  }
}
const NO_ATTRIBUTES = new LightAttributes([]);

export class LightElement {
  readonly nodeType = 1;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  nextSibling: LightNode | null = null;
  readonly localName: string;
  constructor(
    readonly tagName: string,
    readonly attributes: LightAttributes,
    localName?: string,
  ) {
    if (localName !== undefined) this.localName = localName;
    else {
      const c = tagName.indexOf(':');
      this.localName = c < 0 ? tagName : tagName.slice(c + 1);
    }
  }
  append(n: LightNode): void {
    if (this.lastChild) this.lastChild.nextSibling = n;
    else this.firstChild = n;
    this.lastChild = n;
  }
  get textContent(): string {
    let s = '';
    for (let n = this.firstChild; n; n = n.nextSibling) s += n.textContent;
    return s;
  }
}

export type LightDocument = { readonly documentElement: LightElement };

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g;
class Unsupported extends Error {}

const decode = (s: string): string => {
  if (s.indexOf('&') < 0) return s;
  if (/&(?!#x[0-9a-fA-F]+;|#\d+;|[a-zA-Z]+;)/.test(s)) throw new Unsupported(); // a bare & is not well-formed
  return s.replace(ENTITY, (_m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!(cp > 0 && cp <= 0x10ffff)) throw new Unsupported();
      return String.fromCodePoint(cp);
    }
    const v = NAMED[e];
    if (v === undefined) throw new Unsupported();
    return v;
  });
};

/**
 * The parsed document, or null when the text is not plain well-formed XML of the kind Office writes.
 *
 * With maxDepth, also null when the text is deeper than that or holds anything that could make parseXml's checks
 * before parsing (a DTD or ENTITY declaration, xmlDepth) see it differently from this walk: a comment, CDATA section
 * or processing instruction with a `<` inside, an attribute value with a `>`, an element name starting with a
 * non-ASCII letter. A document it returns passes both checks, so parseXml need not scan the text for them first.
 */
export const parseXmlLight = (raw: string, maxDepth?: number): LightDocument | null => {
  try {
    return parse(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'), maxDepth ?? Infinity, maxDepth !== undefined);
  } catch (e) {
    if (e instanceof Unsupported || maxDepth !== undefined) return null;
    throw e;
  }
};

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
/** A name starts with a letter, _ or a non-ASCII character (XML 1.0 NameStartChar, simplified). */
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0xc0;

/** In guarded mode, a `<` between from and to (a comment's, CDATA's or instruction's body) makes the text one for the full checks. */
const guardBody = (text: string, from: number, to: number): void => {
  const x = text.indexOf('<', from);
  if (x >= 0 && x < to) throw new Unsupported();
};

// Scans are charCodeAt loops, not indexOf/slice per piece: most tags follow one another directly and names and
// attribute values are a few characters, where a builtin call costs more than the scan.
const parse = (text: string, maxDepth: number, guarded: boolean): LightDocument => {
  const stack: LightElement[] = [];
  let top: LightElement | null = null;
  let root: LightElement | null = null;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = text.charCodeAt(i) === 60 ? i : text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const chunk = text.slice(i, end);
      if (top) top.append(new LightText(decode(chunk)));
      else if (chunk.trim()) throw new Unsupported(); // text outside the root element
    }
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      const q = text.indexOf('?>', lt + 2);
      if (q < 0) throw new Unsupported();
      if (guarded) guardBody(text, lt + 2, q);
      i = q + 2;
    } else if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const q = text.indexOf('-->', lt + 4);
        if (q < 0) throw new Unsupported();
        if (guarded) guardBody(text, lt + 4, q);
        i = q + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const q = text.indexOf(']]>', lt + 9);
        if (q < 0 || !top) throw new Unsupported();
        if (guarded) guardBody(text, lt + 9, q);
        top.append(new LightText(text.slice(lt + 9, q)));
        i = q + 3;
      } else throw new Unsupported(); // DOCTYPE and other declarations: the full parser decides
    } else if (c === 0x2f /* / */) {
      // </name> with optional spaces before the >, name that of the open element
      if (!top) throw new Unsupported();
      const name = top.tagName;
      let e = lt + 2;
      for (let k = 0; k < name.length; k++, e++) if (text.charCodeAt(e) !== name.charCodeAt(k)) throw new Unsupported();
      while (e < n && isSpace(text.charCodeAt(e))) e++;
      if (text.charCodeAt(e) !== 62) throw new Unsupported();
      stack.pop();
      top = stack.length ? stack[stack.length - 1]! : null;
      i = e + 1;
    } else {
      if (!isNameStart(c) || (guarded && c >= 0xc0)) throw new Unsupported();
      let j = lt + 2;
      let colon = -1;
      for (; j < n; j++) {
        const ch = text.charCodeAt(j);
        if (isSpace(ch) || ch === 47 || ch === 62 || ch === 60 || ch === 61 || ch === 34 || ch === 39) break;
        if (ch === 58 && colon < 0) colon = j;
      }
      const name = text.slice(lt + 1, j);
      const localName = colon < 0 ? name : text.slice(colon + 1, j);
      let attrs: string[] | null = null;
      let selfClosing = false;
      for (;;) {
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (j >= n) throw new Unsupported();
        const ch = text.charCodeAt(j);
        if (ch === 62 /* > */) {
          j++;
          break;
        }
        if (ch === 47 /* / */) {
          if (text.charCodeAt(j + 1) !== 62) throw new Unsupported();
          selfClosing = true;
          j += 2;
          break;
        }
        if (!isNameStart(ch)) throw new Unsupported();
        const a0 = j;
        let aColon = -1;
        while (j < n) {
          const x = text.charCodeAt(j);
          if (isSpace(x) || x === 61 || x === 62 || x === 47 || x === 60) break;
          if (x === 58 && aColon < 0) aColon = j;
          j++;
        }
        const an = text.slice(a0, j);
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) !== 61 /* = */) throw new Unsupported();
        j++;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        const quote = text.charCodeAt(j);
        if (quote !== 34 && quote !== 39) throw new Unsupported();
        // the value up to its closing quote: a < in it is not well-formed; &, tab and newline need more work
        let close = j + 1;
        let special = false;
        for (; close < n; close++) {
          const x = text.charCodeAt(close);
          if (x === quote) break;
          if (x === 60) throw new Unsupported();
          if (x === 38 || x === 10 || x === 9) special = true;
          else if (x === 62 && guarded) throw new Unsupported();
        }
        if (close >= n) throw new Unsupported();
        let value = text.slice(j + 1, close);
        if (special) {
          value = decode(value);
          if (value.indexOf('\n') >= 0 || value.indexOf('\t') >= 0) value = value.replace(/[\t\n]/g, ' ');
        }
        (attrs ??= []).push(an, aColon < 0 ? an : an.slice(aColon - a0 + 1), value);
        j = close + 1;
        const after = text.charCodeAt(j);
        if (!isSpace(after) && after !== 62 && after !== 47) throw new Unsupported();
      }
      const el = new LightElement(name, attrs ? new LightAttributes(attrs) : NO_ATTRIBUTES, localName);
      if (top) top.append(el);
      else if (root)
        throw new Unsupported(); // a second root element
      else root = el;
      if (!selfClosing) {
        stack.push(el);
        if (stack.length > maxDepth) throw new Unsupported();
        top = el;
      }
      i = j;
    }
  }
  if (stack.length || !root) throw new Unsupported();
  return { documentElement: root };
};
