/**
 * Word files as WPS, Word and office systems really write them, made from a report at test time: the
 * clean file of make-docx.ts with its document.xml rewritten — tables in text boxes, hidden text,
 * nested fields, deleted rows, smart tags, content controls per cell, no w:tblGrid, padded numbers,
 * page headers and footers, and a "Word" file that is an HTML page embedded as an altChunk.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Report } from '../../shared/report';
import { reportDocx, type LayoutQuirks } from './make-docx';
import { renderPage } from './web-variants';

const NUMBER_PARA = /<w:p><w:pPr><w:jc w:val="both"\/><\/w:pPr><w:r><w:t xml:space="preserve">([0-9][0-9.]*)<\/w:t><\/w:r><\/w:p>/g;
const numberPara = (runs: string) => `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${runs}</w:p>`;

/** The report's clean .docx with document.xml rewritten, other parts added or replaced. */
const rewrite = (report: Report, f: (xml: string) => string, parts: Record<string, string> = {}): Uint8Array => {
  const files = unzipSync(reportDocx(report));
  files['word/document.xml'] = strToU8(f(strFromU8(files['word/document.xml']!)));
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  if (Object.keys(parts).some((n) => n.startsWith('word/') && n !== 'word/_rels/document.xml.rels'))
    files['[Content_Types].xml'] = strToU8(
      strFromU8(files['[Content_Types].xml']!).replace(
        '</Types>',
        '<Default Extension="htm" ContentType="application/xhtml+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
      ),
    );
  return zipSync(files);
};

/** A report made with make-docx's layout quirks, its document.xml then rewritten. */
const zipDocxWith = (report: Report, q: LayoutQuirks, f: (xml: string) => string): Uint8Array => {
  const files = unzipSync(reportDocx(report, q));
  files['word/document.xml'] = strToU8(f(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
};

const tables = (xml: string, f: (tbl: string) => string): string => xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, f);

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const wordVariants = (report: Report): Record<string, Uint8Array> => ({
  // WPS and Word put a table a clerk drew in a floating box inside a text box; the fallback repeats it for old readers
  'each table inside a text box (with its VML fallback copy)': rewrite(report, (xml) =>
    tables(
      xml,
      (t) =>
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx><w:txbxContent>${t}<w:p/></w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${t}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    ),
  ),
  'the title in a one-cell table, the headings of 一、五、六 run into their first paragraph': rewrite(report, (xml) =>
    xml
      .replace(
        /^([\s\S]*?<w:body>)(<w:p>[\s\S]*?<\/w:p>)/,
        (_m, head: string, title: string) => `${head}<w:tbl><w:tblPr/><w:tr><w:tc>${title}</w:tc></w:tr></w:tbl>`,
      )
      .replace(
        /(一、总体情况|五、存在的主要问题及改进情况|六、其他需要报告的事项)<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:jc w:val="both"\/><\/w:pPr>/g,
        '$1</w:t></w:r>',
      ),
  ),
  // 表三 broken at a page by the author into two tables, the header repeated and 「续表」 above the second part
  '表三 in two tables with 「（续表）」 between them and the header repeated': zipDocxWith(report, { splitT3At: 12, repeatHeader: true }, (xml) => {
    const second = xml.lastIndexOf('<w:tbl>', xml.lastIndexOf('申请人情况'));
    return `${xml.slice(0, second)}<w:p><w:r><w:t>（续表）</w:t></w:r></w:p>${xml.slice(second)}`;
  }),
  'hidden text (w:vanish) holding old figures before each number': rewrite(report, (xml) =>
    xml.replace(NUMBER_PARA, (_m, n: string) => numberPara(`<w:r><w:rPr><w:vanish/></w:rPr><w:t>999</w:t></w:r><w:r><w:t>${n}</w:t></w:r>`)),
  ),
  'numbers as nested field results ({ IF { MERGEFIELD } … })': rewrite(report, (xml) =>
    xml.replace(NUMBER_PARA, (_m, n: string) =>
      numberPara(
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD 上年数 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>777</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText xml:space="preserve"> &gt; 0 "${n}" "0" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${n}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      ),
    ),
  ),
  'numbers in w:fldSimple and w:smartTag, right-aligned with leading spaces': rewrite(report, (xml) =>
    xml.replace(NUMBER_PARA, (_m, n: string) =>
      numberPara(
        Number(n) % 2
          ? `<w:fldSimple w:instr=" = ${n} \\# &quot;0&quot; "><w:r><w:t xml:space="preserve">  ${n}</w:t></w:r></w:fldSimple>`
          : `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv"><w:smartTagPr><w:attr w:name="UnitName" w:val="件"/></w:smartTagPr><w:r><w:t xml:space="preserve">    ${n}</w:t></w:r></w:smartTag>`,
      ),
    ),
  ),
  'a row deleted with tracked changes in every table': rewrite(report, (xml) =>
    tables(xml, (t) =>
      t.replace(
        /(<w:tr>)([\s\S]*?<\/w:tr>)/,
        (_m, open: string, rest: string) =>
          `${open.replace('<w:tr>', '<w:tr><w:trPr><w:del w:id="90" w:author="WPS"/></w:trPr>')}${rest.replace(/<w:r>(<w:t[^>]*>)([^<]*)<\/w:t><\/w:r>/g, '<w:del w:id="91" w:author="WPS"><w:r><w:delText>行政许可 888</w:delText></w:r></w:del>')}<w:tr>${rest}`,
      ),
    ),
  ),
  'WPS: no w:tblGrid, explicit vMerge="continue", a content control around each cell': rewrite(report, (xml) =>
    xml
      .replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g, '')
      .replace(/<w:vMerge\/>/g, '<w:vMerge w:val="continue"/>')
      .replace(/<w:tc>([\s\S]*?)<\/w:tc>/g, '<w:sdt><w:sdtPr><w:id w:val="1"/></w:sdtPr><w:sdtContent><w:tc>$1</w:tc></w:sdtContent></w:sdt>'),
  ),
  'page header and footer with the agency, page numbers and a date': rewrite(
    report,
    (xml) => xml.replace(/<w:sectPr>/, '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/>'),
    {
      'word/header1.xml': `<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="${W_NS}"><w:p><w:r><w:t>${report.agency}  2024年1月20日  一、总体情况</w:t></w:r></w:p></w:hdr>`,
      'word/footer1.xml': `<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="${W_NS}"><w:p><w:r><w:t>第 1 页 共 6 页 12 345</w:t></w:r></w:p></w:ftr>`,
      'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="${R_NS}/header" Target="header1.xml"/><Relationship Id="rIdF" Type="${R_NS}/footer" Target="footer1.xml"/></Relationships>`,
    },
  ),
  // office systems "export to Word" by wrapping their HTML page in a .docx: Word shows the page where the altChunk stands
  "an office system's export: the page as HTML in an altChunk": rewrite(
    report,
    (xml) => xml.replace(/<w:body>[\s\S]*<w:sectPr>/, '<w:body><w:altChunk r:id="rIdA"/><w:sectPr>'),
    {
      'word/afchunk.htm': renderPage(report),
      'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdA" Type="${R_NS}/aFChunk" Target="afchunk.htm"/></Relationships>`,
    },
  ),
});
