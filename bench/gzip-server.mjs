// A static server as GitHub Pages behaves for this site, for the measurements: text types
// (HTML, JS, wasm, CSS, JSON) gzip-compressed when the browser accepts it, never brotli; anything
// else, such as the corpus files (already gzip, by the build) and Pagefind's, sent as it is, with
// byte ranges served (`Range: bytes=a-b`, as Pages does). Used by bench/network.mjs and
// bench/lighthouse.mjs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mountedPath, sendFile } from '../e2e/support.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json',
  '.woff2': 'font/woff2', '.bin': 'application/octet-stream' };
/** What GitHub Pages gzips; everything else is sent as it is. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json']);

/** Serves `mounts` ({ '/borderlines/': dir, … }) gzip-only on 127.0.0.1 (a random port), each
 *  response with `cacheControl` (`no-cache` between measured contexts; `max-age=600` for
 *  Lighthouse, which loads a page twice). Resolves to the listening server. */
export function serveGzipOnly(mounts, { cacheControl = 'no-cache' } = {}) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = mountedPath(mounts, url.pathname);
    if (path === null) { res.writeHead(404).end(); return; }
    if (path === false) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const ext = extname(path);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': cacheControl };
      let body = await readFile(path);
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!cache.has(path)) cache.set(path, gzipSync(body, { level: 6 }));
        body = cache.get(path);
        headers['content-encoding'] = 'gzip';
        res.writeHead(200, headers).end(body);
        return;
      }
      sendFile(req, res, headers, body);
    } catch { res.writeHead(404).end('not found'); }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
