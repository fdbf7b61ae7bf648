import type { CellId } from '../../shared/format/types';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format/cells';
import { serialiseReport } from '../../shared/report';
import { fileURLToPath } from 'node:url';
import { makeMht } from '../helpers/make-mht';
import { SEED_FILES, SEEDS_DIR, seedExpectation, seedReport, seedText } from '../helpers/seeds';
import { type ValidateJson, ensureCliBuilt, runCli, removeTempDirs, tempDir } from './cli-harness';

const seedPaths = SEED_FILES.map((f) => join(SEEDS_DIR, f));

/** Every whole number standing alone in a tab-separated field of the 表三 and 表四 sections of a seed's text. */
const tableNumberTokens = (text: string): { line: number; field: number; value: number }[] => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^[#\s]*三、收到和处理政府信息公开申请情况/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^[#\s]*五、存在的主要问题/.test(l));
  const out: { line: number; field: number; value: number }[] = [];
  for (let i = start; i < end; i++)
    lines[i]!.split('\t').forEach((f, k) => {
      if (/^\s*\d+\s*$/.test(f)) out.push({ line: i, field: k, value: Number(f.trim()) });
    });
  return out;
};

const raise = (text: string, t: { line: number; field: number; value: number }): string => {
  const lines = text.split('\n');
  const fields = lines[t.line]!.split('\t');
  fields[t.field] = fields[t.field]!.replace(/\d+/, String(t.value + 1));
  lines[t.line] = fields.join('\t');
  return lines.join('\n');
};

beforeAll(ensureCliBuilt, 60_000);
afterAll(removeTempDirs);

