// `make bench`: for each N, generates a corpus, builds the release site over it, and measures in one
// headless-Chromium session Borderlines against MiniSearch, FlexSearch and Pagefind: transfer,
// build, start-up, query latency and recall, and interaction through the UI. Writes
// bench/results/<N>.json; bench/report.mjs turns those into bench/REPORT.md.
//
//   node bench/run.mjs [--n 100,1000,10000] [--runs 3] [--warmup 20] [--smoke]
//
// --ui: only the site build, start-up and interaction (no engines, no report input), printed and
// written to target/bench/ui-<N>.json: for iterating on the app's responsiveness. --per-key also
// prints each typed prefix's figures.
//
// --engines: only the engines' latency and recall (no site build), written to
// target/bench/engines-<N>.json: for iterating on search speed. --only borderlines,flexsearch
// limits it to some engines.
//
// --reuse keeps the last generated corpus, blob and query set (only while the generator and the
// blob format are unchanged); with --ui it keeps the last built site.
//
// --smoke (what `make test` runs): N = 100, one run, no site build; checks that the harness works
// and that Borderlines' recall is 1.0 and its counts equal brute force. Writes target/bench/smoke.json.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem, release } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { launch, mountedPath } from '../e2e/support.mjs';
import { summary } from './page/stats.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SEED = 42;
const args = parseArgs(process.argv.slice(2));
const SMOKE = args.smoke;
/** No site build, no UI figures: the smoke test, and --engines. */
const ENGINES_ONLY = SMOKE || Boolean(args.engines);
const SIZES = SMOKE ? [100] : (args.n ?? '100,1000,10000').split(',').map(Number);
const RUNS = Number(args.runs ?? (SMOKE ? 1 : 3));
const WARMUP = Number(args.warmup ?? (SMOKE ? 5 : 20));
/**
 * No timed run over the query set begins once an engine's runs have taken this long (--budget
 * seconds): a spread for every engine up to 10,000 articles, where Pagefind's slowest run took
 * 25 s, and one run, not three of 3–4 minutes each, for Pagefind at 50,000.
 */
const RUN_BUDGET_MS = Number(args.budget ?? 75) * 1000;
/** Measured page loads per N for start-up figures (after one discarded warm-up load). */
const STARTUP_LOADS = Number(args.loads ?? (SMOKE ? 2 : 7));
// Pagefind's extended binary (Chinese and Thai segmentation), from npm for linux-x64.
const PAGEFIND = 'node_modules/@pagefind/linux-x64/bin/pagefind_extended';
/** --engines --only a,b: the engines to run (all by default). */
const ONLY = args.engines && typeof args.only === 'string' ? args.only.split(',') : null;
const ENGINES = ['borderlines', 'minisearch', 'flexsearch', 'pagefind'].filter((name) => !ONLY || ONLY.includes(name));
const PEERS = { minisearch: 'node_modules/minisearch/dist/es/index.js', flexsearch: 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs' };
const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--enable-simd'];

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i += 1) {
    const key = list[i].replace(/^--/, '');
    if (i + 1 < list.length && !list[i + 1].startsWith('--')) { out[key] = list[i + 1]; i += 1; } else out[key] = true;
  }
  return out;
}

// Typed one key at a time for the keystroke → painted figure.
const TYPED_WORDS = ['police', 'lua dao', 'campuchia', 'border'];

const benchStarted = performance.now();
/** A progress line, with the seconds since the bench started (which phase takes the time). */
const say = (line) => console.log(`[bench +${((performance.now() - benchStarted) / 1000).toFixed(0)}s] ${line}`);

