// Serves the built editor (dist/renderer) on 127.0.0.1 only, for `npm start` where Electron is missing.
// Same Content-Security-Policy as the desktop app (both from src-main/web-policy.mjs),
// so the browser build also proves the page runs under it. Usage: node scripts/static-server.mjs [root] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from '../src-main/web-policy.mjs';

export { CONTENT_SECURITY_POLICY };

/** The file under root for a request path, or null when it would leave root. */
export const resolveUnder = (root, urlPath) => {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel.endsWith('/')) rel += 'index.html';
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const full = normalize(join(base, rel));
  return full.startsWith(base) ? full : null;
};

/** Starts the server; resolves with { server, url } once it listens. */
export const serveStatic = ({ root, port = 5173, host = '127.0.0.1' }) =>
  new Promise((resolvePromise, reject) => {
    const absRoot = resolve(root);
    const server = createServer(async (req, res) => {
      const headers = {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, headers).end();
        return;
      }
      const file = resolveUnder(absRoot, req.url ?? '/');
      try {
        if (!file || !(await stat(file)).isFile()) throw new Error('not found');
        const body = await readFile(file);
        res.writeHead(200, {
          ...headers,
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到 / Not found');
      }
    });
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolvePromise({ server, url: `http://${host}:${typeof addr === 'object' && addr ? addr.port : port}/` });
    });
  });

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist/renderer';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 5173);
  const { url } = await serveStatic({ root, port });
  console.log(`编辑器已在浏览器版本中运行 / The editor is served at: ${url}`);
}
