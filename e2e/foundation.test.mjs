// The built site, served under /borderlines/, shows one card per seed and no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('opens under /borderlines/ with two cards, newest first, and no console error', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url());
  await waitForApp(page);
  const ids = await page.$$eval('article[data-article-id]', (cards) => cards.map((c) => c.dataset.articleId));
  assert.deepEqual(ids, ['001_ea81238345a38f58', '000_dee04c71b2f6b000']);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), '2');
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('a card expands to its full text and collapses again', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url());
  await waitForApp(page);
  const card = page.locator('article[data-article-id="001_ea81238345a38f58"]');
  const before = await card.locator('.card-body p').count();
  await card.getByRole('button', { name: 'Read full text' }).click();
  await page.waitForSelector('article[data-article-id="001_ea81238345a38f58"][data-expanded="true"]');
  assert.ok((await card.locator('.card-body p').count()) > before);
  assert.match(await card.innerText(), /Malaysia/);
  await context.close();
});

test('a closed card shows four country chips and "+N" and no caption, a derived title as "untitled" without italics; opened, all of it', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url());
  await waitForApp(page);
  const card = page.locator('article[data-article-id="001_ea81238345a38f58"]');
  assert.equal(await card.locator('[data-card-country]').count(), 4);
  assert.equal(await card.locator('[data-more-countries]').textContent(), '+4');
  assert.equal(await card.locator('.caption').count(), 0);
  await card.locator('[data-more-countries]').click();
  await page.waitForSelector('article[data-article-id="001_ea81238345a38f58"][data-expanded="true"]');
  assert.equal(await card.locator('[data-card-country]').count(), 8);
  assert.equal(await card.locator('.caption').count(), 1);
  // The English seed has no headline: its first words are its title, marked, and the passage
  // goes on from there instead of repeating them.
  const derived = page.locator('article[data-article-id="000_dee04c71b2f6b000"]');
  assert.equal(await derived.locator('.untitled').textContent(), 'untitled');
  assert.equal(await derived.locator('.card-title').evaluate((e) => getComputedStyle(e).fontStyle), 'normal');
  const title = (await derived.locator('.card-title').textContent()).replace(/^untitled/, '').slice(0, 30);
  assert.ok(title.startsWith('Recently,'), title);
  assert.ok(!(await derived.locator('.snippet').textContent()).includes(title), 'the passage repeats the title');
  await context.close();
});

test('the shell paints before the wasm arrives, and text typed into it becomes the search', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  // Hold the wasm until the shell has been checked and typed into.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url(), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('[data-shell-loading]');
  assert.equal(await page.locator('h1.brand').innerText(), 'Borderlines');
  assert.equal(await page.locator('[data-result-count]').count(), 0);
  // A link without a view shows the first page of cards, newest first, written in by the build.
  const titles = await page.locator('[data-prerendered] .card-title').allInnerTexts();
  assert.equal(titles.length, 2);
  assert.ok(await page.locator('[data-prerendered] .card').first().isVisible());
  assert.match(await page.locator('[data-prerendered] .result-count').innerText(), /^2 articles$/);
  await page.locator('#search-input').fill('malaysia');
  release();
  await waitForApp(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'malaysia');
  assert.equal(await page.locator('#search-input').inputValue(), 'malaysia');
  assert.equal(await page.locator('[data-shell-loading]').count(), 0);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the app's code and data are fetched once, after the shell's first paint", async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url());
  await waitForApp(page);
  const { paint, loads } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    loads: performance.getEntriesByType('resource')
      .filter((e) => /\.wasm$|corpus-[0-9a-f]{16}\.bin$|borderlines-[0-9a-f]+\.js$/.test(e.name))
      .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime })),
  }));
  assert.ok(paint > 0, 'a first contentful paint');
  assert.equal(loads.length, 3, JSON.stringify(loads));
  for (const load of loads) assert.ok(load.start >= paint, `${load.name} started at ${load.start} ms, before the paint at ${paint} ms`);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('the corpus is a file of its own, gunzipped in a worker; a failed fetch says so and "Try again" recovers', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  const fetched = [];
  page.on('request', (req) => { if (/corpus-[0-9a-f]{16}\.bin$/.test(req.url())) fetched.push(req.url()); });
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  let fail = true;
  await page.route(/corpus-[0-9a-f]{16}\.bin$/, (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto(server.url('?q=malaysia'));
  const notice = page.locator('[data-load-error]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /404/);
  assert.equal(await page.locator('#search-input').inputValue(), 'malaysia');
  fail = false;
  await notice.getByRole('button', { name: 'Try again' }).click();
  await waitForApp(page);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), '1');
  assert.ok(fetched.length >= 2, `the preload and the retry: ${fetched.join(', ')}`);
  // The file was gunzipped off the page's thread, by the worker beside index.html.
  assert.ok(workers.some((url) => url.endsWith('/borderlines/gunzip-worker.js')), `workers: ${workers}`);
  await context.close();
});

test('with the corpus held back, the page shows its shell and how much is loading', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/corpus-[0-9a-f]{16}\.bin$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url());
  // The loading line names the size of what is loading.
  await page.waitForFunction(() => /Loading the articles \(\d+ kB\)/.test(document.querySelector('[data-shell-loading]')?.textContent ?? ''));
  assert.equal(await page.locator('[data-result-count]').count(), 0);
  release();
  await waitForApp(page);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), '2');
  await context.close();
});

test('a link with a view hides the first page of default cards until the app shows that view', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url('?q=malaysia'), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('[data-shell-loading]');
  assert.equal(await page.locator('[data-prerendered]').count(), 1);
  assert.equal(await page.locator('[data-prerendered]').isVisible(), false);
  release();
  await waitForApp(page);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), '1');
  assert.equal(await page.locator('#shell').count(), 0);
  await context.close();
});

test('on a phone, nothing moves or grows when the app takes over from the shell (no layout shift, no later largest paint)', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
    // Where each largest-paint candidate was: the app's cards must not be larger than the shell's.
    window.__lcpInShell = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcpInShell.push(!!e.element?.closest('#shell')); })
      .observe({ type: 'largest-contentful-paint', buffered: true });
  });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url());
  const top = (selector) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top);
  const shellTop = await top('#shell .card');
  release();
  await waitForApp(page);
  // The app's first card takes the place of the shell's.
  assert.equal(await top('#app .card'), shellTop);
  // Two frames after the app's first render, any shift it caused has been reported.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.deepEqual(await page.evaluate(() => window.__shifts), []);
  const lcp = await page.evaluate(() => window.__lcpInShell);
  assert.ok(lcp.length >= 1 && lcp.every(Boolean), `largest paints in the shell: ${lcp}`);
  // On a phone the filters wait behind their button (e2e/phone.test.mjs opens them).
  assert.equal(await page.locator('aside.filters').isVisible(), false);
  assert.ok(await page.locator('[data-filters-toggle]').isVisible());
  await context.close();
});
