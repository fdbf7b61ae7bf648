/**
 * A tiny PDF writer for tests: text runs placed where we say (Chinese through a Type0 font with a
 * ToUnicode map, so pdf.js reads the text exactly as real CJK PDFs give it), ruling lines, and the
 * hostile constructions a reader must refuse. No font file is embedded: only text and geometry matter.
 */
import { deflateRawSync, constants } from 'node:zlib';
import { concatBytes } from '../../shared/text/bytes';

/**
 * font 2 is the same font under a second name: pdf.js starts a new text run at a font change, as WPS's runs do.
 * font 3 is another embedded subset without a character map (codes are its glyph numbers 1, 2, 3…), as WPS embeds
 * a title's or a cover's font: its runs decode to nonsense while the rest of the page reads.
 */
export type PdfText = { readonly x: number; readonly y: number; readonly size: number; readonly text: string; readonly font?: 1 | 2 | 3 };
/** A stroked segment from (x0, y0) to (x1, y1). */
export type PdfStroke = readonly [number, number, number, number];
/**
 * turned: the page's content drawn a quarter turn round (a portrait layout on a landscape sheet, each text
 * run with a rotated text matrix), with the page's /Rotate 90 set to show it upright (as Word and WPS save a
 * landscape section) or not set (a table printed sideways: the reader turns the paper).
 */
export type PdfPageSpec = {
  readonly texts: readonly PdfText[];
  readonly lines?: readonly PdfStroke[];
  readonly image?: boolean;
  readonly turned?: 'rotate-attribute' | 'sideways';
};
/**
 * How the font says which character each code is: a ToUnicode map (the default), none at all (codes are glyph
 * numbers of an embedded subset, as in many WPS files), or one that maps every character to the private use area.
 */
export type FontMap = 'tounicode' | 'none' | 'private-use';

const enc = new TextEncoder();
const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();

/** Glyph widths in thousandths of an em: half width for ASCII, full for the rest. */
const widthOf = (cp: number) => (cp < 0x80 ? 500 : 1000);

type Obj = string | Uint8Array;

