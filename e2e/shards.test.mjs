// A sharded site: the seeds plus the real-text set (81 articles in ten languages), its texts in
// chunks of about an article laid in packs of about 2 KB, and its posting lists in shards of
// about 1 KB beside the core (SHARDS=on, built by `make test-e2e`), against the same corpus
// shipped whole. Texts are asked for by range, a request per run of chunks in a pack. The core alone opens the explorer; a
// view fetches only the shards its terms and the chunks its cards and phrase checks need; every
// answer equals the whole corpus's; a file that fails is a notice with "Try again" while the
// rest of the view works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, watchedPage, watchCsp } from './support.mjs';

const SHARDED = resolve('target/e2e-shards-dist');
const WHOLE = resolve('target/e2e-whole-dist');
/** The offline edition of the sharded build (`make test-e2e` folds it into one file). */
const OFFLINE_SHARDED = resolve('target/e2e-offline-shards/index.html');
const PACK = /corpus-[0-9a-f]{16}-p\d+\.bin$/;
const SHARD = /corpus-[0-9a-f]{16}-i\d+\.bin$/;

let sharded, whole, browser;
before(async () => { sharded = await serve(SHARDED); whole = await serve(WHOLE); browser = await launch(); });
after(async () => { await browser?.close(); await sharded?.close(); await whole?.close(); });

/** How many packs of texts (or postings shards: `data-shards`; text chunks: `data-chunks`) the
 *  sharded build wrote (index.html says so on the corpus link). */
function fileCount(attribute = 'data-packs') {
  const html = readFileSync(resolve(SHARDED, 'index.html'), 'utf8');
  return Number(new RegExp(`${attribute}="(\\d+)"`).exec(html)?.[1]);
}

/** Waits until the view has its count and its first page of cards (the first frame holds
 *  fewer), then scrolls down the list as a reader would until no card waits for its text (the
 *  texts of cards out of reach are fetched as the reader scrolls). */
async function settled(page) {
  await page.waitForSelector('[data-result-count]');
  await page.waitForFunction(() => {
    const count = Number(document.querySelector('[data-result-count]')?.dataset.resultCount);
    const cards = document.querySelectorAll('article[data-article-id]').length;
    return cards === Math.min(count, 20) && !document.querySelector('[data-texts-loading]');
  });
  await page.waitForFunction(() => {
    if (!document.querySelector('article.card.loading')) return true;
    window.scrollTo(0, document.documentElement.scrollHeight);
    return false;
  }, null, { polling: 100 });
}

/** The count, the cards' ids and titles of `query` on `server`, and the chunks it fetched. */
async function view(server, query) {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  const chunks = [];
  const shards = [];
  page.on('request', (req) => {
    if (PACK.test(req.url())) chunks.push(`${req.url()} ${req.headers().range}`);
    if (SHARD.test(req.url())) shards.push(req.url());
  });
  await page.goto(server.url(query));
  await settled(page);
  const count = await page.getAttribute('[data-result-count]', 'data-result-count');
  const cards = await page.$$eval('article[data-article-id]', (all) => all.map((c) => `${c.dataset.articleId} ${c.querySelector('.card-title')?.textContent}`));
  await context.close();
  return { count, cards, chunks, shards, problems };
}

// Words, prefixes, phrases, Thai and Chinese runs (checked on the text), filters and sorts.
const VIEWS = [
  '',
  '?q=scam',
  '?q=%22online+scam%22',
  '?q=%22scam+compounds%22&sort=oldest',
  '?q=%22human+trafficking%22',
  '?q=คอลเซ็นเตอร์',
  '?q=网络诈骗',
  '?q=lừa+đảo',
  '?q=%22lừa+đảo%22&lang=vi',
  '?country=KH&sort=oldest',
  '?q=campuchia&country=TH,KH&match=all',
];

