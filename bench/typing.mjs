// Typing a query into a loaded page and waiting until its results are painted, for the browser
// measurements (bench/network.mjs, bench/warm.mjs): Borderlines' search box or Pagefind's page.

/** Borderlines: painted once its count is there, not "checking", and a first card has its title
 *  (or it found nothing); with `value`, once the URL's search is it. A page-side predicate. */
export function borderlinesPainted(value) {
  if (value != null && new URLSearchParams(location.search).get('q') !== value.trim()) return false;
  const count = document.querySelector('[data-result-count]');
  if (!count || document.querySelector('[data-texts-loading]')) return false;
  if (count.dataset.resultCount === '0') return performance.now();
  const title = document.querySelector('ol.cards article[data-article-id]:not(.loading) .card-title');
  return title && title.textContent ? performance.now() : false;
}

/** Types `q` into the box (as one input event) and returns ms until its results are painted. */
export async function typeAndWait(page, engine, q) {
  const t0 = await page.evaluate(([selector, value]) => {
    const input = document.querySelector(selector);
    const t = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return t;
  }, [engine === 'pagefind' ? '#q' : '#search-input', q]);
  const done = engine === 'pagefind'
    ? await page.waitForFunction((value) => document.getElementById('count').dataset.done === value && performance.now(), q, { polling: 'raf', timeout: 600_000 })
    : await page.waitForFunction(borderlinesPainted, q, { polling: 'raf', timeout: 600_000 });
  return (await done.jsonValue()) - t0;
}

/** The value at fraction `p` of `values` (nearest rank). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null;
}