/** Runs a command, returning wall time and the peak resident memory of its whole process tree. */
async function measured(cmd, argv, { env = {}, quiet = true } = {}) {
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; if (stderr.length > 200_000) stderr = stderr.slice(-100_000); });
  child.stdout?.on('data', () => {});
  let peak = 0;
  const poll = setInterval(async () => { peak = Math.max(peak, await treeRss(child.pid)); }, 100);
  const code = await new Promise((ok) => child.on('close', ok));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${code}\n${stderr.slice(-4000)}`);
  return { wallMs: Math.round(performance.now() - started), peakRssBytes: peak || null, stderr };
}

async function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of await readdir(`/proc/${p}/task`)) {
        const children = (await readFile(`/proc/${p}/task/${task}/children`, 'utf8')).trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch { /* the process ended meanwhile */ }
  }
  return total;
}

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await filesUnder(path)); else out.push(path);
  }
  return out;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Each buffer's sizes, computed once (the peers ship the same docs.json). */
const sizesByBuffer = new WeakMap();

/** Raw, gzip -9 (what GitHub Pages serves) and brotli (quality 9, 16 MB window) sizes of one byte string. */
function sizesOf(b) {
  if (!sizesByBuffer.has(b)) {
    const params = { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: b.length };
    sizesByBuffer.set(b, Promise.all([gzipAsync(b, { level: 9 }), brotliAsync(b, { params })])
      .then(([g, br]) => ({ raw: b.length, gzip: g.length, brotli: br.length })));
  }
  return sizesByBuffer.get(b);
}

/**
 * The summed sizes of the given byte strings. Compressions run on libuv's thread pool, so
 * every one started before the first is awaited uses both cores: at 50,000 articles brotli took
 * 9 of the run's 34 minutes one at a time. They only run once no figure is being timed.
 */
async function compressedSizes(buffers) {
  const each = await Promise.all(buffers.map(sizesOf));
  return each.reduce((sum, x) => ({ raw: sum.raw + x.raw, gzip: sum.gzip + x.gzip, brotli: sum.brotli + x.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
}

async function siteTransfer(dir) {
  const files = (await filesUnder(dir)).filter((f) => /\.(html|js|wasm|css|svg|json|bin)$/.test(f) && !f.endsWith('404.html'));
  const buffers = await Promise.all(files.map((f) => readFile(f)));
  // The corpus file (corpus-<hash>.bin) is gzip already and served as it is, whatever the host.
  const served = files.map((f, i) => (f.endsWith('.bin') ? buffers[i] : null));
  const sizes = await compressedSizes(buffers.filter((_, i) => !served[i]));
  for (const b of served.filter(Boolean)) {
    sizes.raw += b.length; sizes.gzip += b.length; sizes.brotli += b.length;
  }
  sizes.files = Object.fromEntries(files.map((f, i) => [f.slice(dir.length + 1), buffers[i].length]));
  return sizes;
}

/** One-off: the bench engine (corpus crate search as a wasm module without the DOM), optimised like the site. */
async function buildEngine() {
  const out = join(ROOT, 'target/bench/engine');
  say('building the bench engine (wasm)');
  await measured('cargo', ['build', '--release', '-q', '-p', 'bench', '--lib', '--target', 'wasm32-unknown-unknown']);
  await measured('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, 'target/wasm32-unknown-unknown/release/bench.wasm']);
  await measured('wasm-opt', ['-Oz', ...WASM_OPT_FEATURES, join(out, 'bench_bg.wasm'), '-o', join(out, 'bench_bg.wasm')]);
  return out;
}

/** The bench's native tool (`bench generate`, `bench prep`), built by `generate`. */
const BENCH_BIN = join(ROOT, 'target/release/bench');

/** Builds the `bench` binary and writes the deterministic corpus of `n` articles to `corpusDir`. */
async function generate(n, corpusDir) {
  await measured('cargo', ['build', '--release', '-q', '-p', 'bench', '--bin', 'bench']);
  return measured(BENCH_BIN, ['generate', '--articles', String(n), '--seed', String(SEED), '--out', corpusDir]);
}

async function prepare(n) {
  const corpusDir = join(ROOT, `target/bench-corpus/${n}`);
  const dataDir = join(ROOT, `target/bench/${n}`);
  let prep = { wallMs: null, peakRssBytes: null };
  if (args.reuse) {
    say(`N=${n}: reusing the corpus and blob in ${dataDir} (--reuse: only while the blob format is unchanged)`);
  } else {
    say(`N=${n}: generating the corpus`);
    await generate(n, corpusDir);
    say(`N=${n}: bench prep (blob, peer documents, Pagefind pages, queries with brute-force truth)`);
    prep = await measured(BENCH_BIN, ['prep', corpusDir, dataDir]);
    process.stdout.write(prep.stderr);
  }
  let pagefind = { wallMs: null, peakRssBytes: null };
  if (ENGINES.includes('pagefind')) {
    say(`N=${n}: Pagefind indexing ${n} pages`);
    await rm(join(dataDir, 'pagefind'), { recursive: true, force: true });
    pagefind = await measured(PAGEFIND, ['--site', join(dataDir, 'pages'), '--output-path', join(dataDir, 'pagefind')]);
  }
  // One file at a time: 50,000 reads at once run out of file descriptors.
  const seeds = [];
  for (const f of (await filesUnder(corpusDir)).filter((name) => name.endsWith('.txt')).sort()) seeds.push(await readFile(f));
  // Compressed with the transfer figures, after the timed phases.
  const text = Buffer.concat(seeds);
  const meta = JSON.parse(await readFile(join(dataDir, 'meta.json'), 'utf8'));
  return { corpusDir, dataDir, prep, pagefind, text, meta };
}

async function buildSite(n, corpusDir) {
  const dist = join(ROOT, `target/bench/${n}/site`);
  say(`N=${n}: building the release site (trunk, SEEDS_DIR=${corpusDir})`);
  const build = await measured('trunk', ['build', '--release', '--public-url', '/borderlines/', '--dist', dist], { env: { SEEDS_DIR: corpusDir } });
  return { dist, build };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** A static server with mounts, a byte counter per path (GET /__bytes?prefix=) and uploads (POST /__upload/name[?append=1]). */
async function serve(mounts, uploads) {
  const served = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/__bytes') {
      const prefix = url.searchParams.get('prefix') ?? '/';
      const bytes = served.filter(([p]) => p.startsWith(prefix)).reduce((s, [, b]) => s + b, 0);
      res.writeHead(200, { 'content-type': TYPES['.json'] }).end(JSON.stringify({ bytes }));
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/__upload/')) {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      await mkdir(uploads, { recursive: true });
      const file = join(uploads, url.pathname.slice('/__upload/'.length).replace(/[^\w.-]/g, ''));
      await (url.searchParams.get('append') ? appendFile : writeFile)(file, Buffer.concat(chunks));
      res.writeHead(204).end();
      return;
    }
    let path = mountedPath(mounts, url.pathname);
    if (path === null) { res.writeHead(404).end(); return; }
    if (path === false) { res.writeHead(403).end(); return; }
    try {
      const info = await stat(path);
      if (info.isDirectory()) path = join(path, 'index.html');
      const size = (await stat(path)).size;
      served.push([url.pathname, size]);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store',
        // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
        'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
      createReadStream(path).pipe(res);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

function shuffled(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Records, in the site page, when the first card is painted and the wasm memory once started. */
function siteProbe() {
  window.__probe = { firstCardMs: null, wasmMemory: null };
  addEventListener('TrunkApplicationStarted', (e) => { window.__probe.wasm = e.detail?.wasm; });
  const seen = () => {
    if (document.querySelector('article[data-article-id]')) {
      requestAnimationFrame(() => {
        window.__probe.firstCardMs = performance.now();
        // Memory at the first card, before the app's steps of folding text for search begin to
        // add to it (read later, it depended on how many steps had run: 46 to 62 pages at 100
        // articles between loads of the same site).
        window.__probe.wasmMemoryBytes = window.__probe.wasm?.memory?.buffer?.byteLength ?? null;
      });
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); }).observe(document, { childList: true, subtree: true });
}

async function measureSite(browser, origin) {
  // The build just wrote tens of megabytes: flush them first, so the disk's write-back does not
  // compete with the page loads.
  execFileSync('sync');
  const firstCard = [];
  let wasmMemoryBytes = null;
  let wasmMemoryFoldedBytes = null;
  let foldedMs = null;
  let jsHeapBytes = null;
  // Load 0 warms the browser itself (renderer process, V8, fonts) and is discarded, as warm-up
  // queries are: every load is still a fresh context with `no-store`, so nothing of the site is
  // cached between loads.
  for (let i = 0; i <= STARTUP_LOADS; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(siteProbe);
    await page.goto(`${origin}/borderlines/`);
    await page.waitForFunction(() => window.__probe.firstCardMs != null, null, { timeout: 120_000 });
    const ms = await page.evaluate(() => window.__probe.firstCardMs);
    if (i > 0) firstCard.push(ms);
    if (i === 1) {
      [wasmMemoryBytes, jsHeapBytes] = await page.evaluate(() => [window.__probe.wasmMemoryBytes,
        performance.memory?.usedJSHeapSize ?? null]);
      // Once the app has folded every article's text for search (in steps after start), unless
      // the corpus is past the size it folds ahead ("on-demand").
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-text-folded'), null, { timeout: 120_000 });
      if (await page.evaluate(() => document.documentElement.getAttribute('data-text-folded')) === 'ahead') {
        foldedMs = await page.evaluate(() => performance.now());
        wasmMemoryFoldedBytes = await page.evaluate(() => window.__probe.wasm?.memory?.buffer?.byteLength ?? null);
      }
    }
    if (i < STARTUP_LOADS) await context.close();
    else return { startup: { firstCardMs: { ...summary(firstCard), samplesMs: firstCard }, wasmMemoryBytes, wasmMemoryFoldedBytes, foldedMs, jsHeapBytes }, page, context };
  }
  return null;
}

/** Instruments a page for typing and chip clicks: input → end of task, and Event Timing entries. */
async function instrument(page) {
  await page.evaluate(() => {
    const channel = new MessageChannel();
    window.__updated = [];
    window.__events = [];
    channel.port1.onmessage = (e) => window.__updated.push(performance.now() - e.data);
    document.addEventListener('keydown', (e) => { window.__lastKey = e.timeStamp; }, true);
    document.addEventListener('input', () => channel.port2.postMessage(window.__lastKey), true);
    window.__afterTask = (since) => channel.port2.postMessage(since);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__events.push({ name: e.name, duration: e.duration, start: e.startTime });
    }).observe({ type: 'event', durationThreshold: 16 });
  });
}

const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));

/** Types `words` one key at a time into #search-input: keystroke → next paint and → handled. */
async function measureTyping(page, words) {
  const keystroke = [];
  const keystrokeUpdated = [];
  let within16 = 0;
  const input = page.locator('#search-input');
  for (const word of words) {
    await input.fill('');
    await page.waitForFunction(() => !new URLSearchParams(location.search).get('q'));
    await settle(page);
    let typed = '';
    for (const ch of word) {
      typed += ch;
      await page.evaluate(() => { window.__updated.splice(0); window.__events.splice(0); });
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      const expect = typed.trim() ? typed : '';
      await page.waitForFunction((q) => (new URLSearchParams(location.search).get('q') ?? '') === q, expect);
      await settle(page);
      const [updated, events] = await page.evaluate(() => [window.__updated.splice(0), window.__events.splice(0)]);
      if (updated.length !== 1) throw new Error(`expected one input event for a key, saw ${updated.length}`);
      if (!typed.trim()) continue;
      const durations = events.filter((e) => ['keydown', 'keypress', 'input', 'beforeinput', 'keyup'].includes(e.name)).map((e) => e.duration);
      if (durations.length === 0) within16 += 1;
      keystroke.push(Math.max(16, ...durations));
      keystrokeUpdated.push(updated[0]);
      if (args['per-key']) say(`  key ${JSON.stringify(typed)}: painted ${durations.length ? Math.max(...durations) : '<16'} ms, handled ${updated[0].toFixed(1)} ms`);
    }
  }
  return { keystroke: summary(keystroke), keystrokeWithin16Ms: within16 / keystroke.length, keystrokeUpdated: summary(keystrokeUpdated) };
}

/**
 * The keystroke floor: the same typing in bench/page/floor.html, a field that only rewrites the
 * URL and echoes the text, in the same browser: what Event Timing reports for a page doing no work.
 */
async function measureFloor(browser, origin, words) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench/floor.html`);
    await instrument(page);
    return await measureTyping(page, words);
  } finally {
    await context.close();
  }
}

