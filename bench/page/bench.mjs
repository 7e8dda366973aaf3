// The bench page: loads one generated corpus (docs.json, queries.json, blob.bin from `bench prep`)
// and runs the same query set through Borderlines' own search (the corpus crate compiled to
// wasm, no DOM), MiniSearch, FlexSearch and Pagefind, timing every query and checking every
// result set against the brute-force truth. bench/run.mjs drives it through window.bench.
import init, { Engine } from '/engine/bench.js';
import MiniSearch from '/modules/minisearch/dist/es/index.js';
import { Index } from '/modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';
import { summary } from './stats.mjs';

const log = (line) => { document.getElementById('log').textContent += `${line}\n`; };

/** Lower-case and drop Latin combining marks (Vietnamese typed without diacritics). */
const foldLatin = (term) => term.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');

/** The view filters of a query, for the peers (Borderlines takes them as URL parameters). */
function filterOf(query) {
  const countries = query.countries;
  const from = query.fromYear ?? -Infinity;
  const to = query.toYear ?? Infinity;
  const ranged = query.fromYear != null || query.toYear != null;
  if (!countries.length && !ranged) return null;
  return (doc) => {
    if (countries.length) {
      const ok = query.allCountries
        ? countries.every((c) => doc.countries.includes(c))
        : countries.some((c) => doc.countries.includes(c));
      if (!ok) return false;
    }
    if (ranged && (doc.year == null || doc.year < from || doc.year > to)) return false;
    return true;
  };
}

/** The app's URL query string for a bench query: its filters, then `q`. */
// Exact matching, as the brute-force truth and the peers search: no names in other languages, no
// near spellings (their cost is measured on their own).
const viewParams = (query) => `${query.params ? `${query.params}&` : ''}q=${encodeURIComponent(query.q)}&xlang=off&typo=off`;

