// A corpus with markup, scripts and javascript: links (tests/fixtures/hostile-seeds, never in
// seeds/) shows those characters as typed and runs nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve, launch, watchedPage, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(resolve('target/e2e-hostile-dist')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('markup in a seed is shown as text and never executed', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(server.url('?article=markup'));
  await waitForApp(page);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), '3');
  const card = page.locator('article[data-article-id="markup"]');
  await page.waitForSelector('article[data-article-id="markup"][data-expanded="true"]');
  const text = await card.innerText();
  assert.ok(text.includes('<script>window.__pwned = 1</script> Scam <b>centres</b> raided'), text);
  assert.ok(text.includes('<img src=x onerror="window.__pwned = 2">'), text);
  assert.ok(text.includes('<a href="javascript:window.__pwned=3">click here</a> &amp;'), text);
  assert.ok(text.includes('<em>Example News</em>'), 'the source line too');
  assert.equal(await card.locator('script, img, a, iframe, b, em').count(), 0, 'no element was created from corpus text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('the first page of cards written into the shell shows markup as text too', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(server.url(), { waitUntil: 'load' });
  const shell = page.locator('[data-prerendered]');
  assert.equal(await shell.locator('.card').count(), 3);
  const text = await shell.innerText();
  assert.ok(text.includes('<script>window.__pwned = 1</script> Scam <b>centres</b> raided'), text);
  assert.equal(await shell.locator('script, img, a, iframe, b, em').count(), 0, 'no element was created from corpus text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test('a search for markup finds it and marks it as text', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?q=onerror'));
  await waitForApp(page);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), '1');
  const marks = await page.$$eval('article mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes('onerror'), `marks: ${marks}`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test('Thai with BOM and CRLF, and Chinese without a header, are found by substrings', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?q=คอลเซ็นเตอร์'));
  await waitForApp(page);
  assert.equal(await page.getAttribute('article[data-article-id]', 'data-article-id'), 'thai-bom-crlf');
  await page.goto(server.url('?q=络诈'));
  await waitForApp(page);
  assert.equal(await page.getAttribute('article[data-article-id]', 'data-article-id'), 'chinese-no-header');
  await context.close();
});

test('a link with a thousand bad values lists five of them, counts the rest, and still answers', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  const codes = Array.from({ length: 1000 }, (_, i) => `Z${i}`).join(',');
  const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
  await page.goto(server.url(`?country=${codes}&q=${encodeURIComponent(words)}`));
  await waitForApp(page);
  const items = await page.$$eval('[data-url-notice] li', (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, 6, items.join('\n'));
  assert.match(items[5], /^…and 995 more/);
  assert.match(await page.textContent('[data-query-limit]'), /first 64 words/);
  assert.equal(await page.getAttribute('[data-result-count]', 'data-result-count'), '0');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
