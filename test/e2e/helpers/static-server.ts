/**
 * A tiny static file server on 127.0.0.1 and a random port, for the built renderer (dist/renderer).
 * The files are read once when it starts and served from memory: a request costs the page no disk read
 * or file-system thread of this test process, so load timings measure the page and not the harness.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export type StaticServer = { readonly url: string; close(): Promise<void> };

/** Every file under dir by its URL path ("/assets/index-….js"). */
const readTree = (dir: string, prefix = '/', files = new Map<string, Buffer>()): Map<string, Buffer> => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) readTree(full, `${prefix}${name}/`, files);
    else files.set(prefix + name, readFileSync(full));
  }
  return files;
};

export const serveStatic = async (dir: string): Promise<StaticServer> => {
  const files = readTree(resolve(dir));
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const body = files.get(path);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
};