class Writer {
  private objs: Obj[] = [];
  add(o: Obj): number {
    this.objs.push(o);
    return this.objs.length;
  }
  set(n: number, o: Obj) {
    this.objs[n - 1] = o;
  }
  reserve(): number {
    return this.add('null');
  }
  bytes(root: number, info?: number, extraTrailer = ''): Uint8Array {
    const parts: Uint8Array[] = [enc.encode('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')];
    let len = parts[0]!.length;
    const offsets: number[] = [];
    this.objs.forEach((o, i) => {
      offsets.push(len);
      const head = enc.encode(`${i + 1} 0 obj\n`);
      const body = typeof o === 'string' ? enc.encode(o) : o;
      const tail = enc.encode('\nendobj\n');
      parts.push(head, body, tail);
      len += head.length + body.length + tail.length;
    });
    const xref = [`xref\n0 ${this.objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    parts.push(
      enc.encode(
        `${xref}trailer\n<< /Size ${this.objs.length + 1} /Root ${root} 0 R${info ? ` /Info ${info} 0 R` : ''}${extraTrailer} >>\nstartxref\n${len}\n%%EOF\n`,
      ),
    );
    return concatBytes(parts);
  }
}

const stream = (dict: string, data: Uint8Array): Uint8Array => {
  const head = enc.encode(`<< ${dict} /Length ${data.length} >>\nstream\n`);
  const tail = enc.encode('\nendstream');
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
};

const utf16Title = (s: string) => `<FEFF${[...s].map((c) => hex4(c.codePointAt(0)!)).join('')}>`;

const HEIGHT = 842;

const contentOf = (p: PdfPageSpec, code: (cp: number, font: number) => number): string => {
  const ops: string[] = [];
  // a quarter turn clockwise: the portrait point (x, y) lands at (842 - y, x) of the landscape sheet
  const turn = p.turned !== undefined;
  const at = (x: number, y: number): [number, number] => (turn ? [HEIGHT - y, x] : [x, y]);
  if (p.lines?.length) {
    ops.push('0.5 w');
    for (const [x0, y0, x1, y1] of p.lines) ops.push(`${at(x0, y0).join(' ')} m ${at(x1, y1).join(' ')} l S`);
  }
  for (const t of p.texts) {
    const [x, y] = at(t.x, t.y);
    ops.push(
      `BT /F${t.font ?? 1} ${t.size} Tf ${turn ? '0 1 -1 0' : '1 0 0 1'} ${x} ${y} Tm <${[...t.text].map((c) => hex4(code(c.codePointAt(0)!, t.font ?? 1))).join('')}> Tj ET`,
    );
  }
  if (p.image) ops.push('q 500 0 0 700 40 60 cm /Im1 Do Q');
  return ops.join('\n');
};

/** A PDF with the given pages (A4), text in a CID font whose codes are the characters' code points. */
export const makePdf = (pages: readonly PdfPageSpec[], opts: { title?: string; compress?: boolean; fontMap?: FontMap } = {}): Uint8Array => {
  const w = new Writer();
  const chars = new Set<number>();
  const unmapped = new Map<number, number>();
  for (const p of pages)
    for (const t of p.texts)
      for (const c of t.text) {
        const cp = c.codePointAt(0)!;
        if (t.font !== 3) chars.add(cp);
        else if (!unmapped.has(cp)) unmapped.set(cp, unmapped.size + 1);
      }
  const sorted = [...chars].sort((a, b) => a - b);
  const map = opts.fontMap ?? 'tounicode';
  // an embedded subset numbers its glyphs 1, 2, 3… in the order the characters first appear; its codes are those numbers
  const gid = new Map(sorted.map((c, i) => [c, i + 3]));
  const mapped = (cp: number) => (map === 'tounicode' ? cp : gid.get(cp)!);
  const code = (cp: number, font = 1) => (font === 3 ? unmapped.get(cp)! : mapped(cp));
  const bf: string[] = [];
  for (let i = 0; i < sorted.length; i += 100) {
    const chunk = sorted.slice(i, i + 100);
    bf.push(
      `${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(code(c))}> <${hex4(map === 'private-use' ? 0xe000 + gid.get(c)! : c)}>`).join('\n')}\nendbfchar`,
    );
  }
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${bf.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
  const toUnicode = w.add(stream('', enc.encode(cmap)));
  const desc = w.add(
    '<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const widths = sorted.map((c) => `${code(c)} [${widthOf(c)}]`).join(' ');
  const unmappedFont = w.add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /TestTitle /Encoding /Identity-H /DescendantFonts [${w.add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestTitle /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
    )} 0 R] >>`,
  );
  const cid = w.add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity >>`,
  );
  const font = w.add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [${cid} 0 R]${map === 'none' ? '' : ` /ToUnicode ${toUnicode} 0 R`} >>`,
  );
  const image = w.add(
    stream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', Uint8Array.from([0, 255, 255, 0])),
  );
  const pagesId = w.reserve();
  const kids: number[] = [];
  for (const p of pages) {
    const text = enc.encode(contentOf(p, code));
    const content = w.add(opts.compress ? stream('/Filter /FlateDecode', zlibOf(text)) : stream('', text));
    const box = p.turned ? `[0 0 ${HEIGHT} 595]${p.turned === 'rotate-attribute' ? ' /Rotate 90' : ''}` : `[0 0 595 ${HEIGHT}]`;
    kids.push(
      w.add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox ${box} /Resources << /Font << /F1 ${font} 0 R /F2 ${font} 0 R /F3 ${unmappedFont} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  w.set(pagesId, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const root = w.add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  const info = opts.title ? w.add(`<< /Title ${utf16Title(opts.title)} /Producer (test) >>`) : undefined;
  return w.bytes(root, info);
};

const adler32 = (d: Uint8Array): number => {
  let a = 1;
  let b = 0;
  for (let i = 0; i < d.length; i++) {
    a = (a + d[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
};

const zlibOf = (data: Uint8Array): Uint8Array => {
  const raw = deflateRawSync(data);
  const out = new Uint8Array(raw.length + 6);
  out.set([0x78, 0x9c]);
  out.set(raw, 2);
  const s = adler32(data);
  out.set([s >>> 24, (s >>> 16) & 255, (s >>> 8) & 255, s & 255], raw.length + 2);
  return out;
};

/**
 * A page whose content stream inflates to `megabytes` MB of spaces, built from one flushed megabyte
 * repeated (a byte-aligned deflate block can follow itself), so a gigabyte costs a megabyte of file.
 */
export const bombPdf = (megabytes: number): Uint8Array => {
  const block = deflateRawSync(new Uint8Array(1024 * 1024).fill(0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const data = new Uint8Array(2 + block.length * megabytes + 2 + 4);
  data.set([0x78, 0x9c]);
  for (let i = 0; i < megabytes; i++) data.set(block, 2 + i * block.length);
  data.set([0x03, 0x00], 2 + block.length * megabytes); // the final, empty block
  const w = new Writer();
  const pagesId = w.reserve();
  const content = w.add(stream('/Filter /FlateDecode', data));
  const page = w.add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R >>`);
  w.set(pagesId, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  return w.bytes(w.add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`));
};

/** `count` real pages sharing one small content stream. */
export const manyPagesPdf = (count: number): Uint8Array => {
  const w = new Writer();
  const pagesId = w.reserve();
  const content = w.add(stream('', enc.encode('0 0 m 10 10 l S')));
  const kids: number[] = [];
  for (let i = 0; i < count; i++) kids.push(w.add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R >>`));
  w.set(pagesId, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${count} >>`);
  return w.bytes(w.add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`));
};

/** A page tree whose only kid is itself. */
export const selfReferencingPdf = (): Uint8Array => {
  const w = new Writer();
  const pagesId = w.reserve();
  w.set(pagesId, `<< /Type /Pages /Kids [${pagesId} 0 R] /Count 1 >>`);
  return w.bytes(w.add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`));
};

/** A file that asks for a password (standard security handler, an owner and user key no empty password opens). */
export const passwordPdf = (): Uint8Array => {
  const w = new Writer();
  const pagesId = w.reserve();
  const content = w.add(stream('', enc.encode('BT ET')));
  const page = w.add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R >>`);
  w.set(pagesId, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  const key = (seed: number) => `<${Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) & 255).toString(16).padStart(2, '0')).join('')}>`;
  const encrypt = w.add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${key(3)} /U ${key(7)} /P -44 >>`);
  const root = w.add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  return w.bytes(root, undefined, ` /Encrypt ${encrypt} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`);
};