test('every view answers as the whole corpus does, reading only the texts and shards it needs', async () => {
  const total = fileCount();
  assert.ok(total > 10, `${total} packs`);
  assert.ok(fileCount('data-chunks') > total, 'several text chunks a pack');
  const shards = fileCount('data-shards');
  assert.ok(shards > 10, `${shards} postings shards`);
  let someFound = 0;
  for (const query of VIEWS) {
    const want = await view(whole, query);
    const got = await view(sharded, query);
    assert.equal(got.count, want.count, `${query}: count`);
    assert.deepEqual(got.cards, want.cards, `${query}: cards`);
    assert.deepEqual(got.problems.consoleErrors, [], query);
    assert.deepEqual(got.problems.offOrigin, [], query);
    assert.equal(want.chunks.length + want.shards.length, 0, `${query}: the whole site has no chunks`);
    // A view without a search reads no postings; a search, its terms' shards (and those of
    // their names in other languages) only.
    if (!query.includes('q=')) assert.equal(got.shards.length, 0, `${query}: shards`);
    else assert.ok(got.shards.length > 0 && got.shards.length < shards, `${query}: ${got.shards.length} of ${shards} shards`);
    assert.equal(new Set(got.shards).size, got.shards.length, `${query}: a shard fetched twice`);
    if (Number(want.count) > 0) someFound += 1;
    // Texts come by range, each range once.
    assert.ok(got.chunks.every((r) => /bytes=\d+-\d+$/.test(r)), `${query}: ${got.chunks}`);
    assert.equal(new Set(got.chunks).size, got.chunks.length, `${query}: a range fetched twice`);
    if (query === '') {
      // The newest first page lies in the first packs: a few requests, not the whole corpus.
      const packs = new Set(got.chunks.map((r) => r.split(' ')[0]));
      assert.ok(packs.size > 0 && packs.size < total / 2, `${packs.size} of ${total} packs`);
    }
  }
  assert.ok(someFound >= VIEWS.length - 1, `${someFound} views found articles`);
  // A word searched as typed reads a shard or two.
  const typed = await view(sharded, '?q=trafficking&xlang=off&typo=off');
  assert.ok(typed.shards.length >= 1 && typed.shards.length <= 2, `${typed.shards.length} shards`);
});

test('a phrase typed in the sharded explorer is checked on the text it fetches, as on the whole corpus', async () => {
  const want = await view(whole, '?q=%22online+scam%22');
  const { page, context, problems } = await watchedPage(browser, sharded.origin);
  const csp = await watchCsp(page);
  await page.goto(sharded.url());
  await settled(page);
  await page.locator('#search-input').fill('"online scam"');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '"online scam"');
  await settled(page);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), want.count);
  assert.ok(Number(want.count) > 0);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(await csp(), []);
  await context.close();
});

