/**
 * Hostile and broken files: each is refused with a clear Chinese message, nothing throws, and the
 * process goes on reading a good file afterwards. (Time is measured in bench/import.bench.ts.)
 */
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importReportFile } from '../../shared/import';
import { tableLayout } from '../../shared/format/header-layout';
import { crc32, listZip, openZip, ZipError } from '../../shared/import/zip';
import { parseXml, XmlError } from '../../shared/import/xml';
import { documentXml, reportDocx, zipBombDocx, zipDocx, zipRaw } from '../helpers/make-docx';
import { rng } from '../helpers/random-report';
import { renameStream } from '../helpers/cfb-tamper';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';

const OLD_DOC = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/doc/libreoffice-xiuwu-county.doc', import.meta.url))));

const refused = async (name: string, bytes: Uint8Array, message: RegExp) => {
  const r = await importReportFile(name, bytes);
  expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(false);
  if (!r.ok) expect(r.message).toMatch(message);
  return r;
};

const randomBytes = (n: number, seed: number) => {
  const r = rng(seed);
  return Uint8Array.from({ length: n }, () => r(256));
};

const LOL = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;

describe('hostile files are refused with a clear message', () => {
  it('a zip bomb of 1 GB of zeros that declares its size: refused before inflating', async () => {
    const bomb = zipBombDocx(1024 ** 3);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    await refused('年报.docx', bomb, /解压后总大小超过 50 MB 的上限（已达 1024 MB，可能是“压缩炸弹”）/);
  });

  it('a part we read is capped at 5 MB before inflating; a large part we never read (an image) is not refused', async () => {
    await refused('年报.docx', zipBombDocx(12 * 1024 * 1024), /「word\/document\.xml」解压后达 12 MB，超过单个部件 5 MB 的上限/);
    const good = reportDocx(seedReport(SEED_FILES[0]!));
    const picture = { name: 'word/media/image1.png', data: new Uint8Array(1), method: 0 as const, size: 1 };
    const withImage = zipRaw([
      ...listZip(good).map((e) => ({ name: e.name, data: openZip(good).read(e.name), method: 0 as const, size: e.size, crc: e.crc })),
      { ...picture, size: 12 * 1024 * 1024 },
    ]);
    const r = await importReportFile('年报.docx', withImage);
    expect(r.ok, JSON.stringify(r).slice(0, 200)).toBe(true);
  });

  it('a zip bomb that lies about its size: stopped as soon as it inflates past what it declared', async () => {
    await refused('年报.docx', zipBombDocx(1024 ** 3, 2000), /实际大小超过其声明的大小/);
    await refused('年报.xlsx', zipBombDocx(1024 ** 3, 2000), /实际大小超过其声明的大小/);
  });

  it('many entries, or entries adding up past the total limit', async () => {
    const tiny = strToU8('x');
    const many = zipRaw(Array.from({ length: 2001 }, (_, i) => ({ name: `word/p${i}.xml`, data: tiny, method: 0 as const, size: 1 })));
    await refused('年报.docx', many, /文件过多（2001 个，上限 2000 个）/);
    // the same small data declared 10 MB in each of 8 entries (overlapping-entry bombs declare like this)
    const z = zipBombDocx(1000);
    const entries = listZip(z).length;
    expect(entries).toBe(2);
    const parts = Array.from({ length: 8 }, (_, i) => ({ name: `word/part${i}.xml`, data: tiny, method: 0 as const, size: 10 * 1024 * 1024 }));
    await refused('年报.docx', zipRaw(parts), /解压后总大小超过 50 MB/);
  });

  it('a DOCTYPE / entity-expansion XML part is refused before parsing', async () => {
    await refused('年报.docx', zipDocx(LOL), /DOCTYPE\/ENTITY/);
    expect(() => parseXml(LOL, 'x.xml')).toThrow(XmlError);
    expect(() => parseXml('<a><!ENTITY x "y"></a>', 'x.xml')).toThrow(/DOCTYPE\/ENTITY/);
  });

  it('a DOCTYPE in an Excel part, and a sheet with a stray cell at column XFD', async () => {
    const xlsx = (sharedStrings: string, sheet: string) =>
      zipRaw(
        Object.entries({
          '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
          'xl/workbook.xml':
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表四" sheetId="1" r:id="rId1"/></sheets></workbook>',
          'xl/_rels/workbook.xml.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
          'xl/sharedStrings.xml': sharedStrings,
          'xl/worksheets/sheet1.xml': sheet,
        }).map(([name, text]) => {
          const data = strToU8(text);
          return { name, data, method: 0 as const, size: data.length, crc: crc32(data) };
        }),
      );
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const evil = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst ${ns}><si><t>&x;</t></si></sst>`;
    await refused('年报.xlsx', xlsx(evil, `<worksheet ${ns}><sheetData/></worksheet>`), /「xl\/sharedStrings\.xml」含有 DOCTYPE\/ENTITY 声明/);
    // 表四 as the layout draws it, then one stray cell far to the right
    const col = (i: number) => String.fromCharCode(65 + i);
    const grid = tableLayout('t4').rows.map((cells, r) =>
      cells
        .map((c) =>
          c.kind === 'data' ? `<c r="${col(c.col)}${r + 1}"><v>1</v></c>` : `<c r="${col(c.col)}${r + 1}" t="inlineStr"><is><t>${c.text}</t></is></c>`,
        )
        .join(''),
    );
    const rows = grid.map((cells, r) => `<row r="${r + 1}">${cells}${r === 0 ? '<c r="XFD1"><v>1</v></c>' : ''}</row>`).join('');
    const stray = `<worksheet ${ns}><sheetData>${rows}</sheetData></worksheet>`;
    const r = await importReportFile('年报.xlsx', xlsx(`<sst ${ns}/>`, stray));
    // read without allocating 16,384 columns per row, and the clerk is told what was left out
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.notes.map((n) => n.message)).toContain('工作表「表四」超出 5000 行或 256 列的部分未读取');
  });

  it('a truncated zip, a damaged entry, a CRC mismatch, an encrypted entry', async () => {
    const good = reportDocx(seedReport(SEED_FILES[0]!));
    await refused('年报.docx', good.subarray(0, Math.floor(good.length / 2)), /损坏或不完整/);
    const damaged = good.slice();
    const e = listZip(good).find((x) => x.name === 'word/document.xml')!;
    for (let i = e.localOffset + 60; i < e.localOffset + 160; i++) damaged[i] = damaged[i]! ^ 0x5a;
    await refused('年报.docx', damaged, /word\/document\.xml.*(损坏|校验失败|不完整)/);
    const xml = strToU8(documentXml([{ p: '测试' }]));
    await refused('年报.docx', zipRaw([{ name: 'word/document.xml', data: xml, method: 0, size: xml.length, crc: 12345 }]), /校验失败（CRC 不符）/);
    await refused('年报.docx', zipRaw([{ name: 'word/document.xml', data: xml, method: 0, size: xml.length, flags: 1 }]), /已加密/);
  });

  it('elements nested 50,000 deep (an attack on recursion) are refused before parsing', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const deep = `<w:document xmlns:w="${W}"><w:body>${'<w:sdt><w:sdtContent>'.repeat(25_000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(25_000)}</w:body></w:document>`;
    await refused('年报.docx', zipDocx(deep), /结构嵌套超过 256 层/);
  });

  it('malformed XML in document.xml', async () => {
    await refused('年报.docx', zipDocx('<w:document><w:body><w:p>'), /不是有效的 XML/);
  });

  it('a 50 MB file is refused by its size before anything is read', async () => {
    await refused('年报.docx', new Uint8Array(50 * 1024 * 1024), /文件过大（50\.0 MB），超过 30\.0 MB 的上限/);
  });

  it('a .docx that is really a .txt, and an .xlsx that is really a web page', async () => {
    await refused('2023年报.docx', strToU8(seedText(SEED_FILES[0]!)), /扩展名为 \.docx，但内容不是 Word 文档，而是纯文本.*改为 \.txt/);
    await refused('2023年报.xlsx', strToU8('<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>'), /扩展名为 \.xlsx.*网页/);
  });

  it('random bytes, an empty file, old binary Office, a PDF header with nothing behind it, an ordinary zip', async () => {
    for (const seed of [1, 2, 3]) await refused('年报.docx', randomBytes(100_000, seed), /内容无法识别|不是有效的压缩包/);
    await refused('年报.bin', randomBytes(100_000, 4), /内容无法识别/);
    await refused('年报.docx', new Uint8Array(0), /文件是空的/);
    // a compound file header followed by junk: refused on its header, not read
    await refused(
      '年报.xls',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(1000, 5)]),
      /扇区大小.*无效|旧版 Word\/Excel\/WPS 文件结构无效/,
    );
    await refused('年报.pdf', strToU8('%PDF-1.7\n...'), /PDF 文件已损坏或不完整/);
    await refused('资料.zip', zipRaw([{ name: 'a.txt', data: strToU8('hi'), method: 0, size: 2 }]), /普通的 ZIP 压缩包/);
  });

  it('the content decides, not the name: a Word file named .xlsx is read as Word, text named .docx or junk is refused', async () => {
    const asXlsx = await importReportFile('年报.xlsx', reportDocx(seedReport(SEED_FILES[0]!)));
    expect(asXlsx.ok && asXlsx.kind).toBe('docx');
    await refused('年报.docx', strToU8('not a zip'), /文件扩展名为 \.docx，但内容不是 Word 文档，而是纯文本/);
    // an Excel 95 workbook named .xlsx: told what it is and what to do
    await refused('年报.xlsx', renameStream(OLD_DOC, 'WordDocument', 'Book'), /Excel 5\.0\/95 或更早版本的工作簿.*另存为/);
    const junk = await importReportFile('年报.docx', randomBytes(5000, 11));
    expect(junk.ok).toBe(false);
  });

  it('zip.ts throws only ZipError, and the process goes on reading good files afterwards', async () => {
    expect(() => openZip(randomBytes(1000, 9))).toThrow(ZipError);
    const r = await importReportFile('2023年报.docx', reportDocx(seedReport(SEED_FILES[0]!)));
    expect(r.ok).toBe(true);
  });
});
