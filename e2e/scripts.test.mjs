// Every script readable: Thai, Khmer, Lao and Burmese articles are drawn with a font that has
// their glyphs, whatever the reader's system has (Debian's Chromium here has none of them), from
// the site's own files, and only when such text is on screen. Run on the seeds plus the
// real-text set, shipped whole (built by `make test-e2e`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve, launch, watchedPage, waitForApp, watchCsp } from './support.mjs';

let server, browser;
before(async () => { server = await serve(resolve('target/e2e-whole-dist')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The fonts Chromium used to draw the first element matching `selector`, with glyph counts. */
async function usedFonts(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  assert.ok(nodeId, `no ${selector}`);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts;
}

// Debian's DejaVu Sans has Lao: there the system's font is used and none is fetched.
const SYSTEM_HAS = { lo: 'DejaVu Sans' };

for (const [lang, family] of [['km', 'Noto Sans Khmer'], ['my', 'Noto Sans Myanmar'], ['th', 'Noto Sans Thai'], ['lo', 'Noto Sans Lao']]) {
  test(`${lang} articles are drawn with ${SYSTEM_HAS[lang] ?? `${family}, fetched from the site`}`, async () => {
    const { page, context, problems } = await watchedPage(browser, server.origin);
    const csp = await watchCsp(page);
    const fonts = [];
    page.on('requestfinished', (req) => { if (req.url().endsWith('.woff2')) fonts.push(req.url()); });
    await page.goto(server.url(`?lang=${lang}`));
    await waitForApp(page);
    const selector = `article .card-body[lang="${lang}"] .snippet`;
    await page.waitForSelector(selector);
    await page.evaluate(() => document.fonts.ready);
    const used = await usedFonts(page, selector);
    const script = used.find((f) => f.familyName.startsWith(SYSTEM_HAS[lang] ?? family));
    assert.ok(script && script.glyphCount > 0, JSON.stringify(used));
    if (SYSTEM_HAS[lang]) assert.deepEqual(fonts, []);
    else assert.ok(fonts.length > 0 && fonts.every((url) => url.startsWith(`${server.origin}/borderlines/fonts/`)), fonts.join(', '));
    assert.deepEqual(problems.offOrigin, []);
    assert.deepEqual(await csp(), []);
    await context.close();
  });
}

test('a page of Latin-script articles fetches no font', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  const fonts = [];
  page.on('request', (req) => { if (/\.woff2$/.test(req.url())) fonts.push(req.url()); });
  await page.goto(server.url('?lang=en'));
  await waitForApp(page);
  await page.evaluate(() => document.fonts.ready);
  assert.deepEqual(fonts, []);
  await context.close();
});
