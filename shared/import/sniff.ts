/**
 * What a file really is, from its bytes, not its name: clerks rename files, and browsers and mail
 * clients save web pages and Word files under surprising names.
 */
import { isCfb } from './cfb';
import { isZip } from './zip';
import { byteString } from './bounded';

export type Sniffed =
  | { readonly kind: 'zip' }
  | { readonly kind: 'pdf' }
  /** A Compound File (OLE2): Word 97–2003 .doc or WPS .wps, else an .xls or an encrypted Office file (doc.ts tells). */
  | { readonly kind: 'cfb' }
  /** A web page saved as one file (.mht/.mhtml): a MIME multipart/related message. */
  | { readonly kind: 'mht' }
  | { readonly kind: 'text'; readonly text: string; readonly encoding: 'utf-8' | 'utf-16' | 'gb18030' }
  | { readonly kind: 'refused'; readonly message: string };

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** 「%PDF-」 within the first KB, as PDF readers accept (some tools put junk before it). */
export const isPdf = (b: Uint8Array): boolean => {
  const head = b.subarray(0, 1024);
  for (let i = head.indexOf(0x25); i >= 0 && i + 4 < head.length; i = head.indexOf(0x25, i + 1))
    if (head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  return false;
};

/** Magic numbers of formats a clerk might pick that we cannot read, with what to do instead. */
const KNOWN_BINARIES: readonly { sig: readonly number[]; message: string }[] = [
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], message: '这是 RTF 文件，暂不支持。请在 Word 中“另存为” .docx 后再导入' },
  { sig: [0x52, 0x61, 0x72, 0x21], message: '这是 RAR 压缩包，不是年度报告文件。请先解压，再导入其中的 Word/Excel 文件' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], message: '这是 7z 压缩包，不是年度报告文件。请先解压，再导入其中的 Word/Excel 文件' },
  { sig: [0x1f, 0x8b], message: '这是 gzip 压缩文件，不是年度报告文件。请先解压后再导入' },
  { sig: [0x89, 0x50, 0x4e, 0x47], message: '这是 PNG 图片，不是年度报告文件；图片中的表格无法读取' },
  { sig: [0xff, 0xd8, 0xff], message: '这是 JPEG 图片，不是年度报告文件；图片中的表格无法读取' },
  { sig: [0x4d, 0x5a], message: '这是可执行程序，不是年度报告文件' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], message: '这是可执行程序，不是年度报告文件' },
];

/** Share of control characters (other than tab, newline, carriage return, form feed) above which text is not text. */
const CONTROL = /[\u0000-\u0008\v\u000e-\u001f\ufffd]/;
const controlShare = (s: string): number => {
  const len = Math.min(s.length, 200_000);
  // most texts have none: one native scan says so
  if (!CONTROL.test(len < s.length ? s.slice(0, len) : s)) return 0;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) n++;
  }
  return len ? n / len : 0;
};

const NOT_TEXT = '文件内容无法识别：不是 Word(.docx/.doc)、Excel(.xlsx)、PDF、本程序的报告文件、网页或文本文件，可能已损坏或格式不受支持';

const decode = (b: Uint8Array): Sniffed => {
  if (starts(b, [0xef, 0xbb, 0xbf])) return { kind: 'text', text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (starts(b, [0xff, 0xfe])) return { kind: 'text', text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16' };
  if (starts(b, [0xfe, 0xff])) return { kind: 'text', text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16' };
  // NUL bytes never occur in UTF-8 or GB18030 text
  if (b.subarray(0, 65536).includes(0)) return { kind: 'refused', message: NOT_TEXT };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // not UTF-8: older Windows tools save Chinese text as GBK, of which GB18030 is a superset
  }
  try {
    return { kind: 'text', text: new TextDecoder('gb18030', { fatal: true }).decode(b), encoding: 'gb18030' };
  } catch {
    return { kind: 'refused', message: NOT_TEXT };
  }
};

/** A MIME message whose head names multipart/related: a page saved as one file (.mht/.mhtml) by a browser or Word. */
export const looksLikeMht = (b: Uint8Array): boolean => {
  const h = byteString(b, headEnd(b, Math.min(b.length, 8192)));
  return /^mime-version:/im.test(h) && /^content-type:\s*multipart\/related/im.test(h);
};

/**
 * Where the first blank line (\r?\n\r?\n) of the first `limit` bytes begins, else limit: the message head. Found on the
 * bytes, so only the head is made a string (a text report's first blank line comes after a line or two).
 */
const headEnd = (b: Uint8Array, limit: number): number => {
  const at = (i: number) => (i < limit ? b[i] : -1);
  for (let p = 0; p < limit; p++) {
    const q = b[p] === 0x0d ? p + 1 : p;
    if (at(q) !== 0x0a) continue;
    const r = at(q + 1) === 0x0d ? q + 2 : q + 1;
    if (at(r) === 0x0a) return p;
  }
  return limit;
};

/** Text whose encoding nobody named: UTF-8 (with or without BOM), UTF-16 by its BOM, else GB18030. */
export const decodeText = (b: Uint8Array): string => {
  const d = decode(b);
  return d.kind === 'text' ? d.text : new TextDecoder('utf-8').decode(b);
};

export const sniff = (bytes: Uint8Array): Sniffed => {
  if (bytes.length === 0) return { kind: 'refused', message: '文件是空的（0 字节）' };
  if (isZip(bytes)) return { kind: 'zip' };
  if (isPdf(bytes)) return { kind: 'pdf' };
  if (isCfb(bytes)) return { kind: 'cfb' };
  for (const k of KNOWN_BINARIES) if (starts(bytes, k.sig)) return { kind: 'refused', message: k.message };
  if (looksLikeMht(bytes)) return { kind: 'mht' };
  const d = decode(bytes);
  if (d.kind === 'text' && controlShare(d.text) > 0.01) return { kind: 'refused', message: NOT_TEXT };
  return d;
};

/** An HTML page (saved from a browser, or Word's "save as web page"), as opposed to plain text. */
export const looksLikeHtml = (text: string): boolean => {
  const head = text.slice(0, 4096).trimStart();
  return (
    /^<(!doctype\s+html|html|head|body|meta|table|div|p|\?xml[^>]*>\s*<html)\b/i.test(head) ||
    (head.startsWith('<') && /<(html|body|table)\b/i.test(text.slice(0, 65536)))
  );
};

/** Our own report file: a JSON object that names our format. */
export const looksLikeOurJson = (text: string): boolean => /^\s*\{/.test(text) && /"format"\s*:\s*"disclosure-report"/.test(text.slice(0, 4096));
