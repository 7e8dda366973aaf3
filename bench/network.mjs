#!/usr/bin/env node
// `make bench-network`: Borderlines and Pagefind side by side, served gzip-only (as GitHub Pages
// serves them) under Chromium's network emulation, at N = 1,000 … 100,000 generated articles.
//
//   node bench/network.mjs [--n 1000,10000,50000,100000] [--profiles fast4g,slow3g] [--queries 200] [--reuse]
//                          [--only borderlines] (skips Pagefind, keeping its last figures for the same N)
//
// For each N: the generated corpus (target/bench-corpus/N, as `make bench` writes it) is packed
// into the release site sharded (scripts/postbuild.mjs over one Trunk build, target/network-site),
// and `bench prep` writes one page per article, which Pagefind's CLI indexes. Pagefind's page is a
// search box over its own JS API that paints the first five results' titles (its default UI shows
// five), like a Borderlines card list does. Then, per network profile, in fresh contexts:
//
// - Borderlines, a shared link without a view: navigation → first card (the shell's static cards)
//   and → explorer ready, with the bytes fetched by then; a link with a search (`?q=`): →
//   first card painted by the app;
// - both: the cold first query typed into the box → results painted (count and a first title),
//   and its bytes;
// - Fast 4G only: a session of the bench's query set (up to --queries, typed one after another,
//   each until its results are painted): its bytes, time, and Borderlines' wasm memory after start
//   and after the session.
//
// Borderlines searches as typed here (`xlang=off&typo=off`), as Pagefind does. Bytes are what
// crossed the emulated network (CDP's encodedDataLength). Results go to
// bench/results/network.json, which bench/report.mjs turns into a table.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launch } from '../e2e/support.mjs';
import { serveGzipOnly } from './gzip-server.mjs';
import { percentile, typeAndWait, borderlinesPainted } from './typing.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = Object.fromEntries(process.argv.slice(2).reduce((out, a, i, all) => {
  if (a.startsWith('--')) out.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return out;
}, []));
const SIZES = String(args.n ?? '1000,10000,50000,100000').split(',').map(Number);
const PROFILES = {
  // Chromium DevTools' "Fast 4G" and "Slow 3G" (400 kbps down and up, 2 s round trip).
  fast4g: { latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 },
  slow3g: { latency: 2000, downloadThroughput: 0.4e6 / 8, uploadThroughput: 0.4e6 / 8 },
};
const PROFILE_NAMES = String(args.profiles ?? 'fast4g,slow3g').split(',');
const SESSION_QUERIES = Number(args.queries ?? 200);
const BENCH_BIN = join(ROOT, 'target/release/bench');
const PAGEFIND = join(ROOT, 'node_modules/@pagefind/linux-x64/bin/pagefind_extended');
const BASE_SITE = join(ROOT, 'target/network-site/base');
const say = (line) => console.log(`[network ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Pagefind's search page: a box, and the first five results' titles once their fragments are in. */
const PAGEFIND_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Pagefind</title>
<input id="q" type="search" aria-label="Search"><p id="count"></p><ol id="results"></ol>
<script type="module">
const pagefind = await import('./pagefind/pagefind.js');
await pagefind.options({ excerptLength: 0 });
await pagefind.init();
let latest = 0;
document.getElementById('q').addEventListener('input', async (e) => {
  const id = ++latest;
  const q = e.target.value;
  const search = await pagefind.search(q);
  if (id !== latest) return;
  const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  if (id !== latest) return;
  document.getElementById('results').replaceChildren(...data.map((d) => { const li = document.createElement('li'); li.textContent = d.meta?.title ?? d.url; return li; }));
  const count = document.getElementById('count');
  count.textContent = search.results.length + ' results';
  count.dataset.done = q;
});
window.__ready = true;
</script></html>`;

async function newPage(browser, profile) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
  await page.addInitScript(() => {
    window.__probe = { wasm: null };
    addEventListener('TrunkApplicationStarted', (e) => { window.__probe.wasm = e.detail?.wasm; });
    performance.setResourceTimingBufferSize(1_000_000);
  });
  // Every response's bytes as they crossed the network (encoded body and headers), the page's
  // and its workers' (Pagefind searches in a worker).
  const net = { bytes: 0, pending: [], byKind: {} };
  page.on('requestfinished', (request) => {
    const kind = fileKind(request.url());
    net.pending.push(request.sizes().then((s) => {
      const bytes = s.responseBodySize + s.responseHeadersSize;
      net.bytes += bytes;
      net.byKind[kind] = (net.byKind[kind] ?? 0) + bytes;
    }, () => {}));
  });
  page.__net = net;
  return { context, page };
}

/** What a response is, for the session's split of bytes: Borderlines' postings shards, text chunks
 *  and core, or anything else (code, fonts, Pagefind's files). */
