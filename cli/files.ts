/** Turning the files and folders given on the command line into the list of reports to read. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** What a folder walk picks up: the formats the importers read. A file named explicitly is always tried. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.text', '.html', '.htm', '.docx', '.xlsx', '.pdf', '.gkreport', '.json'];

export type InputEntry = { readonly path: string } | { readonly path: string; readonly missing: string };

const isSupported = (name: string): boolean => SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
/** Hidden files and Office lock files (~$报告.docx) are never reports. */
const isJunk = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');

/** What a folder walk left out because it is not a report file (.doc, .png, .md …), for the CLI to say so. */
export type SkippedFile = { readonly path: string; readonly extension: string };

const walk = (dir: string, out: InputEntry[], skipped: SkippedFile[]): void => {
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
    if (st.isDirectory()) walk(p, out, skipped);
    else if (st.isFile() && isSupported(name)) out.push({ path: p });
    else if (st.isFile()) skipped.push({ path: p, extension: extname(name).toLowerCase() });
  }
};

/**
 * Files in the order given, folders walked recursively in name order (so runs are reproducible).
 * A path that does not exist becomes an entry that says so: it counts as unreadable, the rest go on.
 * Files a folder walk passes over as not reports are added to `skipped` when given.
 */
export const collectInputs = (args: readonly string[], skipped: SkippedFile[] = []): InputEntry[] => {
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
      walk(a, inner, skipped);
      inner.forEach(push);
    } else push({ path: a });
  }
  return out;
};

/** 「另有 3 个文件不是报告，已跳过（.doc 2 个，.png 1 个）」, and with verbose each path on its own line. */
export const skippedText = (skipped: readonly SkippedFile[], verbose: boolean): string => {
  if (!skipped.length) return '';
  const byExt = new Map<string, number>();
  for (const s of skipped) byExt.set(s.extension || '无扩展名', (byExt.get(s.extension || '无扩展名') ?? 0) + 1);
  const kinds = [...byExt].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ext, n]) => `${ext} ${n} 个`).join('，');
  const head = `另有 ${skipped.length} 个文件不是报告文件，已跳过（${kinds}）`;
  return verbose ? `${head}：\n${skipped.map((s) => `  ${s.path}`).join('\n')}\n` : `${head}；加 --verbose 可列出这些文件。\n`;
};
