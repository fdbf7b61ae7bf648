/**
 * The fast XML reader (shared/import/xml-light.ts) that makes batch reading of Word/Excel files
 * fast enough for the CLI: for every part of real Office files it must give the same tree the
 * readers walk as xmldom does, and for anything malformed it must step aside (null) so xmldom's
 * refusal stands.
 */
import { DOMParser, type Node as XNode } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/export/docx';
import { buildXlsx } from '../../shared/export/xlsx';
import { type LightNode, parseXmlLight } from '../../shared/import/xml-light';
import { decodeXmlBytes, openZip } from '../../shared/import/zip';
import { makeDocx } from '../helpers/make-docx';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport } from '../helpers/seeds';

type Shape = { name: string; attrs: [string, string, string][]; text: string; children: Shape[] };

/** What the readers use: element local names, attributes (name, local name, value), text content, element children. */
const shapeOf = (el: { localName?: string | null; attributes?: unknown; textContent?: string | null; firstChild: unknown }): Shape => {
  const attrs = el.attributes as { length: number; item(i: number): { name: string; localName?: string | null; value: string } | null };
  const children: Shape[] = [];
  for (let n = el.firstChild as (XNode | LightNode) | null; n; n = n.nextSibling as (XNode | LightNode) | null)
    if (n.nodeType === 1) children.push(shapeOf(n as never));
  return {
    name: el.localName ?? '',
    attrs: Array.from({ length: attrs.length }, (_, i) => {
      const a = attrs.item(i)!;
      return [a.name, a.localName ?? a.name, a.value] as [string, string, string];
    }),
    text: el.textContent ?? '',
    children,
  };
};

const viaXmldom = (text: string): Shape => shapeOf(new DOMParser().parseFromString(text, 'text/xml').documentElement as never);
const viaLight = (text: string): Shape => {
  const d = parseXmlLight(text);
  expect(d).not.toBeNull();
  return shapeOf(d!.documentElement as never);
};

const partsOf = (zip: Uint8Array): [string, string][] => {
  const z = openZip(zip);
  return z.names.filter((n) => /\.(xml|rels)$/.test(n)).map((n) => [n, decodeXmlBytes(z.read(n))]);
};

describe('fast XML reader', () => {
  it('reads every part of our Word and Excel exports exactly as xmldom does', async () => {
    const reports = [seedReport(SEED_FILES[0]!), randomConsistentReport(7)];
    let parts = 0;
    for (const r of reports)
      for (const bytes of [await buildDocx(r), await buildXlsx(r)])
        for (const [name, text] of partsOf(bytes)) {
          expect(viaLight(text), name).toEqual(viaXmldom(text));
          parts++;
        }
    expect(parts).toBeGreaterThan(30);
  });

  it('reads hand-made Word XML (merged cells, fields, entities) exactly as xmldom does', () => {
    const docx = makeDocx([
      { p: '一、总体情况 & <说明> “三安全一稳定”' },
      {
        table: [
          { cells: [{ paras: ['自然人'], span: 2, vMerge: 'restart' }, { paras: ['12'] }] },
          { cells: [{ paras: [], span: 2, vMerge: 'continue' }, { paras: ['3', '4'] }] },
        ],
      },
    ]);
    for (const [name, text] of partsOf(docx)) expect(viaLight(text), name).toEqual(viaXmldom(text));
  });

  it('handles the XML that Office and other producers write', () => {
    const cases = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t xml:space="preserve"> 规 章 </w:t></w:r></w:p></w:body></w:document>`,
      `<a x='1' y = "2&amp;3"><!-- note --><b>&lt;&#20013;&#x6587;&gt;&quot;&apos;</b><c/><d><![CDATA[<raw & text>]]></d><?pi data?></a>`,
      `\ufeff<root>\n  <e a="tab\there"/>\n</root>\n`,
    ];
    for (const c of cases) expect(viaLight(c)).toEqual(viaXmldom(c));
  });

  it('steps aside (null) for anything malformed or unusual, so the full parser decides', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a><b>',
      '<a>1 & 2</a>',
      '<a/><b/>',
      'text<a/>',
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<a>&unknown;</a>',
      '<a x="1"y="2"/>',
      '<a x=1/>',
      '<1a/>',
      '',
    ])
      expect(parseXmlLight(bad), bad).toBeNull();
  });
});
