/**
 * A small tolerant HTML tree builder for saved report pages: enough of the HTML parsing rules (void
 * elements, implied end tags of p/li/td/tr, stray end tags ignored, raw-text elements skipped) to
 * recover paragraphs and tables from what CMSs and Word's "save as web page" produce. It builds data only:
 * no script runs, no URL is resolved, no entity beyond the HTML named set is expanded.
 */

export type HtmlNode = {
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly children: HtmlNode[];
  /** Text of a '#text' node (entities decoded). */
  text: string;
  parent: HtmlNode | null;
  readonly depth: number;
  /** On the root only: the page's <title>. */
  title?: string;
};

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'frame',
  'keygen',
]);
/** Their content is text up to the matching end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);
/**
 * Block-level elements: each starts a new line of text (html.ts reads flow and cells by them), and opening one closes
 * an open <p> (HTML's implied end tag) — except the table's own parts and the document's elements, which a <p> inside
 * a cell or the body does not end at.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'address',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
  'body',
  'html',
  'form',
  'fieldset',
]);
const KEEPS_P = new Set(['tr', 'td', 'th', 'caption', 'body', 'html']);

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  emsp: '\u2003',
  ensp: '\u2002',
  thinsp: '\u2009',
  ideographicspace: '\u3000',
  times: '×',
  divide: '÷',
  deg: '°',
  laquo: '«',
  raquo: '»',
  bull: '•',
  copy: '©',
  reg: '®',
  yen: '¥',
  permil: '‰',
  plusmn: '±',
  zwj: '',
  zwnj: '',
  shy: '',
};

export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,16});?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    const v = NAMED[e.toLowerCase()];
    return v ?? m;
  });

const node = (tag: string, attrs: Record<string, string>, parent: HtmlNode | null, text = ''): HtmlNode => ({
  tag,
  attrs,
  children: [],
  text,
  parent,
  depth: parent ? parent.depth + 1 : 0,
});

/** Deeper nesting than any real page: further elements stay at this depth, so walking the tree never exhausts the stack. */
export const MAX_DEPTH = 200;

/** A start or end tag; attributes are bounded so a page of unclosed '<' stays linear. */
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]{0,4096})>/y;

const ATTR_RE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const parseAttrs = (s: string): Record<string, string> => {
  const out: Record<string, string> = {};
  let m: RegExpExecArray | null;
  ATTR_RE.lastIndex = 0;
  while ((m = ATTR_RE.exec(s))) {
    const name = m[1]!.toLowerCase();
    if (!(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
};

/** Builds the tree. Malformed markup degrades to text; the work is linear in the input. */
export const html2Tree = (html: string): HtmlNode => {
  const root = node('#root', {}, null);
  let cur = root;
  let i = 0;
  const n = html.length;
  // how many elements of each name are open: most lookups end here without walking the stack
  const openCount = new Map<string, number>();
  const open = (tag: string) => {
    if (!openCount.get(tag)) return null;
    let p: HtmlNode | null = cur;
    while (p) {
      if (p.tag === tag) return p;
      if (p.tag === 'table' && tag !== 'table') return null;
      p = p.parent;
    }
    return null;
  };
  const closeTo = (target: HtmlNode) => {
    for (let x: HtmlNode | null = cur; x && x !== root; x = x.parent) {
      openCount.set(x.tag, (openCount.get(x.tag) ?? 1) - 1);
      if (x === target) break;
    }
    cur = target.parent ?? root;
  };
  const impliedClose = (tag: string) => {
    if (BLOCK_TAGS.has(tag) && !KEEPS_P.has(tag)) {
      const p = open('p');
      if (p) closeTo(p);
    }
    if (tag === 'li') {
      const li = open('li');
      if (li) closeTo(li);
    }
    if (tag === 'td' || tag === 'th') {
      const cell = open('td') ?? open('th');
      if (cell) closeTo(cell);
    }
    if (tag === 'tr') {
      const tr = open('tr');
      if (tr) closeTo(tr);
    }
    if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') {
      for (const t of ['tr', 'tbody', 'thead', 'tfoot']) {
        const x = open(t);
        if (x) closeTo(x);
      }
    }
  };
  const addText = (t: string) => {
    if (!t) return;
    const last = cur.children[cur.children.length - 1];
    if (last && last.tag === '#text') last.text += decodeEntities(t);
    else cur.children.push(node('#text', {}, cur, decodeEntities(t)));
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(html.slice(i));
      break;
    }
    if (lt > i) addText(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      // doctype, CDATA, processing instructions: no entity or DTD is ever read
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    TAG_RE.lastIndex = i;
    const m = TAG_RE.exec(html);
    if (!m) {
      addText('<');
      i++;
      continue;
    }
    i += m[0].length;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase().replace(/^[a-z]+:/, '');
    if (closing) {
      const target = open(tag);
      if (target) closeTo(target);
      continue;
    }
    const attrs = parseAttrs(m[3] ?? '');
    if (RAW_TEXT.has(tag)) {
      const endRe = new RegExp(`</${tag}\\s*>`, 'gi');
      endRe.lastIndex = i;
      const em = endRe.exec(html);
      const content = html.slice(i, em ? em.index : n);
      i = em ? em.index + em[0].length : n;
      if (tag === 'title') root.title ??= decodeEntities(content);
      // a skipped element stays in the tree (empty) so its position is known
      cur.children.push(node(tag, attrs, cur));
      continue;
    }
    impliedClose(tag);
    const el = node(tag, attrs, cur);
    cur.children.push(el);
    if (!VOID.has(tag) && !m[3]!.trimEnd().endsWith('/') && el.depth < MAX_DEPTH) {
      cur = el;
      openCount.set(tag, (openCount.get(tag) ?? 0) + 1);
    }
  }
  return root;
};

/** The text content of a node; block children and <br> start new lines. */
export const textOf = (n: HtmlNode, keep: (n: HtmlNode) => boolean, blockTags: ReadonlySet<string>): string => {
  let out = '';
  const walk = (x: HtmlNode) => {
    if (x.tag === '#text') {
      out += x.text;
      return;
    }
    if (!keep(x)) return;
    if (x.tag === 'br') {
      out += '\n';
      return;
    }
    const block = blockTags.has(x.tag);
    if (block) out += '\n';
    for (const c of x.children) walk(c);
    if (block) out += '\n';
  };
  for (const c of n.children) walk(c);
  return out;
};
