// A hosted build of a large generated corpus (`make test-scale`, 50,000 articles by default),
// sharded and served under /borderlines/: it opens, answers the bench's queries with the counts a
// brute-force scan gives, opens a deep link, the map and keyword in context, with every request on
// its own origin and no CSP violation. Skipped unless SCALE_SITE names the built site and
// SCALE_QUERIES the query set with its truth (`bench prep` writes it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve, launch, watchedPage, watchCsp } from './support.mjs';

const SITE = process.env.SCALE_SITE ? resolve(process.env.SCALE_SITE) : null;
const QUERIES = process.env.SCALE_QUERIES ? resolve(process.env.SCALE_QUERIES) : null;
const SKIP = !SITE || !QUERIES || !existsSync(SITE) || !existsSync(QUERIES);
const WHY = 'SCALE_SITE and SCALE_QUERIES are not set: `make test-scale` sets them';

let server, browser;
before(async () => { if (!SKIP) { server = await serve(SITE); browser = await launch(); } });
after(async () => { await browser?.close(); await server?.close(); });

/** The view's count once it is settled (no search or phrase check still waiting for files). */
async function settledCount(page) {
  await page.waitForFunction(() => document.querySelector('[data-result-count]') && !document.querySelector('[data-texts-loading]'), null, { timeout: 120_000 });
  return Number(await page.getAttribute('[data-result-count]', 'data-result-count'));
}

/** Opens `query` on a fresh page, watched for console errors, other origins and the CSP. */
async function open(query) {
  const watched = await watchedPage(browser, server.origin);
  watched.csp = await watchCsp(watched.page);
  await watched.page.goto(server.url(query));
  return watched;
}

async function assertClean({ problems, csp }, what) {
  assert.deepEqual(problems.consoleErrors, [], what);
  assert.deepEqual(problems.offOrigin, [], what);
  assert.deepEqual(await csp(), [], what);
}

test('opens from its core: the shell\'s cards, then the explorer with every article', async (t) => {
  if (SKIP) return t.skip(WHY);
  const html = readFileSync(resolve(SITE, 'index.html'), 'utf8');
  const total = Number(/class="result-count">(\d+) articles?</.exec(html)?.[1]);
  assert.ok(/data-shards="\d+"/.test(html), 'the site is sharded');
  const watched = await open('');
  await watched.page.waitForSelector('article[data-article-id]');
  assert.equal(await settledCount(watched.page), total);
  await assertClean(watched, 'start');
  await watched.context.close();
});

test('the bench\'s queries count what a brute-force scan counts', async (t) => {
  if (SKIP) return t.skip(WHY);
  const all = JSON.parse(readFileSync(QUERIES, 'utf8'));
  // A few of every kind: words, prefixes, phrases, Thai and Chinese runs, with and without filters.
  const byKind = new Map();
  for (const q of all) if ((byKind.get(q.kind)?.length ?? 0) < 2) byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), q]);
  const chosen = [...byKind.values()].flat();
  assert.ok(chosen.length >= 15, `${chosen.length} queries`);
  for (const q of chosen) {
    const params = new URLSearchParams(q.params);
    params.set('q', q.q);
    params.set('xlang', 'off');
    params.set('typo', 'off');
    const watched = await open(`?${params}`);
    const count = await settledCount(watched.page);
    // A phrase or run too common to confirm on the text is answered from the index, and says
    // so: every true match is in.
    if (await watched.page.locator('[data-unconfirmed]').count()) assert.ok(count >= q.counts.total, `${q.kind} ${JSON.stringify(q.q)}: ${count} < ${q.counts.total}`);
    else assert.equal(count, q.counts.total, `${q.kind} ${JSON.stringify(q.q)} ${q.params}`);
    await assertClean(watched, q.q);
    await watched.context.close();
  }
});

test('a deep link, the map and keyword in context work at this size', async (t) => {
  if (SKIP) return t.skip(WHY);
  const all = JSON.parse(readFileSync(QUERIES, 'utf8'));
  const rare = all.find((q) => q.kind === 'rare' && !q.params && q.counts.total > 0);
  // The oldest article: its text is in the last chunk.
  const oldest = await open('?sort=oldest');
  await oldest.page.waitForSelector('ol.cards article[data-article-id]');
  const id = await oldest.page.getAttribute('ol.cards article[data-article-id]', 'data-article-id');
  await oldest.context.close();
  const deep = await open(`?article=${encodeURIComponent(id)}`);
  await deep.page.waitForSelector(`article[data-article-id="${id}"][data-expanded="true"] .card-title`, { timeout: 120_000 });
  await assertClean(deep, 'article');
  await deep.context.close();
  const map = await open('?view=map');
  await map.page.waitForSelector('[data-map] [data-count]', { timeout: 120_000 });
  await assertClean(map, 'map');
  await map.context.close();
  const kwic = await open(`?q=${encodeURIComponent(rare.q)}&xlang=off&typo=off&view=kwic`);
  await kwic.page.waitForSelector('[data-kwic-line]', { timeout: 120_000 });
  await assertClean(kwic, 'kwic');
  await kwic.context.close();
});

// The offline edition of a large corpus (SCALE_OFFLINE: its one file; SCALE_OFFLINE_QUERIES: the
// query set of the same corpus): from file://, with no request, it answers as brute force does.
const OFFLINE = process.env.SCALE_OFFLINE ? resolve(process.env.SCALE_OFFLINE) : null;
const OFFLINE_QUERIES = process.env.SCALE_OFFLINE_QUERIES ? resolve(process.env.SCALE_OFFLINE_QUERIES) : null;

test('the offline file of a large corpus answers from file:// as brute force does, with no request', async (t) => {
  if (!OFFLINE || !OFFLINE_QUERIES || !existsSync(OFFLINE) || !existsSync(OFFLINE_QUERIES)) return t.skip('SCALE_OFFLINE and SCALE_OFFLINE_QUERIES are not set');
  const { pathToFileURL } = await import('node:url');
  browser ??= await launch();
  const all = JSON.parse(readFileSync(OFFLINE_QUERIES, 'utf8'));
  const chosen = ['rare', 'phrase', 'thai', 'zh', 'and2'].map((kind) => all.find((q) => q.kind === kind && !q.params)).filter(Boolean);
  assert.ok(chosen.length >= 4);
  for (const q of chosen) {
    const watched = await watchedPage(browser, 'file://');
    watched.csp = await watchCsp(watched.page);
    const requests = [];
    watched.page.on('request', (req) => requests.push(req.url()));
    const params = new URLSearchParams({ q: q.q, xlang: 'off', typo: 'off' });
    await watched.page.goto(`${pathToFileURL(OFFLINE).href}?${params}`);
    const count = await settledCount(watched.page);
    if (await watched.page.locator('[data-unconfirmed]').count()) assert.ok(count >= q.counts.total, q.q);
    else assert.equal(count, q.counts.total, `${q.kind} ${JSON.stringify(q.q)}`);
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !/^(data|blob):/.test(url)), [], q.q);
    assert.deepEqual(watched.problems.consoleErrors, [], q.q);
    assert.deepEqual(await watched.csp(), [], q.q);
    await watched.context.close();
  }
});