/**
 * Keystroke → results painted, and chip click → results painted, through the UI.
 *
 * Keystrokes use the browser's own Event Timing (what Core Web Vitals' INP is built on): for each
 * key, the duration from the keydown to the next frame painted after its handlers (input, the
 * app's search, filtering and DOM update). Chromium reports only durations of 16 ms or more; a key
 * with no entry was painted within 16 ms and counts as 16. `keystrokeUpdated` is the part spent
 * before the frame: from the keydown to the end of the task that handled it (a message posted
 * behind that task). Chip clicks are timed from the click to the next animation frame after the
 * URL changed.
 */
async function measureInteraction(page, words) {
  await instrument(page);
  const typing = await measureTyping(page, words);
  const input = page.locator('#search-input');
  await input.fill('');
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('q'));
  await settle(page);
  await page.evaluate(() => window.__updated.splice(0));
  const chip = [];
  const codes = await page.$$eval('[data-country-filter]', (els) => els.slice(0, 5).map((e) => e.getAttribute('data-country-filter')));
  for (let round = 0; round < 4; round += 1) {
    for (const code of codes) {
      const ms = await page.evaluate((c) => new Promise((done) => {
        const before = location.search;
        const started = performance.now();
        document.querySelector(`[data-country-filter="${c}"]`).click();
        window.__afterTask(started);
        const check = () => (location.search !== before
          ? requestAnimationFrame(() => done(performance.now() - started))
          : requestAnimationFrame(check));
        check();
      }), code);
      chip.push(ms);
      await settle(page);
    }
  }
  const chipUpdated = await page.evaluate(() => window.__updated.splice(0));
  return { ...typing, chip: summary(chip), chipUpdated: summary(chipUpdated) };
}

