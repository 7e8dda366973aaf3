// The explorer as a reader uses it, on the release build under /borderlines/: every view is a URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, watchedPage, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const count = (page) => page.getAttribute('[data-result-count]', 'data-result-count');
const query = (page) => new URL(page.url()).search;
const waitForCount = (page, n) => page.waitForSelector(`[data-result-count="${n}"]`);

async function open(q = '') {
  const watched = await watchedPage(browser, server.origin);
  await watched.page.goto(server.url(q));
  await waitForApp(watched.page);
  return watched;
}

function assertClean({ problems }) {
  assert.deepEqual(problems.consoleErrors, [], 'no console errors');
  assert.deepEqual(problems.offOrigin, [], 'no request leaves the origin');
}

/** The `key = text` lines of one interface language's message file. */
function messages(ui) {
  const text = readFileSync(new URL(`../crates/corpus/messages/${ui}.txt`, import.meta.url), 'utf8');
  return Object.fromEntries(text.split('\n').filter((l) => !l.startsWith('#') && l.includes(' = '))
    .map((l) => [l.slice(0, l.indexOf(' = ')).trim(), l.slice(l.indexOf(' = ') + 3).trim()]));
}

test('a country chip updates the URL and the count; reload keeps the view; Back restores', async () => {
  const watched = await open();
  const { page } = watched;
  assert.equal(await count(page), '2');
  await page.click('[data-country-filter="KH"]');
  await waitForCount(page, 1);
  assert.equal(query(page), '?country=KH');
  assert.equal(await page.getAttribute('[data-country-filter="KH"]', 'aria-pressed'), 'true');
  // The tab title follows a frame after the results.
  await page.waitForFunction(() => document.title === 'Cambodia · 1 article — Borderlines');
  await page.reload();
  await waitForCount(page, 1);
  assert.equal(query(page), '?country=KH');
  await page.goBack();
  await waitForCount(page, 2);
  assert.equal(query(page), '');
  await page.goForward();
  await waitForCount(page, 1);
  assertClean(watched);
  await watched.context.close();
});

test('typing a search updates q, highlights matches, and replaces rather than pushes history', async () => {
  // Words as typed only: across languages, `thai lan` also finds the English `Thailand`.
  const watched = await open('?xlang=off');
  const { page } = watched;
  const historyLength = await page.evaluate(() => history.length);
  await page.getByLabel('Search the articles').pressSequentially('thai lan', { delay: 20 });
  await page.waitForFunction(() => location.search === '?q=thai%20lan&xlang=off');
  await waitForCount(page, 1);
  assert.equal(await page.getAttribute('article[data-article-id]', 'data-article-id'), '001_ea81238345a38f58');
  const marks = await page.$$eval('article mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes('Thái') && marks.includes('Lan'), `marks: ${marks}`);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'typing does not add history entries');
  assertClean(watched);
  await watched.context.close();
});

test('after start the text is folded for search in the background, and phrases still match', async () => {
  const watched = await open();
  const { page } = watched;
  await page.waitForSelector('html[data-text-folded="ahead"]');
  await page.getByLabel('Search the articles').fill('"minister of justice"');
  await waitForCount(page, 1);
  assert.equal(await page.getAttribute('article[data-article-id]', 'data-article-id'), '000_dee04c71b2f6b000');
  await page.getByLabel('Search the articles').fill('"justice of minister"');
  await waitForCount(page, 0);
  assertClean(watched);
  await watched.context.close();
});

test('a timeline bucket click narrows the dates', async () => {
  const watched = await open();
  const { page } = watched;
  const bucket = page.locator('[data-timeline-bucket][data-count="1"]').first();
  const [from, to] = [await bucket.getAttribute('data-from'), await bucket.getAttribute('data-to')];
  await bucket.click();
  await waitForCount(page, 1);
  assert.equal(query(page), `?from=${from}&to=${to}`);
  assert.equal(await page.getAttribute('[data-timeline-undated]', 'data-timeline-undated'), '1');
  assertClean(watched);
  await watched.context.close();
});

test('?article= opens that card with its full text, focused; Escape closes it', async () => {
  const watched = await open('?article=000_dee04c71b2f6b000');
  const { page } = watched;
  const card = page.locator('article[data-article-id="000_dee04c71b2f6b000"]');
  await page.waitForSelector('article[data-article-id="000_dee04c71b2f6b000"][data-expanded="true"]');
  assert.match(await card.innerText(), /tangible results/);
  await page.waitForFunction(() => document.activeElement?.dataset?.articleId === '000_dee04c71b2f6b000');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-expanded="true"]'));
  assert.equal(query(page), '');
  assertClean(watched);
  await watched.context.close();
});

test('bad parameters are ignored with a visible notice, the valid ones still apply', async () => {
  const watched = await open('?country=KH,Narnia&from=2025-13&sort=sideways&bogus=1');
  const { page } = watched;
  const notice = await page.textContent('[data-url-notice]');
  for (const word of ['Narnia', '2025-13', 'sideways', 'bogus']) assert.ok(notice.includes(word), `${word} in: ${notice}`);
  assert.equal(await count(page), '1', 'country=KH still applies');
  assertClean(watched);
  await watched.context.close();
});

