// The timeline zooms: a bar opens its period at a finer size (a year's months or weeks, a
// month's days), "Zoom out" and Escape go back up, and the bars are one Tab stop moved through
// with the arrow keys. Run on the seeds plus the real-text set (36 dated articles, 2010-2026).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve, launch, watchedPage, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(resolve('target/e2e-whole-dist')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const span = (page) => page.locator('[data-timeline-span]').innerText();
const search = (page) => new URL(page.url()).search;

test('a bar zooms into its period and "Zoom out" comes back', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url());
  await waitForApp(page);
  assert.match(await span(page), /^\d+ dated, by year$/);
  // A count scale from 0 to the tallest bar, and the first, middle and last periods labelled.
  const counts = await page.$$eval('[data-timeline-bucket]', (bars) => bars.map((b) => Number(b.dataset.count)));
  assert.equal(Number(await page.getAttribute('[data-timeline-max]', 'data-timeline-max')), Math.max(...counts));
  assert.equal(await page.locator('.axis span').count(), 3);
  await page.click('[data-timeline-bucket="2025"]');
  await page.waitForFunction(() => location.search === '?from=2025&to=2025');
  await page.waitForFunction(() => /^2025: \d+ dated, by (month|week|day)$/.test(document.querySelector('[data-timeline-span]')?.textContent ?? ''));
  // Every bar now lies in 2025.
  const froms = await page.$$eval('[data-timeline-bucket]', (bars) => bars.map((b) => b.dataset.from));
  assert.ok(froms.length > 1 && froms.every((f) => f.startsWith('2025')), froms.join(' '));
  // Deeper, then back up a level at a time to every date.
  const bar = page.locator('[data-timeline-bucket]:not([data-count="0"])').first();
  const deeper = `?from=${await bar.getAttribute('data-from')}&to=${await bar.getAttribute('data-to')}`;
  await bar.click();
  await page.waitForFunction((q) => location.search === q, deeper);
  for (let level = 0; level < 4 && search(page) !== ''; level++) {
    const before = search(page);
    await page.click('[data-timeline-zoom-out]');
    await page.waitForFunction((q) => location.search !== q, before);
    assert.ok(search(page) === '' || search(page).startsWith('?from=2025'), search(page));
  }
  assert.equal(search(page), '');
  await page.waitForFunction(() => /by year$/.test(document.querySelector('[data-timeline-span]')?.textContent ?? ''));
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('the chart is one Tab stop, a slider: arrows move, Enter zooms in, Escape zooms out', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url());
  await waitForApp(page);
  const chart = page.locator('[data-timeline-chart]');
  assert.equal(await chart.getAttribute('role'), 'slider');
  assert.equal(await chart.getAttribute('tabindex'), '0');
  // No bar is a focusable control of its own.
  assert.equal(await page.locator('[data-timeline-chart] [tabindex], [data-timeline-chart] button').count(), 0);
  const valueNow = () => chart.getAttribute('aria-valuenow');
  await chart.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-timeline-chart]')?.getAttribute('aria-valuenow') === '1');
  const second = page.locator('[data-timeline-bucket]').nth(1);
  assert.equal(await chart.getAttribute('aria-valuetext'), await second.getAttribute('title'));
  assert.match(await chart.getAttribute('aria-valuetext'), /^\S.*: \d+ articles?$/);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('[data-timeline-chart]')?.getAttribute('aria-valuenow') === '0');
  assert.equal(await valueNow(), '0');
  // The first bar: the oldest dated articles' year.
  const first = page.locator('[data-timeline-bucket]').first();
  const [from, to] = [await first.getAttribute('data-from'), await first.getAttribute('data-to')];
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => location.search === q, `?from=${from}&to=${to}`);
  await chart.focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.search === '');
  assert.equal(search(page), '');
  await context.close();
});
