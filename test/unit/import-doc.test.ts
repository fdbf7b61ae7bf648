/**
 * Word 97–2003 .doc (and WPS .wps): committed files LibreOffice wrote (see test/fixtures/doc/README.md) read back
 * exactly — every cell, agency, year, narratives — through the one open path; hostile compound files are refused
 * in Chinese, and a good file reads afterwards.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { CfbError, openCfb } from '../../shared/import/cfb';
import { docBlocks } from '../../shared/import/doc-blocks';
import { openReportBytes } from '../../shared/app/open-report';
import type { Report } from '../../shared/report';
import {
  absurdSectorSize,
  directoryCycle,
  fatCycle,
  freeSectorChain,
  hugeFat,
  hugeMiniStream,
  renameStream,
  setFibFlag,
  streamBeyondFile,
  truncated,
} from '../helpers/cfb-tamper';
import { rawEnglish } from '../helpers/fuzz-cases';
import { randomConsistentReport } from '../helpers/random-report';
import { seedReportWithNarratives } from '../helpers/seed-narratives';

const fixture = (p: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/doc/${p}`, import.meta.url))));

const CASES: { file: string; want: () => Report }[] = [
  { file: 'libreoffice-xiuwu-county.doc', want: () => seedReportWithNarratives('2023_xiuwu-county.txt') },
  { file: 'our-export-jiyuan-city.doc', want: () => seedReportWithNarratives('2023_jiyuan-city.txt') },
  { file: 'our-export-random-3.doc', want: () => randomConsistentReport(3) },
];

const expectSame = (got: Report, want: Report) => {
  expect(got.agency).toBe(want.agency);
  expect(got.year).toBe(want.year);
  for (const id of CELL_IDS) expect(got.cells[id], id).toEqual(want.cells[id]);
  expect(got.narratives).toEqual(want.narratives);
};

describe('Word 97–2003 .doc written by LibreOffice', () => {
  for (const c of CASES) {
    it(`${c.file}: every cell, the agency, the year and the narratives`, async () => {
      const bytes = fixture(c.file);
      const r = await importReportFile(c.file, bytes);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      expect(r.kind).toBe('doc');
      expectSame(r.report, c.want());
      expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
    });
  }

  it('WPS .wps (the same format), a .doc renamed .txt, and the one open path of every host', async () => {
    const bytes = fixture(CASES[0]!.file);
    const want = CASES[0]!.want();
    for (const name of ['2023年报.wps', '2023年报.txt', '2023年报']) {
      const opened = await openReportBytes(name, bytes, importReportFile);
      expect(opened.ok, name).toBe(true);
      if (opened.ok) {
        expect(opened.kind).toBe('import');
        expect(opened.source).toBe('doc');
        expectSame(opened.report, want);
      }
    }
  });

  it('tables come out on their grid: a vertically merged label is written once, its continuation rows empty', () => {
    const blocks = docBlocks(openCfb(fixture(CASES[0]!.file)));
    const t3 = blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r[0] === '三、本年度办理结果'));
    expect(t3?.kind).toBe('table');
    if (t3?.kind !== 'table') return;
    const widths = new Set(t3.rows.map((r) => r.length));
    expect([...widths]).toEqual([10]);
    const at = t3.rows.findIndex((r) => r[0] === '三、本年度办理结果');
    // 「三、本年度办理结果」 spans the result rows: the next ones have "" under it
    expect(t3.rows[at + 1]![0]).toBe('');
    expect(t3.rows[at + 2]!.slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
    expect(t3.rows[at + 3]!.slice(0, 3)).toEqual(['', '', '2.其他法律行政法规禁止公开']);
  });
});

describe('hostile and damaged compound files are refused in Chinese', () => {
  const good = fixture(CASES[0]!.file);
  const refused = async (bytes: Uint8Array, message: RegExp) => {
    const r = await importReportFile('年报.doc', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      expect(rawEnglish(r.message)).toBe(false);
    }
  };

  it('chains and trees that loop, run into free sectors, or point past the file', async () => {
    await refused(fatCycle(good), /扇区链首尾相接（循环引用）/);
    await refused(directoryCycle(good), /文件目录中有循环引用/);
    await refused(freeSectorChain(good), /旧版 Word\/Excel\/WPS 文件结构无效/);
    await refused(streamBeyondFile(good), /「Word 正文」的声明大小（2048 MB）超过 32 MB 的上限/);
    await refused(streamBeyondFile(good, '1Table'), /「Word 索引表」的声明大小（2048 MB）超过 32 MB 的上限/);
    await refused(hugeMiniStream(good), /「小数据区」的声明大小（2047.9 MB）超过 32 MB 的上限/);
    await refused(absurdSectorSize(good), /扇区大小（2\^20 字节）或版本（3）无效/);
    await refused(hugeFat(good), /分配表大小（3000000 个扇区）超过文件本身/);
    await refused(truncated(good), /已损坏或不完整|文件结构无效/);
    await refused(good.slice(0, 300), /已损坏或不完整/);
  });

  it('a stream size beyond the file but under the cap is refused on the file size, not read', () => {
    const b = Uint8Array.from(good);
    // WordDocument declares 20 MB in a 54 KB file
    const bad = streamBeyondFile(b);
    const view = new DataView(bad.buffer);
    const at = bad.findIndex((_, i) => view.getUint32(i, true) === 0x7fffffff && i > 512);
    view.setUint32(at, 20 * 1024 * 1024, true);
    expect(() => openCfb(bad).read('WordDocument')).toThrow(/超过文件本身可容纳的大小/);
  });

  it('password, a Word file that claims to be a workbook, Excel 95, an encrypted .docx, PowerPoint: each told what to do', async () => {
    await refused(setFibFlag(good, 0x0100), /设置了打开密码/);
    await refused(renameStream(good, 'WordDocument', 'Workbook'), /Excel 文件已损坏或结构不受支持/);
    await refused(renameStream(good, 'WordDocument', 'EncryptionInfo'), /设置了打开密码/);
    await refused(renameStream(good, 'WordDocument', 'Book'), /Excel 5\.0\/95 或更早版本的工作簿.*另存为” \.xlsx/);
    await refused(renameStream(good, 'WordDocument', 'Contents'), /不是 Word 文档/);
  });

  it('openCfb throws only CfbError, and a good file reads after all of them', async () => {
    for (const bad of [fatCycle(good), directoryCycle(good), truncated(good), hugeFat(good), absurdSectorSize(good)])
      expect(() => {
        const c = openCfb(bad);
        for (const n of c.names) c.read(n);
      }).toThrow(CfbError);
    const r = await importReportFile('年报.doc', good);
    expect(r.ok).toBe(true);
  });
});
