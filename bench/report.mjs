#!/usr/bin/env node
// Turns benchmark results into a report. Reads every `<N>.json` written by bench/run.mjs (N = the
// number of articles; any subset of sizes may be present) and writes, from scratch each time:
//
//   <outDir>/REPORT.md             targets with pass/fail, per-N tables, charts, engine settings
//   <outDir>/charts/latency.svg    query latency p50 (solid) and p95 (dashed) against N, log-log
//   <outDir>/charts/transfer.svg   brotli transfer bytes against N, log-log, with the article text
//   <outDir>/charts/startup.svg    Borderlines navigation → first card against N, log x
//   <outDir>/charts/network.svg    bytes of a query session and of a cold first query, Fast 4G, against
//                                  Pagefind, against N, log-log (after `make bench-network`)
//
//   node bench/report.mjs [RESULTS_DIR=bench/results] [OUT_DIR=bench]
//
// No dependencies. Any measured figure may be null or absent: tables print "—" for it, charts skip
// the point (and, on log axes, points that are not positive), targets show "—" instead of ✅/❌.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summary } from './page/stats.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SELF = 'borderlines';
const KNOWN_ENGINES = [SELF, 'minisearch', 'flexsearch', 'pagefind'];
const LABELS = {
  borderlines: 'Borderlines',
  minisearch: 'MiniSearch',
  flexsearch: 'FlexSearch',
  pagefind: 'Pagefind',
};
// Okabe–Ito: distinguishable with the common colour-vision deficiencies; shapes double the cue.
const COLOURS = {
  borderlines: '#0072B2',
  minisearch: '#E69F00',
  flexsearch: '#009E73',
  pagefind: '#CC79A7',
};
const SPARE_COLOURS = ['#D55E00', '#56B4E9', '#F0E442'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond'];
const TEXT_COLOUR = '#000000';
const DASHED = '7 4';
const DOTTED = '2 3';

const TRANSFER_RATIO_MAX = 1.25;
const LATENCY_RATIO_MAX = 1.0;
const KEYSTROKE_P95_MAX_MS = 16;
const FIRST_CARD_P50_MAX_MS = 1000;
const WASM_MEMORY_RATIO_MAX = 3;

// ---------------------------------------------------------------------------------------------
// Reading results

/** Every `<N>.json` in `dir`, parsed, sorted by N ascending. */
function loadResults(dir) {
  const files = readdirSync(dir).filter((f) => /^\d+\.json$/.test(f));
  return files
    .map((f) => {
      const path = join(dir, f);
      let data;
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        throw new Error(`${path}: ${e.message}`);
      }
      return { ...data, n: num(data.n) ?? Number(f.slice(0, -'.json'.length)) };
    })
    .sort((a, b) => a.n - b.n);
}

