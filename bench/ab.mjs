// Compares two or more builds of Borderlines' bench engine on one corpus's query set, in one
// Node.js process, every query on every build in turn: for changes of 5 to 10 % to the search,
// which the difference between two browser runs (up to a third at p95) hides.
//
//   cp -r target/bench/engine /tmp/engine-before      # before the change (built by bench/run.mjs)
//   ...change the corpus crate, then rebuild the engine (and, for N = 100, its data):
//   node bench/run.mjs --engines --only borderlines --n 100
//   node bench/ab.mjs target/bench/10000 11 /tmp/engine-before target/bench/engine
//
// Each build is `dir` (holding bench.js and bench_bg.wasm) or `dir:blobDir` when its blob format
// differs from the data directory's: blobDir then holds a blob.bin that build can read, written
// by `target/release/bench prep target/bench-corpus/10000 blobDir`. Prints
// per build p50, p95 and max of the per-query medians and the mean of the 20 slowest, then the
// slowest queries (TOP=n of them) with every build's median. Each query runs once per round on
// each build, the builds' order alternating, so that every call meets the caches as the queries
// before it left them, as in the bench; swap the builds' order on the command line to check
// that the order in which they were loaded does not decide the result.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summary } from './page/stats.mjs';

const [dataDir, roundsArg, ...specs] = process.argv.slice(2);
if (!dataDir || specs.length === 0) {
  console.error('usage: node bench/ab.mjs DATA_DIR ROUNDS ENGINE_DIR[:BLOB_DIR]...');
  process.exit(2);
}
const engines = [];
for (const [i, spec] of specs.entries()) {
  const [dir, blobDir] = spec.split(':');
  // A query string per build, so that each gets a module (and a wasm instance) of its own.
  const mod = await import(`${pathToFileURL(resolve(dir, 'bench.js'))}?build=${i}`);
  mod.initSync({ module: readFileSync(resolve(dir, 'bench_bg.wasm')) });
  const engine = new mod.Engine(readFileSync(resolve(blobDir ?? dataDir, 'blob.bin')));
  engine.fold_all();
  engines.push(engine);
}
const queries = JSON.parse(readFileSync(resolve(dataDir, 'queries.json'), 'utf8'));
// The app's URL query string for a bench query, as bench/page/bench.mjs builds it.
const viewParams = (q) => `${q.params ? `${q.params}&` : ''}q=${encodeURIComponent(q.q)}&xlang=off&typo=off`;
const rounds = Number(roundsArg);
const times = engines.map(() => queries.map(() => []));
for (let r = 0; r < rounds; r += 1) {
  const order = r % 2 ? [...engines.keys()].reverse() : [...engines.keys()];
  queries.forEach((q, i) => {
    const params = viewParams(q);
    for (const k of order) {
      const started = performance.now();
      engines[k].view(params);
      times[k][i].push(performance.now() - started);
    }
  });
}
// Percentiles as the bench's report takes them (nearest rank).
const medians = times.map((perQuery) => perQuery.map((samples) => summary(samples).p50));
specs.forEach((spec, k) => {
  const { p50, p95, max } = summary(medians[k]);
  const slowest = [...medians[k]].sort((a, b) => a - b).slice(-20);
  console.log(`${spec}: p50 ${p50.toFixed(4)} p95 ${p95.toFixed(3)} max ${max.toFixed(3)} `
    + `slowest 20 ${(slowest.reduce((a, b) => a + b, 0) / slowest.length).toFixed(3)} ms`);
});
const slowestFirst = [...queries.keys()].sort((a, b) => medians[0][b] - medians[0][a]);
for (const i of slowestFirst.slice(0, Number(process.env.TOP ?? 12))) {
  const q = queries[i];
  console.log(`${medians.map((m) => m[i].toFixed(3)).join(' ')} ms  ${q.kind} ${JSON.stringify(q.q)} ${q.params}`);
}
