/**
 * Parsing XML parts of untrusted files. No Office part needs a DOCTYPE, and a DOCTYPE is what
 * entity-expansion attacks ("billion laughs", external entities) need, so any DOCTYPE or ENTITY
 * declaration is refused before the parser sees the text.
 */
import { DOMParser } from '@xmldom/xmldom';
import { LightAttributes, parseXmlLight } from './xml-light';

/**
 * The little of an XML tree the readers walk. Both parsers build trees that satisfy it: xmldom's DOM and the fast
 * reader's (xml-light.ts), so the readers cannot come to rely on anything the fast reader does not build.
 */
export type XmlNode = { readonly nodeType: number; readonly nextSibling: XmlNode | null; readonly textContent: string | null };
export type XmlAttr = { readonly name: string; readonly localName: string | null; readonly value: string };
export type XmlElement = XmlNode & {
  readonly tagName: string;
  readonly localName: string | null;
  readonly firstChild: XmlNode | null;
  readonly attributes: { readonly length: number; item(i: number): XmlAttr | null };
};
export type XmlDocument = { readonly documentElement: XmlElement | null };

export class XmlError extends Error {}

const DTD = /<!\s*(DOCTYPE|ENTITY)/i;

/** Real Office parts nest a few dozen elements deep (tables in tables included); far deeper is an attack on recursion. */
export const MAX_XML_DEPTH = 256;

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * The deepest element nesting, found by a linear scan of the tags, before any parser recurses into it. A tag is
 * `<name…>` or `</name…>` up to the next `>` (self-closing when the `>` follows a `/`); an indexOf scan, since
 * a regex's match objects made this check cost a third of parsing a Word document.
 */
export const xmlDepth = (text: string, stopAt = Infinity): number => {
  let depth = 0;
  let max = 0;
  for (let at = text.indexOf('<'); at >= 0;) {
    const closing = text.charCodeAt(at + 1) === 47;
    if (!isNameStart(text.charCodeAt(at + (closing ? 2 : 1)))) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    const gt = text.indexOf('>', at);
    if (gt < 0) break;
    if (closing) depth--;
    else if (text.charCodeAt(gt - 1) !== 47) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    }
    at = text.indexOf('<', gt + 1);
  }
  return max;
};

export const parseXml = (text: string, part: string): XmlDocument => {
  // Office's own parts: the fast reader's walk, guarded, shows no DTD and no deep nesting on the way (xml-light.ts)
  const checked = parseXmlLight(text, MAX_XML_DEPTH);
  if (checked) return checked;
  if (DTD.test(text)) throw new XmlError(`文件部件「${part}」含有 DOCTYPE/ENTITY 声明（正常的 Word/Excel 文件不会有，可能是恶意构造的文件），已拒绝读取`);
  if (xmlDepth(text, MAX_XML_DEPTH) > MAX_XML_DEPTH)
    throw new XmlError(`文件部件「${part}」的结构嵌套超过 ${MAX_XML_DEPTH} 层，不像正常的 Word/Excel 文件（可能是恶意构造的文件），已拒绝读取`);
  // The fast reader builds what the readers walk; whatever it does not accept goes to xmldom below.
  const light = parseXmlLight(text);
  if (light) return light;
  let problem = '';
  const parser = new DOMParser({
    // positions are not worth their cost: messages name the part, not the line
    locator: false,
    onError: (level, msg) => {
      if (level !== 'warning' && !problem) problem = msg;
      if (level === 'fatalError') throw new XmlError(msg);
    },
  });
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new XmlError(`文件部件「${part}」不是有效的 XML，文件可能已损坏（${(e as Error).message.split('\n')[0]}）`);
  }
  if (problem || !doc.documentElement) throw new XmlError(`文件部件「${part}」不是有效的 XML，文件可能已损坏${problem ? `（${problem.split('\n')[0]}）` : ''}`);
  return doc;
};

export const isElement = (n: XmlNode | null | undefined): n is XmlElement => !!n && n.nodeType === 1;

/** Child elements, optionally only those with the given local name (namespace prefixes vary between producers). */
export const childElements = (el: XmlElement, localName?: string): XmlElement[] => {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (isElement(n) && (!localName || n.localName === localName)) out.push(n);
  return out;
};

export const firstChild = (el: XmlElement, localName: string): XmlElement | undefined => {
  for (let n = el.firstChild; n; n = n.nextSibling) if (isElement(n) && n.localName === localName) return n;
  return undefined;
};

/** Attribute by local name, whatever its prefix (w:val, val, r:id). */
export const attr = (el: XmlElement, localName: string): string | null => {
  const a = el.attributes;
  // the fast reader's attributes answer without an object per attribute (xml-light.ts)
  if (a instanceof LightAttributes) return a.byLocalName(localName);
  for (let i = 0; i < a.length; i++) {
    const x = a.item(i)!;
    if ((x.localName ?? x.name) === localName) return x.value;
  }
  return null;
};

/** All descendant elements with a local name, in document order. */
export const descendants = (el: XmlElement, localName: string): XmlElement[] => {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (!isElement(n)) continue;
      if (n.localName === localName) out.push(n);
      walk(n);
    }
  };
  walk(el);
  return out;
};
