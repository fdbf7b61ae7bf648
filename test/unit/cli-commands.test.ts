import type { CellId } from '../../shared/format/types';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELLS, CELL_IDS } from '../../shared/format/cells';
import { importReportFile } from '../../shared/import';
import { type Report, restoreOrThrow, serialiseReport } from '../../shared/report';
import { SEED_FILES, SEEDS_DIR, seedExpectation, seedReport } from '../helpers/seeds';
import { ensureCliBuilt, runCli, removeTempDirs, tempDir } from './cli-harness';

const seedPaths = SEED_FILES.map((f) => join(SEEDS_DIR, f));
const readReport = (p: string): Report => restoreOrThrow(readFileSync(p, 'utf8'));

/** 万元 strings added as scaled integers, independently of the code under test. */
const addMoneyText = (xs: string[]): string => {
  const fen = xs.reduce((a, s) => {
    const [i, f = ''] = s.split('.');
    return a + BigInt(i!) * 1_000_000n + BigInt(f.padEnd(6, '0'));
  }, 0n);
  const frac = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${fen / 1_000_000n}${frac ? `.${frac}` : ''}`;
};

/** Last year's report that agrees with this year's on every carry-over, so only what a test changes differs. */
const matchingLastYear = (thisYear: Report): Report => {
  const cells = { ...thisYear.cells };
  for (const id of CELL_IDS.filter((x) => x.startsWith('t3.carried_in.'))) cells[id.replace('carried_in', 'carried_out') as CellId] = thisYear.cells[id]!;
  for (const row of ['rules', 'normative'])
    cells[`t2.${row}.effective`] =
      (thisYear.cells[`t2.${row}.effective`] as number) - (thisYear.cells[`t2.${row}.issued`] as number) + (thisYear.cells[`t2.${row}.repealed`] as number);
  return { ...thisYear, year: (thisYear.year ?? 2023) - 1, cells };
};

beforeAll(ensureCliBuilt, 60_000);
afterAll(removeTempDirs);

describe('consolidate', () => {
  it('sums the five seed texts cell by cell, money exact, into our JSON file (exit 0)', () => {
    const dir = tempDir('cons');
    const out = join(dir, '汇总.json');
    const r = runCli(['consolidate', ...seedPaths, '-o', out, '--agency', '河南省测试汇总', '--year', '2023']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sum = readReport(out);
    expect(sum.agency).toBe('河南省测试汇总');
    expect(sum.year).toBe(2023);
    for (const c of CELLS) {
      const values = SEED_FILES.map((f) => (seedExpectation(f).cells as Record<string, number | string>)[c.id]!);
      expect(sum.cells[c.id], c.id).toBe(c.unit === 'money' ? addMoneyText(values as string[]) : (values as number[]).reduce((a, b) => a + b, 0));
    }
    expect(Object.values(sum.narratives).every((t) => t === '')).toBe(true);
    expect(r.stdout).toContain('已汇总 5 份报告');
    for (const f of SEED_FILES) expect(r.stdout).toContain(seedExpectation(f).agency);
  });

  it('--json lists the sources with their own findings', () => {
    const dir = tempDir('cons-json');
    const out = join(dir, 'sum.gkreport');
    const r = runCli(['consolidate', '--json', ...seedPaths, '-o', out]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      output: string;
      year: number;
      sources: { file: string; agency: string; findings: { severity: string }[] }[];
      findings: unknown[];
      notes: string[];
    };
    expect(j.output).toBe(out);
    expect(j.year).toBe(2023);
    expect(j.sources.map((s) => s.agency)).toEqual(SEED_FILES.map((f) => seedExpectation(f).agency));
    expect(j.sources.every((s) => Array.isArray(s.findings) && !s.findings.some((f) => f.severity === 'error'))).toBe(true);
  });

  it('refuses two reports of the same agency and year (exit 2, nothing written) unless --allow-duplicates', () => {
    const dir = tempDir('dup');
    copyFileSync(seedPaths[0]!, join(dir, 'a.txt'));
    writeFileSync(join(dir, 'a-again.gkreport'), serialiseReport(seedReport(SEED_FILES[0]!)));
    copyFileSync(seedPaths[1]!, join(dir, 'b.txt'));
    const out = join(tempDir('dup-out'), 'sum.json');
    const refused = runCli(['consolidate', dir, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(seedExpectation(SEED_FILES[0]!).agency);
    expect(refused.stderr).toContain('--allow-duplicates');
    expect(existsSync(out)).toBe(false);
    const allowed = runCli(['consolidate', dir, '-o', out, '--allow-duplicates']);
    expect(allowed.code).toBe(0);
    const e0 = seedExpectation(SEED_FILES[0]!).cells['t3.new.total'];
    const e1 = seedExpectation(SEED_FILES[1]!).cells['t3.new.total'];
    expect(readReport(out).cells['t3.new.total']).toBe(2 * e0 + e1);
  });

  it('does not consolidate when a file cannot be read (exit 2) unless --skip-unreadable', () => {
    const dir = tempDir('cons-bad');
    copyFileSync(seedPaths[2]!, join(dir, 'a.txt'));
    copyFileSync(seedPaths[3]!, join(dir, 'b.txt'));
    writeFileSync(join(dir, 'broken.docx'), new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]));
    const out = join(dir, 'sum.json');
    const refused = runCli(['consolidate', dir, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('broken.docx');
    expect(existsSync(out)).toBe(false);
    const skipped = runCli(['consolidate', dir, '-o', out, '--skip-unreadable']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('已跳过无法读取的文件');
    writeFileSync(join(dir, '扫描件.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const withPng = runCli(['consolidate', dir, '-o', join(tempDir('cons-png'), 'sum.json'), '--skip-unreadable', '--json']);
    expect((JSON.parse(withPng.stdout) as { notReports: string[] }).notReports).toEqual([join(dir, '扫描件.png')]);
    const c = seedExpectation(SEED_FILES[2]!).cells['t3.total.total'] + seedExpectation(SEED_FILES[3]!).cells['t3.total.total'];
    expect(readReport(out).cells['t3.total.total']).toBe(c);
  });

  it('exit 1 when a source has an error finding; usage errors exit 2', () => {
    const dir = tempDir('cons-err');
    const bad = seedReport(SEED_FILES[0]!);
    writeFileSync(join(dir, 'bad.gkreport'), serialiseReport({ ...bad, cells: { ...bad.cells, 't4.review.total': 9999 } }));
    copyFileSync(seedPaths[1]!, join(dir, 'b.txt'));
    const r = runCli(['consolidate', dir, '-o', join(dir, 'sum.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('T4-TOTAL');
    expect(runCli(['consolidate', dir]).code).toBe(2);
    expect(runCli(['consolidate', dir, '-o', join(dir, 'x.json'), '--year', 'abc']).code).toBe(2);
    expect(runCli(['consolidate', dir, '-o', join(dir, 'x.json'), '--bogus']).stderr).toContain('未知选项「--bogus」');
  });
});

describe('compare', () => {
  it('prints the per-cell changes and no cross-year finding when the years agree (exit 0)', () => {
    const dir = tempDir('cmp');
    const thisYear = seedReport(SEED_FILES[4]!);
    const last = matchingLastYear(thisYear);
    const lastFile = join(dir, 'last.gkreport');
    writeFileSync(lastFile, serialiseReport({ ...last, cells: { ...last.cells, 't3.new.natural': 1000 } }));
    const r = runCli(['compare', lastFile, seedPaths[4]!]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('跨年度检查：未发现问题。');
    const natural = thisYear.cells['t3.new.natural'] as number;
    expect(r.stdout).toMatch(new RegExp(`\\| t3\\.new\\.natural +\\| +1000 \\| +${natural} \\| +\\+${natural - 1000} \\|`));
    const j = JSON.parse(runCli(['compare', '--json', lastFile, seedPaths[4]!]).stdout) as {
      cells: { id: string; change: number | string | null }[];
      findings: unknown[];
    };
    expect(j.cells).toHaveLength(CELL_IDS.length);
    expect(j.cells.find((c) => c.id === 't3.new.natural')!.change).toBe(natural - 1000);
    expect(j.findings).toEqual([]);
  });

  it('gives the cross-year findings when 上年结转 does not match last year (exit 1)', () => {
    const dir = tempDir('cmp2');
    const thisYear = seedReport(SEED_FILES[4]!);
    const last = matchingLastYear(thisYear);
    const lastFile = join(dir, 'last.gkreport');
    writeFileSync(lastFile, serialiseReport({ ...last, cells: { ...last.cells, 't3.carried_out.natural': 0 } }));
    const r = runCli(['compare', '--json', lastFile, seedPaths[4]!]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { findings: { code: string; cells: string[] }[] };
    expect(j.findings.filter((f) => f.code === 'X-CARRY').map((f) => f.cells)).toEqual([['t3.carried_in.natural']]);
    expect(runCli(['compare', lastFile]).code).toBe(2);
    expect(runCli(['compare', lastFile, join(dir, 'nope.txt')]).code).toBe(2);
  });
});

describe('template', () => {
  it('writes this year’s draft: year + 1, 上年结转 carried, other counts blank (exit 0); never overwrites without --force', () => {
    const dir = tempDir('tpl');
    const out = join(dir, '2024.gkreport');
    const r = runCli(['template', seedPaths[0]!, '-o', out]);
    expect(r.code).toBe(0);
    const t = readReport(out);
    const e = seedExpectation(SEED_FILES[0]!);
    expect(t.agency).toBe(e.agency);
    expect(t.year).toBe(e.year + 1);
    for (const id of CELL_IDS.filter((x) => x.startsWith('t3.carried_in.')))
      expect(t.cells[id]).toBe((e.cells as unknown as Record<string, number>)[id.replace('carried_in', 'carried_out')]);
    expect(t.cells['t3.new.natural']).toBeNull();
    expect(t.cells['t4.review.total']).toBeNull();
    const again = runCli(['template', seedPaths[0]!, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect(runCli(['template', seedPaths[0]!, '-o', out, '--force']).code).toBe(0);
    expect(runCli(['template', join(dir, 'missing.txt'), '-o', join(dir, 'x.json')]).code).toBe(2);
    expect(runCli(['template', seedPaths[0]!]).code).toBe(2);
  });

  it('suggests the new report’s year as the file name when -o is missing, not a fixed year', () => {
    const last = join(tempDir('tpl-name'), 'last.gkreport');
    writeFileSync(last, serialiseReport({ ...seedReport(SEED_FILES[0]!), year: 2019 }));
    const r = runCli(['template', last]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o 2020年度报告.gkreport');
    const other = runCli(['template', last, '--year', '2031']);
    expect(other.stderr).toContain('-o 2031年度报告.gkreport');
  });

  it('a report without a year: says it was not found and how to give it; --year gives it', () => {
    const dir = tempDir('tpl-noyear');
    const last = join(dir, 'last.gkreport');
    writeFileSync(last, serialiseReport({ ...seedReport(SEED_FILES[0]!), year: null }));
    const out = join(dir, 'draft.gkreport');
    const r = runCli(['template', last, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('（未填年度）');
    expect(r.stdout).toContain('上年报告中未找到年度');
    expect(r.stdout).toContain('--year <年度>');
    expect(readReport(out).year).toBeNull();
    const given = runCli(['template', last, '-o', out, '--year', '2025', '--force']);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain(' 2025 年度报告草稿');
    expect(given.stdout).not.toContain('未找到年度');
    expect(readReport(out).year).toBe(2025);
    expect(runCli(['template', last, '-o', out, '--year', '25', '--force']).stderr).toContain('--year 应为 2000—2100 之间的年份');
  });
});

describe('export', () => {
  it('writes Word, Excel and HTML that read back to the same cells (exit 0)', async () => {
    const dir = tempDir('exp');
    const [docx, xlsx, html] = ['r.docx', 'r.xlsx', 'r.html'].map((n) => join(dir, n)) as [string, string, string];
    const r = runCli(['export', seedPaths[3]!, '--docx', docx, '--xlsx', xlsx, '--html', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const e = seedExpectation(SEED_FILES[3]!);
    for (const f of [docx, xlsx]) {
      const back = await importReportFile(f, readFileSync(f));
      expect(back.ok, f).toBe(true);
      if (back.ok) expect(back.report.cells).toEqual(e.cells);
    }
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<table');
    expect(page).toContain(e.agency);
  });

  it('exports a report with error findings anyway, listing them on stderr', () => {
    const dir = tempDir('exp-err');
    const bad = seedReport(SEED_FILES[0]!);
    const src = join(dir, 'bad.gkreport');
    writeFileSync(src, serialiseReport({ ...bad, cells: { ...bad.cells, 't3.granted.natural': (bad.cells['t3.granted.natural'] as number) + 1 } }));
    const r = runCli(['export', src, '--html', join(dir, 'bad.html')]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'bad.html'))).toBe(true);
    expect(r.stderr).toContain('警告：该报告有');
    expect(r.stderr).toContain('t3.granted.natural');
    expect(runCli(['export', src]).code).toBe(2);
    expect(runCli(['export', src, '--html', src]).code).toBe(2);
    expect(runCli(['export', join(dir, 'none.txt'), '--html', join(dir, 'x.html')]).code).toBe(2);
  });
});
