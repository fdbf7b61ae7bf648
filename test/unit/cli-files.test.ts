/**
 * The CLI's files: folder walks that end (real paths visited once, links out of the given folders not
 * followed unless --follow-links), "won't overwrite its input" by the file itself, and output written
 * through an exclusive temp file that a planted link cannot redirect. Real files in temp folders.
 */
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collectInputs, isSameFile } from '../../cli/files';
import { writeFileAtomic } from '../../cli/write-file';
import { SEED_FILES, SEEDS_DIR } from '../helpers/seeds';
import { ensureCliBuilt, removeTempDirs, runCli, tempDir } from './cli-harness';

// the temp name's random part, fixed here so a test can plant a link exactly there
vi.mock('node:crypto', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:crypto')>()),
  randomBytes: (n: number) => Buffer.alloc(n, 0xab),
}));

beforeAll(ensureCliBuilt, 60_000);
afterAll(removeTempDirs);

const seedText = readFileSync(join(SEEDS_DIR, SEED_FILES[0]!));
const paths = (dir: string, xs: { path: string }[]) => xs.map((x) => x.path.slice(dir.length + 1)).sort();

describe('folder walk', () => {
  it('links back up (up → ..) or to the folder itself (sub → .) end the walk: each report once', () => {
    const dir = tempDir('walk');
    const root = join(dir, 'root');
    mkdirSync(join(root, 'inner'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), seedText);
    writeFileSync(join(root, 'inner', 'b.txt'), seedText);
    symlinkSync('.', join(root, 'sub'));
    symlinkSync('..', join(root, 'inner', 'up'));
    const t0 = performance.now();
    expect(paths(dir, collectInputs([root]))).toEqual(['root/a.txt', 'root/inner/b.txt']);
    expect(paths(dir, collectInputs([root], [], { followLinks: true }))).toEqual(['root/a.txt', 'root/inner/b.txt']);
    // the inner folder given alone: its `up` leads out of it, so it is not followed unless asked
    expect(paths(dir, collectInputs([join(root, 'inner')]))).toEqual(['root/inner/b.txt']);
    expect(paths(dir, collectInputs([join(root, 'inner')], [], { followLinks: true })).length).toBe(2);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('does not follow links out of the given folders unless asked; links within them are read once', () => {
    const dir = tempDir('walk-out');
    const root = join(dir, 'root');
    const outside = join(dir, 'elsewhere');
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(join(outside, 'private.txt'), seedText);
    writeFileSync(join(root, 'a.txt'), seedText);
    symlinkSync(outside, join(root, 'to-outside'));
    symlinkSync(join(outside, 'private.txt'), join(root, 'file-outside.txt'));
    symlinkSync(join(root, 'a.txt'), join(root, 'same-as-a.txt'));
    expect(paths(dir, collectInputs([root]))).toEqual(['root/a.txt']);
    expect(paths(dir, collectInputs([root], [], { followLinks: true }))).toEqual(['root/file-outside.txt', 'root/a.txt'].sort());
    // the same folder given twice, or a file and a link to it: read once
    expect(paths(dir, collectInputs([root, root, join(root, 'same-as-a.txt')]))).toEqual(['root/a.txt']);
  });

  it('validate counts each report once and --follow-links is documented', () => {
    const dir = tempDir('walk-cli');
    writeFileSync(join(dir, 'a.txt'), seedText);
    symlinkSync('.', join(dir, 'sub'));
    symlinkSync('..', join(dir, 'up'));
    const r = runCli(['validate', '--json', dir]);
    expect((JSON.parse(r.stdout) as { files: unknown[] }).files).toHaveLength(1);
    expect(runCli(['validate', '--help']).stdout).toContain('--follow-links');
    expect(runCli(['consolidate', '--help']).stdout).toContain('--follow-links');
  });
});

describe("won't overwrite its input", () => {
  it('knows the input however the output names it: a link, a hard link, another spelling', () => {
    const dir = tempDir('same');
    const input = join(dir, 'r.gkreport');
    writeFileSync(input, 'x');
    symlinkSync(input, join(dir, 'link.gkreport'));
    linkSync(input, join(dir, 'hard.gkreport'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'back'));
    for (const out of [
      input,
      join(dir, 'link.gkreport'),
      join(dir, 'hard.gkreport'),
      join(dir, 'sub', '..', 'r.gkreport'),
      join(dir, 'sub', 'back', 'r.gkreport'),
    ])
      expect(isSameFile(input, out), out).toBe(true);
    expect(isSameFile(input, join(dir, 'other.gkreport'))).toBe(false);
    expect(isSameFile(input, join(dir, 'sub', 'r.gkreport'))).toBe(false);
  });

  it('export, template and consolidate refuse an output that is their input through a link (exit 2, input untouched)', () => {
    const dir = tempDir('same-cli');
    const input = join(dir, 'r.txt');
    writeFileSync(input, seedText);
    symlinkSync(input, join(dir, 'out.html'));
    const exp = runCli(['export', input, '--html', join(dir, 'out.html')]);
    expect(exp.code).toBe(2);
    expect(exp.stderr).toContain('会覆盖原报告');
    const tpl = runCli(['template', input, '-o', join(dir, 'out.html'), '--force']);
    expect(tpl.code).toBe(2);
    const con = runCli(['consolidate', dir, '-o', join(dir, 'out.html')]);
    expect(con.code).toBe(2);
    expect(readFileSync(input)).toEqual(seedText);
  });
});

describe('output files', () => {
  it('a link planted at the temp name makes the write fail; the file it points to is untouched', () => {
    const dir = tempDir('plant');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'out.json');
    symlinkSync(victim, join(dir, `.out.json.${process.pid}.${'ab'.repeat(6)}.tmp`));
    // and at the old predictable name, too
    symlinkSync(victim, join(dir, `.out.json.${process.pid}.tmp`));
    expect(() => writeFileAtomic(out, 'new')).toThrow(/无法写入「.*out\.json」：临时文件名已被占用/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(out)).toBe(false);
  });

  it('replaces the output whole, keeps its permissions, refuses a read-only one, leaves no temp file', () => {
    const dir = tempDir('perm');
    const out = join(dir, 'out.json');
    writeFileSync(out, 'old', { mode: 0o600 });
    chmodSync(out, 0o600);
    writeFileAtomic(out, 'new');
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    chmodSync(out, 0o444);
    expect(() => writeFileAtomic(out, 'newer')).toThrow('文件是只读的，未覆盖');
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(() => writeFileAtomic(join(dir, 'missing', 'x.json'), 'x')).toThrow('所在文件夹不存在');
  });
});

describe('help', () => {
  it('names every kind of file a folder walk reads (a .pdf was read but not named)', () => {
    const r = runCli(['--help']);
    const named = r.stdout.slice(r.stdout.indexOf('支持读取的文件'));
    for (const ext of ['.txt', '.html', '.htm', '.docx', '.xlsx', '.pdf', '.gkreport', '.json']) expect(named, ext).toContain(ext);
  });

  it('export and template say a PDF may be given', () => {
    for (const cmd of ['export', 'template']) expect(runCli([cmd, '--help']).stdout, cmd).toMatch(/Word、Excel、PDF、网页或文本/);
  });

  it('a folder with nothing to check names every kind it reads, .pdf too', () => {
    const dir = tempDir('nothing');
    writeFileSync(join(dir, 'a.png'), 'x');
    const r = runCli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.pdf');
  });
});
