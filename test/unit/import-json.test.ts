/** Our own file through importReportFile: any version via restore(), exact, and refusals in Chinese. */
import { CELL_IDS } from '../../shared/format/cells';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importReportFile } from '../../shared/import';
import { serialiseReport } from '../../shared/report';
import { templateFromLastYear } from '../../shared/report/template';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedExpectation, seedReport, seedText } from '../helpers/seeds';

describe('our own report file', () => {
  it('seeds, random reports and a template (with baseline) read back exactly, whatever the file name', async () => {
    const reports = [
      ...SEED_FILES.map(seedReport),
      ...Array.from({ length: 10 }, (_, i) => randomConsistentReport(i + 1)),
      templateFromLastYear(seedReport(SEED_FILES[0]!)).report,
    ];
    for (const [i, want] of reports.entries()) {
      const r = await importReportFile(i % 2 ? '上年.gkreport' : '上年', strToU8(serialiseReport(want)));
      expect(r.ok && r.kind).toBe('json');
      if (r.ok) {
        expect(r.report).toEqual(want);
        expect(r.stats.found.t3).toBe(CELL_IDS.filter((id) => id.startsWith('t3.') && want.cells[id] !== null).length);
      }
    }
  });

  it('a version-1 file is migrated with a note; a newer or broken one is refused in Chinese', async () => {
    const v1 = { format: 'disclosure-report', version: 1, agency: '某局', year: 2022, cells: { 't3.new.natural': 3 }, narrative: { overview: '概述' } };
    const r = await importReportFile('旧.json', strToU8(JSON.stringify(v1)));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.report.cells['t3.new.natural']).toBe(3);
      expect(r.report.narratives.overview).toBe('概述');
      expect(r.notes[0]!.message).toContain('旧版程序');
    }
    const newer = await importReportFile('新.gkreport', strToU8(JSON.stringify({ ...v1, version: 99 })));
    expect(newer.ok || newer.message).toMatch(/更新版本的程序保存/);
    const bad = await importReportFile('坏.gkreport', strToU8('{"format": "disclosure-report", "version": 2, "cells": {"t3.new.natural": -1}'));
    expect(bad.ok || bad.message).toMatch(/文件内容不完整或已损坏，不是有效的报告数据（/);
    const neg = await importReportFile('负.json', strToU8(JSON.stringify({ ...v1, version: 2, cells: { 't3.new.natural': -1 } })));
    expect(neg.ok || neg.message).toMatch(/不能为负数/);
  });

  it('a GBK-encoded text file is decoded (GB18030 fallback) and says so', async () => {
    // a seed page saved in GBK: not valid UTF-8 (the encoder is the decoder's table turned round)
    const gbkOf = new Map<string, number[]>();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) gbkOf.set(dec.decode(Uint8Array.of(a, b)), [a, b]);
    const text = seedText(SEED_FILES[0]!);
    const gbk = Uint8Array.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (gbkOf.get(c) ?? [0x3f]))));
    const r = await importReportFile('报告.txt', gbk);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.notes.some((n) => n.message.includes('GB18030'))).toBe(true);
      expect(r.report.cells['t3.new.total']).toBe(seedExpectation(SEED_FILES[0]!).cells['t3.new.total']);
    }
  });
});
