import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError, parseArgs } from '../../cli/args';
import { defaultJobs } from '../../cli/commands/validate';
import { collectInputs } from '../../cli/files';
import { cellsText } from '../../cli/findings-output';
import { csvLine } from '../../cli/output';
import { createProgress } from '../../cli/progress';
import { displayWidth, renderTable, wrap } from '../../cli/table-output';
import { removeTempDirs, tempDir } from './cli-harness';

afterAll(removeTempDirs);

describe('option parsing', () => {
  const specs = [{ name: 'json' }, { name: 'output', short: 'o', value: true }] as const;
  it('reads flags, values (--x v, --x=v, -o v) and positionals; -- ends options', () => {
    expect(parseArgs(['a', '--json', '-o', 'x.json', 'b'], specs, 'c')).toEqual({ positionals: ['a', 'b'], options: { json: true, output: 'x.json' } });
    expect(parseArgs(['--output=汇总.json', '--', '--json'], specs, 'c')).toEqual({ positionals: ['--json'], options: { output: '汇总.json' } });
  });
  it('refuses unknown options, missing values, repeated values and values on flags', () => {
    expect(() => parseArgs(['--jsn'], specs, 'validate')).toThrow(new UsageError('未知选项「--jsn」。运行「disclosure-report validate --help」查看用法'));
    expect(() => parseArgs(['-x'], specs, 'c')).toThrow(/未知选项「-x」/);
    expect(() => parseArgs(['-o'], specs, 'c')).toThrow(/需要一个值/);
    expect(() => parseArgs(['-o', '--json'], specs, 'c')).toThrow(/需要一个值/);
    expect(() => parseArgs(['-o', 'a', '-o', 'b'], specs, 'c')).toThrow(/只能给一次/);
    expect(() => parseArgs(['--json=1'], specs, 'c')).toThrow(/不带值/);
  });
});

describe('terminal tables', () => {
  it('counts Chinese characters as two columns and aligns every border', () => {
    expect(displayWidth('表三ab')).toBe(6);
    expect(wrap('一二三四五', 4)).toEqual(['一二', '三四', '五']);
    const t = renderTable(
      [{ title: '机关' }, { title: '错误', align: 'right' }],
      [
        ['许昌市人民政府', '12'],
        ['a', '0'],
      ],
    );
    const widths = t.split('\n').map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(t).toContain('| 许昌市人民政府 |   12 |');
  });
  it('shows a few cells of a long list and the count', () => {
    expect(cellsText(['a', 'b'])).toBe('a\nb');
    expect(cellsText(['a', 'b', 'c', 'd', 'e'])).toBe('a\nb\nc\n等 5 个');
  });
  it('quotes CSV fields that need it', () => {
    expect(csvLine(['a,b', 'say "x"', null, 3])).toBe('"a,b","say ""x""",,3\r\n');
  });
});

describe('progress bar', () => {
  afterEach(() => vi.useRealTimers());
  const stream = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, s: { isTTY, columns: 80, write: (x: string) => out.push(x) } as unknown as NodeJS.WriteStream };
  };
  it('stays silent when stderr is not a terminal', () => {
    const { out, s } = stream(false);
    const p = createProgress(100, '检查中', s);
    for (let i = 0; i < 100; i++) p.tick();
    p.done();
    expect(out).toEqual([]);
  });
  it('draws on a terminal once the run is long, and clears its line at the end', () => {
    vi.useFakeTimers();
    const { out, s } = stream(true);
    const p = createProgress(10, '检查中', s);
    p.tick();
    expect(out).toEqual([]); // a short run shows nothing
    vi.advanceTimersByTime(500);
    p.tick();
    expect(out.at(-1)).toMatch(/^\r检查中 \[#+\.+\] 2\/10/);
    p.done();
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });
});

describe('inputs and threads', () => {
  it('walks folders recursively in name order, keeps explicit files, marks missing paths', () => {
    const d = tempDir('walk');
    mkdirSync(join(d, 'b', '.hidden'), { recursive: true });
    for (const f of ['b/2.docx', 'a.txt', 'b/.hidden/x.txt', '~$lock.docx', 'notes.md', 'c.GKREPORT']) writeFileSync(join(d, f), 'x');
    const got = collectInputs([d, join(d, 'notes.md'), join(d, 'nope.txt')]);
    expect(got).toEqual([
      { path: join(d, 'a.txt') },
      { path: join(d, 'b', '2.docx') },
      { path: join(d, 'c.GKREPORT') },
      { path: join(d, 'notes.md') },
      { path: join(d, 'nope.txt'), missing: '文件或文件夹不存在' },
    ]);
  });
  it('reads a batch of a second or more of work on every core (at most 8), a small batch on one worker', () => {
    const many = (ext: string, n: number) => Array.from({ length: n }, (_, i) => `${i}.${ext}`);
    for (const cores of [2, 4, 8]) {
      expect(defaultJobs(many('txt', 5), cores)).toBe(1);
      expect(defaultJobs(many('txt', 100), cores)).toBe(1);
      expect(defaultJobs(many('gkreport', 400), cores)).toBe(1);
      expect(defaultJobs(many('docx', 100), cores)).toBe(1);
      expect(defaultJobs(many('txt', 1000), cores)).toBe(cores);
      expect(defaultJobs(many('docx', 1000), cores)).toBe(cores);
      expect(defaultJobs(many('pdf', 30), cores)).toBe(cores);
      expect(defaultJobs(many('gkreport', 5000), cores)).toBe(cores);
    }
    // one core: one worker, however large the batch; many cores: at most 8 workers
    expect(defaultJobs(many('docx', 1000), 1)).toBe(1);
    expect(defaultJobs(many('docx', 1000), 32)).toBe(8);
    // the machine's own core count is the default
    expect(defaultJobs(many('docx', 1000))).toBe(defaultJobs(many('docx', 1000), availableParallelism()));
  });
});
