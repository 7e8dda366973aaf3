// Search across languages on the seeds: an English country name finds the Vietnamese article
// that writes it in Vietnamese, the line under the search box says so, and each name or the
// whole expansion can be turned off (all kept in the URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIETNAMESE = '001_ea81238345a38f58';
const search = (page) => new URL(page.url()).search;
const ids = (page) => page.$$eval('[data-article-id]', (cards) => cards.map((c) => c.dataset.articleId));

test('q=Cambodia finds the Vietnamese article and marks Campuchia; xlang=off does not', async () => {
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?q=Cambodia'));
  await waitForApp(page);
  await page.waitForSelector('[data-result-count="1"]');
  assert.deepEqual(await ids(page), [VIETNAMESE]);
  const marked = await page.$$eval(`[data-article-id="${VIETNAMESE}"] mark`, (marks) => marks.map((m) => m.textContent));
  assert.ok(marked.includes('Campuchia'), JSON.stringify(marked));
  assert.match(await page.locator('[data-also="campuchia"]').innerText(), /^Campuchia \(1\)/);

  // The whole expansion off: only the words typed, which no seed has.
  await page.click('[data-xlang-off]');
  await page.waitForFunction(() => location.search === '?q=Cambodia&xlang=off');
  await page.waitForSelector('[data-result-count="0"]');
  assert.equal(await page.locator('[data-also-searching]').count(), 0);
  await page.click('[data-xlang-on]');
  await page.waitForFunction(() => location.search === '?q=Cambodia');
  await page.waitForSelector('[data-result-count="1"]');

  // One name off.
  await page.click('[data-also="campuchia"]');
  await page.waitForFunction(() => location.search === '?q=Cambodia&xskip=campuchia');
  await page.waitForSelector('[data-result-count="0"]');
  assert.equal(search(page), '?q=Cambodia&xskip=campuchia');
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('a Vietnamese word finds the English article: cảnh sát (police)', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url(`?q=${encodeURIComponent('cảnh sát ')}&xlang=off`));
  await waitForApp(page);
  const typedOnly = await ids(page);
  await page.click('[data-xlang-on]');
  await page.waitForFunction(() => !location.search.includes('xlang'));
  await page.waitForSelector('[data-also-searching]');
  const across = await ids(page);
  assert.ok(across.length > typedOnly.length, `${typedOnly} → ${across}`);
  // The article with the typed words comes first.
  if (typedOnly.length > 0) assert.equal(across[0], typedOnly[0]);
  await context.close();
});

test('each export downloads what the view shows: results as CSV and JSON (count, ids, order), citations, timeline, counts', async () => {
  const { readFile } = await import('node:fs/promises');
  const { page, context, problems } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?country=KH&from=2025&to=2025'));
  await waitForApp(page);
  const shown = await ids(page);
  assert.ok(shown.length > 0);
  const save = async (kind) => {
    if (!(await page.locator('[data-export]').evaluate((d) => d.open))) await page.click('[data-export] summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export-kind="${kind}"]`)]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const csv = await save('results-csv');
  assert.equal(csv.name, 'borderlines-cambodia-2025.csv');
  assert.ok(csv.text.startsWith('\uFEFF'), 'CSV starts with a byte-order mark');
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], 'id,date,language,title,source,countries,link');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), shown);
  const json = JSON.parse((await save('results-json')).text);
  assert.deepEqual(json.map((r) => r.id), shown);
  assert.ok(json.every((r) => r.title.length > 0 && r.countries.includes('KH')));
  assert.ok(new URL(json[0].link).searchParams.get('article') === shown[0]);
  const citations = await save('citations');
  assert.equal(citations.name, 'borderlines-cambodia-2025-citations.md');
  assert.equal(citations.text.trimEnd().split('\n').length, shown.length);
  const timeline = await save('timeline');
  const total = timeline.text.slice(1).trimEnd().split('\r\n').slice(1).filter((l) => !l.startsWith('undated,')).reduce((n, l) => n + Number(l.split(',').at(-1)), 0);
  assert.equal(total, shown.length);
  const counts = await save('counts');
  assert.match(counts.text, /\r\ncountry,KH,Cambodia,\d+\r\n/);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('q=Campucha (a letter missing) finds the Vietnamese article, saying "also matching: campuchia"; typo=off does not', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(server.url('?q=Campucha'));
  await waitForApp(page);
  await page.waitForSelector('[data-result-count="1"]');
  assert.deepEqual(await ids(page), [VIETNAMESE]);
  assert.match(await page.locator('[data-also-matching]').innerText(), /campuchia \(1\)/);
  await page.click('[data-typo-off]');
  await page.waitForFunction(() => location.search === '?q=Campucha&typo=off');
  await page.waitForSelector('[data-result-count="0"]');
  await context.close();
});