/** Start-up, then typing and chip clicks in the site, then typing in the floor page. */
async function measureUi(browser, origin, words) {
  const measuredSite = await measureSite(browser, origin);
  const interaction = await measureInteraction(measuredSite.page, words);
  await measuredSite.context.close();
  interaction.floor = await measureFloor(browser, origin, words);
  return { startup: measuredSite.startup, interaction };
}

function versions() {
  const run = (cmd, argv) => { try { return execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return null; } };
  const pkg = (name) => JSON.parse(execFileSync('node', ['-p', `JSON.stringify(require('./node_modules/${name}/package.json'))`], { cwd: ROOT, encoding: 'utf8' })).version;
  return {
    node: process.version,
    rustc: run('rustc', ['--version'])?.split(' ')[1] ?? null,
    trunk: run('trunk', ['--version'])?.split(' ')[1] ?? null,
    wasmBindgen: run('wasm-bindgen', ['--version'])?.split(' ')[1] ?? null,
    borderlines: run('git', ['rev-parse', '--short', 'HEAD']),
    minisearch: pkg('minisearch'), flexsearch: pkg('flexsearch'), pagefind: pkg('@pagefind/linux-x64'),
  };
}

/**
 * One engine's build, timed runs and recall, in a browser context (so a renderer process) of its
 * own: what one engine leaves in the heap does not slow the next, and a peer whose tab dies (at
 * 50,000 articles FlexSearch's in-page index outgrows V8's heap) is recorded as failed, with the
 * reason, instead of ending the run. Borderlines failing still fails the bench (see main).
 */
