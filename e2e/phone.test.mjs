// On a phone (360 × 740): the results come first, the filters wait behind a "Filters" button as a
// sheet that opens and closes by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function phone(query = '') {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url(query));
  await waitForApp(page);
  return { page, context, errors };
}

test('after typing a search that matches, the first card starts on the first screen', async () => {
  const { page, context, errors } = await phone();
  await page.locator('#search-input').fill('malaysia');
  await page.waitForSelector('[data-result-count="1"]');
  const top = await page.locator('article.card').first().evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top > 0 && top < 740, `the first card starts at ${top} px`);
  // The filters are behind their button, not in the page's flow.
  assert.equal(await page.locator('aside.filters').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the filter sheet opens and closes by keyboard, and a chip in it filters', async () => {
  const { page, context, errors } = await phone();
  const toggle = page.locator('[data-filters-toggle]');
  assert.equal(await toggle.innerText(), 'Filters');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('aside.filters[data-open]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.waitForFunction(() => document.activeElement?.matches('[data-close-filters]'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('aside.filters[data-open]'));
  await page.waitForFunction(() => document.activeElement?.matches('[data-filters-toggle]'));
  assert.equal(await page.locator('aside.filters').isVisible(), false);
  // Open again, go to the English chip by keyboard and press it.
  await page.keyboard.press('Enter');
  await page.waitForSelector('aside.filters[data-open]');
  const english = page.locator('[data-lang-filter="en"]');
  for (let i = 0; i < 40 && !(await english.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-result-count="1"]');
  assert.equal(await toggle.innerText(), 'Filters (1 active)');
  await page.locator('[data-close-filters]').click();
  await page.waitForFunction(() => !document.querySelector('aside.filters[data-open]'));
  assert.deepEqual(errors, []);
  await context.close();
});
