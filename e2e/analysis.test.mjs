// The analyst's views: keyword in context (every match of the query in the results, one line
// each, sorted as the reader picks; a line's match opens its article scrolled to that match)
// and compare over time (queries drawn together on the timeline, with their numbers as a table).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const params = (page) => new URL(page.url()).searchParams;

test('view=kwic lists every match in context, sorts by the words after, and a click opens the article at that match', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?q=thai&xlang=off'));
  await waitForApp(page);
  await page.click('[data-view-tab="kwic"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'kwic');
  await page.waitForSelector('[data-kwic-line]');
  const count = Number(await page.getAttribute('[data-kwic-count]', 'data-kwic-count'));
  assert.equal(await page.locator('[data-kwic-line]').count(), count);
  assert.ok(count >= 2, `${count} lines`);
  const hits = await page.$$eval('[data-kwic-line] mark', (marks) => marks.map((m) => m.textContent));
  for (const hit of hits) assert.match(hit.normalize('NFD').replace(/\p{M}/gu, ''), /^thai/i);
  // Both seeds have a match: each line names its article.
  const articles = new Set(await page.$$eval('[data-kwic-line]', (rows) => rows.map((r) => r.dataset.kwicArticle)));
  assert.equal(articles.size, 2);

  await page.selectOption('[data-kwic-sort]', 'right');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('ksort') === 'right');
  const rights = await page.$$eval('[data-kwic-line] .kwic-right', (cells) => cells.map((c) => c.textContent));
  assert.equal(rights.length, count);

  const row = page.locator('[data-kwic-line]').nth(1);
  const id = await row.getAttribute('data-kwic-article');
  await row.locator('.kwic-hit button').click();
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('article') === id, id);
  assert.equal(params(page).get('view'), null);
  await page.waitForSelector(`article[data-article-id="${id}"][data-expanded] mark[data-kwic-target]`);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('view=kwic without a search asks for one', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?view=kwic'));
  await waitForApp(page);
  assert.equal(await page.locator('[data-kwic-line]').count(), 0);
  await context.close();
});

test('compare= draws each query on the timeline with its table; a legend entry becomes the search; the scale and the form work', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?xlang=off'));
  await waitForApp(page);
  // Add two queries through the form.
  await page.click('[data-compare-open] summary');
  await page.fill('[data-compare-open] [data-compare-input]', 'police');
  await page.press('[data-compare-open] [data-compare-input]', 'Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('compare').join() === 'police');
  await page.fill('[data-compare] [data-compare-input]', 'Thái');
  await page.click('[data-compare] [data-compare-add] button');
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('compare').join() === 'police,Thái');
  assert.equal(await page.locator('[data-compare-series]').count(), 2);
  // The table: a row per period, a column per series (plus the period and every article).
  const rows = await page.locator('[data-compare-table] tbody tr').count();
  assert.ok(rows >= 1);
  assert.equal(await page.locator('[data-compare-table] thead th').count(), 4);
  const totals = await page.$$eval('[data-compare-legend]', (items) => items.map((i) => i.textContent));
  assert.match(totals[0], /^police: \d+ articles?$/);
  // Shares.
  await page.click('[data-cshare="on"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('cshare') === 'on');
  assert.match(await page.$eval('[data-compare-table] td[data-compare-cell]', (td) => td.textContent), /%$/);
  // A legend entry becomes the view's search; with no search before, it leaves the comparison.
  await page.click('[data-compare-main="1"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Thái');
  assert.deepEqual(new URL(page.url()).searchParams.getAll('compare'), ['police']);
  assert.equal(await page.locator('[data-compare-series]').count(), 2);
  await page.click('[data-compare-remove="0"]');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('compare'));
  assert.equal(await page.locator('[data-compare]').count(), 0);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('places, people and organizations: a person chip on a card and a place in the sidebar filter the view; both are in the URL', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url());
  await waitForApp(page);
  // The Vietnamese seed names Anutin Charnvirakul; his chip on the card filters to it.
  const chip = page.locator('[data-card-entity="person:Anutin Charnvirakul"]').first();
  await chip.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('person') === 'person:Anutin Charnvirakul');
  await page.waitForSelector('[data-result-count="1"]');
  assert.equal(await page.getAttribute('article[data-article-id]', 'data-article-id'), '001_ea81238345a38f58');
  // The sidebar counts the places of the results: Bangkok, which filters too (no other article).
  await page.click('[data-entity-filter="geonames:1609350"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('place') === 'geonames:1609350');
  await page.waitForSelector('[data-result-count="1"]');
  // The English seed names Liu Zhongyi: with him too, nothing matches.
  await page.goto(server.url('?person=person:Liu%20Zhongyi'));
  await page.waitForSelector('[data-result-count="1"]');
  assert.equal(await page.getAttribute('article[data-article-id]', 'data-article-id'), '000_dee04c71b2f6b000');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('view=map shades the countries by count and draws the places; a country or a place toggles its filter', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?view=map'));
  await waitForApp(page);
  await page.waitForSelector('[data-map]');
  const thailand = page.locator('[data-map-country="TH"]');
  assert.equal(await thailand.getAttribute('data-count'), '2');
  assert.match(await thailand.getAttribute('aria-label'), /^Thailand: 2 articles$/);
  assert.ok((await page.locator('[data-map-country]').count()) >= 10, 'the region is drawn');
  // Cambodia: one article; a click filters by it, as its chip does.
  await page.click('[data-map-country="KH"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('country') === 'KH');
  await page.waitForSelector('[data-result-count="1"]');
  // Bangkok, a place the Vietnamese seed names, is a dot; Enter on it filters by it.
  const bangkok = page.locator('[data-map-place="geonames:1609350"]');
  await bangkok.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('place') === 'geonames:1609350');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'map');
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('named together: a cell of the country × country table filters to the articles naming both', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?view=map'));
  await waitForApp(page);
  const cell = page.locator('[data-together-cell="TH-CN"]');
  assert.equal(await cell.innerText(), '2');
  await page.locator('[data-together-cell="TH-KH"]').click();
  await page.waitForFunction(() => location.search === '?country=KH,TH&match=all&view=map');
  await page.waitForSelector('[data-result-count="1"]');
  await context.close();
});