function fileKind(url) {
  const name = new URL(url).pathname.split('/').pop();
  if (/^corpus-[0-9a-f]+-i\d+\.bin$/.test(name)) return 'shards';
  if (/^corpus-[0-9a-f]+-(p?\d+|texts)\.bin$/.test(name)) return 'chunks';
  if (/^corpus-[0-9a-f]+\.bin$/.test(name)) return 'core';
  return 'other';
}

/** Bytes the page and its workers have received so far; with `until` (ms since navigation), only
 *  the page's own responses complete by then (Resource Timing; Borderlines fetches on the page). */
async function received(page, until = null) {
  if (until != null) {
    return page.evaluate((until) => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd <= until)
      .reduce((sum, e) => sum + e.transferSize, 0), until);
  }
  await Promise.all(page.__net.pending);
  return page.__net.bytes;
}

const wasmMemory = (page) => page.evaluate(() => window.__probe?.wasm?.memory?.buffer?.byteLength ?? null);

async function measureBorderlines(browser, origin, profile, queries) {
  const out = {};
  // A link without a view: the shell's first cards, then the explorer.
  {
    const { context, page } = await newPage(browser, profile);
    await page.goto(`${origin}/borderlines/?xlang=off&typo=off`, { waitUntil: 'commit' });
    await page.waitForSelector('article[data-article-id]', { timeout: 600_000 });
    await page.waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'));
    out.firstCardMs = await page.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint').startTime);
    out.bytesFirstCard = await received(page, out.firstCardMs);
    await page.waitForSelector('[data-result-count]', { timeout: 600_000 });
    out.readyMs = await page.evaluate(() => performance.now());
    out.bytesReady = await received(page);
    out.wasmMemoryStart = await wasmMemory(page);
    Object.assign(out, await firstQueryAndSession(page, 'borderlines', profile, queries));
    if (out.session) out.wasmMemorySession = await wasmMemory(page);
    await context.close();
  }
  // A link with a search: the app's first card.
  {
    const { context, page } = await newPage(browser, profile);
    await page.goto(`${origin}/borderlines/?q=${encodeURIComponent(queries[0])}&xlang=off&typo=off`, { waitUntil: 'commit' });
    const done = await page.waitForFunction(borderlinesPainted, null, { polling: 'raf', timeout: 600_000 });
    out.searchLinkMs = await done.jsonValue();
    out.searchLinkBytes = await received(page, out.searchLinkMs);
    await context.close();
  }
  return out;
}

async function measurePagefind(browser, origin, profile, queries) {
  const out = {};
  const { context, page } = await newPage(browser, profile);
  await page.goto(`${origin}/pagefind-site/`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 600_000 });
  out.readyMs = await page.evaluate(() => performance.now());
  out.bytesReady = await received(page);
  Object.assign(out, await firstQueryAndSession(page, 'pagefind', profile, queries));
  await context.close();
  return out;
}

/** On a ready page of `engine`: the cold first query, then (Fast 4G only) the session of the
 *  rest of the query set, each typed and waited for until painted, with the bytes each read. */
async function firstQueryAndSession(page, engine, profile, queries) {
  const out = {};
  const before = await received(page);
  out.firstQueryMs = await typeAndWait(page, engine, queries[0]);
  out.firstQueryBytes = (await received(page)) - before;
  if (profile === 'fast4g' && SESSION_QUERIES > 0) {
    const started = await received(page);
    const kindsBefore = { ...page.__net.byKind };
    const times = [];
    const costs = [];
    for (const q of queries.slice(1, SESSION_QUERIES)) {
      const before = await received(page);
      const chunksBefore = page.__net.byKind.chunks ?? 0;
      times.push(await typeAndWait(page, engine, q));
      costs.push([q, Math.round(times.at(-1)), (await received(page)) - before, (page.__net.byKind.chunks ?? 0) - chunksBefore]);
    }
    out.session = { queries: times.length + 1, bytes: (await received(page)) - started + out.firstQueryBytes, ms: times.reduce((a, b) => a + b, out.firstQueryMs),
      p50: percentile(times, 0.5), p95: percentile(times, 0.95), costliest: [...costs].sort((a, b) => b[2] - a[2]).slice(0, 8),
      byKind: Object.fromEntries(Object.entries(page.__net.byKind).map(([k, v]) => [k, v - (kindsBefore[k] ?? 0)])) };
    if (process.env.NETWORK_TRACE) await writeFile(`${process.env.NETWORK_TRACE}.${engine}.json`, JSON.stringify(costs));
  }
  return out;
}

/** The files a site directory holds: count, total bytes and the largest. */
async function siteFiles(dir) {
  const { readdir } = await import('node:fs/promises');
  const names = (await readdir(dir)).filter((f) => /^corpus-/.test(f));
  let total = 0; let largest = 0;
  for (const f of names) { const s = (await stat(join(dir, f))).size; total += s; largest = Math.max(largest, s); }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const link = /<link\b[^>]*data-borderlines-corpus[^>]*>/.exec(html)?.[0] ?? '';
  const attr = (name) => Number(new RegExp(`${name}="(\\d+)"`).exec(link)?.[1] ?? 0);
  return { files: names.length, bytes: total, largest, core: attr('data-bytes'), chunks: attr('data-chunks'), packs: attr('data-packs'), packBytes: attr('data-pack-bytes'),
    table: attr('data-texts-bytes'), shards: attr('data-shards'), shardBytes: attr('data-shard-bytes') };
}

