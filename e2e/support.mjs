// Shared helpers for the browser tests: a static server that mounts the built site under a
// sub-path (as GitHub Pages does), and a headless Chromium that records console errors and every
// request that leaves the site's origin.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = '/borderlines/';
export const DIST = resolve(process.env.E2E_DIST ?? 'target/e2e-dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.ico': 'image/x-icon', '.png': 'image/png',
};

/** The file that URL path `pathname` names under `mounts` ({ '/prefix/': dir, … }): `null` outside
 *  every mount, `false` for a path that climbs out of its mount's directory. */
export function mountedPath(mounts, pathname) {
  const mount = Object.keys(mounts).find((m) => pathname.startsWith(m));
  if (!mount) return null;
  const dir = mounts[mount];
  const path = normalize(join(dir, decodeURIComponent(pathname.slice(mount.length))));
  return path.startsWith(dir) ? path : false;
}

/** Answers `req` with `body`: whole, or the byte range it asks for (`Range: bytes=a-b` or
 *  `bytes=a-`, as static hosts such as GitHub Pages serve it; a sharded corpus asks for its texts
 *  so), or 416 for a range past the end. */
export function sendFile(req, res, headers, body) {
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (!range) { res.writeHead(200, { ...headers, 'accept-ranges': 'bytes' }).end(body); return; }
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) + 1 : body.length, body.length);
  if (start >= end) { res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end(); return; }
  res.writeHead(206, { ...headers, 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end - 1}/${body.length}` })
    .end(body.subarray(start, end));
}

/** Serves `dir` at `base` on 127.0.0.1 (a random port); unknown paths under `base` get 404.html. */
export async function serve(dir = DIST, base = BASE) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) { res.writeHead(404).end('outside the site'); return; }
    let path = normalize(join(dir, decodeURIComponent(url.pathname.slice(base.length))));
    if (!path.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      sendFile(req, res, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }, body);
    } catch {
      try {
        const notFound = await readFile(join(dir, '404.html'));
        res.writeHead(404, { 'content-type': TYPES['.html'] }).end(notFound);
      } catch { res.writeHead(404).end('not found'); }
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: (query = '') => `${origin}${base}${query}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium from Debian, with the flags this closed network needs. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ...extraArgs],
  });
}

/** A page that records console errors, page errors and requests off `origin`. */
export async function watchedPage(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = { consoleErrors: [], offOrigin: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.offOrigin.push(url);
  });
  return { page, context, problems };
}

/** Waits until the app has rendered its result count. */
export async function waitForApp(page) {
  await page.waitForSelector('[data-result-count]');
}

/**
 * Records Content-Security-Policy violations: `securitypolicyviolation` events of every document
 * the page loads (window.__cspViolations) and console messages of any level about the policy.
 * Returns a function giving both for the current document.
 */
export async function watchCsp(page) {
  const consoleMessages = [];
  page.on('console', (msg) => { if (/Content[- ]Security[- ]Policy/i.test(msg.text())) consoleMessages.push(msg.text()); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => [...await page.evaluate(() => window.__cspViolations), ...consoleMessages];
}