/** `v` if it is a finite number, else null. */
function num(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** `a / b`, or null when either is missing or `b` is 0. */
function ratio(a, b) {
  return num(a) === null || !num(b) ? null : a / b;
}

/** Engine names across all results: the known four in order, then any others. */
function engineNames(results) {
  const seen = new Set(KNOWN_ENGINES);
  for (const r of results) {
    for (const name of Object.keys({ ...r.engines, ...r.transfer?.engines })) seen.add(name);
  }
  return [...seen];
}

const label = (engine) => LABELS[engine] ?? engine;
const peersOf = (engines) => engines.filter((e) => e !== SELF);
const textBrotli = (r) => num(r.transfer?.textBrotli) ?? num(r.corpus?.textBrotli);
const textGzip = (r) => num(r.transfer?.textGzip) ?? num(r.corpus?.textGzip);

/** The peer with the lowest positive latency `stat` ('p50' or 'p95'), or null if none has one. */
function bestPeer(r, engines, stat) {
  let best = null;
  for (const name of peersOf(engines)) {
    const value = num(r.engines?.[name]?.latency?.[stat]);
    if (value > 0 && (best === null || value < best.value)) {
      best = { name, value, recall: num(r.engines[name].recall?.mean) };
    }
  }
  return best;
}

/**
 * Borderlines and `peer` timed on only the queries `peer` answers in full (recall 1 on that
 * query), pooled over runs: `{ self, peer, queries, of }` with p50/p95 each, or null when a
 * results file predates per-query times.
 */
function onQueriesAnsweredInFull(r, peer) {
  const mine = r.engines?.[SELF];
  const theirs = r.engines?.[peer];
  const full = theirs?.recall?.perQuery;
  if (!mine?.latency?.timesByRun || !theirs?.latency?.timesByRun || !full) return null;
  const keep = full.map((recall, i) => (recall === 1 ? i : -1)).filter((i) => i >= 0);
  const pick = (runs) => runs.flatMap((times) => keep.map((i) => times[i]));
  return {
    self: summary(pick(mine.latency.timesByRun)),
    peer: summary(pick(theirs.latency.timesByRun)),
    queries: keep.length,
    of: full.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

const COUNT = new Intl.NumberFormat('en-US');
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function fmtCount(v) {
  return num(v) === null ? '—' : COUNT.format(v);
}

/** Bytes as B, KB or MB (1 KB = 1000 B) with one decimal. */
function fmtBytes(v) {
  if (num(v) === null) return '—';
  if (Math.abs(v) < 1e3) return `${v} B`;
  if (Math.abs(v) < 1e6) return `${ONE_DECIMAL.format(v / 1e3)} KB`;
  return `${ONE_DECIMAL.format(v / 1e6)} MB`;
}

/** Milliseconds: two significant digits below 10, whole numbers above. */
function fmtMs(v) {
  if (num(v) === null) return '—';
  return Math.abs(v) < 10 ? `${v.toPrecision(2)} ms` : `${COUNT.format(Math.round(v))} ms`;
}

function fmtRatio(v) {
  return num(v) === null ? '—' : `${v.toFixed(2)}×`;
}

function fmtRecall(v) {
  return num(v) === null ? '—' : v.toFixed(3);
}

function mark(ok) {
  return ok === true ? '✅' : ok === false ? '❌' : '—';
}

/** Text safe inside a Markdown table cell. */
function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A Markdown table; `align` holds one of 'l' or 'r' per column. */
function table(header, rows, align = header.map((_, i) => (i === 0 ? 'l' : 'r'))) {
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Targets: each gives, for one results file, a text and ok = true, false or null (not measured).

function latencyTarget(stat) {
  return {
    name: `Query latency ${stat}: Borderlines ÷ fastest peer`,
    limit: `≤ ${LATENCY_RATIO_MAX.toFixed(2)}×`,
    check(r, engines) {
      const best = bestPeer(r, engines, stat);
      const value = ratio(r.engines?.[SELF]?.latency?.[stat], best?.value);
      if (value === null) return { text: '—', ok: null };
      const recall = best.recall !== null && best.recall < 1 ? `, recall ${fmtRecall(best.recall)}` : '';
      return { text: `${fmtRatio(value)} (${label(best.name)}${recall})`, ok: value <= LATENCY_RATIO_MAX };
    },
  };
}

/** The latency ratio again, on only the queries the fastest peer answers in full. */
function answeredInFullRow(stat) {
  return {
    name: `Query latency ${stat} on the queries the fastest peer answers in full: Borderlines ÷ that peer`,
    limit: 'for reference',
    check(r, engines) {
      const best = bestPeer(r, engines, stat);
      const both = best && onQueriesAnsweredInFull(r, best.name);
      const value = both ? ratio(both.self?.[stat], both.peer?.[stat]) : null;
      if (value === null) return { text: '—', ok: undefined };
      return { text: `${fmtRatio(value)} (${both.queries} of ${both.of} queries)`, ok: undefined };
    },
  };
}

const TARGETS = [
  {
    name: 'Transfer: Borderlines brotli ÷ article text brotli',
    limit: `≤ ${TRANSFER_RATIO_MAX.toFixed(2)}×`,
    check(r) {
      const value = ratio(r.transfer?.engines?.[SELF]?.brotli, textBrotli(r));
      return { text: fmtRatio(value), ok: value === null ? null : value <= TRANSFER_RATIO_MAX };
    },
  },
  {
    name: 'Transfer: Borderlines gzip ÷ article text gzip',
    limit: 'for reference',
    check(r) {
      return { text: fmtRatio(ratio(r.transfer?.engines?.[SELF]?.gzip, textGzip(r))), ok: undefined };
    },
  },
  latencyTarget('p50'),
  latencyTarget('p95'),
  answeredInFullRow('p50'),
  answeredInFullRow('p95'),
  {
    name: 'Keystroke → painted, p95',
    limit: `≤ ${KEYSTROKE_P95_MAX_MS} ms`,
    check(r) {
      const value = num(r.interaction?.keystroke?.p95);
      const floor = num(r.interaction?.floor?.keystroke?.p95);
      const text = floor === null || value === null ? fmtMs(value) : `${fmtMs(value)} (floor ${fmtMs(floor)})`;
      return { text, ok: value === null ? null : value <= KEYSTROKE_P95_MAX_MS };
    },
  },
  {
    name: 'Navigation → first card, p50',
    limit: `≤ ${FIRST_CARD_P50_MAX_MS} ms`,
    check(r) {
      const value = num(r.startup?.firstCardMs?.p50);
      return { text: fmtMs(value), ok: value === null ? null : value <= FIRST_CARD_P50_MAX_MS };
    },
  },
  {
    name: 'Wasm memory after start ÷ embedded data (then with all text folded for search)',
    limit: `≤ ${WASM_MEMORY_RATIO_MAX}×`,
    check(r) {
      const memory = num(r.startup?.wasmMemoryBytes);
      const value = ratio(memory, r.startup?.embeddedDataBytes);
      if (value === null) return { text: fmtBytes(memory), ok: null };
      const folded = num(r.startup?.wasmMemoryFoldedBytes);
      const foldedValue = ratio(folded, r.startup?.embeddedDataBytes);
      const text = `${fmtRatio(value)} (${fmtBytes(memory)})`;
      if (foldedValue === null) return { text, ok: value <= WASM_MEMORY_RATIO_MAX };
      return {
        text: `${text}; folded ${fmtRatio(foldedValue)} (${fmtBytes(folded)})`,
        ok: Math.max(value, foldedValue) <= WASM_MEMORY_RATIO_MAX,
      };
    },
  },
  {
    name: 'Borderlines recall and result counts',
    limit: 'recall 1, counts match',
    check(r) {
      const e = r.engines?.[SELF];
      const recall = num(e?.recall?.mean);
      const counts = e?.countsOk ?? null;
      if (recall === null && counts === null) return { text: '—', ok: null };
      const countsText = counts === null ? 'not checked' : counts ? 'match' : 'differ';
      const text = `recall ${fmtRecall(recall)}, counts ${countsText}`;
      const oks = [recall === null ? null : recall === 1, counts];
      const ok = oks.includes(false) ? false : oks.includes(null) ? null : true;
      return { text, ok };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// REPORT.md sections

function intro(results) {
  const sizes = results.map((r) => fmtCount(r.n)).join(', ');
  return `<!-- Generated by \`make bench\` (node bench/report.mjs) from bench/results/*.json. Do not edit. -->
# Borderlines benchmark

Borderlines embeds its articles and search index in a WebAssembly app. This benchmark builds it on a
deterministic synthetic corpus of N articles (here N = ${sizes}) and compares it with three
client-side search engines, MiniSearch, FlexSearch and Pagefind, indexing the same articles: bytes
transferred, query latency and recall over the same queries, build cost, start-up time and
interaction latency. All engines are measured in the same headless-Chromium session on one machine
(each in a browser context, so a renderer process, of its own), so the figures to read are the
ratios against those peers; absolute times are context for this machine only. Regenerate with
\`make bench\` (N = 100, 1,000 and 10,000, about 8 minutes), \`make bench-50k\` (N = 50,000 alone,
about 25 minutes) or \`make bench-quick\` (N = 1,000 only); each rewrites its own results files,
then this file and \`charts/\` from every results file there is.`;
}

function environment(results) {
  const r = results.at(-1);
  const m = r.machine ?? {};
  const v = r.versions ?? {};
  const rows = [
    ['CPU', m.cpu ?? '—'],
    ['Cores', fmtCount(m.cores)],
    ['Memory', num(m.memGiB) === null ? '—' : `${m.memGiB} GiB`],
    ['OS', m.os ?? '—'],
    ...Object.entries(v).map(([name, version]) => [versionLabel(name), version ?? '—']),
  ];
  const shas = new Set(results.map((x) => x.versions?.borderlines ?? null));
  const mixed =
    shas.size > 1 ? '\n\n**Note:** the result files come from different Borderlines commits.' : '';
  return `## Machine and versions

From the N = ${fmtCount(r.n)} run${r.generatedAt ? `, ${r.generatedAt}` : ''}.

${table(['', ''], rows, ['l', 'l'])}${mixed}`;
}

const TOOL_LABELS = { chromium: 'Chromium', node: 'Node.js', trunk: 'Trunk', wasmBindgen: 'wasm-bindgen' };

function versionLabel(name) {
  return TOOL_LABELS[name] ?? LABELS[name] ?? name;
}

function targetsSection(results, engines) {
  const header = ['Target', 'Limit', ...results.map((r) => `N = ${fmtCount(r.n)}`)];
  const rows = TARGETS.map((t) => [
    t.name,
    t.limit,
    ...results.map((r) => {
      const { text, ok } = t.check(r, engines);
      return ok === undefined || text === '—' ? text : `${mark(ok)} ${text}`;
    }),
  ]);
  return `## Targets

${table(header, rows, ['l', 'l', ...results.map(() => 'r')])}

The transfer and keystroke targets are stated for N = 10,000; every N is shown. "Fastest peer" is the
peer with the lowest p50 (resp. p95) at that N; its mean recall is shown when below 1, since a peer
that misses results does less work. The "answers in full" rows time both engines again on only
the queries that peer answers completely (every exact match returned), so that neither is timed on
work the other skipped. — means not measured.`;
}

function readingGuide() {
  return `## Reading the tables

- **Transfer**: the bytes of each engine's page, code and data as served (raw) and compressed with
  gzip and brotli. "Brotli ÷ text" compares with the brotli-compressed article text alone. Pagefind
  fetches index fragments on demand: "First query" and "Session" are the bytes it fetched for the
  first query and over the whole query session.
- **Queries**: time per query over all runs; "p50 across runs" is the range of each run's median.
  The browser's clock reads in 5 µs steps, so a call that took under 0.1 ms is timed again as the
  same call repeated for 1 ms, and its time is that batch's mean (every in-page engine alike; none
  caches results; Pagefind's calls are timed one by one, as it keeps what it fetched). Each run
  starts after a full garbage collection, so that no engine pays for another's garbage.
  Recall is the share of the exact matches an engine returns (mean / worst query); "Counts" is whether
  the reported result counts were checked and matched. Engines whose recall is below 1 are listed with
  their worst queries.
- **Build**: wall time and peak resident memory of each build step.
- **Start-up and interaction** (Borderlines only): times from navigation, a keystroke or a filter
  chip click until the result is painted, and memory once the app has started (read in the frame
  of the first card, before the app begins folding text for search). They are measured
  in a browser process of their own, before the peers build their in-page indexes (a reader's
  browser does not hold those). Start-up is 7 page
  loads, each in a fresh browser context with \`no-store\` responses, after one discarded load
  that warms the browser itself (its first renderer and fonts), as warm-up queries are. A keystroke is
  typed with no debounce; "next paint" is Chromium's Event Timing duration from the keydown to the
  first frame painted after its handlers (Chromium reports only durations of 16 ms or more, so an
  unreported key counts as 16 ms), which includes waiting for that frame; "handled" ends when the
  task that searched, filtered and updated the DOM ends. The **floor page** (\`bench/page/floor.html\`)
  is a search field that only rewrites the URL and echoes the text, typed into the same way in the
  same browser: its figures are what this browser reports for a keystroke that costs nothing.
  Where the floor's own p95 is above the keystroke target, no page meets that target on this
  machine. The first frame of a new view holds the cards the window has room for (its height over
  300 px, at least 2: 2 in the bench's 720 px window); the rest of the page of 20 follows after
  that paint.`;
}

function sizeSection(r, engines) {
  const quick = r.quick ? ' (quick run)' : '';
  const c = r.corpus ?? {};
  const s = r.startup ?? {};
  const order = r.order?.length ? ` Engines ran in the order ${r.order.map(label).join(', ')}.` : '';
  const generated = r.generatedAt ? ` Generated ${r.generatedAt}.` : '';
  return `## N = ${fmtCount(r.n)}${quick}

${fmtCount(c.articles)} articles (seed ${c.seed ?? '—'}), ${fmtBytes(c.textBytes)} of text, \
${fmtCount(c.queries)} queries; ${fmtCount(r.runs)} runs after ${fmtCount(r.warmupQueries)} warm-up \
queries${r.warmupDrawn === 'evenly' ? ' (drawn evenly across the kinds)' : ' (the first of the set)'}${num(r.runBudgetMs) !== null ? `, no run begun after ${fmtCount(r.runBudgetMs / 1000)} s of an engine's runs` : ''}.${order}${generated}

### Transfer

${transferTable(r, engines)}

### Queries

${latencyTable(r, engines)}${failureNotes(r, engines)}${recallNotes(r, engines)}

Median latency by kind of query:

${kindTable(r, engines)}

### Build

${buildTable(r)}

### Start-up and interaction

${interactionTable(r)}

Wasm memory after start ${fmtBytes(s.wasmMemoryBytes)}, JS heap ${fmtBytes(s.jsHeapBytes)}, \
embedded data ${fmtBytes(s.embeddedDataBytes)}. ${s.wasmMemoryFoldedBytes != null
    ? `With every article's text folded for search (the app does it in steps after start${s.foldedMs != null ? `, done ${fmtMs(s.foldedMs)} after navigation` : ''}): \
wasm memory ${fmtBytes(s.wasmMemoryFoldedBytes)}.`
    : 'At this size the app does not fold the text ahead: each search folds what it reads.'}`;
}

function transferTable(r, engines) {
  const t = r.transfer ?? {};
  const rows = engines.map((name) => {
    const e = t.engines?.[name] ?? {};
    const lazy = name === 'pagefind';
    return [
      label(name),
      fmtBytes(e.raw),
      fmtBytes(e.gzip),
      fmtBytes(e.brotli),
      fmtRatio(ratio(e.brotli, textBrotli(r))),
      lazy ? fmtBytes(e.firstQueryBytes) : '',
      lazy ? fmtBytes(e.sessionBytes) : '',
    ];
  });
  const text = [fmtBytes(r.corpus?.textBytes), fmtBytes(textGzip(r)), fmtBytes(textBrotli(r))];
  rows.push(['Article text', ...text, fmtRatio(1), '', '']);
  const header = ['Engine', 'Raw', 'Gzip', 'Brotli', 'Brotli ÷ text', 'First query', 'Session'];
  return table(header, rows);
}

function latencyTable(r, engines) {
  const rows = engines.map((name) => {
    const e = r.engines?.[name] ?? {};
    const l = e.latency ?? {};
    return [
      label(name),
      fmtMs(l.p50),
      fmtMs(l.p95),
      fmtMs(l.max),
      e.failed ? 'failed (below)' : runSpread(l.runs, r.runs),
      `${fmtRecall(e.recall?.mean)} / ${fmtRecall(e.recall?.min)}`,
      e.countsOk === true ? `✅ ${fmtCount(e.countsChecked)}` : e.countsOk === false ? '❌' : '—',
      fmtMs(e.indexBuildMs),
      fmtBytes(e.indexBytes),
    ];
  });
  const header = ['Engine', 'p50', 'p95', 'max', 'p50 across runs', 'Recall mean / min', 'Counts'];
  return table([...header, 'Index build', 'Index size'], rows);
}

/** The range of the per-run p50s, "min–max", and how many runs when fewer than `planned`. */
function runSpread(runs, planned) {
  const p50s = (Array.isArray(runs) ? runs : [])
    .map((run) => num(run?.p50))
    .filter((v) => v !== null);
  if (p50s.length === 0) return '—';
  const fewer = num(planned) !== null && p50s.length < planned
    ? ` (${p50s.length} run${p50s.length === 1 ? '' : 's'}: the run budget)`
    : '';
  return `${fmtMs(Math.min(...p50s))} – ${fmtMs(Math.max(...p50s))}${fewer}`;
}

/** One line per engine that could not be measured at this N, or was only on a second attempt, with the reason. */
function failureNotes(r, engines) {
  const lines = engines.flatMap((name) => {
    const { failed, firstAttempt } = r.engines?.[name] ?? {};
    if (failed) {
      const peer = name === SELF ? '' : ' The latency ratios at this N are against the other peers.';
      return [`- ${label(name)} could not be measured: ${failed}.${peer}`];
    }
    // A crashed tab is retried once, in a fresh context (bench/run.mjs, runEngine).
    return firstAttempt ? [`- ${label(name)}: in its first attempt ${firstAttempt}; these figures are from a second, in a fresh browser context.`] : [];
  });
  return lines.length ? `\n\n${lines.join('\n')}` : '';
}

/** One line per engine that missed results: how often and on which queries. */
function recallNotes(r, engines) {
  const lines = engines.flatMap((name) => {
    const recall = r.engines?.[name]?.recall;
    if (num(recall?.mean) === null || recall.mean >= 1) return [];
    const worst = (recall.worst ?? [])
      .slice(0, 3)
      .map((w) => `\`${String(w.q).replace(/`/g, "'")}\` (${fmtRecall(w.recall)})`)
      .join(', ');
    const perfect = `${fmtCount(recall.perfectQueries)} of ${fmtCount(recall.queries)} queries complete`;
    return [`- ${label(name)}: ${perfect}${worst ? `; worst ${worst}` : ''}.`];
  });
  return lines.length ? `\n\n${lines.join('\n')}` : '';
}

function kindTable(r, engines) {
  const byKind = (name) => r.engines?.[name]?.byKind ?? {};
  const kinds = [...new Set(engines.flatMap((name) => Object.keys(byKind(name))))];
  if (kinds.length === 0) return '—';
  const rows = kinds.map((kind) => [kind, ...engines.map((name) => fmtMs(byKind(name)[kind]?.p50))]);
  return table(['Kind', ...engines.map(label)], rows);
}

function buildTable(r) {
  const steps = {
    site: 'Site (trunk build, release)',
    prep: 'Preparation (prep)',
    pagefind: 'Pagefind index',
  };
  const rows = Object.entries(r.build ?? {}).map(([step, b]) => [
    steps[step] ?? step,
    fmtMs(b?.wallMs),
    fmtBytes(b?.peakRssBytes),
  ]);
  return rows.length ? table(['Step', 'Wall time', 'Peak RSS'], rows) : '—';
}

function interactionTable(r) {
  const i = r.interaction ?? {};
  const within = num(i.keystrokeWithin16Ms) === null ? '' : ` (${(100 * i.keystrokeWithin16Ms).toFixed(0)} % within 16 ms)`;
  const rows = [
    ['Navigation → first card', r.startup?.firstCardMs],
    [`Keystroke → next paint (Event Timing)${within}`, i.keystroke],
    ['Keystroke → handled (end of its task)', i.keystrokeUpdated],
    ['Filter chip → next frame', i.chip],
    ['Filter chip → handled (end of its task)', i.chipUpdated],
    ['Floor page: keystroke → next paint (Event Timing)', i.floor?.keystroke],
    ['Floor page: keystroke → handled', i.floor?.keystrokeUpdated],
  ].filter(([, s]) => s).map(([what, s]) => [what, ...[s?.p50, s?.p95, s?.max].map(fmtMs), fmtCount(s?.samples)]);
  return table(['Borderlines', 'p50', 'p95', 'max', 'Samples'], rows);
}

function chartsSection() {
  return `## Charts

![Query latency p50 and p95 against N](charts/latency.svg)

![Transfer, brotli, against N](charts/transfer.svg)

![Borderlines navigation to first card against N](charts/startup.svg)`;
}

function configSection(results, engines) {
  const r = results.at(-1);
  const config = (name) => String(r.engines?.[name]?.config ?? '—').replace(/\s*\n\s*/g, ' ');
  const lines = engines.map((name) => `- **${label(name)}**: ${config(name)}`);
  return `## Engine configurations

As run at N = ${fmtCount(r.n)}.

${lines.join('\n')}`;
}

/** Lighthouse's mobile preset on the built site (`make lighthouse`), when it has run. */
function lighthouseSection(dir) {
  const path = join(dir, 'lighthouse.json');
  if (!existsSync(path)) return null;
  const run = JSON.parse(readFileSync(path, 'utf8'));
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const rows = run.sites.map((x) => `| ${x.name} | ${x.performance} | ${s(x.fcp)} | ${s(x.lcp)} (observed ${Math.round(x.observedLcp)} ms) | ` +
    `${Math.round(x.tbt)} ms | ${x.cls.toFixed(2)} | ${Math.round(x.bytes / 1024).toLocaleString('en-US')} | ` +
    `${x.fast4gFirstCard === undefined ? '' : `${s(x.fast4gFirstCard)} / ${s(x.fast4gReady)}`} |`);
  return [
    '## Lighthouse, mobile',
    `Lighthouse ${run.lighthouse}'s mobile preset (simulated slow 4G, 4× CPU slowdown) on release sites served gzip-only ` +
      `under /borderlines/, as GitHub Pages serves them, on ${run.commit} (${run.date}). \`make lighthouse\` reruns it. ` +
      'Targets (issue 23): performance ≥ 95 and largest contentful paint ≤ 2.0 s at 1,000 and 10,000 articles. ' +
      "The simulated paint counts every request that started before the observed one; the app's code and data are fetched only after the shell's first paint (docs/scaling.md), so it is the shell's. The 1,000 and 10,000 sites are sharded (past 3 MB of seed text): bytes are what a load fetched, the core and the first page's text chunks, and the fonts of the scripts on the first page (Thai, Khmer, Lao, Burmese: about 120 KiB on the real site, which Lighthouse counts into its simulated first paint although the text paints at once with font-display: swap). " +
      'The last column is measured, not simulated: Chromium with network emulation at Fast 4G (9 Mbps down, 1.5 up, 170 ms round trip), navigation to the first card (the largest paint) and to the working explorer, best of two loads at 412 px.',
    '| site | performance | first contentful paint | largest contentful paint | total blocking time | layout shift | bytes (KiB) | Fast 4G: first card / explorer |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** Borderlines against Pagefind under network emulation (`make bench-network`), when it has run. */
function networkSection(dir) {
  const path = join(dir, 'network.json');
  if (!existsSync(path)) return null;
  const run = JSON.parse(readFileSync(path, 'utf8'));
  const s = (ms) => (ms == null ? '' : ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`);
  const kb = (b) => (b == null ? '' : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${Math.round(b / 1e3)} kB`);
  const mb = (b) => (b == null ? '' : `${(b / 2 ** 20).toFixed(0)} MiB`);
  const r = (a, b) => (a == null || b == null || !b ? '' : `${(a / b).toFixed(2)}×`);
  const sizes = run.sizes.map((x) => `| ${x.n.toLocaleString('en-US')} | ${kb(x.files.core)} | ${x.files.shards} (${kb(x.files.shardBytes)}) | ` +
    `${x.files.packs != null ? `${x.files.chunks} in ${x.files.packs} packs (${kb(x.files.packBytes)}; table ${kb(x.files.table)})` : `${x.files.chunks} files (${kb(x.files.chunkBytes)})`} | ` +
    `${x.files.files.toLocaleString('en-US')}, largest ${kb(x.files.largest)} | ${kb(x.pagefindBytes)} | ${x.commit} |`);
  const rows = [];
  for (const x of run.sizes) {
    for (const [profile, { borderlines: b, pagefind: p }] of Object.entries(x.profiles)) {
      rows.push(`| ${x.n.toLocaleString('en-US')} | ${profile} | ${s(b.firstCardMs)} (${kb(b.bytesFirstCard)}) | ${s(b.readyMs)} (${kb(b.bytesReady)}) | ` +
        `${s(b.searchLinkMs)} (${kb(b.searchLinkBytes)}) | ${s(b.firstQueryMs)} (${kb(b.firstQueryBytes)}) | ${s(p?.firstQueryMs)} (${kb(p?.firstQueryBytes)}) | ${r(b.firstQueryMs, p?.firstQueryMs)} |`);
    }
  }
  const sessions = run.sizes.filter((x) => x.profiles.fast4g?.borderlines?.session).map((x) => {
    const b = x.profiles.fast4g.borderlines; const p = x.profiles.fast4g.pagefind;
    const kinds = b.session.byKind ? `${kb(b.session.byKind.shards ?? 0)} / ${kb(b.session.byKind.chunks ?? 0)}` : '';
    return `| ${x.n.toLocaleString('en-US')} | ${b.session.queries} | ${kb(b.session.bytes)} | ${kinds} | ${kb(p?.session?.bytes)} | ${r(b.session.bytes, p?.session?.bytes)} | ` +
      `${Math.round(b.session.p50)} / ${Math.round(b.session.p95)} ms | ${p?.session ? `${Math.round(p.session.p50)} / ${Math.round(p.session.p95)} ms` : ''} | ${mb(b.wasmMemoryStart)} / ${mb(b.wasmMemorySession)} |`;
  });
  const costly = run.sizes.filter((x) => x.profiles.fast4g?.borderlines?.session?.costliest).map((x) =>
    `- ${x.n.toLocaleString('en-US')}: ${x.profiles.fast4g.borderlines.session.costliest.slice(0, 4).map(([q, , bytes]) => `\`${q}\` ${kb(bytes)}`).join(', ')}`);
  return [
    '## Over the network, against Pagefind',
    '`make bench-network` (`bench/network.mjs`) serves the sharded release site and a Pagefind page over the same generated articles ' +
      'gzip-only, as GitHub Pages does, and loads them in Chromium under network emulation: Fast 4G (9 Mbps down, 1.5 up, 170 ms round trip) ' +
      'and Slow 3G (0.4 Mbps, 2 s round trip), at 412 px. Pagefind 1.6 (pagefind_extended) indexes one page per article; its page imports ' +
      "pagefind.js and paints the first five results' titles (its UI's default); Borderlines' query is painted when its count and first " +
      'card are (the texts of the cards in reach, `hooks/use_cards_in_reach`). Both search as typed (`xlang=off&typo=off`). Bytes are what crossed the ' +
      'network, headers included (Pagefind fetches in a worker: counted too). One run per row.',
    '',
    '**Files.** The core is what a link fetches before any search; the shards hold the posting lists; the texts are chunks of about an article, ' +
      'each gzip on its own, laid in packs that the app reads by range, with a table of where each chunk lies (gzip).',
    '',
    '| articles | core | postings shards | texts | files | Pagefind bundle | commit |',
    '|---:|---:|---:|---:|---:|---:|---|',
    ...sizes,
    '',
    '**Start and first query.** First card: a link without a view (the shell\'s static cards). Explorer: the app working. Search link: ' +
      '`?q=` of the first query, its first card painted by the app. Cold first query: typed into the box once the page is ready.',
    '',
    '| articles | network | first card | explorer ready | search link | cold first query | Pagefind\'s | ÷ Pagefind |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '**Session** (Fast 4G): the query set typed one query after another into the same page, each until painted; wasm memory after start and after the session.',
    '',
    '| articles | queries | Borderlines bytes | of which shards / texts | Pagefind bytes | ÷ Pagefind | Borderlines p50 / p95 | Pagefind p50 / p95 | wasm memory start / session |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...sessions,
    '',
    'The costliest queries of each session (bytes): phrases and runs of three or more Thai or Chinese clusters, confirmed on the texts of their candidates ' +
      '(at most 8 MiB of stored text a search; past that a search is answered from the index alone and says so):',
    '',
    ...costly,
    ...run.sizes.filter((x) => x.note).map((x) => `\nNote on ${x.n.toLocaleString('en-US')}: ${x.note}`),
    '',
    '![Bytes over the network, Fast 4G, Borderlines against Pagefind, against N](charts/network.svg)',
  ].join('\n');
}

/** Warm queries, the sharded site against the corpus shipped whole (`make bench-warm`). */
function warmSection(dir) {
  const path = join(dir, 'warm.json');
  if (!existsSync(path)) return null;
  const w = JSON.parse(readFileSync(path, 'utf8'));
  const ms = (v) => `${v.toFixed(1)} ms`;
  return [
    '## Warm queries: the sharded site against the corpus shipped whole',
    `\`make bench-warm\` (\`bench/warm.mjs\`) opens the sharded site and the same ${w.n.toLocaleString('en-US')} articles shipped as one corpus file (the embedded edition), ` +
      'served alike with no network emulation, types the query set once (fetching what it needs), then again: the second pass is timed, from the input ' +
      `event to the painted count and first card, at 412 px. Issue 23's target: the sharded p95 at most 1.5 times the whole one's. On ${w.commit} (${w.date}), ${w.queries} queries.`,
    '',
    '| site | p50 | p95 | slowest |',
    '|---|---:|---:|---:|',
    `| sharded | ${ms(w.sharded.p50)} | ${ms(w.sharded.p95)} | ${ms(w.sharded.max)} |`,
    `| whole | ${ms(w.whole.p50)} | ${ms(w.whole.p95)} | ${ms(w.whole.max)} |`,
    `| sharded ÷ whole | ${(w.sharded.p50 / w.whole.p50).toFixed(2)}× | ${(w.sharded.p95 / w.whole.p95).toFixed(2)}× | |`,
  ].join('\n');
}

/** What search across languages and near spellings cost per view (`make bench-across`). */
function acrossSection(dir) {
  const runs = [1000, 10000]
    .map((n) => join(dir, `across-${n}.json`))
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')));
  if (runs.length === 0) return null;
  const ms = (x) => x.toFixed(3);
  const rows = runs.flatMap((run) => run.ways.map((w) =>
    `| ${run.articles.toLocaleString('en-US')} | ${w.way} | ${ms(w.p50_ms)} | ${ms(w.p95_ms)} | ${w.changed} of ${run.views} | ${w.names_per_changed.toFixed(1)} |`));
  return [
    '## Search across languages and near spellings',
    'What the names in other languages (`xlang`) and near spellings (`typo`) cost per view: `bench probe across` answers every view of the ' +
      'query set natively, the fastest of five times, exact (`xlang=off&typo=off`, what the browser bench measures against the peers and ' +
      'brute force), with each of the two, and with both (the explorer\'s default). The table of names holds the glossary and the countries ' +
      `the generated articles mention (${runs[0].groups} groups, ${runs[0].names.toLocaleString('en-US')} names). \`make bench-across\` reruns it. ` +
      'Native times on this machine (the explorer runs the same code as wasm, not timed here); a "changed" view has other results than the exact one.',
    '| articles | way | p50 ms | p95 ms | views changed | names or spellings added per changed view |',
    '|---:|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function report(results, engines, resultsDir) {
  return [
    intro(results),
    environment(results),
    targetsSection(results, engines),
    lighthouseSection(resultsDir),
    networkSection(resultsDir),
    warmSection(resultsDir),
    acrossSection(resultsDir),
    readingGuide(),
    ...results.map((r) => sizeSection(r, engines)),
    chartsSection(),
    configSection(results, engines),
  ].filter(Boolean).join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// SVG charts

const WIDTH = 760;
const HEIGHT = 440;
const PLOT = { left: 96, right: WIDTH - 190, top: 56, bottom: HEIGHT - 62 };
const GRID_COLOUR = '#e3e3e3';
const GUIDE_COLOUR = '#D55E00';

function xml(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const round = (v) => Math.round(v * 10) / 10;

/**
 * A logarithmic scale from data values onto pixels [from, to]: { ticks, toPx }. toPx gives null for
 * values that are not positive. Ticks are `fixedTicks` if given, else powers of ten (and 2, 5).
 */
function logScale(values, [from, to], fixedTicks) {
  const logs = values.filter((v) => v > 0).map(Math.log10);
  let lo = logs.length ? Math.min(...logs) : 0;
  let hi = logs.length ? Math.max(...logs) : 1;
  const pad = hi > lo ? (hi - lo) * 0.08 : 0.5;
  lo -= pad;
  hi += pad;
  const toPx = (v) => (v > 0 ? from + ((Math.log10(v) - lo) / (hi - lo)) * (to - from) : null);
  return { ticks: fixedTicks ?? logTicks(lo, hi), toPx };
}

/** 1, 10, 100… within [10^lo, 10^hi]; with 2 and 5 added when that gives fewer than three. */
function logTicks(lo, hi) {
  const within = (mantissas) => {
    const ticks = [];
    for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
      for (const m of mantissas) {
        const v = Number((m * 10 ** k).toPrecision(1));
        if (Math.log10(v) >= lo && Math.log10(v) <= hi) ticks.push(v);
      }
    }
    return ticks;
  };
  const decades = within([1]);
  return decades.length >= 3 ? decades : within([1, 2, 5]);
}

/** A linear scale from 0 to a round value above every one of `values`, onto pixels [from, to]. */
function linearScale(values, [from, to]) {
  const max = Math.max(0, ...values.filter((v) => num(v) !== null));
  const step = niceStep((max || 1) / 5);
  const top = Math.ceil((max * 1.05) / step) * step || step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return { ticks, toPx: (v) => (num(v) === null ? null : from + (v / top) * (to - from)) };
}

/** The smallest of 1, 2, 5 × 10^k that is at least `raw`. */
function niceStep(raw) {
  const k = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * k).find((s) => s >= raw);
}

function marker(shape, x, y, colour, hollow) {
  const paint = `fill="${hollow ? '#ffffff' : colour}" stroke="${colour}" stroke-width="1.8"`;
  const r = 4.5;
  const polygon = (pts) =>
    `<polygon points="${pts.map(([dx, dy]) => `${round(x + dx)},${round(y + dy)}`).join(' ')}" ${paint}/>`;
  switch (shape) {
    case 'square':
      return polygon([[-r, -r], [r, -r], [r, r], [-r, r]]);
    case 'triangle':
      return polygon([[0, -r - 1], [r + 1, r], [-r - 1, r]]);
    case 'diamond':
      return polygon([[0, -r - 1], [r + 1, 0], [0, r + 1], [-r - 1, 0]]);
    default:
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${r}" ${paint}/>`;
  }
}

/**
 * A line chart as an SVG document. `chart.series` are { name, colour, dash, shape, hollow, points:
 * [[x, y]] }: points the scales cannot place (null, or not positive on a log scale) are skipped and
 * the line joins the rest. `chart.legend` entries are { name, colour, dash, shape, hollow }, drawn
 * as given. `chart.guides` are horizontal reference lines { y, text }.
 */
function lineChart(chart) {
  const { series, legend, guides = [] } = chart;
  const drawn = series.map((s) => seriesSvg(s, chart)).filter((svg) => svg !== '');
  const noData = `<text x="${(PLOT.left + PLOT.right) / 2}" y="${(PLOT.top + PLOT.bottom) / 2}" \
text-anchor="middle" fill="#555555">No data</text>`;
  return [
    frame(chart.title, chart.description),
    grid(chart),
    ...guides.map((g) => guide(g, chart.yScale)),
    ...(drawn.length ? drawn : [noData]),
    axes(chart.xLabel, chart.yLabel),
    legendSvg(legend),
    '</svg>\n',
  ].join('\n');
}

function frame(title, description) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" \
viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="title desc"
  font-family="system-ui, sans-serif" font-size="12" fill="#222222">
<title id="title">${xml(title)}</title>
<desc id="desc">${xml(description)}</desc>
<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>
<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16" font-weight="600">${xml(title)}</text>`;
}

function grid({ xScale, yScale, xFormat, yFormat }) {
  const out = [];
  for (const t of xScale.ticks) {
    const x = round(xScale.toPx(t));
    out.push(`<line x1="${x}" y1="${PLOT.top}" x2="${x}" y2="${PLOT.bottom}" stroke="${GRID_COLOUR}"/>`);
    out.push(`<text x="${x}" y="${PLOT.bottom + 18}" text-anchor="middle">${xml(xFormat(t))}</text>`);
  }
  for (const t of yScale.ticks) {
    const y = round(yScale.toPx(t));
    out.push(`<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="${GRID_COLOUR}"/>`);
    out.push(`<text x="${PLOT.left - 8}" y="${y + 4}" text-anchor="end">${xml(yFormat(t))}</text>`);
  }
  return out.join('\n');
}

function axes(xLabel, yLabel) {
  const midX = (PLOT.left + PLOT.right) / 2;
  const midY = (PLOT.top + PLOT.bottom) / 2;
  const box = `x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}"`;
  return `<rect ${box} fill="none" stroke="#888888"/>
<text x="${midX}" y="${HEIGHT - 18}" text-anchor="middle">${xml(xLabel)}</text>
<text x="18" y="${midY}" text-anchor="middle" transform="rotate(-90 18 ${midY})">${xml(yLabel)}</text>`;
}

/** A horizontal reference line at data value `y`, labelled at its left end. */
function guide({ y, text }, yScale) {
  const py = round(yScale.toPx(y));
  return `<line x1="${PLOT.left}" y1="${py}" x2="${PLOT.right}" y2="${py}" stroke="${GUIDE_COLOUR}" \
stroke-dasharray="${DOTTED}" stroke-width="1.5"/>
<text x="${PLOT.left + 6}" y="${py - 5}" fill="${GUIDE_COLOUR}">${xml(text)}</text>`;
}

/** One series: its line, and a marker per point with the value as a tooltip. */
function seriesSvg(s, { xScale, yScale, xFormat, yFormat }) {
  const pts = s.points
    .map(([x, y]) => ({ x, y, px: xScale.toPx(x), py: yScale.toPx(y) }))
    .filter((p) => p.px !== null && p.py !== null);
  if (pts.length === 0) return '';
  const d = pts.map((p, i) => `${i ? 'L' : 'M'}${round(p.px)} ${round(p.py)}`).join('');
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  const markers = pts.map((p) => {
    const tip = xml(`${s.name}, N = ${xFormat(p.x)}: ${yFormat(p.y)}`);
    return `<g>${marker(s.shape, p.px, p.py, s.colour, s.hollow)}<title>${tip}</title></g>`;
  });
  return [`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${dash}/>`, ...markers].join('\n');
}

function legendSvg(entries) {
  const x = PLOT.right + 18;
  return entries
    .map((e, i) => {
      const y = PLOT.top + 10 + i * 22;
      const dash = e.dash ? ` stroke-dasharray="${e.dash}"` : '';
      const line = `<line x1="${x}" y1="${y}" x2="${x + 30}" y2="${y}" stroke="${e.colour}" stroke-width="2"${dash}/>`;
      const shape = e.shape ? marker(e.shape, x + 15, y, e.colour, e.hollow) : '';
      return `${line}${shape}<text x="${x + 38}" y="${y + 4}">${xml(e.name)}</text>`;
    })
    .join('\n');
}

// Axis label formats: short, so ticks stay readable.
const fmtN = (v) => (v >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(v));
const fmtTickMs = (v) => `${Number(v.toPrecision(3))} ms`;
const fmtTickBytes = (v) => fmtBytes(v).replace(/\.0 /, ' ');

/** Colour, marker shape and name per engine. */
function engineStyles(engines) {
  const extras = engines.filter((name) => !COLOURS[name]);
  const colour = (name) => COLOURS[name] ?? SPARE_COLOURS[extras.indexOf(name) % SPARE_COLOURS.length];
  return Object.fromEntries(
    engines.map((name, i) => [
      name,
      { name: label(name), colour: colour(name), shape: SHAPES[i % SHAPES.length] },
    ]),
  );
}

/** What every chart against N shares: the x axis and its labels. */
function byN(results) {
  const ns = results.map((r) => r.n);
  return {
    xLabel: 'Articles (N, log scale)',
    xScale: logScale(ns, [PLOT.left, PLOT.right], ns),
    xFormat: fmtN,
  };
}

const yValues = (series) => series.flatMap((s) => s.points.map(([, y]) => y));

function latencyChart(results, engines) {
  const styles = engineStyles(engines);
  const series = engines.flatMap((name) =>
    ['p50', 'p95'].map((stat) => ({
      ...styles[name],
      name: `${label(name)} ${stat}`,
      dash: stat === 'p95' ? DASHED : null,
      hollow: stat === 'p95',
      points: results.map((r) => [r.n, num(r.engines?.[name]?.latency?.[stat])]),
    })),
  );
  return lineChart({
    ...byN(results),
    title: 'Query latency against corpus size',
    description:
      `Median (p50, solid lines) and 95th-percentile (p95, dashed lines) query latency in milliseconds ` +
      `for ${engines.map(label).join(', ')}, against the number of articles N; both axes logarithmic.`,
    yLabel: 'Query latency (ms, log scale)',
    yScale: logScale(yValues(series), [PLOT.bottom, PLOT.top]),
    yFormat: fmtTickMs,
    series,
    legend: [
      ...engines.map((name) => styles[name]),
      { name: 'p50', colour: '#555555' },
      { name: 'p95', colour: '#555555', dash: DASHED },
    ],
  });
}

function transferChart(results, engines) {
  const styles = engineStyles(engines);
  const text = {
    name: 'Article text (brotli)',
    colour: TEXT_COLOUR,
    dash: DOTTED,
    shape: 'circle',
    hollow: true,
  };
  const series = [
    ...engines.map((name) => ({
      ...styles[name],
      points: results.map((r) => [r.n, num(r.transfer?.engines?.[name]?.brotli)]),
    })),
    { ...text, points: results.map((r) => [r.n, textBrotli(r)]) },
  ];
  return lineChart({
    ...byN(results),
    title: 'Transfer (brotli) against corpus size',
    description:
      `Brotli-compressed bytes transferred by ${engines.map(label).join(', ')}, and the ` +
      `brotli-compressed article text for reference, against the number of articles N; both axes logarithmic.`,
    yLabel: 'Transfer, brotli (bytes, log scale)',
    yScale: logScale(yValues(series), [PLOT.bottom, PLOT.top]),
    yFormat: fmtTickBytes,
    series,
    legend: [...engines.map((name) => styles[name]), text],
  });
}

function startupChart(results) {
  const series = ['p50', 'p95'].map((stat) => ({
    name: `Borderlines ${stat}`,
    colour: COLOURS[SELF],
    shape: 'circle',
    dash: stat === 'p95' ? DASHED : null,
    hollow: stat === 'p95',
    points: results.map((r) => [r.n, num(r.startup?.firstCardMs?.[stat])]),
  }));
  const target = FIRST_CARD_P50_MAX_MS;
  return lineChart({
    ...byN(results),
    title: 'Borderlines: navigation to first card',
    description:
      `Time from navigation until the first article card is painted, p50 (solid) and p95 (dashed), ` +
      `in milliseconds, against the number of articles N (logarithmic); the p50 target is ${target} ms.`,
    yLabel: 'Navigation → first card (ms)',
    yScale: linearScale([...yValues(series), target], [PLOT.bottom, PLOT.top]),
    yFormat: (v) => `${COUNT.format(v)} ms`,
    series,
    legend: series,
    guides: [{ y: target, text: `p50 target ${COUNT.format(target)} ms` }],
  });
}

/** Over the network (`make bench-network`, Fast 4G): the bytes of a query session and of the
 *  cold first query, Borderlines against Pagefind, against N; null before it has run. */
function networkChart(resultsDir) {
  const path = join(resultsDir, 'network.json');
  if (!existsSync(path)) return null;
  const sizes = JSON.parse(readFileSync(path, 'utf8')).sizes;
  const fast = (x, engine) => x.profiles.fast4g?.[engine];
  const series = [SELF, 'pagefind'].flatMap((engine) => [
    { name: `${label(engine)} session`, colour: COLOURS[engine], shape: 'circle', dash: null, hollow: false,
      points: sizes.map((x) => [x.n, num(fast(x, engine)?.session?.bytes)]) },
    { name: `${label(engine)} 1st query`, colour: COLOURS[engine], shape: 'circle', dash: DASHED, hollow: true,
      points: sizes.map((x) => [x.n, num(fast(x, engine)?.firstQueryBytes)]) },
  ]);
  return lineChart({
    ...byN(sizes),
    title: 'Bytes over the network, Fast 4G, against Pagefind',
    description:
      'Bytes that crossed the emulated network (gzip-only, headers included) for the bench\'s query session typed into one page (solid) ' +
      'and for the cold first query (dashed), Borderlines and Pagefind, against the number of articles N; both axes logarithmic.',
    yLabel: 'Bytes (log scale)',
    yScale: logScale(yValues(series), [PLOT.bottom, PLOT.top]),
    yFormat: fmtTickBytes,
    series,
    legend: series,
  });
}

// ---------------------------------------------------------------------------------------------

function main() {
  const resultsDir = process.argv[2] ?? join(HERE, 'results');
  const outDir = process.argv[3] ?? HERE;
  const results = existsSync(resultsDir) ? loadResults(resultsDir) : [];
  if (results.length === 0) {
    console.error(`report: no <N>.json results in ${resultsDir}`);
    process.exit(1);
  }
  const engines = engineNames(results);
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  const outputs = {
    'REPORT.md': report(results, engines, resultsDir),
    'charts/latency.svg': latencyChart(results, engines),
    'charts/transfer.svg': transferChart(results, engines),
    'charts/startup.svg': startupChart(results),
    'charts/network.svg': networkChart(resultsDir),
  };
  if (!outputs['charts/network.svg']) delete outputs['charts/network.svg'];
  for (const [name, content] of Object.entries(outputs)) {
    const path = join(outDir, name);
    writeFileSync(path, content);
    const rel = relative(process.cwd(), path);
    console.log(rel.startsWith('..') ? resolve(path) : rel);
  }
}

main();