async function main() {
  if (!existsSync(join(BASE_SITE, 'index.html')) || !args.reuse) {
    say('building the release site once (its corpus is replaced per N)');
    execFileSync('trunk', ['build', '--release', '--public-url', '/borderlines/', '--dist', BASE_SITE], { cwd: ROOT, stdio: 'inherit' });
  }
  const browser = await launch();
  const results = [];
  try {
    for (const n of SIZES) {
      const corpusDir = join(ROOT, `target/bench-corpus/${n}`);
      const dataDir = join(ROOT, `target/bench/${n}`);
      if (!args.reuse || !existsSync(join(corpusDir))) {
        say(`N=${n}: generating`);
        execFileSync(BENCH_BIN, ['generate', '--articles', String(n), '--seed', '42', '--out', corpusDir], { stdio: 'inherit' });
      }
      if (!args.reuse || !existsSync(join(dataDir, 'queries.json'))) {
        say(`N=${n}: bench prep (pages for Pagefind, the query set)`);
        execFileSync(BENCH_BIN, ['prep', corpusDir, dataDir], { stdio: 'inherit' });
      }
      if (!args.reuse || !existsSync(join(dataDir, 'pagefind/pagefind.js'))) {
        say(`N=${n}: Pagefind indexing`);
        await rm(join(dataDir, 'pagefind'), { recursive: true, force: true });
        const started = performance.now();
        execFileSync(PAGEFIND, ['--site', join(dataDir, 'pages'), '--output-path', join(dataDir, 'pagefind')], { stdio: 'ignore' });
        say(`N=${n}: Pagefind indexed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      await writeFile(join(dataDir, 'pagefind-site.html'), PAGEFIND_PAGE);
      const site = join(ROOT, `target/network-site/${n}`);
      if (!args.reuse || !existsSync(join(site, 'index.html'))) {
        say(`N=${n}: packing the site (sharded)`);
        await rm(site, { recursive: true, force: true });
        await cp(BASE_SITE, site, { recursive: true });
        const started = performance.now();
        const packed = spawnSync('node', ['scripts/postbuild.mjs', site], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SEEDS_DIR: corpusDir, SHARDS: 'on' } });
        if (packed.status !== 0) throw new Error(`packing N=${n} failed`);
        say(`N=${n}: packed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      const files = await siteFiles(site);
      // Pagefind's page at the root of its mount, its bundle beside it.
      const pfDir = join(ROOT, `target/network-site/pagefind-${n}`);
      await rm(pfDir, { recursive: true, force: true });
      await mkdir(pfDir, { recursive: true });
      await writeFile(join(pfDir, 'index.html'), PAGEFIND_PAGE);
      execFileSync('ln', ['-s', join(dataDir, 'pagefind'), join(pfDir, 'pagefind')]);
      const pagefindBytes = Number(execFileSync('du', ['-sbL', join(dataDir, 'pagefind')]).toString().split('\t')[0]);
      const queries = JSON.parse(await readFile(join(dataDir, 'queries.json'), 'utf8'))
        .filter((q) => !q.params && q.q.trim()).map((q) => q.q);
      const server = await serveGzipOnly({ '/borderlines/': site, '/pagefind-site/': pfDir });
      const origin = `http://127.0.0.1:${server.address().port}`;
      const row = { n, files, pagefindBytes, queries: Math.min(queries.length, SESSION_QUERIES), firstQuery: queries[0], profiles: {} };
      for (const profile of PROFILE_NAMES) {
        say(`N=${n}, ${profile}: Borderlines`);
        const borderlines = await measureBorderlines(browser, origin, profile, queries);
        say(`N=${n}, ${profile}: Pagefind`);
        const pagefind = args.only === 'borderlines' ? null : await measurePagefind(browser, origin, profile, queries);
        row.profiles[profile] = { borderlines, pagefind };
        console.log(JSON.stringify({ n, profile, borderlines, pagefind }));
      }
      server.close();
      results.push(row);
      const path = join(ROOT, 'bench/results/network.json');
      const previous = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { sizes: [] };
      // --only borderlines keeps the last Pagefind figures of the same N and profile.
      const last = previous.sizes.find((r) => r.n === n);
      if (args.only) {
        for (const [profile, figures] of Object.entries(row.profiles)) figures.pagefind = last?.profiles?.[profile]?.pagefind ?? null;
        row.pagefindFrom = last?.pagefindFrom ?? last?.commit;
      }
      const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
      const sizes = [...previous.sizes.filter((r) => r.n !== n), { ...row, commit, date: new Date().toISOString().slice(0, 10) }].sort((a, b) => a.n - b.n);
      await writeFile(path, `${JSON.stringify({ profiles: PROFILES, sizes }, null, 2)}\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