async function runEngine(browser, origin, name) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20 * 60_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${origin}/bench/index.html`);
    await page.waitForFunction(() => window.benchReady === true);
    await page.evaluate(() => window.bench.load('/data/'));
    const opts = { runs: RUNS, warmup: WARMUP, budgetMs: RUN_BUDGET_MS };
    const result = await page.evaluate(([e, o]) => window.bench.run(e, o), [name, opts]);
    if (errors.length) throw new Error(`bench page errors:\n${errors.join('\n')}`);
    return result;
  } catch (e) {
    const reason = String(e.message ?? e).split('\n')[0];
    const crashed = /crash/i.test(reason);
    return { failed: crashed ? `its tab crashed (${reason.trim()})` : reason, crashed };
  } finally {
    await context.close().catch(() => {});
  }
}

async function benchOne(n, browser, common) {
  const prepared = await prepare(n);
  const site = ENGINES_ONLY ? null : await buildSite(n, prepared.corpusDir);
  const uploads = join(prepared.dataDir, 'uploads');
  const server = await serve({
    '/bench/': join(ROOT, 'bench/page'), '/engine/': common.engineDir, '/modules/': join(ROOT, 'node_modules'),
    '/data/': prepared.dataDir, ...(site ? { '/borderlines/': site.dist } : {}),
  }, uploads);
  const order = shuffled(ENGINES);
  const engines = {};
  try {
    // The site first, in a browser process of its own: the peers' in-page indexes (over 1 GB of
    // JS heap at 10,000 articles) are not in a reader's browser, and were slowing start-up.
    let startup = null;
    let interaction = null;
    if (site) {
      say(`N=${n}: start-up and interaction through the UI`);
      const siteBrowser = await launch();
      try {
        ({ startup, interaction } = await measureUi(siteBrowser, server.origin, common.typedWords));
        startup = { ...startup, embeddedDataBytes: prepared.meta.blobBytes };
      } finally {
        await siteBrowser.close();
      }
    }
    for (const name of order) {
      say(`N=${n}: ${name}`);
      engines[name] = await runEngine(browser, server.origin, name);
      if (engines[name].crashed) {
        // At 50,000 articles FlexSearch's index is near what one tab's heap holds: it completed
        // in one run and crashed in the next. One more try, and the report says so.
        say(`N=${n}: ${name}: ${engines[name].failed}; one more try in a fresh context`);
        engines[name] = { ...await runEngine(browser, server.origin, name), firstAttempt: engines[name].failed };
      }
      const e = engines[name];
      if (e.failed) say(`N=${n}: ${name} FAILED: ${e.failed}`);
      else say(`N=${n}: ${name} p50 ${e.latency.p50?.toFixed(3)} ms p95 ${e.latency.p95?.toFixed(3)} ms recall ${e.recall.mean.toFixed(4)} (runs: ${e.latency.runsMade})`);
    }

    say(`N=${n}: transfer (gzip -9 and brotli 9 of the text, the site and the peers' files)`);
    const docs = await readFile(join(prepared.dataDir, 'docs.json'));
    const peerFiles = [];
    for (const [peer, lib] of Object.entries(PEERS)) {
      const index = await readFile(join(uploads, peer === 'minisearch' ? 'minisearch-index.json' : 'flexsearch-index.txt')).catch(() => null);
      if (index) peerFiles.push([peer, lib, await readFile(join(ROOT, lib)), index]);
    }
    const [text, siteSizes, ...peerSizes] = await Promise.all([
      compressedSizes([prepared.text]),
      site ? siteTransfer(site.dist) : null,
      ...peerFiles.map(([, , libBytes, index]) => compressedSizes([libBytes, index, docs])),
    ]);
    const transfer = { textGzip: text.gzip, textBrotli: text.brotli, engines: {} };
    if (siteSizes) transfer.engines.borderlines = siteSizes;
    peerFiles.forEach(([peer, lib, libBytes, index], i) => {
      transfer.engines[peer] = { ...peerSizes[i],
        files: { [lib.split('/').pop()]: libBytes.length, index: index.length, 'docs.json (text for the cards)': docs.length } };
    });
    if (engines.pagefind) {
      const pf = engines.pagefind;
      const bundle = (await filesUnder(join(prepared.dataDir, 'pagefind'))).length;
      // Pagefind's index and fragment files are already compressed: what it fetches is what travels.
      transfer.engines.pagefind = { raw: pf.sessionBytes, gzip: pf.sessionBytes, brotli: pf.sessionBytes,
        firstQueryBytes: pf.firstQueryBytes, sessionBytes: pf.sessionBytes, bundleFiles: bundle };
    }
    return {
      n, generatedAt: new Date().toISOString(), quick: Boolean(args.quick), smoke: SMOKE,
      machine: common.machine, versions: common.versions,
      corpus: { articles: prepared.meta.articles, seed: SEED, textBytes: text.raw, textGzip: text.gzip,
        textBrotli: text.brotli, blobBytes: prepared.meta.blobBytes, queries: prepared.meta.queries },
      build: { site: site?.build ? { wallMs: site.build.wallMs, peakRssBytes: site.build.peakRssBytes } : null,
        prep: { wallMs: prepared.prep.wallMs, peakRssBytes: prepared.prep.peakRssBytes },
        pagefind: { wallMs: prepared.pagefind.wallMs, peakRssBytes: prepared.pagefind.peakRssBytes } },
      transfer, startup, engines, interaction, order, runs: RUNS, runBudgetMs: RUN_BUDGET_MS, warmupQueries: WARMUP, warmupDrawn: 'evenly',
    };
  } finally {
    await server.close();
  }
}

