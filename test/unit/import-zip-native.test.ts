/**
 * The reader workers inflate with Node's zlib (src-main/native-zip.ts) where the browser keeps fflate: both must
 * read every file alike — the same report and notes from a good file, a refusal from every hostile one, and a
 * zip bomb that lies about its size stopped at its declared size by either.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importReportFile } from '../../shared/import';
import { listZip, openZip, useNativeZip } from '../../shared/import/zip';
import { NODE_ZIP } from '../../src-main/native-zip';
import { documentXml, reportDocx, zipBombDocx, zipRaw } from '../helpers/make-docx';
import { type Base, fuzzBases, fuzzCase } from '../helpers/fuzz-cases';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { crc32 } from '../../shared/import/zip';

afterEach(() => useNativeZip(null));

const bothWays = async (name: string, bytes: Uint8Array) => {
  useNativeZip(null);
  const js = await importReportFile(name, bytes);
  useNativeZip(NODE_ZIP);
  const native = await importReportFile(name, bytes);
  useNativeZip(null);
  return { js, native };
};

describe('Node zlib in the reader workers reads zips exactly as fflate does', () => {
  it('inflates every part of our own Word export to the same bytes', () => {
    const docx = reportDocx(seedReport(SEED_FILES[0]!));
    const js = openZip(docx);
    useNativeZip(NODE_ZIP);
    const native = openZip(docx);
    for (const e of listZip(docx)) expect(native.read(e.name)).toEqual(js.read(e.name));
  });

  it('stops a zip bomb that lies about its size at the size it declared, and refuses damaged, truncated and mis-summed parts', async () => {
    const bomb = await bothWays('年报.docx', zipBombDocx(1024 ** 3, 2000));
    for (const r of [bomb.js, bomb.native]) expect(!r.ok && r.message).toMatch(/实际大小超过其声明的大小/);
    const good = reportDocx(seedReport(SEED_FILES[1]!));
    const e = listZip(good).find((x) => x.name === 'word/document.xml')!;
    const damaged = good.slice();
    for (let i = e.localOffset + 60; i < e.localOffset + 160; i++) damaged[i] = damaged[i]! ^ 0x5a;
    const d = await bothWays('年报.docx', damaged);
    for (const r of [d.js, d.native]) expect(!r.ok && r.message).toMatch(/word\/document\.xml.*(损坏|校验失败|不完整)/);
    // the deflate stream cut short inside an entry that keeps its declared sizes
    const start =
      e.localOffset + 30 + good[e.localOffset + 26]! + (good[e.localOffset + 27]! << 8) + good[e.localOffset + 28]! + (good[e.localOffset + 29]! << 8);
    const cut = good.slice();
    cut.fill(0, start + Math.floor(e.compressedSize / 2), start + e.compressedSize);
    const c = await bothWays('年报.docx', cut);
    for (const r of [c.js, c.native]) expect(!r.ok && r.message).toMatch(/word\/document\.xml.*(损坏|校验失败|不完整)/);
    const xml = strToU8(documentXml([{ p: '测试' }]));
    const crc = await bothWays('年报.docx', zipRaw([{ name: 'word/document.xml', data: xml, method: 0, size: xml.length, crc: 12345 }]));
    for (const r of [crc.js, crc.native]) expect(!r.ok && r.message).toMatch(/校验失败（CRC 不符）/);
    expect(NODE_ZIP.crc32(xml)).toBe(crc32(xml));
  });

  describe('200 seeded fuzz cases', () => {
    let bases: Base[] = [];
    beforeAll(async () => {
      bases = await fuzzBases();
    }, 60_000);
    it('give the same outcome either way: the same report and notes, or a refusal', async () => {
      const differ: string[] = [];
      let zips = 0;
      for (let id = 0; id < 200; id++) {
        const c = fuzzCase(bases, 2, id);
        if (!/\.(docx|xlsx)$/i.test(c.name)) continue;
        zips++;
        const { js, native } = await bothWays(c.name, c.bytes);
        const same = js.ok && native.ok ? JSON.stringify([js.report, js.notes]) === JSON.stringify([native.report, native.notes]) : js.ok === native.ok;
        if (!same)
          differ.push(
            `case ${id} (${c.name}: ${c.mutation}): fflate ${js.ok ? 'read' : js.message.slice(0, 60)}; zlib ${native.ok ? 'read' : native.message.slice(0, 60)}`,
          );
      }
      expect(zips).toBeGreaterThan(50);
      expect(differ).toEqual([]);
    }, 240_000);
  });
});
