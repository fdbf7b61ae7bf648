/** Turning the files and folders given on the command line into the list of reports to read. */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { OPENABLE_EXTENSIONS } from '../shared/import/extensions';

/** What a folder walk picks up: what the readers are offered (and .text). A file named explicitly is always tried. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...OPENABLE_EXTENSIONS, 'text'].map((e) => `.${e}`);

export type InputEntry = { readonly path: string } | { readonly path: string; readonly missing: string };

const isSupported = (name: string): boolean => SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
/** Hidden files and Office lock files (~$报告.docx) are never reports. */
const isJunk = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');

/** What a folder walk left out because it is not a report file (.doc, .png, .md …), for the CLI to say so. */
export type SkippedFile = { readonly path: string; readonly extension: string };

export type CollectOptions = {
  /** Follow links that lead out of the given folders (off by default: a link to a whole drive would read it all). */
  readonly followLinks?: boolean;
};

/** Windows and macOS name files case-insensitively: 报告.DOCX and 报告.docx are one file there. */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';
const keyOf = (realPath: string): string => (CASE_INSENSITIVE ? realPath.toLowerCase() : realPath);
const realOf = (p: string): string | null => {
  try {
    return realpathSync.native(p);
  } catch {
    return null;
  }
};
const within = (key: string, root: string): boolean => key === root || key.startsWith(root.endsWith(sep) ? root : root + sep);

type Walk = {
  readonly out: InputEntry[];
  readonly skipped: SkippedFile[];
  readonly roots: readonly string[];
  readonly visited: Set<string>;
  readonly followLinks: boolean;
};

/**
 * Each folder is entered once, by its real path, so a link back up (`up → ..`) or to itself
 * (`sub → .`) ends the walk there instead of looping or counting the same report again.
 */
const walk = (dir: string, w: Walk): void => {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    w.out.push({ path: dir, missing: `无法读取文件夹：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  for (const name of names) {
    if (isJunk(name)) continue;
    const p = join(dir, name);
    let st;
    try {
      st = lstatSync(p);
      if (st.isSymbolicLink()) {
        const real = realOf(p);
        if (!real) continue; // a dangling link inside a folder is not a report
        if (!w.followLinks && !w.roots.some((r) => within(keyOf(real), r))) continue;
        st = statSync(p);
      }
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      const real = realOf(p);
      if (!real || w.visited.has(keyOf(real))) continue;
      w.visited.add(keyOf(real));
      walk(p, w);
    } else if (st.isFile() && isSupported(name)) w.out.push({ path: p });
    else if (st.isFile()) w.skipped.push({ path: p, extension: extname(name).toLowerCase() });
  }
};

/**
 * Files in the order given, folders walked recursively in name order (so runs are reproducible).
 * A path that does not exist becomes an entry that says so: it counts as unreadable, the rest go on.
 * Files a folder walk passes over as not reports are added to `skipped` when given. Each file is read
 * once, however many paths lead to it.
 */
export const collectInputs = (args: readonly string[], skipped: SkippedFile[] = [], options: CollectOptions = {}): InputEntry[] => {
  const out: InputEntry[] = [];
  const seen = new Set<string>();
  const push = (e: InputEntry) => {
    const real = 'missing' in e ? null : realOf(e.path);
    const key = real ? keyOf(real) : e.path;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  const rootDirs = args.flatMap((a) => {
    const real = realOf(a);
    try {
      return real && statSync(real).isDirectory() ? [keyOf(real)] : [];
    } catch {
      return [];
    }
  });
  const visited = new Set<string>();
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      push({ path: a, missing: '文件或文件夹不存在' });
      continue;
    }
    if (st.isDirectory()) {
      const key = keyOf(realOf(a) ?? a);
      if (visited.has(key)) continue;
      visited.add(key);
      const inner: InputEntry[] = [];
      walk(a, { out: inner, skipped, roots: rootDirs, visited, followLinks: options.followLinks ?? false });
      inner.forEach(push);
    } else push({ path: a });
  }
  return out;
};

/**
 * Whether writing `output` would replace `input`: the same file by device and inode when both exist
 * (through links, hard links, another spelling of the path, or another case on a case-insensitive
 * disk), else the same real path.
 */
export const isSameFile = (input: string, output: string): boolean => {
  try {
    const a = statSync(input);
    const b = statSync(output);
    if (a.ino !== 0 || b.ino !== 0) return a.dev === b.dev && a.ino === b.ino;
  } catch {
    // the output does not exist yet: where would it be?
  }
  const where = (p: string) => realOf(p) ?? join(realOf(dirname(resolve(p))) ?? dirname(resolve(p)), basename(p));
  return keyOf(where(input)) === keyOf(where(output));
};

/** 「另有 3 个文件不是报告，已跳过（.ppt 2 个，.png 1 个）」, and with verbose each path on its own line. */
export const skippedText = (skipped: readonly SkippedFile[], verbose: boolean): string => {
  if (!skipped.length) return '';
  const byExt = new Map<string, number>();
  for (const s of skipped) byExt.set(s.extension || '无扩展名', (byExt.get(s.extension || '无扩展名') ?? 0) + 1);
  const kinds = [...byExt]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([ext, n]) => `${ext} ${n} 个`)
    .join('，');
  const head = `另有 ${skipped.length} 个文件不是报告文件，已跳过（${kinds}）`;
  return verbose ? `${head}：\n${skipped.map((s) => `  ${s.path}`).join('\n')}\n` : `${head}；加 --verbose 可列出这些文件。\n`;
};
