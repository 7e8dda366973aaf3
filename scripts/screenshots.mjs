#!/usr/bin/env node
// Screenshots of the main views at 360 and 1280 px wide, for the README: `make screenshots`
// builds the site over the seeds plus the real-text set and runs this on it.
//
//   node scripts/screenshots.mjs SITE_DIR OUT_DIR
//
// Headless Chromium (Debian's), the site served under /borderlines/ as in the e2e tests. Each
// view waits for its cards and for the fonts it uses, so a picture shows what a reader sees.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve, launch } from '../e2e/support.mjs';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: node scripts/screenshots.mjs SITE_DIR OUT_DIR');
  process.exit(2);
}

// name, query, what to do before the picture
const VIEWS = [
  ['default', '', null],
  ['search', '?q=scam', null],
  ['article', '?q=scam', async (page) => {
    await page.locator('article.card .expand').first().click();
    await page.waitForSelector('article.card[data-expanded="true"]');
  }],
  ['khmer-burmese', '?lang=km,my', null],
  ['empty', '?q=malaysia&lang=km', null],
  ['thai-interface', '?ui=th&q=Cambodia', null],
  ['kwic', '?q=scam&view=kwic', null],
  ['compare', '?q=scam&compare=casino&compare=trafficking', null],
  ['map', '?view=map', null],
];
const WIDTHS = [[360, 740], [1280, 860]];

mkdirSync(out, { recursive: true });
const server = await serve(resolve(site));
const browser = await launch();
try {
  for (const [width, height] of WIDTHS) {
    for (const scheme of ['light', 'dark']) {
      for (const [name, query, act] of VIEWS) {
        if (scheme === 'dark' && name !== 'default' && name !== 'search') continue;
        const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(server.url(query));
        await page.waitForSelector('[data-result-count]');
        if (act) await act(page);
        // Fonts the first frames asked for, then whatever their swap laid out again.
        await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          await document.fonts.ready;
        });
        const file = `${out}/${name}${scheme === 'dark' ? '-dark' : ''}-${width}.png`;
        await page.screenshot({ path: file });
        console.log(`[screenshots] ${file}`);
        await context.close();
      }
    }
    // On a phone, the filters' sheet.
    if (width === 360) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(server.url('?q=scam'));
      await page.waitForSelector('[data-result-count]');
      await page.click('[data-filters-toggle]');
      await page.waitForSelector('aside.filters[data-open]');
      await page.screenshot({ path: `${out}/filters-360.png` });
      console.log(`[screenshots] ${out}/filters-360.png`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
