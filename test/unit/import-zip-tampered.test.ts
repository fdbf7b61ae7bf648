/**
 * Zip archives that two readers would read differently: two entries of one name (Word reads one, we
 * read the other), entries that share bytes or sit outside the area the central directory describes,
 * and a local entry the directory does not list. Each is refused in Chinese, like the other hostile files.
 */
import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../shared/import';
import { listZip, openZip } from '../../shared/import/zip';
import { type RawZipEntry, reportDocx, zipRaw } from '../helpers/make-docx';
import { SEED_FILES, seedReport } from '../helpers/seeds';

const good = reportDocx(seedReport(SEED_FILES[0]!));
const rawEntries = (bytes: Uint8Array): RawZipEntry[] => {
  const z = openZip(bytes);
  return listZip(bytes).map((e) => ({ name: e.name, data: z.read(e.name), method: 0 as const, size: e.size, crc: e.crc }));
};
const u32 = (b: Uint8Array, o: number) => new DataView(b.buffer, b.byteOffset).getUint32(o, true);
const eocdOf = (b: Uint8Array) => b.length - 22;
/** Offset of the central directory record of entry i (records are in entry order, no extra fields: zipRaw). */
const centralRecord = (b: Uint8Array, i: number): number => {
  let p = u32(b, eocdOf(b) + 16);
  for (let k = 0; k < i; k++) p += 46 + (b[p + 28]! | (b[p + 29]! << 8));
  return p;
};

const refused = async (bytes: Uint8Array, message: RegExp) => {
  const r = await importReportFile('年报.docx', bytes);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.message).toMatch(message);
    expect(r.message).toMatch(/可能被篡改.*另存为/);
  }
};

describe('tampered zip archives are refused', () => {
  it('the untouched file reads (the checks do not refuse what Word writes)', async () => {
    expect((await importReportFile('年报.docx', zipRaw(rawEntries(good)))).ok).toBe(true);
  });

  it('two entries named word/document.xml (read from the last copy before, without a note)', async () => {
    const entries = rawEntries(good);
    const doc = entries.find((e) => e.name === 'word/document.xml')!;
    await refused(zipRaw([...entries, doc]), /两个同名的部件「word\/document\.xml」/);
    // OPC part names are case-insensitive: Word opens Word/Document.xml as the same part
    await refused(zipRaw([...entries, { ...doc, name: 'Word/Document.xml' }]), /两个同名的部件/);
  });

  it('two directory records pointing at the same bytes', async () => {
    const entries = rawEntries(good);
    const bytes = zipRaw([...entries, { ...entries[0]!, name: 'word/extra.xml' }]);
    const last = centralRecord(bytes, entries.length);
    new DataView(bytes.buffer).setUint32(last + 42, u32(bytes, centralRecord(bytes, 0) + 42), true);
    await refused(bytes, /占用了同一段数据/);
  });

  it('an entry placed inside the central directory, or running into it', async () => {
    const bytes = zipRaw(rawEntries(good));
    const cd = u32(bytes, eocdOf(bytes) + 16);
    const inside = bytes.slice();
    new DataView(inside.buffer).setUint32(centralRecord(inside, 1) + 42, cd, true);
    await refused(inside, /不在文件目录所指的位置/);
    const long = bytes.slice();
    const rec = centralRecord(long, 0);
    const dv = new DataView(long.buffer);
    dv.setUint32(rec + 20, u32(long, rec + 20) + 200_000, true);
    await refused(long, /超出了文件目录的范围/);
  });

  it('a local entry the central directory does not list (a hidden second document)', async () => {
    const entries = rawEntries(good);
    const bytes = zipRaw(entries);
    // drop the first record from the directory: its local header and data stay in the file, unlisted
    const eocd = eocdOf(bytes);
    const cd = u32(bytes, eocd + 16);
    const second = centralRecord(bytes, 1);
    const out = new Uint8Array(bytes.length - (second - cd));
    out.set(bytes.subarray(0, cd));
    out.set(bytes.subarray(second), cd);
    const dv = new DataView(out.buffer);
    const e2 = out.length - 22;
    dv.setUint16(e2 + 8, entries.length - 1, true);
    dv.setUint16(e2 + 10, entries.length - 1, true);
    dv.setUint32(e2 + 12, u32(out, e2 + 12) - (second - cd), true);
    await refused(out, /文件目录未列出的隐藏部件/);
  });
});
