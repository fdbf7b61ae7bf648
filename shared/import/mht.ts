/**
 * A web page saved as one file (.mht/.mhtml: a browser's "save as single file", Word's 单个文件网页): a MIME
 * multipart/related message whose first text/html part is the page, in quoted-printable or base64, in the charset
 * its header or its <meta> names (utf-8, gb2312/gbk/gb18030). That part is decoded and read by the HTML reader;
 * images and style sheets are never decoded. Budgets: parts counted before any is decoded, the page's decoded size
 * capped, one level of nesting.
 */
import { importHtml } from './html';
import { decodeText } from './sniff';
import { byteString as binary } from './bounded';
import type { ImportResult } from './types';

/** A saved page holds its HTML, style sheets, images and frames: a few hundred parts at most. */
export const MAX_MHT_PARTS = 2000;
/** The page's HTML after decoding (a long report is a few hundred KB). */
export const MAX_MHT_HTML_BYTES = 16 * 1024 * 1024;

type Headers = Map<string, string>;

/** Header lines up to the first empty line, folded lines joined; the offset of the body. */
const readHeaders = (s: string, from: number, to: number): { headers: Headers; body: number } => {
  const headers: Headers = new Map();
  let i = from;
  let last = '';
  while (i < to) {
    let nl = s.indexOf('\n', i);
    if (nl < 0 || nl > to) nl = to;
    const line = s.slice(i, nl).replace(/\r$/, '');
    i = nl + 1;
    if (line === '') break;
    if (/^[ \t]/.test(line) && last) headers.set(last, `${headers.get(last)!} ${line.trim()}`);
    else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      headers.set(last, line.slice(colon + 1).trim());
    }
  }
  return { headers, body: Math.min(i, to) };
};

/** A parameter of a header value: boundary="…", charset=gbk. */
const param = (value: string, name: string): string | null => {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
};

export class MhtError extends Error {}

type Part = { headers: Headers; start: number; end: number };

/** The parts between the boundary lines, counted as they are found. */
const partsOf = (s: string, from: number, to: number, boundary: string): Part[] => {
  const delim = `--${boundary}`;
  const parts: Part[] = [];
  let at = s.indexOf(delim, from);
  while (at >= 0 && at < to) {
    if (s.startsWith('--', at + delim.length)) break;
    const lineEnd = s.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd >= to) break;
    let next = s.indexOf(`\n${delim}`, lineEnd);
    if (next < 0 || next >= to) next = to;
    const { headers, body } = readHeaders(s, lineEnd + 1, next);
    // the line break before the next boundary belongs to the boundary
    const end = next > body && s[next - 1] === '\r' ? next - 1 : next;
    parts.push({ headers, start: body, end });
    if (parts.length > MAX_MHT_PARTS)
      throw new MhtError(`网页文件中的部分过多（超过 ${MAX_MHT_PARTS} 个），不像正常保存的网页（可能是恶意构造的文件），已拒绝读取`);
    at = next + 1;
  }
  return parts;
};

const HEX = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

const tooBig = () => new MhtError(`网页文件中的页面解码后超过 ${MAX_MHT_HTML_BYTES / 1024 / 1024} MB 的上限，不像正常的年度报告网页，已拒绝读取`);

const decodeQuotedPrintable = (s: string): Uint8Array => {
  if (s.length > MAX_MHT_HTML_BYTES * 3) throw tooBig();
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) {
      // =\r\n or =\n: a soft line break; =XX: a byte
      if (s[i + 1] === '\n') i += 1;
      else if (s[i + 1] === '\r' && s[i + 2] === '\n') i += 2;
      else if (HEX(s.charCodeAt(i + 1)) >= 0 && HEX(s.charCodeAt(i + 2)) >= 0) {
        out[n++] = HEX(s.charCodeAt(i + 1)) * 16 + HEX(s.charCodeAt(i + 2));
        i += 2;
      } else out[n++] = c;
    } else out[n++] = c & 0xff;
  }
  if (n > MAX_MHT_HTML_BYTES) throw tooBig();
  return out.subarray(0, n);
};

const B64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (B64[c.charCodeAt(0)] = i));

const decodeBase64 = (s: string): Uint8Array => {
  if ((s.length * 3) / 4 > MAX_MHT_HTML_BYTES * 1.1) throw tooBig();
  const out = new Uint8Array(Math.ceil((s.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  if (n > MAX_MHT_HTML_BYTES) throw tooBig();
  return out.subarray(0, n);
};

/** The page part: the one named by the root's start/Snapshot-Content-Location, else the first text/html. */
const findPage = (s: string, headers: Headers, from: number, to: number, depth: number): Part | null => {
  const type = headers.get('content-type') ?? '';
  const boundary = param(type, 'boundary');
  if (!boundary) return null;
  const parts = partsOf(s, from, to, boundary);
  const start = param(type, 'start');
  const location = headers.get('snapshot-content-location');
  const isHtml = (p: Part) => /^text\/html/i.test(p.headers.get('content-type') ?? '');
  const named = parts.find(
    (p) => isHtml(p) && ((start && p.headers.get('content-id') === start) || (location && p.headers.get('content-location') === location)),
  );
  if (named) return named;
  for (const p of parts) {
    if (isHtml(p)) return p;
    if (depth < 1 && /^multipart\//i.test(p.headers.get('content-type') ?? '')) {
      const inner = findPage(s, p.headers, p.start, p.end, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
};

/** The page's charset: its header's, else its <meta>'s, else what the bytes are (UTF-8, else GB18030). */
const pageText = (bytes: Uint8Array, charset: string | null): string => {
  const meta = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]+)/i.exec(binary(bytes, Math.min(bytes.length, 4096)))?.[1] ?? null;
  for (const label of [charset, meta]) {
    if (!label) continue;
    try {
      // gb2312 and gbk are read as gb18030, their superset (a page labelled gb2312 often holds GBK characters)
      const l = /^(gb2312|gbk|x-gbk|gb_2312-80)$/i.test(label) ? 'gb18030' : label;
      return new TextDecoder(l).decode(bytes);
    } catch {
      // an unknown label: fall back on the bytes themselves
    }
  }
  return decodeText(bytes);
};

export const importMht = (bytes: Uint8Array): ImportResult => {
  try {
    const s = binary(bytes);
    const { headers, body } = readHeaders(s, 0, s.length);
    const page = findPage(s, headers, body, s.length, 0);
    if (!page)
      return {
        ok: false,
        kind: 'mht',
        message: '这个单文件网页（.mht）中没有找到网页正文（text/html 部分），可能已损坏。请在浏览器中打开后“另存为”网页（.html）再导入',
      };
    const raw = s.slice(page.start, page.end);
    const enc = (page.headers.get('content-transfer-encoding') ?? '').toLowerCase();
    let decoded: Uint8Array;
    if (enc === 'quoted-printable') decoded = decodeQuotedPrintable(raw);
    else if (enc === 'base64') decoded = decodeBase64(raw);
    else {
      if (raw.length > MAX_MHT_HTML_BYTES) throw tooBig();
      decoded = bytes.subarray(page.start, page.end);
    }
    return { ...importHtml(pageText(decoded, param(page.headers.get('content-type') ?? '', 'charset'))), kind: 'mht' };
  } catch (e) {
    if (e instanceof MhtError) return { ok: false, kind: 'mht', message: e.message };
    throw e;
  }
};
