// Publishing (issue "Publish and share"): the release site under /borderlines/ carries a strict
// Content-Security-Policy that the app runs under without a single violation, a favicon and Open
// Graph tags, and a 404.html that sends unknown paths back to the app keeping the query.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchedPage, waitForApp, watchCsp, BASE, DIST } from './support.mjs';
import { hashSource, inlineScripts } from '../scripts/postbuild.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const policyOf = (html) => /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];

/** A watched page that also records CSP violations and every on-origin response that failed. */
async function openPage() {
  const watched = await watchedPage(browser, server.origin);
  watched.violations = await watchCsp(watched.page);
  watched.failed = [];
  watched.page.on('response', (res) => { if (res.status() >= 400) watched.failed.push(`${res.status()} ${res.url()}`); });
  return watched;
}

test('the post_build hook finished the build (scripts/postbuild.mjs --check)', () => {
  execFileSync(process.execPath, ['scripts/postbuild.mjs', '--check', DIST], { stdio: 'pipe' });
});

test('index.html starts <head> with a strict CSP that allows its inline scripts by hash', async () => {
  const html = await (await fetch(server.url())).text();
  assert.match(html, /<head>\s*<meta http-equiv="Content-Security-Policy"/, 'the CSP meta is the first element of <head>');
  const policy = policyOf(html);
  assert.match(policy, /(^|; )default-src 'none'(;|$)/);
  assert.match(policy, /(^|; )script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(policy, /(^|; )object-src 'none'(;|$)/);
  assert.match(policy, /(^|; )base-uri 'self'(;|$)/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:/);
  assert.doesNotMatch(/script-src[^;]*/.exec(policy)[0], /data:|blob:/);
  const scripts = inlineScripts(html);
  assert.ok(scripts.length > 0, "Trunk's inline loader is there");
  for (const body of scripts) assert.ok(policy.includes(hashSource(body)), `inline script allowed by hash: ${body.slice(0, 60)}`);
});

test('has a favicon, a description and Open Graph tags', async () => {
  const html = await (await fetch(server.url())).text();
  for (const tag of ['og:title', 'og:description', 'og:type'])
    assert.match(html, new RegExp(`<meta property="${tag}" content="[^"]+"`), tag);
  assert.match(html, /<meta name="description" content="[^"]+"/);
  const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
  assert.ok(icon?.startsWith(BASE), `favicon under ${BASE}: ${icon}`);
  const res = await fetch(server.origin + icon);
  assert.equal(res.status, 200);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
});

test('runs under the CSP: no violation, no console error, nothing off-origin or missing', async () => {
  const { page, context, problems, violations, failed } = await openPage();
  await page.goto(server.url('?country=KH'));
  await waitForApp(page);
  assert.ok((await page.locator('article[data-article-id]').count()) > 0, 'cards render');
  // Opening a card from the URL exercises more of the app under the policy.
  await page.goto(server.url('?article=001_ea81238345a38f58'));
  await page.waitForSelector('article[data-article-id="001_ea81238345a38f58"][data-expanded="true"]');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  assert.deepEqual(failed, []);
  await context.close();
});

test('the policy is enforced: an injected inline script is refused and reported', async () => {
  const { page, context, violations } = await openPage();
  await page.goto(server.url());
  await waitForApp(page);
  await page.addScriptTag({ content: 'window.__injected = true;' }).catch(() => {});
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  assert.ok((await violations()).some((v) => /script-src/.test(v)), 'the violation is seen by watchCsp');
  await context.close();
});

test('404.html sends an unknown path back to the app, keeping the query', async () => {
  const res = await fetch(server.url('nope/x?country=TH'));
  assert.equal(res.status, 404);
  const notFound = await res.text();
  for (const body of inlineScripts(notFound)) assert.ok(policyOf(notFound).includes(hashSource(body)), '404.html script allowed by hash');
  assert.match(notFound, new RegExp(`<a href="${BASE}">`), 'a plain link back as the fallback');

  const { page, context, problems, violations } = await openPage();
  await page.goto(server.url('nope/x?country=TH'));
  await page.waitForURL((url) => url.pathname === BASE);
  await waitForApp(page);
  const url = new URL(page.url());
  assert.equal(url.pathname, BASE);
  assert.ok(url.searchParams.getAll('country').join(',').split(',').includes('TH'), `country=TH kept: ${url.search}`);
  assert.ok((await page.locator('article[data-article-id]').count()) > 0, 'cards render');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems.consoleErrors.filter((m) => !/status of 404/.test(m)), []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('404.html does not loop when the app itself is missing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'borderlines-404-'));
  copyFileSync(join(DIST, '404.html'), join(dir, '404.html'));
  const bare = await serve(dir);
  try {
    const { page, context } = await watchedPage(browser, bare.origin);
    let navigations = 0;
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });
    await page.goto(bare.url('somewhere?country=KH'));
    await page.waitForURL((url) => url.pathname === BASE);
    await page.waitForSelector(`a[href="${BASE}"]`);
    await page.waitForTimeout(500);
    assert.equal(navigations, 2, 'one redirect to the site root, then it stays');
    await context.close();
  } finally {
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
