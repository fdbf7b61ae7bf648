/** Files the OS hands over on the command line (double-click on a .gkreport, "open with"). */
import { isAbsolute, resolve } from 'node:path';
import { isOpenable } from './file-types';

/**
 * argv of a packaged app is [exe, ...args]; in development it is [electron, appPath, ...args].
 * Switches are skipped; only files of a type we open are taken, made absolute against cwd.
 */
export const filesFromArgv = (argv: readonly string[], packaged: boolean, cwd: string): string[] =>
  argv
    .slice(packaged ? 1 : 2)
    .filter((a) => !a.startsWith('-') && isOpenable(a))
    .map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));

/** A file dropped on the window arrives as a navigation to its file:// URL; anything else is not a file to open. */
export const fileFromDropUrl = (url: string): string | null => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'file:' || u.search || u.hash) return null;
  let path = decodeURIComponent(u.pathname);
  // file:///C:/Users/... on Windows
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1).replace(/\//g, '\\');
  if (u.host && u.host !== 'localhost') path = `\\\\${u.host}${path.replace(/\//g, '\\')}`;
  return isOpenable(path) ? path : null;
};
