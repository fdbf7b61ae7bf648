/**
 * Web pages saved as one file (.mht) made by hand, as IE, Word (单个文件网页) and old Windows tools write them: a MIME
 * multipart/related message with the page in quoted-printable or base64, in UTF-8 or GBK, beside an image part.
 * (Chromium's own .mhtml is made at test time in test/e2e/import-mht-chromium.test.ts.)
 */
import { concatBytes } from '../../shared/text/bytes';

let gbkTable: Map<string, number[]> | null = null;

/** Text as GBK bytes: the encoder is the decoder run backwards over every two-byte code. */
export const encodeGbk = (text: string): Uint8Array => {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk', { fatal: true });
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        try {
          const c = dec.decode(Uint8Array.of(a, b));
          if (c.length === 1 && !gbkTable.has(c)) gbkTable.set(c, [a, b]);
        } catch {
          // not a GBK code
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
};

/** Quoted-printable with soft line breaks at 76 columns, as mail and IE write it. */
export const quotedPrintable = (bytes: Uint8Array): string => {
  const lines: string[] = [];
  let line = '';
  for (const b of bytes) {
    if (b === 0x0a) {
      lines.push(line);
      line = '';
      continue;
    }
    const t = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + t.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += t;
  }
  lines.push(line);
  return lines.join('\r\n');
};

export const base64Lines = (bytes: Uint8Array): string =>
  (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');

export type MhtOptions = {
  /** How the page's characters are written. */
  readonly bytes?: 'utf-8' | 'gbk';
  /** The charset the part's header names (null: none). */
  readonly charset?: 'utf-8' | 'gb2312' | 'gbk' | null;
  readonly encoding?: 'quoted-printable' | 'base64' | '8bit';
  /** Parts before the page (an image, a style sheet), as some tools order them. */
  readonly partsBefore?: number;
  readonly boundary?: string;
};

/** A single-file page holding `html`, encoded as asked, with a small image part after it. */
export const makeMht = (html: string, o: MhtOptions = {}): Uint8Array => {
  const charset = o.charset === undefined ? (o.bytes ?? 'utf-8') : o.charset;
  const encoding = o.encoding ?? 'quoted-printable';
  const boundary = o.boundary ?? '----=_NextPart_000_0000_01DA1B2C.3D4E5F60';
  const body = (o.bytes ?? (charset === 'gb2312' || charset === 'gbk' ? 'gbk' : 'utf-8')) === 'gbk' ? encodeGbk(html) : new TextEncoder().encode(html);
  const encoded =
    encoding === 'quoted-printable'
      ? new TextEncoder().encode(quotedPrintable(body))
      : encoding === 'base64'
        ? new TextEncoder().encode(base64Lines(body))
        : body;
  const image = (i: number) =>
    `--${boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: file:///C:/report_files/image${i}.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n\r\n`;
  const head =
    `From: <由 Windows Internet Explorer 8 保存>\r\nSubject: 年度报告\r\nDate: Tue, 9 Jan 2024 10:00:00 +0800\r\nMIME-Version: 1.0\r\n` +
    `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"\r\nX-MimeOLE: Produced By Microsoft MimeOLE\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n` +
    Array.from({ length: o.partsBefore ?? 0 }, (_, i) => image(i)).join('') +
    `--${boundary}\r\nContent-Type: text/html${charset ? `;\r\n\tcharset="${charset}"` : ''}\r\nContent-Transfer-Encoding: ${encoding}\r\nContent-Location: http://www.example.gov.cn/zwgk/2024/report.html\r\n\r\n`;
  const tail = `\r\n\r\n${image(99)}--${boundary}--\r\n`;
  const parts = [new TextEncoder().encode(head), encoded, new TextEncoder().encode(tail)];
  return concatBytes(parts);
};
