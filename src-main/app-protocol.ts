/**
 * The renderer is served from the app:// scheme instead of file://: it gets a real origin, our own
 * Content-Security-Policy header on every response, and no way to read files outside dist/renderer.
 */
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from './web-policy.mjs';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export { CONTENT_SECURITY_POLICY };

export const contentTypeOf = (path: string): string => CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/** The file under root that an app:// URL names, or null for anything outside it or not ours. */
export const resolveAppAsset = (root: string, url: string): string | null => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = normalize(join(root, rel));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : null;
};

export const securityHeaders = (path: string): Record<string, string> => ({
  'Content-Type': contentTypeOf(path),
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});