/** --ui: generate, build the site, measure start-up and interaction only. */
async function uiOnly(n, browser, common) {
  const corpusDir = join(ROOT, `target/bench-corpus/${n}`);
  // --reuse: measure the site the last run built (iterating on the measurement itself).
  const site = args.reuse ? { dist: join(ROOT, `target/bench/${n}/site`), build: null } : await (async () => {
    await generate(n, corpusDir);
    return buildSite(n, corpusDir);
  })();
  const server = await serve({ '/borderlines/': site.dist, '/bench/': join(ROOT, 'bench/page') }, join(ROOT, `target/bench/${n}/uploads`));
  try {
    const { startup, interaction } = await measureUi(browser, server.origin, common.typedWords);
    const result = { n, build: site.build, startup, interaction };
    await writeFile(join(ROOT, `target/bench/ui-${n}.json`), `${JSON.stringify(result, null, 1)}\n`);
    const fmt = (s) => `p50 ${s.p50?.toFixed(1)} ms, p95 ${s.p95?.toFixed(1)} ms, max ${s.max?.toFixed(1)} ms`;
    say(`N=${n}: first card ${fmt(result.startup.firstCardMs)} (${result.startup.firstCardMs.samplesMs?.map((x) => x.toFixed(0)).join(' ')})`);
    say(`N=${n}: keystroke painted ${fmt(interaction.keystroke)} (${(100 * interaction.keystrokeWithin16Ms).toFixed(0)}% within 16 ms); updated ${fmt(interaction.keystrokeUpdated)}`);
    say(`N=${n}: chip painted ${fmt(interaction.chip)}; updated ${fmt(interaction.chipUpdated)}`);
    say(`N=${n}: keystroke floor (bench/page/floor.html) painted ${fmt(interaction.floor.keystroke)}; updated ${fmt(interaction.floor.keystrokeUpdated)}`);
  } finally {
    await server.close();
  }
}