test('a pack of texts that fails is a notice with "Try again"; the view keeps working and recovers', async () => {
  const { page, context } = await watchedPage(browser, sharded.origin);
  let fail = true;
  await page.route(PACK, (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  // Words as typed: across languages, `scam` also searches Thai and Chinese runs, whose checks
  // need the texts that fail here, and the count would wait for them.
  await page.goto(sharded.url('?q=scam&xlang=off'));
  // The core answered: the count is there, the cards wait for their text, and the notice says why.
  await page.waitForSelector('[data-texts-error]');
  assert.match(await page.locator('[data-texts-error]').innerText(), /could not be loaded.*404/s);
  assert.ok(Number(await page.getAttribute('[data-result-count]', 'data-result-count')) > 0);
  assert.ok((await page.locator('article.card.loading').count()) > 0);
  // Sorting still works on the core alone (and asks for the new first page's text, which fails too).
  await page.locator('.sort select').selectOption('oldest');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'oldest');
  await page.waitForSelector('[data-texts-error]');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await settled(page);
  assert.equal(await page.locator('[data-texts-error]').count(), 0);
  assert.ok((await page.locator('article.card .card-title').count()) > 0);
  await context.close();
});

test('a postings shard that fails is a notice with "Try again"; the search answers once it loads', async () => {
  const want = await view(whole, '?q=trafficking&xlang=off');
  const { page, context } = await watchedPage(browser, sharded.origin);
  let fail = true;
  await page.route(SHARD, (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto(sharded.url('?q=trafficking&xlang=off'));
  await page.waitForSelector('[data-texts-error]');
  assert.match(await page.locator('[data-texts-error]').innerText(), /could not be loaded.*404/s);
  // No count is claimed while the search cannot read its lists.
  assert.equal(await page.locator('[data-result-count]').count(), 0);
  assert.equal(await page.locator('[data-texts-loading]').count(), 1);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await settled(page);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), want.count);
  assert.ok(Number(want.count) > 0);
  await context.close();
});

test('typing on a sharded site keeps the last results on screen until the new search\'s shards arrive', async () => {
  const { page, context, problems } = await watchedPage(browser, sharded.origin);
  await page.goto(sharded.url('?q=police&xlang=off&typo=off'));
  await settled(page);
  const before = await page.$$eval('article[data-article-id]', (all) => all.map((c) => c.dataset.articleId));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(SHARD, async (route) => { await held; await route.continue(); });
  await page.locator('#search-input').fill('trafficking');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'trafficking');
  await page.waitForSelector('[data-texts-loading]');
  // The shard is held back: the list still shows the last complete answer, not an empty one.
  assert.deepEqual(await page.$$eval('article[data-article-id]', (all) => all.map((c) => c.dataset.articleId)), before);
  assert.equal(await page.locator('[data-empty-results]').count(), 0);
  release();
  await settled(page);
  const want = await view(whole, '?q=trafficking&xlang=off&typo=off');
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), want.count);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('the offline edition of a sharded corpus is one file that decodes its chunks and shards on demand, with no request', async (t) => {
  if (!existsSync(OFFLINE_SHARDED)) return t.skip(`${OFFLINE_SHARDED} does not exist: \`make test-e2e\` builds it`);
  const html = readFileSync(OFFLINE_SHARDED, 'utf8');
  assert.equal((html.match(/id="borderlines-pack-\d+"/g) ?? []).length, fileCount());
  assert.equal((html.match(/id="borderlines-texts"/g) ?? []).length, 1);
  assert.equal((html.match(/id="borderlines-shard-\d+"/g) ?? []).length, fileCount('data-shards'));
  for (const query of ['?q=%22online+scam%22', '?q=trafficking&xlang=off', '?q=คอลเซ็นเตอร์&sort=oldest', '?country=KH']) {
    const want = await view(whole, query);
    const { page, context, problems } = await watchedPage(browser, 'file://');
    const csp = await watchCsp(page);
    const requests = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(`${pathToFileURL(OFFLINE_SHARDED).href}${query}`);
    await settled(page);
    assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), want.count, query);
    const cards = await page.$$eval('article[data-article-id]', (all) => all.map((c) => `${c.dataset.articleId} ${c.querySelector('.card-title')?.textContent}`));
    assert.deepEqual(cards, want.cards, query);
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !/^(data|blob):/.test(url)), [], query);
    assert.deepEqual(problems.consoleErrors, [], query);
    assert.deepEqual(await csp(), [], query);
    await context.close();
  }
});

test('a sharded list fetches the texts of the cards within reach, the rest as the reader scrolls', async () => {
  const { page, context } = await watchedPage(browser, sharded.origin);
  await page.setViewportSize({ width: 412, height: 823 });
  const chunks = new Set();
  page.on('request', (req) => { if (PACK.test(req.url())) chunks.add(`${req.url()} ${req.headers().range}`); });
  await page.goto(sharded.url('?sort=oldest'));
  await page.waitForSelector('[data-result-count]');
  await page.waitForFunction(() => document.querySelectorAll('article[data-article-id]').length === 20);
  // The first cards have their text; the last ones, two and a half windows down, wait for it.
  await page.waitForFunction(() => !document.querySelector('ol.cards > li:first-child > article.loading'));
  assert.ok((await page.locator('article.card.loading').count()) > 0, 'cards out of reach wait');
  const before = chunks.size;
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => !document.querySelector('article.card.loading'));
  assert.ok(chunks.size > before, `${before} → ${chunks.size} ranges`);
  await context.close();
});

test('a host that ignores range requests sends whole packs, and every view still answers as the whole corpus does', async () => {
  for (const query of ['?q=%22online+scam%22', '?sort=oldest', '?q=คอลเซ็นเตอร์']) {
    const want = await view(whole, query);
    const { page, context, problems } = await watchedPage(browser, sharded.origin);
    let whole200 = 0;
    await page.route(PACK, async (route) => {
      const headers = { ...route.request().headers() };
      delete headers.range;
      const response = await route.fetch({ headers });
      assert.equal(response.status(), 200);
      whole200 += 1;
      await route.fulfill({ response });
    });
    await page.goto(sharded.url(query));
    await settled(page);
    assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), want.count, query);
    const cards = await page.$$eval('article[data-article-id]', (all) => all.map((c) => `${c.dataset.articleId} ${c.querySelector('.card-title')?.textContent}`));
    assert.deepEqual(cards, want.cards, query);
    assert.ok(whole200 > 0, `${query}: whole packs sent`);
    assert.deepEqual(problems.consoleErrors, [], query);
    await context.close();
  }
});
