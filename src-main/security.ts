/**
 * The Electron security checklist, applied once to the session and to every web contents created:
 * no remote content, no navigation, no new windows, no webviews, no permissions, our CSP on every
 * response. Takes Electron's objects as parameters (only the methods used are typed).
 */
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-protocol';

export type SessionLike = {
  setPermissionRequestHandler(h: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(h: (...args: unknown[]) => boolean): void;
  setDevicePermissionHandler?(h: (...args: unknown[]) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[] | string> },
        callback: (r: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
};

/** Our own page, devtools in development, and nothing from the network or the disk. */
export const isAllowedRequest = (url: string): boolean => {
  try {
    const p = new URL(url).protocol;
    return p === `${APP_SCHEME}:` || p === 'devtools:' || p === 'data:' || p === 'blob:';
  } catch {
    return false;
  }
};

export const hardenSession = (s: SessionLike): void => {
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler?.(() => false);
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  s.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    // the developer tools of a development build bring their own policy
    if (details.url.startsWith('devtools:')) {
      callback({ responseHeaders: headers });
      return;
    }
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
};

export type NavEvent = { preventDefault(): void };
export type WebContentsLike = {
  on(event: 'will-navigate' | 'will-redirect', l: (e: NavEvent, url: string) => void): void;
  on(event: 'will-attach-webview', l: (e: NavEvent) => void): void;
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }): void;
};

/**
 * Navigation is refused everywhere, and a refused navigation is never turned into anything else: a
 * file:// URL the page navigates to is not opened (script in the page could otherwise read any file
 * without a dialog, and a plain 保存 would then overwrite it). Files dropped on the window come through
 * the preload's drop handler instead (DROP_CHANNEL in shared/ipc.ts).
 */
export const hardenWebContents = (contents: WebContentsLike): void => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
};