async function main() {
  const started = performance.now();
  if (args.ui) {
    const browser = await launch();
    try {
      for (const n of SIZES) await uiOnly(n, browser, { typedWords: TYPED_WORDS });
    } finally {
      await browser.close();
    }
    return;
  }
  const engineDir = await buildEngine();
  // The peers index every article in the page's JS heap (FlexSearch took 1.2 GB at 10,000
  // articles): past V8's default limit the tab would die at 50,000.
  // --expose-gc: the page collects garbage before each engine's run (bench/page/bench.mjs).
  const browser = await launch(['--js-flags=--max-old-space-size=16384 --expose-gc']);
  const common = {
    engineDir,
    versions: { ...versions(), chromium: browser.version() },
    machine: { cpu: cpus()[0]?.model ?? null, cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), os: `Linux ${release()}` },
    typedWords: TYPED_WORDS,
  };
  const outDir = join(ROOT, ENGINES_ONLY ? 'target/bench' : 'bench/results');
  await mkdir(outDir, { recursive: true });
  let failed = false;
  try {
    for (const n of SIZES) {
      const result = await benchOne(n, browser, common);
      const file = join(outDir, SMOKE ? 'smoke.json' : ENGINES_ONLY ? `engines-${n}.json` : `${n}.json`);
      for (const [name, e] of Object.entries(result.engines).filter(([, x]) => !x.failed)) say(`N=${n}: ${name} by kind ${JSON.stringify(Object.fromEntries(Object.entries(e.byKind).map(([k, v]) => [k, [v.p50, v.p95, e.recall.byKind[k]?.toFixed(2)]])))}`);
      await writeFile(file, `${JSON.stringify(result, null, 1)}\n`);
      say(`N=${n}: wrote ${file}`);
      const own = result.engines.borderlines;
      if (own && (own.recall.mean !== 1 || own.countsOk !== true)) {
        failed = true;
        console.error(`[bench] N=${n}: Borderlines recall ${own.recall.mean}, counts ok ${own.countsOk}`, JSON.stringify(own.recall.worst), JSON.stringify(own.countsWrong));
      }
      for (const name of ENGINES) {
        const e = result.engines[name];
        if (e?.failed && name !== 'borderlines') {
          console.error(`[bench] N=${n}: ${name} failed (${e.failed}); the report says so and compares with the other peers`);
        } else if (!e || e.recall?.queries !== result.corpus.queries) {
          failed = true;
          console.error(`[bench] N=${n}: ${name} did not answer every query${e?.failed ? ` (${e.failed})` : ''}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  say(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (failed) process.exit(1);
}

await main();
