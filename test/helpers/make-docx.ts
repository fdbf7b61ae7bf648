/**
 * Word files made the way other people's Word files are made: raw OOXML written by hand and zipped
 * with fflate, NOT with our exporter. Each edge case real reports show (merged cells, split tables,
 * gridBefore, nested tables, tracked changes, labels over several paragraphs, full-width digits)
 * is a switch, so a test can read the file back and compare with the seed's cells.
 */
import { strToU8, zipSync } from 'fflate';
import { SECTIONS, TABLE_IDS, tableLayout, type GridCell, type TableId } from '../../shared/format';
import type { Report } from '../../shared/report';
import { concatBytes } from '../../shared/text/bytes';

export type DocxCell = {
  readonly paras: readonly string[];
  /** Word automatic numbering (numbering.xml) on the first paragraph of the cell. */
  readonly numId?: number;
  readonly span?: number;
  readonly vMerge?: 'restart' | 'continue';
  /** Raw XML placed inside the cell after its paragraphs (e.g. a nested table). */
  readonly extraXml?: string;
};
export type DocxRow = { readonly cells: readonly DocxCell[]; readonly gridBefore?: number; readonly gridAfter?: number };
export type DocxBodyItem =
  { readonly p: string; readonly numId?: number } | { readonly pXml: string } | { readonly table: readonly DocxRow[] } | { readonly xml: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run per line: "\n" becomes <w:br/>, "\t" <w:tab/>, as Word writes them. */
export const runsXml = (text: string): string =>
  text
    .split('\n')
    .map(
      (line, i) =>
        `<w:r>${i ? '<w:br/>' : ''}${line
          .split('\t')
          .map((part, j) => `${j ? '<w:tab/>' : ''}<w:t xml:space="preserve">${esc(part)}</w:t>`)
          .join('')}</w:r>`,
    )
    .join('');

export const paraXml = (text: string, numId?: number): string =>
  `<w:p><w:pPr>${numId ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>` : ''}<w:jc w:val="both"/></w:pPr>${runsXml(text)}</w:p>`;

export const tableXml = (rows: readonly DocxRow[]): string => {
  const width = Math.max(...rows.map((r) => (r.gridBefore ?? 0) + (r.gridAfter ?? 0) + r.cells.reduce((a, c) => a + (c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="600"/>'.repeat(width)}</w:tblGrid>`;
  const tr = rows
    .map((r) => {
      const trPr =
        r.gridBefore || r.gridAfter
          ? `<w:trPr>${r.gridBefore ? `<w:gridBefore w:val="${r.gridBefore}"/>` : ''}${r.gridAfter ? `<w:gridAfter w:val="${r.gridAfter}"/>` : ''}</w:trPr>`
          : '';
      const tcs = r.cells
        .map((c) => {
          const pr = `${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : ''}`;
          const paras = c.paras.length ? c.paras.map((p, i) => paraXml(p, i === 0 ? c.numId : undefined)).join('') : '<w:p/>';
          return `<w:tc><w:tcPr><w:tcW w:w="600" w:type="dxa"/>${pr}</w:tcPr>${paras}${c.extraXml ?? ''}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${grid}${tr}</w:tbl>`;
};

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OTHER_NS =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" mc:Ignorable="wps"';

export const documentXml = (body: readonly DocxBodyItem[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" ${OTHER_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body
    .map((b) => ('p' in b ? paraXml(b.p, b.numId) : 'pXml' in b ? b.pXml : 'table' in b ? tableXml(b.table) : b.xml))
    .join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

/** A minimal but complete .docx package around a document.xml (Word and LibreOffice open it). */
export const zipDocx = (docXml: string, extra: Record<string, string> = {}): Uint8Array =>
  zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(docXml),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });

export const makeDocx = (body: readonly DocxBodyItem[]): Uint8Array => zipDocx(documentXml(body));

/** Variations on how a person lays out the statutory tables in Word. */
export type LayoutQuirks = {
  /** Split 表三 into two tables before this data row index (0-based among its data rows); repeat the header rows in the second part if repeatHeader. */
  readonly splitT3At?: number;
  readonly repeatHeader?: boolean;
  /** Shift every row of this table right by one empty grid column (gridBefore) and pad with gridAfter. */
  readonly gridBefore?: TableId;
  /** Put this table inside the single cell of a frame table. */
  readonly nest?: TableId;
  /** Numbers written with full-width digits (０—９). */
  readonly fullWidth?: boolean;
  /** Numbers of 4+ digits written with a thin space between thousands ("41 485"). */
  readonly spacedNumbers?: boolean;
  /** Long row labels broken into two paragraphs in their cell. */
  readonly splitLabels?: boolean;
  /** Each data cell carries a deleted wrong value before the inserted right one (tracked changes). */
  readonly trackedChanges?: boolean;
  /**
   * Section headings and the numbered sub-items of 表三 typed without their numbers, which come
   * from Word's automatic numbering (numbering.xml: 「一、」 chineseCounting, 「1.」 decimal).
   */
  readonly autoNumbering?: boolean;
  /**
   * With autoNumbering: the section headings' 「一、」 comes from their paragraph style (「heading 1」 in styles.xml
   * carries the numbering), not from each heading's own properties.
   */
  readonly headingStyleNumbering?: boolean;
  /** A 备注 column added at the right of every table. */
  readonly extraColumn?: boolean;
  /**
   * What Word itself writes around the text: runs split mid-word and mid-number with rsid attributes,
   * proofing marks and bookmarks between them, tables wrapped in content controls, and a text box
   * (whose fallback repeats its text).
   */
  readonly wordNoise?: boolean;
  /** Paragraphs after the last section, as offices end a document: 落款 (agency, date), 附注, 抄送, 印发. */
  readonly ending?: readonly string[];
};

const FW = '０１２３４５６７８９';
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FW[Number(d)]!);

const valueText = (v: number | string | null | undefined, q: LayoutQuirks): string => {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (q.spacedNumbers && /^\d{4,}$/.test(s)) s = s.replace(/\B(?=(\d{3})+$)/g, ' ');
  if (q.fullWidth) s = fullWidth(s);
  return s;
};

const splitLabel = (s: string): string[] => (s.length >= 8 ? [s.slice(0, Math.ceil(s.length / 2)), s.slice(Math.ceil(s.length / 2))] : [s]);

/** The rows of a statutory table as Word writes merged cells: gridSpan across, vMerge down. */
export const statutoryRows = (t: TableId, report: Report, q: LayoutQuirks = {}): DocxRow[] => {
  const layout = tableLayout(t);
  const n = layout.rows.length;
  const starts = new Map<string, GridCell>();
  const coveredBy = new Map<string, GridCell>();
  for (const row of layout.rows)
    for (const c of row) {
      starts.set(`${c.row},${c.col}`, c);
      for (let dr = 1; dr < c.rowSpan; dr++) coveredBy.set(`${c.row + dr},${c.col}`, c);
    }
  const rows: DocxRow[] = [];
  // each group of numbered sub-items is its own list, so each starts again at 1
  let nextList = 10;
  for (let r = 0; r < n; r++) {
    const cells: DocxCell[] = [];
    for (let c = 0; c < layout.columnCount;) {
      const s = starts.get(`${r},${c}`);
      if (s) {
        let paras: string[];
        if (s.kind === 'data') {
          const text = valueText(report.cells[s.cellId!], q);
          paras = [text];
        } else paras = q.splitLabels ? splitLabel(s.text) : [s.text];
        let numId: number | undefined;
        const numbered = /^(\d+)\./.exec(s.text);
        if (q.autoNumbering && s.kind === 'label' && numbered) {
          if (numbered[1] === '1') nextList++;
          numId = nextList;
          paras = paras.map((p, i) => (i === 0 ? p.replace(/^\d+\./, '') : p));
        }
        cells.push({ paras, span: s.colSpan, ...(s.rowSpan > 1 ? { vMerge: 'restart' as const } : {}), ...(numId ? { numId } : {}) });
        c += s.colSpan;
        continue;
      }
      const cov = coveredBy.get(`${r},${c}`);
      if (cov) {
        cells.push({ paras: [], span: cov.colSpan, vMerge: 'continue' });
        c += cov.colSpan;
        continue;
      }
      cells.push({ paras: [] });
      c++;
    }
    if (q.extraColumn) cells.push({ paras: [r === 0 ? '备注' : ''] });
    rows.push(q.gridBefore === t ? { cells, gridBefore: 1 } : { cells });
  }
  return rows;
};

/** Tracked changes inside data cells: a deleted wrong figure followed by the inserted right one. */
const trackedCellXml = (rows: readonly DocxRow[]): string =>
  tableXml(rows).replace(
    /<w:p><w:pPr><w:jc w:val="both"\/><\/w:pPr><w:r><w:t xml:space="preserve">([0-9０-９][0-9０-９. ]*)<\/w:t><\/w:r><\/w:p>/g,
    (_m, num: string) =>
      `<w:p><w:del w:id="1" w:author="x"><w:r><w:delText>999</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>${num}</w:t></w:r></w:ins></w:p>`,
  );

/** A whole report as a stranger's Word file: title, the six headings, narratives, the three tables. */
export const reportDocx = (report: Report, q: LayoutQuirks = {}): Uint8Array => {
  const body: DocxBodyItem[] = [{ p: `${report.agency}${report.year}年政府信息公开工作年度报告` }];
  for (const s of SECTIONS) {
    const bare = s.heading.replace(/^[一二三四五六]、/, '');
    body.push(
      q.autoNumbering && q.headingStyleNumbering
        ? { pXml: `<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr>${runsXml(bare)}</w:p>` }
        : q.autoNumbering
          ? { p: bare, numId: 1 }
          : { p: s.heading },
    );
    if (s.kind === 'narrative') {
      for (const para of report.narratives[s.id].split('\n')) if (para.trim()) body.push({ p: para });
      continue;
    }
    const rows = statutoryRows(s.id, report, q);
    const plain = (rs: readonly DocxRow[]) => (q.trackedChanges ? trackedCellXml(rs) : tableXml(rs));
    const tbl = (rs: readonly DocxRow[]) =>
      q.wordNoise ? `<w:sdt><w:sdtPr><w:alias w:val="表格"/></w:sdtPr><w:sdtContent>${plain(rs)}</w:sdtContent></w:sdt>` : plain(rs);
    if (q.nest === s.id) {
      body.push({ table: [{ cells: [{ paras: [], extraXml: tbl(rows) }] }] });
    } else if (s.id === 't3' && q.splitT3At !== undefined) {
      const head = tableLayout('t3').headerRows;
      const cut = head + q.splitT3At;
      body.push({ xml: tbl(rows.slice(0, cut)) }, { p: '' }, { xml: tbl([...(q.repeatHeader ? rows.slice(0, head) : []), ...rows.slice(cut)]) });
    } else body.push({ xml: tbl(rows) });
    body.push({ p: '' });
  }
  for (const p of q.ending ?? []) body.push({ p });
  const xml = documentXml(body);
  return zipDocx(
    q.wordNoise ? addWordNoise(xml) : xml,
    q.autoNumbering ? { 'word/numbering.xml': NUMBERING_XML, ...(q.headingStyleNumbering ? HEADING_STYLE_PARTS : {}) } : {},
  );
};

/** styles.xml with 「heading 1」 numbered by list 1 (「一、」), and the relationships and content types Word and LibreOffice need to find it. */
const HEADING_STYLE_PARTS: Record<string, string> = {
  'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>`,
  'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
};

/** 「一、」 for headings (list 1), 「1.」 for sub-items (lists 10…, each restarting at 1). */
export const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>${Array.from(
  { length: 10 },
  (_, i) => `<w:num w:numId="${10 + i + 1}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
).join('')}</w:numbering>`;

const TEXT_BOX =
  '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>（此页无正文）</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>（此页无正文）</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>';
/** Word's own clutter, added to a clean document.xml without changing what a reader sees. */
export const addWordNoise = (xml: string): string => {
  let id = 0;
  return xml
    .replace(/<w:r><w:t xml:space="preserve">([^<]{2,})<\/w:t><\/w:r>/g, (_m, text: string) => {
      const chars = [...text];
      const cut = Math.ceil(chars.length / 2);
      const a = chars.slice(0, cut).join('');
      const b = chars.slice(cut).join('');
      id++;
      return `<w:r w:rsidR="00A1${id % 10}C2" w:rsidRPr="00B3"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${a}</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="${id}" w:name="_Hlk${id}"/><w:r w:rsidR="00C4"><w:rPr><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">${b}</w:t></w:r><w:bookmarkEnd w:id="${id}"/><w:proofErr w:type="spellEnd"/>`;
    })
    .replace(/<w:body>/, `<w:body>${TEXT_BOX}`);
};

export { TABLE_IDS };

// ---- hostile archives, written byte by byte so every header field can lie ----

export type RawZipEntry = {
  readonly name: string;
  /** The bytes stored in the archive (already deflated when method is 8). */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** The inflated size the headers declare (may lie). */
  readonly size: number;
  readonly crc?: number;
  readonly flags?: number;
};

/** A zip archive from raw entries: local headers, data, central directory, end record. */
export const zipRaw = (entries: readonly RawZipEntry[]): Uint8Array => {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (len: number) => {
    const b = new Uint8Array(len);
    return { b, v: new DataView(b.buffer) };
  };
  for (const e of entries) {
    const name = enc.encode(e.name);
    const l = header(30 + name.length);
    l.v.setUint32(0, 0x04034b50, true);
    l.v.setUint16(4, 20, true);
    l.v.setUint16(6, (e.flags ?? 0) | 0x800, true);
    l.v.setUint16(8, e.method, true);
    l.v.setUint32(14, e.crc ?? 0, true);
    l.v.setUint32(18, e.data.length, true);
    l.v.setUint32(22, e.size, true);
    l.v.setUint16(26, name.length, true);
    l.b.set(name, 30);
    const c = header(46 + name.length);
    c.v.setUint32(0, 0x02014b50, true);
    c.v.setUint16(4, 20, true);
    c.v.setUint16(6, 20, true);
    c.v.setUint16(8, (e.flags ?? 0) | 0x800, true);
    c.v.setUint16(10, e.method, true);
    c.v.setUint32(16, e.crc ?? 0, true);
    c.v.setUint32(20, e.data.length, true);
    c.v.setUint32(24, e.size, true);
    c.v.setUint16(28, name.length, true);
    c.v.setUint32(42, offset, true);
    c.b.set(name, 46);
    chunks.push(l.b, e.data);
    central.push(c.b);
    offset += l.b.length + e.data.length;
  }
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const end = header(22);
  end.v.setUint32(0, 0x06054b50, true);
  end.v.setUint16(8, entries.length, true);
  end.v.setUint16(10, entries.length, true);
  end.v.setUint32(12, cdSize, true);
  end.v.setUint32(16, offset, true);
  const all = [...chunks, ...central, end.b];
  return concatBytes(all);
};

/**
 * A raw DEFLATE stream of `bytes` zeros, written directly (fixed Huffman: one literal 0, then
 * matches of length 258 at distance 1), so a 1 GB bomb is made in a fraction of a second instead
 * of compressing 1 GB. Returns the stream and the exact inflated length.
 */
export const deflatedZeros = (bytes: number): { data: Uint8Array; size: number } => {
  const matches = Math.max(0, Math.floor((bytes - 1) / 258));
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + 7) / 8) + 1);
  let pos = 0;
  let acc = 0;
  let n = 0;
  const put = (value: number, bits: number) => {
    acc |= value << n;
    n += bits;
    while (n >= 8) {
      out[pos++] = acc & 0xff;
      acc >>>= 8;
      n -= 8;
    }
  };
  const rev = (code: number, len: number) => {
    let r = 0;
    for (let i = 0; i < len; i++) r = (r << 1) | ((code >> i) & 1);
    return r;
  };
  const LIT0 = rev(0x30, 8);
  const LEN258 = rev(0xc5, 8);
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE 01: fixed Huffman
  put(LIT0, 8);
  // 8 bits of length code + 5 bits of distance code 0 (distance 1) = 13 bits per 258 bytes
  for (let i = 0; i < matches; i++) put(LEN258, 13);
  put(0, 7); // end of block (code 256 = 0000000)
  if (n > 0) out[pos++] = acc & 0xff;
  return { data: out.subarray(0, pos), size: 1 + matches * 258 };
};

const CONTENT_TYPES = strToU8(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);

/** A .docx whose document.xml inflates to `bytes` zeros; `declared` is what its headers claim (the truth unless it lies). */
export const zipBombDocx = (bytes: number, declared?: number): Uint8Array => {
  const z = deflatedZeros(bytes);
  return zipRaw([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, method: 0, size: CONTENT_TYPES.length },
    { name: 'word/document.xml', data: z.data, method: 8, size: declared ?? z.size },
  ]);
};
