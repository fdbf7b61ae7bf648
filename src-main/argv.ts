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
