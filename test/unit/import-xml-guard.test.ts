import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, XmlError, parseXml } from '../../shared/import/xml';
import { parseXmlLight } from '../../shared/import/xml-light';

/**
 * parseXml lets the fast reader's own walk stand in for its two scans of the text (DOCTYPE/ENTITY, nesting depth)
 * when the walk shows nothing either scan could see differently. Whatever could — a declaration hidden in a comment,
 * tags inside a comment or CDATA, a > inside an attribute value, nesting past the limit — goes through both scans
 * first, so a hostile part is refused with the same message as before.
 */
const nest = (depth: number, inner = '') => `<r>${'<a>'.repeat(depth)}${inner}${'</a>'.repeat(depth)}</r>`;
const refusal = (text: string): string => {
  try {
    parseXml(text, 'word/document.xml');
  } catch (e) {
    return e instanceof XmlError ? e.message : `not an XmlError: ${String(e)}`;
  }
  return '';
};

describe('parseXml: the guarded fast walk and the scans before parsing', () => {
  it('an ordinary Office part is read by the guarded walk alone', () => {
    const part =
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t xml:space="preserve">一、总体情况</w:t></w:r></w:p></w:body></w:document>';
    expect(parseXmlLight(part, MAX_XML_DEPTH)).not.toBeNull();
    expect(parseXml(part, 'p').documentElement?.localName).toBe('document');
  });

  it('nesting at the limit is read; one level more is refused, before or after the walk would have caught it', () => {
    expect(refusal(nest(MAX_XML_DEPTH - 1))).toBe('');
    expect(refusal(nest(MAX_XML_DEPTH))).toMatch(/嵌套超过 256 层/);
    expect(parseXmlLight(nest(MAX_XML_DEPTH), MAX_XML_DEPTH)).toBeNull();
  });

  it('a DOCTYPE or ENTITY declaration is refused even inside a comment, CDATA or processing instruction', () => {
    for (const hidden of ['<!-- <!DOCTYPE x> -->', '<![CDATA[<!ENTITY y "z">]]>', '<?pi <!DOCTYPE x>?>']) {
      expect(refusal(`<r>${hidden}</r>`), hidden).toMatch(/DOCTYPE\/ENTITY/);
      expect(parseXmlLight(`<r>${hidden}</r>`, MAX_XML_DEPTH)).toBeNull();
    }
    // without a < inside, the same constructs are read by the walk
    expect(parseXmlLight('<r><!-- note --><![CDATA[1 > 0]]><?pi ok?></r>', MAX_XML_DEPTH)).not.toBeNull();
  });

  it('tags inside a comment count towards the depth as the scan counts them', () => {
    const inComment = `<r><!--${'<a>'.repeat(MAX_XML_DEPTH + 5)}--></r>`;
    expect(refusal(inComment)).toMatch(/嵌套超过 256 层/);
  });

  it('a > inside an attribute value leaves the depth to the scan (which ends the tag there)', () => {
    const text = `<r x="a/>b">${'<a>'.repeat(10)}${'</a>'.repeat(10)}</r>`;
    expect(parseXmlLight(text, MAX_XML_DEPTH)).toBeNull();
    expect(parseXml(text, 'p').documentElement?.localName).toBe('r');
  });
});
