#!/usr/bin/env node
// `make bench-warm`: warm queries on the sharded site against the same corpus shipped whole (the
// embedded edition, one corpus file), at N = 10,000 by default. Issue 23's target: the sharded
// site's warm query p95 at most 1.5 times the whole one's.
//
//   node bench/warm.mjs [--n 10000]
//
// Both sites are served as bench/network.mjs serves them (gzip-only, ranges), with no network
// emulation: what is measured is the page's own work. Each opens `?xlang=off&typo=off`, types the
// query set once (fetching what its queries need: shards, texts), then types it again; the second
// pass is measured, query by query, from the input event to the painted results (count and first
// card, bench/typing.mjs). Needs target/network-site/N (`make bench-network` packs it) and
// target/bench/N/queries.json; packs target/network-site/N-whole from the same build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launch } from '../e2e/support.mjs';
import { serveGzipOnly } from './gzip-server.mjs';
import { percentile, typeAndWait } from './typing.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const at = process.argv.indexOf('--n');
const N = Number(at > 0 ? process.argv[at + 1] : 10000);
const sharded = join(ROOT, `target/network-site/${N}`);
const whole = join(ROOT, `target/network-site/${N}-whole`);
if (!existsSync(join(sharded, 'index.html'))) throw new Error(`${sharded} is missing: run \`make bench-network\` first`);
const queries = JSON.parse(readFileSync(join(ROOT, `target/bench/${N}/queries.json`), 'utf8'))
  .filter((q) => !q.params && q.q.trim()).map((q) => q.q).slice(0, 200);

if (!existsSync(join(whole, 'index.html'))) {
  await rm(whole, { recursive: true, force: true });
  await cp(join(ROOT, 'target/network-site/base'), whole, { recursive: true });
  const packed = spawnSync('node', ['scripts/postbuild.mjs', whole], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SEEDS_DIR: join(ROOT, `target/bench-corpus/${N}`), SHARDS: 'off' } });
  if (packed.status !== 0) throw new Error(`packing the whole site at N=${N} failed`);
}

// Each under /borderlines/, the public URL it was built for, on a server of its own.
const servers = { sharded: await serveGzipOnly({ '/borderlines/': sharded }), whole: await serveGzipOnly({ '/borderlines/': whole }) };
const browser = await launch();
const out = { n: N, queries: queries.length };
try {
  for (const [name, server] of Object.entries(servers)) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/borderlines/?xlang=off&typo=off`);
    await page.waitForSelector('[data-result-count]', { timeout: 600_000 });
    for (const q of queries) await typeAndWait(page, 'borderlines', q);
    const times = [];
    for (const q of queries) times.push(await typeAndWait(page, 'borderlines', q));
    out[name] = { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times) };
    console.log(`[warm] N=${N} ${name}: p50 ${out[name].p50.toFixed(1)} ms, p95 ${out[name].p95.toFixed(1)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  for (const server of Object.values(servers)) server.close();
}
out.commit = spawnSync('git', ['rev-parse', '--short', 'HEAD']).stdout.toString().trim();
out.date = new Date().toISOString().slice(0, 10);
await writeFile(join(ROOT, 'bench/results/warm.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`[warm] p95 sharded ÷ whole: ${(out.sharded.p95 / out.whole.p95).toFixed(2)}`);
