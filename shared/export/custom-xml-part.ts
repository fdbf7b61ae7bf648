/**
 * Our machine-readable copy of the report (shared/report/export-marker.ts) in a .docx or .xlsx: a custom XML
 * part, the place Office keeps data beside a document (Word and Excel carry such parts through an edit and
 * a save), related from the main part as ECMA-376 Part 1 §15.2.4 has it, with its item properties.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { MARKER_NAMESPACE } from '../report/export-marker';

export const REL_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const REL_ITEM_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
export const ITEM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
/** Where the main part's relationship points, from word/ or xl/. */
export const CUSTOM_XML_TARGET = '../customXml/item1.xml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** A fixed id: one item per file, and the same export gives the same bytes. */
const ITEM_ID = '{6E1D7F0A-2C4B-4E8A-9B61-3A0D5C7E2F14}';
/** Zip entries dated like this, so the bytes of an export do not depend on the clock. */
const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));

const withRelationship = (rels: string, id: string, type: string, target: string): string =>
  rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);

const EMPTY_RELS = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** The three files of the part: the data, its item properties, and the relationship between them. */
export const customXmlFiles = (json: string): { path: string; data: string }[] => [
  { path: 'customXml/item1.xml', data: `${DECL}<report xmlns="${MARKER_NAMESPACE}">${json}</report>` },
  {
    path: 'customXml/itemProps1.xml',
    data: `${DECL}<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MARKER_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  },
  { path: 'customXml/_rels/item1.xml.rels', data: withRelationship(EMPTY_RELS, 'rId1', REL_ITEM_PROPS, 'itemProps1.xml') },
];

/**
 * The export's zip with `json` added as customXml/item1.xml, related from `mainPart` (word/document.xml,
 * xl/workbook.xml); `mend` may rewrite the text of the other XML parts on the way.
 */
export const withCustomXmlPart = (zipBytes: Uint8Array, mainPart: string, json: string, mend?: (xml: string) => string): Uint8Array => {
  const files = unzipSync(zipBytes);
  const [dir, name] = [mainPart.slice(0, mainPart.lastIndexOf('/')), mainPart.slice(mainPart.lastIndexOf('/') + 1)];
  const relsPath = `${dir}/_rels/${name}.rels`;
  const rels = files[relsPath] ? strFromU8(files[relsPath]) : EMPTY_RELS;
  let types = strFromU8(files['[Content_Types].xml']!);
  if (!/Extension="xml"/.test(types)) types = types.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  types = types.replace('</Types>', `<Override PartName="/customXml/itemProps1.xml" ContentType="${ITEM_PROPS_TYPE}"/></Types>`);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files))
    if (!path.endsWith('/')) out[path] = [mend && path.endsWith('.xml') ? strToU8(mend(strFromU8(data))) : data, { mtime: ENTRY_TIME }];
  const put = (path: string, text: string) => (out[path] = [strToU8(text), { mtime: ENTRY_TIME }]);
  put('[Content_Types].xml', types);
  put(relsPath, withRelationship(rels, 'rIdDisclosureReport', REL_CUSTOM_XML, CUSTOM_XML_TARGET));
  for (const f of customXmlFiles(json)) put(f.path, f.data);
  return zipSync(out, { level: 1 });
};