/** Peers have no phrase syntax: a quoted phrase becomes its words, ANDed (a superset). */
const plainWords = (q) => q.replace(/"/g, ' ').trim();

const ENGINES = {
  borderlines: {
    config: 'corpus crate search (BM25F over title and body; AND of all terms; last term a prefix; quoted phrases; '
      + 'Thai/Chinese by grapheme bigrams, so any substring, common characters with posting lists of their own; '
      + 'phrases and runs of 3+ characters confirmed on the folded text with a SIMD substring search, after a per-article filter of neighbouring words and characters) '
      + '+ facets::filter, exactly as the explorer calls them (the first page of 20 in order, then the rest unordered); '
      + "the articles' text folded for search before the queries, as the app does in small steps after start (timed as foldMs); "
      + 'the release profile of the site (opt-level z, LTO, wasm-opt -Oz); the blob is prebuilt at compile time.',
    async build(ctx) {
      const bytes = new Uint8Array(await (await fetch(`${ctx.data}blob.bin`)).arrayBuffer());
      const started = performance.now();
      this.engine = new Engine(bytes);
      const decodeMs = performance.now() - started;
      // The app folds the articles' text for search a step at a time after start; here at once.
      const folding = performance.now();
      this.engine.fold_all();
      return { buildMs: null, decodeMs, foldMs: performance.now() - folding, indexBytes: bytes.length };
    },
    search(query) {
      return this.engine.view(viewParams(query));
    },
    counts(query) {
      return JSON.parse(this.engine.counts(viewParams(query)));
    },
    free() { this.engine?.free(); this.engine = null; },
  },
  minisearch: {
    config: "MiniSearch 7.2.0: fields title and text; processTerm lower-cases and strips Latin diacritics (Vietnamese typed without them); "
      + "search options { combineWith: 'AND', prefix: true } (fuzzy off: it returns non-matching documents); filters as MiniSearch's filter option; "
      + 'all results (no limit). Index built in the page; its JSON serialisation counted as the prebuilt index a site would ship.',
    async build(ctx) {
      const started = performance.now();
      const ms = new MiniSearch({
        fields: ['title', 'text'], idField: 'i', processTerm: foldLatin,
        searchOptions: { combineWith: 'AND', prefix: true, processTerm: foldLatin },
      });
      ms.addAll(ctx.docs.map((d, i) => ({ i, title: d.title, text: d.text })));
      const buildMs = performance.now() - started;
      const serialized = JSON.stringify(ms);
      await upload('minisearch-index.json', serialized);
      this.ms = ms;
      this.docs = ctx.docs;
      return { buildMs, indexBytes: new TextEncoder().encode(serialized).length };
    },
    search(query) {
      const accept = filterOf(query);
      const opts = accept ? { filter: (r) => accept(this.docs[r.id]) } : undefined;
      return this.ms.search(plainWords(query.q), opts).map((r) => r.id);
    },
    free() { this.ms = null; },
  },
  flexsearch: {
    config: "FlexSearch 0.8.212: Index with tokenize 'forward' (its documented choice for search-as-you-type) and the default "
      + 'encoder (Charset.Normalize: lower case, diacritics folded); title and text indexed together so AND spans both; '
      + 'limit = every article; filters applied to the result ids. Index built in the page; its export() counted as the prebuilt index.',
    async build(ctx) {
      const started = performance.now();
      const index = new Index({ tokenize: 'forward' });
      ctx.docs.forEach((d, i) => index.add(i, `${d.title}\n${d.text}`));
      const buildMs = performance.now() - started;
      // The export is uploaded in chunks of about 32 MB as it is made, FlexSearch waiting for
      // each upload: at 50,000 articles the whole of it is longer than the longest string V8
      // allows, and holding it all beside the index crashed the tab (twice in one run, once in
      // another). The uploaded file is the same either way.
      let parts = [];
      let length = 0;
      let indexBytes = 0;
      let first = true;
      const flush = async () => {
        if (!parts.length) return;
        const text = `${first ? '' : '\n'}${parts.join('\n')}`;
        parts = [];
        length = 0;
        indexBytes += new TextEncoder().encode(text).length;
        await upload('flexsearch-index.txt', text, { append: !first });
        first = false;
      };
      await index.export((key, data) => {
        const part = `${key}\n${data ?? ''}`;
        parts.push(part);
        length += part.length;
        return length > 32 * 2 ** 20 ? flush() : undefined;
      });
      await flush();
      this.index = index;
      this.docs = ctx.docs;
      this.limit = ctx.docs.length;
      return { buildMs, indexBytes };
    },
    search(query) {
      const accept = filterOf(query);
      const ids = this.index.search(plainWords(query.q), { limit: this.limit });
      return accept ? ids.filter((i) => accept(this.docs[i])) : ids;
    },
    free() { this.index = null; },
  },
  pagefind: {
    config: 'Pagefind 1.6.0 (pagefind_extended binary): its CLI indexes one HTML page per article (title + paragraphs in data-pagefind-body; '
      + 'country and year as filters); pages carry no lang attribute so every article is in one index (per-language indexes '
      + 'would search one language at a time); queried through its JS API with country/year filters; every result counted '
      + "(result ids resolved to articles after the timed runs). Time per query includes the index chunks it fetches.",
    async build(ctx) {
      const before = await fetchedBytes('/data/pagefind/');
      const started = performance.now();
      this.pf = await import(`${ctx.data}pagefind/pagefind.js`);
      await this.pf.options({ basePath: `${ctx.data}pagefind/`, excerptLength: 0 });
      await this.pf.init();
      this.initMs = performance.now() - started;
      this.initBytes = (await fetchedBytes('/data/pagefind/')) - before;
      return { buildMs: null, initMs: this.initMs, indexBytes: null };
    },
    /** It fetches and keeps index chunks per query: never timed in batches (see batchMean). */
    fetches: true,
    async search(query) {
      const filters = {};
      if (query.countries.length) filters.country = query.allCountries ? { all: query.countries } : { any: query.countries };
      if (query.fromYear != null || query.toYear != null) {
        const years = [];
        for (let y = query.fromYear ?? 2000; y <= (query.toYear ?? 2030); y += 1) years.push(String(y));
        filters.year = { any: years };
      }
      const found = await this.pf.search(plainWords(query.q), { filters });
      return found.results.map((r) => r.id);
    },
    /** Pagefind result ids → article indices, by loading every page's fragment once. */
    async resolver() {
      const all = await this.pf.search(null, { filters: { all: '1' } });
      const map = new Map();
      const results = all.results;
      for (let at = 0; at < results.length; at += 64) {
        await Promise.all(results.slice(at, at + 64).map(async (r) => {
          const data = await r.data();
          map.set(r.id, Number(data.url.match(/(\d+)\.html/)[1]));
        }));
      }
      return (ids) => ids.map((id) => map.get(id));
    },
    free() { this.pf?.destroy?.(); this.pf = null; },
  },
};

/**
 * Writes `text` to the harness's uploads, in requests of at most 8 M characters: the browser
 * reports each request's body to Playwright, and one of MiniSearch's 50,000-article index (about
 * 200 MB) was longer than the longest string Node allows, which ended the run.
 */
async function upload(name, text, { append = false } = {}) {
  const step = 8 * 2 ** 20;
  for (let at = 0; at === 0 || at < text.length; at += step) {
    const more = append || at > 0;
    await fetch(`/__upload/${name}${more ? '?append=1' : ''}`, { method: 'POST', body: text.slice(at, at + step) });
  }
}

async function fetchedBytes(prefix) {
  return (await (await fetch(`/__bytes?prefix=${encodeURIComponent(prefix)}`)).json()).bytes;
}

/**
 * The browser's clock reads in 5 µs steps (100 µs without cross-origin isolation), so a query
 * answered in a few microseconds would read as 0, 5 or 10 µs. A call that took less than
 * BATCH_BELOW_MS is timed again as a batch of the same call, repeated until the batch has taken
 * BATCH_MS, and its time is the batch's mean. Every in-page engine is timed this way (none caches
 * results: FlexSearch's cache is off unless asked for, and its search, not searchCache, is
 * called); Pagefind, which keeps the index chunks a query fetched, is timed one call at a time,
 * and its calls take far longer than the clock's step anyway.
 */
const BATCH_BELOW_MS = 0.1;
const BATCH_MS = 1;

function batchMean(engine, query) {
  let calls = 0;
  let elapsed = 0;
  const started = performance.now();
  do {
    engine.search(query);
    calls += 1;
    elapsed = performance.now() - started;
  } while (elapsed < BATCH_MS);
  return elapsed / calls;
}

function recallOf(got, truth) {
  if (!truth.length) return 1;
  const set = new Set(got);
  let hit = 0;
  for (const t of truth) if (set.has(t)) hit += 1;
  return hit / truth.length;
}

const sortedKeys = (value) => JSON.stringify(value, (k, v) => (v && typeof v === 'object' && !Array.isArray(v)
  ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

let ctx = null;

window.bench = {
  /** Loads the corpus files for the peers and the query set. */
  async load(data) {
    await init({ module_or_path: '/engine/bench_bg.wasm' });
    const [docs, queries] = await Promise.all([
      fetch(`${data}docs.json`).then((r) => r.json()),
      fetch(`${data}queries.json`).then((r) => r.json()),
    ]);
    ctx = { data, docs, queries };
    log(`${docs.length} articles, ${queries.length} queries`);
    return { articles: docs.length, queries: queries.length };
  },

  /**
   * Builds one engine, times `runs` passes over the query set after `warmup` discarded queries,
   * checks recall. No pass begins once the engine's timed passes have taken `budgetMs` (Pagefind
   * takes minutes per pass at 50,000 articles): the first pass always runs in full.
   */
  async run(name, { runs = 3, warmup = 20, budgetMs = Infinity } = {}) {
    const engine = ENGINES[name];
    const heapBefore = performance.memory?.usedJSHeapSize ?? null;
    const built = await engine.build(ctx);
    const heapAfter = performance.memory?.usedJSHeapSize ?? null;
    const queries = ctx.queries;
    let firstQueryBytes = null;
    let sessionBytes = null;
    const pfBefore = name === 'pagefind' ? await fetchedBytes('/data/pagefind/') : 0;
    if (name === 'pagefind') {
      await engine.search(queries[0]);
      firstQueryBytes = engine.initBytes + (await fetchedBytes('/data/pagefind/')) - pfBefore;
    }
    // Warm-up queries are drawn evenly across the set, which is grouped by kind, so that every
    // code path (Thai, phrases, filters…) has run before the timed runs, for JIT-compiled JS and
    // lazily compiled wasm alike. The first 20 alone were all common English words: the first
    // timed run then paid for compiling the rest (Borderlines' first Thai query at 100 articles:
    // 2.2 ms, then 6 µs).
    const step = Math.max(1, Math.floor(queries.length / Math.max(1, warmup)));
    for (const q of queries.filter((_, i) => i % step === 0).slice(0, warmup)) await engine.search(q);
    const perRun = [];
    const all = [];
    /** Each run's time per query, in query order: for comparisons on a subset of the queries. */
    const timesByRun = [];
    const byKind = {};
    const results = new Array(queries.length);
    const timedFrom = performance.now();
    for (let r = 0; r < runs; r += 1) {
      if (r > 0 && performance.now() - timedFrom > budgetMs) break;
      // A full collection first (the browser runs with --expose-gc), so that no engine's run
      // pays for garbage another engine, or its own index build, left behind.
      globalThis.gc?.();
      const times = [];
      for (let i = 0; i < queries.length; i += 1) {
        const q = queries[i];
        const started = performance.now();
        const got = await engine.search(q);
        let ms = performance.now() - started;
        if (ms < BATCH_BELOW_MS && !engine.fetches) ms = batchMean(engine, q);
        times.push(ms);
        (byKind[q.kind] ??= []).push(ms);
        if (r === 0) results[i] = Array.from(got);
      }
      perRun.push(summary(times));
      timesByRun.push(times.map((ms) => Math.round(ms * 1e4) / 1e4));
      all.push(...times);
    }
    if (name === 'pagefind') sessionBytes = engine.initBytes + (await fetchedBytes('/data/pagefind/')) - pfBefore;
    const resolve = engine.resolver ? await engine.resolver() : (ids) => ids;
    const recalls = queries.map((q, i) => ({ q: q.q, params: q.params, kind: q.kind, recall: recallOf(resolve(results[i]), q.truth) }));
    let countsChecked = 0;
    const countsWrong = [];
    if (engine.counts) {
      for (const q of queries) {
        countsChecked += 1;
        const got = engine.counts(q);
        if (sortedKeys(got) !== sortedKeys(q.counts)) countsWrong.push({ q: q.q, params: q.params, got, want: q.counts });
      }
    }
    const latency = summary(all);
    latency.runs = perRun;
    latency.runsMade = perRun.length;
    latency.timesByRun = timesByRun;
    const meanRecall = recalls.reduce((s, r) => s + r.recall, 0) / recalls.length;
    const out = {
      config: engine.config,
      indexBuildMs: built.buildMs,
      decodeMs: built.decodeMs ?? null,
      foldMs: built.foldMs ?? null,
      initMs: built.initMs ?? null,
      indexBytes: built.indexBytes,
      jsHeapGrowthBytes: heapBefore != null && heapAfter != null ? heapAfter - heapBefore : null,
      latency,
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, summary(v)])),
      recall: {
        mean: meanRecall,
        min: Math.min(...recalls.map((r) => r.recall)),
        perfectQueries: recalls.filter((r) => r.recall === 1).length,
        perQuery: recalls.map((r) => Math.round(r.recall * 1e4) / 1e4),
        queries: recalls.length,
        worst: recalls.filter((r) => r.recall < 1).sort((a, b) => a.recall - b.recall).slice(0, 8),
        byKind: Object.fromEntries(Object.keys(byKind).map((k) => {
          const rs = recalls.filter((r) => r.kind === k);
          return [k, rs.reduce((s, r) => s + r.recall, 0) / rs.length];
        })),
      },
      countsOk: engine.counts ? countsWrong.length === 0 : null,
      countsChecked: engine.counts ? countsChecked : null,
      countsWrong: countsWrong.slice(0, 5),
      firstQueryBytes,
      sessionBytes,
    };
    engine.free();
    log(`${name}: p50 ${latency.p50?.toFixed(3)} ms, p95 ${latency.p95?.toFixed(3)} ms, recall ${meanRecall.toFixed(4)}`);
    return out;
  },
};
window.benchReady = true;