describe('validate --json on the seed reports', () => {
  it('prints findings with no key that docs/cli.md does not name (a script reading it relies on that list)', () => {
    const dir = tempDir('json-keys');
    const empty = join(dir, 'empty.gkreport');
    // the seed's tables with no text: 「一、总体情况」尚未填写正文 and the like
    writeFileSync(empty, serialiseReport(seedReport(SEED_FILES[0]!)));
    const out = JSON.parse(runCli(['validate', '--json', ...seedPaths, empty]).stdout) as ValidateJson;
    const keys = new Set(out.files.flatMap((f) => f.findings.flatMap((x) => Object.keys(x))));
    const line = readFileSync(join(fileURLToPath(new URL('../../docs/', import.meta.url)), 'cli.md'), 'utf8').match(
      /"findings": \[Finding…\],\s*\/\/ evaluate\(\): (.*)/,
    )![1]!;
    const documented = new Set(line.split(/,\s*/).map((k) => k.replace(/[?\s].*$/, '')));
    // the seeds' narrative findings carry their sentence, an empty section its place: both must be on the list
    expect(keys.has('narrative') && keys.has('target')).toBe(true);
    expect([...keys].filter((k) => !documented.has(k))).toEqual([]);
  });

  it('gives every cell of expected.json exactly, and no error-level finding (exit 0)', () => {
    const r = runCli(['validate', '--json', ...seedPaths]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(Object.keys(out)).toEqual(['files']);
    expect(out.files.map((f) => f.file)).toEqual(seedPaths);
    for (const [i, f] of out.files.entries()) {
      const e = seedExpectation(SEED_FILES[i]!);
      expect(Object.keys(f)).toEqual(['file', 'agency', 'year', 'cells', 'findings', 'notes']);
      expect(f.agency).toBe(e.agency);
      expect(f.year).toBe(e.year);
      expect(Object.keys(f.cells!)).toEqual([...CELL_IDS]);
      expect(f.cells).toEqual(e.cells);
      expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
    }
    expect(r.code).toBe(0);
  });

  it('reads our own JSON files to the same cells (money as a decimal string, blank as null)', () => {
    const dir = tempDir('json');
    for (const f of SEED_FILES) writeFileSync(join(dir, f.replace('.txt', '.gkreport')), serialiseReport(seedReport(f)));
    const blank = seedReport(SEED_FILES[0]!);
    writeFileSync(join(dir, 'blank.json'), serialiseReport({ ...blank, cells: { ...blank.cells, 't3.new.natural': null } }));
    const r = runCli(['validate', '--json', dir]);
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(out.files).toHaveLength(6);
    const byName = new Map(out.files.map((f) => [f.file.split('/').pop()!, f]));
    for (const f of SEED_FILES) expect(byName.get(f.replace('.txt', '.gkreport'))!.cells).toEqual(seedExpectation(f).cells);
    const b = byName.get('blank.json')!;
    expect(b.cells!['t3.new.natural']).toBeNull();
    expect(typeof b.cells!['t2.fees.amount']).toBe('string');
    // the blank cell breaks 表三's row total and balance: an error naming it, so exit 1
    expect(b.findings.some((x) => x.severity === 'error' && x.cells.includes('t3.new.natural'))).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe('validate finds any single number of 表三 or 表四 raised by 1', () => {
  it('names the raised cell in an error finding, for every such number of every seed (exit 1)', () => {
    const dir = tempDir('raised');
    const cases: { file: string; seed: string }[] = [];
    for (const seed of SEED_FILES) {
      const text = seedText(seed);
      const tokens = tableNumberTokens(text);
      // 表三 has 175 cells and 表四 15: every one of them is printed in every seed
      expect(tokens.length).toBe(190);
      tokens.forEach((t, k) => {
        const file = join(dir, `${seed.replace('.txt', '')}__${String(k).padStart(3, '0')}.txt`);
        writeFileSync(file, raise(text, t));
        cases.push({ file, seed });
      });
    }
    const r = runCli(['validate', '--json', dir]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(out.files.map((f) => f.file)).toEqual(cases.map((c) => c.file));
    const failures: string[] = [];
    for (const [i, f] of out.files.entries()) {
      const expected = seedExpectation(cases[i]!.seed).cells as Record<string, number | string>;
      const changed = Object.keys(expected).filter((id) => f.cells?.[id] !== expected[id]);
      const ok =
        changed.length === 1 &&
        f.cells![changed[0]!] === (expected[changed[0]!] as number) + 1 &&
        /^t[34]\./.test(changed[0]!) &&
        f.findings.some((x) => x.severity === 'error' && x.cells.includes(changed[0]!));
      if (!ok)
        failures.push(
          `${f.file}: changed ${changed.join(',') || 'nothing'}; errors ${
            f.findings
              .filter((x) => x.severity === 'error')
              .map((x) => x.code)
              .join(',') || 'none'
          }`,
        );
    }
    expect(failures).toEqual([]);
  });
});

describe('validate on a folder of mixed files', () => {
  const setup = () => {
    const dir = tempDir('mixed');
    mkdirSync(join(dir, '县区', '部门'), { recursive: true });
    copyFileSync(seedPaths[0]!, join(dir, 'a-seed.txt'));
    copyFileSync(seedPaths[1]!, join(dir, '县区', 'b-seed.txt'));
    writeFileSync(join(dir, '县区', '部门', 'c.gkreport'), serialiseReport(seedReport(SEED_FILES[2]!)));
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    writeFileSync(join(dir, 'random.docx'), bytes);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ name: 'not a report', version: 3 }));
    writeFileSync(join(dir, 'notes.md'), '# not a supported extension: skipped by the folder walk');
    writeFileSync(join(dir, '~$a-seed.docx'), 'an Office lock file');
    return dir;
  };

  it('checks every readable file, reports each unreadable one with its reason, exit 2', () => {
    const dir = setup();
    const r = runCli(['validate', '--json', dir, join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as ValidateJson;
    const rel = out.files.map((f) => f.file.slice(dir.length + 1));
    expect(rel).toEqual(['a-seed.txt', 'empty.txt', 'other.json', 'random.docx', '县区/b-seed.txt', '县区/部门/c.gkreport', 'missing.txt']);
    const byRel = new Map(out.files.map((f, i) => [rel[i], f]));
    for (const [name, seed] of [
      ['a-seed.txt', 0],
      ['县区/b-seed.txt', 1],
      ['县区/部门/c.gkreport', 2],
    ] as const) {
      const f = byRel.get(name)!;
      expect(f.error).toBeUndefined();
      expect(f.cells).toEqual(seedExpectation(SEED_FILES[seed]!).cells);
    }
    for (const name of ['empty.txt', 'other.json', 'random.docx', 'missing.txt']) {
      const f = byRel.get(name)!;
      expect(Object.keys(f)).toEqual(['file', 'agency', 'year', 'cells', 'findings', 'notes', 'error']);
      expect(f).toMatchObject({ agency: null, year: null, cells: null, findings: [], notes: [] });
      expect(f.error).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('--csv gives one summary row per file with a header, exit 2', () => {
    const dir = setup();
    const r = runCli(['validate', '--csv', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout.startsWith('\ufeff')).toBe(true);
    const rows = r.stdout
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual(['文件', '机关', '年度', '错误', '警告', '提示', '无法读取', '原因']);
    expect(rows).toHaveLength(7);
    const seedRow = rows.find((x) => x[0]!.endsWith('a-seed.txt'))!;
    expect(seedRow.slice(1, 4)).toEqual([seedExpectation(SEED_FILES[0]!).agency, String(seedExpectation(SEED_FILES[0]!).year), '0']);
    expect(seedRow[6]).toBe('否');
    const bad = rows.find((x) => x[0]!.endsWith('random.docx'))!;
    expect(bad[6]).toBe('是');
    expect(bad[7]!.length).toBeGreaterThan(0);
  });

  it('prints a findings table per file and a summary table in Chinese', () => {
    const dir = setup();
    const r = runCli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('| 严重程度 | 代码');
    expect(r.stdout).toMatch(/汇总：\n\+-+/);
    expect(r.stdout).toMatch(/\| 文件 +\| 机关 +\| 年度 \| 错误 \| 警告 \| 无法读取/);
    expect(r.stdout).toContain('共 6 个文件：无错误 3 个，有错误 0 个，无法读取 3 个。');
    expect(r.stdout).toContain(seedExpectation(SEED_FILES[1]!).agency);
  });

  it('says how many files were skipped as not reports, and lists them with --verbose', () => {
    const dir = setup();
    writeFileSync(join(dir, '县区', '旧报告.ppt'), 'an old PowerPoint file');
    writeFileSync(join(dir, '县区', '部门', 'scan.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, '.hidden.ppt'), 'hidden files are not mentioned');
    const plain = runCli(['validate', '--summary', dir]);
    expect(plain.stdout).toContain('另有 3 个文件不是报告文件，已跳过（.md 1 个，.png 1 个，.ppt 1 个）；加 --verbose 可列出这些文件。');
    expect(plain.stdout).not.toContain('scan.png');
    const verbose = runCli(['validate', '--summary', '--verbose', dir]);
    const listed = verbose.stdout
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.trim().slice(dir.length + 1));
    expect(listed).toEqual(['notes.md', '县区/旧报告.ppt', '县区/部门/scan.png']);
    const json = runCli(['validate', '--json', '-v', dir]);
    expect(Object.keys(JSON.parse(json.stdout) as object)).toEqual(['files']);
    expect(json.stderr).toContain('另有 3 个文件不是报告文件');
    expect(json.stderr).toContain('scan.png');
  });
});

describe('validate on a folder of old Word files and single-file web pages', () => {
  it('the folder walk picks up .doc, .wps and .mht, and each reads to its seed', async () => {
    const dir = tempDir('legacy');
    const doc = fileURLToPath(new URL('../fixtures/doc/libreoffice-xiuwu-county.doc', import.meta.url));
    copyFileSync(doc, join(dir, '修武县2023年报.doc'));
    copyFileSync(doc, join(dir, '修武县2023年报（WPS）.wps'));
    const page = readFileSync(new URL('../fixtures/import/2023_xuchang-city.msword.html', import.meta.url), 'utf8');
    writeFileSync(join(dir, '许昌市2023年报.mht'), makeMht(page.replace('charset=utf-8', 'charset=gb2312'), { charset: 'gb2312' }));
    const r = runCli(['validate', '--json', dir]);
    const out = JSON.parse(r.stdout) as ValidateJson;
    const rel = out.files.map((f) => f.file.slice(dir.length + 1));
    expect(rel).toEqual(['修武县2023年报.doc', '修武县2023年报（WPS）.wps', '许昌市2023年报.mht']);
    for (const [i, seed] of ['2023_xiuwu-county.txt', '2023_xiuwu-county.txt', '2023_xuchang-city.txt'].entries()) {
      expect(out.files[i]!.error, rel[i]).toBeUndefined();
      expect(out.files[i]!.agency).toBe(seedExpectation(seed).agency);
      expect(out.files[i]!.cells).toEqual(seedExpectation(seed).cells);
    }
  });
});

describe('validate: previous year, usage, parallel workers', () => {
  it('--previous adds the cross-year findings (上年结转 ≠ 上年结转下年度)', () => {
    const dir = tempDir('prev');
    const last = seedReport(SEED_FILES[4]!);
    const lastFile = join(dir, 'last.gkreport');
    const cells = { ...last.cells };
    for (const id of CELL_IDS.filter((x) => x.startsWith('t3.carried_in.'))) cells[id.replace('carried_in', 'carried_out') as CellId] = last.cells[id]!;
    writeFileSync(lastFile, serialiseReport({ ...last, year: 2022, cells: { ...cells, 't3.carried_out.natural': 999 } }));
    const r = runCli(['validate', '--json', '--previous', lastFile, seedPaths[4]!]);
    const out = JSON.parse(r.stdout) as ValidateJson;
    const carry = out.files[0]!.findings.filter((f) => f.code === 'X-CARRY');
    expect(carry.map((f) => f.cells)).toEqual([['t3.carried_in.natural']]);
    const without = JSON.parse(runCli(['validate', '--json', seedPaths[4]!]).stdout) as ValidateJson;
    expect(without.files[0]!.findings.some((f) => f.code.startsWith('X-'))).toBe(false);
  });

  it('an unknown option, a missing argument or an unreadable --previous is a clear message and exit 2', () => {
    const a = runCli(['validate', '--jsn', seedPaths[0]!]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('未知选项「--jsn」');
    expect(a.stdout).toBe('');
    const b = runCli(['validate']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('请给出要检查的文件或文件夹');
    const c = runCli(['validate', '--previous', '/nonexistent/x.json', seedPaths[0]!]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('无法读取上年度报告');
    const d = runCli(['frobnicate']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('未知命令「frobnicate」');
  });

  it('--help is in Chinese and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['validate', 'export', 'template', 'consolidate', 'compare']) expect(r.stdout).toContain(c);
    const v = runCli(['validate', '--help']);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('退出码');
  });

  it('gives the same output with worker threads as without, in input order', () => {
    const dir = tempDir('jobs');
    for (let k = 0; k < 6; k++) for (const [i, p] of seedPaths.entries()) copyFileSync(p, join(dir, `${k}-${i}.txt`));
    writeFileSync(join(dir, '3-x-broken.docx'), 'PK\u0003\u0004 broken');
    const one = runCli(['validate', '--json', '--jobs', '1', dir]);
    const two = runCli(['validate', '--json', '--jobs', '2', dir]);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(two.stdout) as ValidateJson).files).toHaveLength(31);
    expect(readFileSync(join(dir, '0-0.txt'), 'utf8')).toBe(seedText(SEED_FILES[0]!));
  });
});
