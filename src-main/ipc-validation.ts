/**
 * Everything that comes from the renderer is untrusted: the sender must be the main frame of our
 * window showing our own page (checked here), and each argument list is checked before a handler sees
 * it (IPC_ARGUMENTS in shared/ipc.ts: a report goes through restore(); no method takes a path).
 */
export { IpcRejected } from '../shared/ipc';

/** What the sender check needs to know about a frame (Electron's WebFrameMain has these). */
export type FrameLike = { readonly url: string; readonly parent: unknown; readonly top?: unknown };
export type IpcEventLike = { readonly sender: unknown; readonly senderFrame: FrameLike | null };

/** Our page: the renderer served by the app:// protocol (or, when loaded from disk, our index.html). */
export const isOwnPageUrl = (url: string, ownUrl: string): boolean => {
  let u: URL;
  let own: URL;
  try {
    u = new URL(url);
    own = new URL(ownUrl);
  } catch {
    return false;
  }
  if (u.protocol !== own.protocol) return false;
  if (u.protocol === 'file:') return u.pathname === own.pathname;
  return u.protocol === 'app:' && u.host === own.host;
};

/**
 * True only for the main frame (no parent) of our own window's web contents, showing our own page.
 * Subframes, other windows, devtools and anything that navigated elsewhere are refused.
 */
export const isTrustedSender = (event: IpcEventLike, ownWebContents: unknown, ownUrl: string): boolean => {
  if (!ownWebContents || event.sender !== ownWebContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isOwnPageUrl(frame.url, ownUrl);
};
