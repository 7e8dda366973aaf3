// Paging: a link to an article deep in the list opens the page of cards around it, not every
// card before it, with a way to the earlier ones; on a sharded site it fetches only that page's
// text. Run on the seeds plus the real-text set (81 articles), whole and sharded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve, launch, watchedPage, waitForApp } from './support.mjs';

let whole, sharded, browser;
before(async () => {
  whole = await serve(resolve('target/e2e-whole-dist'));
  sharded = await serve(resolve('target/e2e-shards-dist'));
  browser = await launch();
});
after(async () => { await browser?.close(); await whole?.close(); await sharded?.close(); });

/** The id of the oldest article, the last of the default (newest first) list. */
async function oldestId(server) {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?sort=oldest'));
  await waitForApp(page);
  const id = await page.getAttribute('article[data-article-id]', 'data-article-id');
  await context.close();
  return id;
}

test('?article= of an article deep in the list opens its page of cards, not all before it; "Show earlier" adds the page before', async () => {
  const id = await oldestId(whole);
  const { page, context, problems } = await watchedPage(browser, whole.origin);
  await page.goto(whole.url(`?article=${encodeURIComponent(id)}`));
  await waitForApp(page);
  const card = page.locator(`article[data-article-id="${id}"]`);
  await page.waitForSelector(`article[data-article-id="${id}"][data-expanded="true"]`);
  await page.waitForFunction((sel) => document.activeElement?.closest('article')?.matches(sel), `article[data-article-id="${id}"]`);
  assert.ok(await card.isVisible());
  // Its page of at most 20 cards, with the pages before it one click away.
  const count = Number(await page.getAttribute('[data-result-count]', 'data-result-count'));
  const cards = await page.locator('article[data-article-id]').count();
  assert.ok(cards <= 20 && cards < count, `${cards} cards of ${count}`);
  const before = Number(/(\d+) before these/.exec(await page.locator('[data-show-earlier]').innerText())?.[1]);
  assert.ok(before >= 20 && before % 20 === 0, `${before} before`);
  await page.locator('[data-show-earlier]').click();
  await page.waitForFunction((n) => document.querySelectorAll('article[data-article-id]').length === n, cards + 20);
  if (before > 20) assert.match(await page.locator('[data-show-earlier]').innerText(), new RegExp(`${before - 20} before these`));
  else assert.equal(await page.locator('[data-show-earlier]').count(), 0);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('on a sharded site, ?article= deep in the list fetches only the text of its page', async () => {
  const id = await oldestId(sharded);
  const { page, context } = await watchedPage(browser, sharded.origin);
  // Texts come by range from packs (`corpus-<hash>-p<n>.bin`): the bytes asked for, in all.
  let asked = 0;
  page.on('request', (req) => {
    const range = /-p\d+\.bin$/.test(req.url()) && /^bytes=(\d+)-(\d+)$/.exec(req.headers().range ?? '');
    if (range) asked += Number(range[2]) - Number(range[1]) + 1;
  });
  await page.goto(sharded.url(`?article=${encodeURIComponent(id)}`));
  await page.waitForSelector(`article[data-article-id="${id}"][data-expanded="true"] .card-title`);
  // Its page's texts within reach, not the texts of every card before it.
  const html = readFileSync(resolve('target/e2e-shards-dist/index.html'), 'utf8');
  const all = Number(/data-pack-bytes="(\d+)"/.exec(html)?.[1]);
  assert.ok(asked > 0 && asked < all / 3, `${asked} of ${all} bytes of texts`);
  await context.close();
});