test('an empty result says so and offers to clear the filters', async () => {
  const watched = await open('?q=zzzzqqq');
  const { page } = watched;
  assert.equal(await count(page), '0');
  await page.click('[data-empty-results] button');
  await waitForCount(page, 2);
  assert.equal(query(page), '');
  assertClean(watched);
  await watched.context.close();
});

test('an empty result names each filter to remove with the count it would give; one click removes it', async () => {
  const watched = await open('?q=malaysia&lang=en');
  const { page } = watched;
  assert.equal(await count(page), '0');
  const offers = await page.locator('[data-empty-results] [data-relax]').allInnerTexts();
  assert.deepEqual(offers, ['Remove the search “malaysia”: 1 article', 'Remove English: 1 article']);
  await page.click('[data-relax="English"]');
  await waitForCount(page, 1);
  assert.equal(query(page), '?q=malaysia');
  assertClean(watched);
  await watched.context.close();
});

test('a link whose filters leave out the article it opens says so, and shows it on its own in one click', async () => {
  const watched = await open('?article=000_dee04c71b2f6b000&lang=vi');
  const { page } = watched;
  assert.match(await page.locator('[data-hidden-article]').innerText(), /is not among these results/);
  await page.click('[data-hidden-article] button');
  await page.waitForSelector('article[data-article-id="000_dee04c71b2f6b000"][data-expanded="true"]');
  assert.equal(query(page), '?article=000_dee04c71b2f6b000');
  assertClean(watched);
  await watched.context.close();
});

test('removing a filter or clearing all leaves the focus in the search field', async () => {
  const watched = await open('?q=malaysia&lang=vi');
  const { page } = watched;
  await page.click('[data-active-filter][aria-label="Remove Language: Vietnamese"]');
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await page.locator('#search-input').blur();
  await page.click('[data-clear-all]');
  await waitForCount(page, 2);
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  assertClean(watched);
  await watched.context.close();
});

test('a search of only emoji or punctuation says it searches for nothing', async () => {
  const watched = await open(`?q=${encodeURIComponent('😀 !!')}`);
  const { page } = watched;
  assert.equal(await count(page), '2');
  assert.match(await page.locator('[data-query-ignored]').innerText(), /no letters or digits to search for/);
  assertClean(watched);
  await watched.context.close();
});

test('no accessibility violations (axe-core, every rule), in every interface language and both colour schemes', async () => {
  const { readFile } = await import('node:fs/promises');
  const { createRequire } = await import('node:module');
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // axe is injected as an inline script: a context that bypasses the page's CSP allows it.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const views = [];
  for (const scheme of ['light', 'dark']) {
    for (const ui of ['en', 'vi', 'th', 'id', 'zh', 'km', 'my']) views.push([scheme, `?ui=${ui}`]);
    for (const q of ['?q=thai&article=001_ea81238345a38f58', '?from=2025-10', '?q=nothing-matches-this&country=TH', '?q=thai&view=kwic', '?q=Cambodia', '?q=scam&compare=police&compare=thai', '?view=map']) views.push([scheme, q]);
  }
  for (const [scheme, q] of views) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url(q));
    await waitForApp(page);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `axe on ${q} (${scheme})`);
  }
  await context.close();
});

test('?ui=th speaks Thai, the switch changes the language in the URL, and dates follow it', async () => {
  const watched = await open('?ui=th');
  const { page } = watched;
  assert.equal(await page.getAttribute('html', 'lang'), 'th');
  assert.equal(await page.locator('label[for="search-input"]').innerText(), messages('th')['search.label']);
  assert.equal(await page.locator('#timeline-heading').innerText(), messages('th')['timeline.heading']);
  assert.equal(await page.locator('[data-ui-switch]').inputValue(), 'th');
  // Thai dates are in the Buddhist era: 2025 is 2568.
  const date = await page.locator('.card time').first().innerText();
  assert.match(date, /25\d\d$/, date);
  await page.selectOption('[data-ui-switch]', 'vi');
  await page.waitForFunction(() => location.search === '?ui=vi');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.equal(await page.locator('label[for="search-input"]').innerText(), messages('vi')['search.label']);
  assert.match(await page.locator('[data-result-count]').innerText(), /^2 /);
  // Clearing the filters keeps the language.
  await page.click('[data-country-filter="TH"]');
  await page.waitForFunction(() => location.search === '?country=TH&ui=vi');
  await page.click('[data-clear-all]');
  await page.waitForFunction(() => location.search === '?ui=vi');
  assertClean(watched);
  await watched.context.close();
});

test('without ui=, the browser\'s language picks the interface', async () => {
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(server.url());
  await waitForApp(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  assert.equal(await page.locator('label[for="search-input"]').innerText(), messages('id')['search.label']);
  assert.equal(new URL(page.url()).search, '');
  await context.close();
});
