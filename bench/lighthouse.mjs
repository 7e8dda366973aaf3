#!/usr/bin/env node
// Lighthouse's mobile preset (simulated slow 4G, 4× CPU) on built sites served gzip-only under
// /borderlines/, as GitHub Pages serves them (no brotli; a file already compressed, such as the
// corpus file, is sent as it is); then, in Chromium with its network emulation at "Fast 4G"
// (9 Mbps down, 1.5 up, 170 ms round trip), the time from navigation to the first card (the
// largest paint) and to the working explorer, best of two loads at 412 px.
//
//   make lighthouse                      the seeds plus the real-text set, 1,000 and 10,000 articles
//   node bench/lighthouse.mjs NAME=DIST … a table row per site, and target/lighthouse/NAME.json
//
// Lighthouse 12.2.3 (the last that runs on Node 20) is installed by `make lighthouse` under
// target/lighthouse-tool, outside package.json (a measuring tool, not part of the site or of
// `make test`); LIGHTHOUSE_MODULE and CHROME_LAUNCHER_MODULE point this script at it.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveGzipOnly } from './gzip-server.mjs';

const lighthouse = (await import(process.env.LIGHTHOUSE_MODULE ?? 'lighthouse')).default;
const chromeLauncher = await import(process.env.CHROME_LAUNCHER_MODULE ?? 'chrome-launcher');

const BASE = '/borderlines/';
const sites = process.argv.slice(2).map((arg) => arg.split('='));
if (!sites.length || sites.some((s) => s.length !== 2)) {
  console.error('usage: node bench/lighthouse.mjs NAME=DIST_DIR …');
  process.exit(2);
}
await mkdir('target/lighthouse', { recursive: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
/** Navigation → largest paint and → explorer ready, under Fast 4G, best of two. */
async function fast4g(browser, url) {
  const best = { firstCard: Infinity, ready: Infinity };
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 });
    await page.addInitScript(() => {
      window.__lcp = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url);
    await page.waitForSelector('[data-result-count]', { timeout: 600000 });
    const r = await page.evaluate(() => ({ firstCard: window.__lcp, ready: performance.now() }));
    best.firstCard = Math.min(best.firstCard, r.firstCard);
    best.ready = Math.min(best.ready, r.ready);
    await context.close();
  }
  return best;
}

const sites_out = [];
console.log('| site | performance | FCP | LCP | TBT | speed index | bytes (KiB) | Fast 4G: first card / explorer |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
try {
  for (const [name, dist] of sites) {
    const server = await serveGzipOnly({ [BASE]: resolve(dist) }, { cacheControl: 'max-age=600' });
    const url = `http://127.0.0.1:${server.address().port}${BASE}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', onlyCategories: ['performance'] });
    const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'] });
    const network = await fast4g(browser, url).finally(() => browser.close());
    server.close();
    const lhr = result.lhr;
    await writeFile(`target/lighthouse/${name}.json`, JSON.stringify(lhr));
    const a = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    const metrics = lhr.audits.metrics?.details?.items?.[0] ?? {};
    sites_out.push({ name, performance: Math.round(lhr.categories.performance.score * 100),
      fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'), observedLcp: metrics.observedLargestContentfulPaint ?? NaN,
      tbt: a('total-blocking-time'), cls: a('cumulative-layout-shift'), speedIndex: a('speed-index'), bytes: a('total-byte-weight'),
      fast4gFirstCard: network.firstCard, fast4gReady: network.ready });
    console.log(`| ${name} | ${Math.round(lhr.categories.performance.score * 100)} | ${s(a('first-contentful-paint'))} | ` +
      `${s(a('largest-contentful-paint'))} | ${Math.round(a('total-blocking-time'))} ms | ${s(a('speed-index'))} | ` +
      `${Math.round(a('total-byte-weight') / 1024)} | ${s(network.firstCard)} / ${s(network.ready)} |`);
  }
} finally {
  await chrome.kill();
}
// For bench/REPORT.md (node bench/report.mjs reads it).
const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(); } catch { return 'unknown'; } })();
const moduleUrl = process.env.LIGHTHOUSE_MODULE ?? import.meta.resolve('lighthouse');
const version = await readFile(new URL('../package.json', moduleUrl), 'utf8').then((t) => JSON.parse(t).version, () => 'unknown');
await writeFile('bench/results/lighthouse.json', JSON.stringify({ lighthouse: version, commit, date: new Date().toISOString().slice(0, 10), sites: sites_out }, null, 2) + '\n');
