/** Turning the files and folders given on the command line into the list of reports to read. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** What a folder walk picks up: the formats the importers read. A file named explicitly is always tried. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.text', '.html', '.htm', '.docx', '.xlsx', '.gkreport', '.json'];

export type InputEntry = { readonly path: string } | { readonly path: string; readonly missing: string };

const isSupported = (name: string): boolean => SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
/** Hidden files and Office lock files (~$报告.docx) are never reports. */
const isJunk = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');

const walk = (dir: string, out: InputEntry[]): void => {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    out.push({ path: dir, missing: `无法读取文件夹：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  for (const name of names) {
    if (isJunk(name)) continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue; // a dangling link inside a folder is not a report
    }
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile() && isSupported(name)) out.push({ path: p });
  }
};

/**
 * Files in the order given, folders walked recursively in name order (so runs are reproducible).
 * A path that does not exist becomes an entry that says so: it counts as unreadable, the rest go on.
 */
export const collectInputs = (args: readonly string[]): InputEntry[] => {
  const out: InputEntry[] = [];
  const seen = new Set<string>();
  const push = (e: InputEntry) => {
    if (seen.has(e.path)) return;
    seen.add(e.path);
    out.push(e);
  };
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      push({ path: a, missing: '文件或文件夹不存在' });
      continue;
    }
    if (st.isDirectory()) {
      const inner: InputEntry[] = [];
      walk(a, inner);
      inner.forEach(push);
    } else push({ path: a });
  }
  return out;
};
