// The offline edition (`make offline`): one HTML file, opened from file:// with a query, runs the
// whole app under its own CSP and makes no request at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, watchedPage, waitForApp, watchCsp } from './support.mjs';

const OFFLINE = resolve(process.env.OFFLINE_HTML ?? 'dist-offline/index.html');
const missing = !existsSync(OFFLINE);
const SKIP = `${OFFLINE} does not exist: run \`make offline\` first (\`make test-e2e\` does)`;
const fileUrl = (query = '') => `${pathToFileURL(OFFLINE).href}${query}`;

let browser;
before(async () => { if (!missing) browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens the offline file with `query`; records every request and every CSP violation. */
async function open(query) {
  const watched = await watchedPage(browser, 'file://');
  watched.requests = [];
  watched.page.on('request', (req) => watched.requests.push(req.url()));
  watched.violations = await watchCsp(watched.page);
  await watched.page.goto(fileUrl(query));
  await waitForApp(watched.page);
  return watched;
}

/** Nothing but the document itself (a file: URL) and data:/blob: URLs was requested. */
function assertNoRequests(requests) {
  const document = pathToFileURL(OFFLINE).href;
  assert.deepEqual(requests.filter((url) => !(url.split(/[?#]/)[0] === document || /^(data|blob):/.test(url))), []);
}

async function assertClean({ page, problems, requests, violations }) {
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems.consoleErrors, []);
  assertNoRequests(requests);
  assert.equal(new URL(page.url()).protocol, 'file:');
}

test('the offline edition is exactly one file', (t) => {
  if (missing) return t.skip(SKIP);
  if (!process.env.OFFLINE_HTML) assert.deepEqual(readdirSync(dirname(OFFLINE)), ['index.html']);
});

test('opens from file:// with ?country=KH: cards, own CSP, no request, no console error', async (t) => {
  if (missing) return t.skip(SKIP);
  const watched = await open('?country=KH');
  const { page, context } = watched;
  assert.ok((await page.locator('article[data-article-id]').count()) > 0, 'cards render');
  assert.match(await page.getAttribute('head > meta:first-child', 'http-equiv'), /content-security-policy/i);
  const policy = await page.getAttribute('head > meta:first-child', 'content');
  assert.match(policy, /(^|; )default-src 'none'(;|$)/);
  assert.doesNotMatch(policy, /'self'|'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  await assertClean(watched);
  await context.close();
});

test('a country chip click changes only the query', async (t) => {
  if (missing) return t.skip(SKIP);
  const watched = await open('?country=KH');
  const { page, context } = watched;
  const before = new URL(page.url());
  await page.locator('[data-country-filter="TH"]').first().click();
  await page.waitForFunction(() => /(^|[=,])TH(,|&|$)/.test(decodeURIComponent(location.search)));
  const after = new URL(page.url());
  assert.equal(after.pathname, before.pathname);
  assert.equal(after.protocol, 'file:');
  await assertClean(watched);
  await context.close();
});

test('typing in the search box updates q', async (t) => {
  if (missing) return t.skip(SKIP);
  const watched = await open('');
  const { page, context } = watched;
  await page.locator('input[type="search"]').first().fill('cyber');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'cyber');
  await page.waitForSelector('[data-result-count]');
  await assertClean(watched);
  await context.close();
});

test('?article= opens that card expanded', async (t) => {
  if (missing) return t.skip(SKIP);
  const watched = await open('?article=001_ea81238345a38f58');
  const { page, context } = watched;
  await page.waitForSelector('article[data-article-id="001_ea81238345a38f58"][data-expanded="true"]');
  await assertClean(watched);
  await context.close();
});

test('search across languages and an export work from file://, with no request', async (t) => {
  if (missing) return t.skip(SKIP);
  const { readFile } = await import('node:fs/promises');
  const watched = await open('?q=Cambodia&ui=th');
  const { page, context } = watched;
  await page.waitForSelector('[data-also="campuchia"]');
  await page.click('[data-export] summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export-kind="results-json"]')]);
  const rows = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(rows.map((r) => r.id), ['001_ea81238345a38f58']);
  await assertClean(watched);
  await context.close();
});

test('the map, places and keyword in context work from file://, with no request', async (t) => {
  if (missing) return t.skip(SKIP);
  const watched = await open('?view=map');
  const { page, context } = watched;
  await page.waitForSelector('[data-map-country="TH"]');
  await page.click('[data-map-country="TH"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('country') === 'TH');
  await page.goto(fileUrl('?q=thai&view=kwic'));
  await page.waitForSelector('[data-kwic-line]');
  await assertClean(watched);
  await context.close();
});
