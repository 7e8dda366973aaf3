#!/usr/bin/env node
// Packs the corpus the site loads, beside the wasm. scripts/postbuild.mjs, Trunk's post_build
// hook (Trunk.toml), calls it first on the staging directory, so every `trunk build` and
// `trunk serve` gets it; seeds come from $SEEDS_DIR (default seeds/).
//
// The seeds are read, checked and indexed by the curators' CLI (`corpus pack`, crates/ingest),
// which fails the build on any invalid file, listing each with its line. The blob is compressed
// here with gzip (GitHub Pages compresses neither unknown types nor anything with brotli) and
// written as corpus-<content hash>.bin, so a new corpus is a new name every cache respects and
// the wasm, which no longer holds the data, stays cached across corpus updates. index.html gains
// a <link rel="preload" as="fetch" data-borderlines-corpus>: the browser fetches the data while
// it compiles the wasm, and the app reads the file's name from that link (src/data.rs). The
// shell in index.html gains the default view's first page of cards (`corpus pack --first-page`)
// and the size of the file on its loading line.
//
// A large corpus is shipped in shards (SHARDS=on|off|auto, default auto: on from SHARDS_FROM_BYTES
// of seed text): corpus-<hash>.bin is then the core (catalog and the index's dictionary; the explorer
// opens with it alone); the article texts follow in chunks of about CORPUS_CHUNK_BYTES (an
// article or a few short ones), each gzip-compressed on its own and laid end to end in packs of
// about CORPUS_PACK_BYTES (by language, then newest first), corpus-<hash>-p<n>.bin, of which the
// app asks for the bytes of the chunks a card or a phrase needs (HTTP range requests; a table,
// corpus-<hash>-texts.bin, says where each chunk lies, crates/corpus/src/store/packs.rs); and the
// index's posting lists come in shards of about CORPUS_SHARD_BYTES, corpus-<hash>-i<n>.bin,
// which it fetches when a search reads their terms. One hash names the whole set, so a page
// never mixes two versions of the corpus.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

export const CORPUS_LINK = /<link\b[^>]*\bdata-borderlines-corpus\b[^>]*>\s*/gi;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** From this many bytes of gzip on, the app gunzips in a worker (smaller files are quicker on the
 *  page's own thread than a worker's start); CORPUS_WORKER_MIN_BYTES overrides it (the e2e build
 *  sets 0, so that the tests take the worker's path). */
const WORKER_FROM_BYTES = 4 * 1024 * 1024;
/** From this much seed text on, SHARDS=auto ships the corpus in shards: about 1 MB of gzip, a
 *  second on a Fast 4G phone, past which one file keeps the explorer waiting for text it does not
 *  show yet. */
const SHARDS_FROM_BYTES = 3 * 1000 * 1000;
/** Stored text per chunk: one article, or a few short ones, so that a card costs its own text
 *  and little more (CORPUS_CHUNK_BYTES overrides it; a whole corpus is one file anyway). */
const CHUNK_BYTES = 2 * 1024;
/** Compressed chunks per pack: about 64 kB, raised for a large corpus so that there are at most
 *  MAX_PACKS packs (a host serves a few thousand files well; CORPUS_PACK_BYTES overrides it). A
 *  host without range requests would send a whole pack for one chunk: it still works. */
const PACK_BYTES = 64 * 1000;
const MAX_PACKS = 4000;
/** Posting lists per shard: about 35 kB of gzip, so that a word's first search costs one small
 *  file (CORPUS_SHARD_BYTES overrides it). */
const SHARD_BYTES = 64 * 1024;

const numberFromEnv = (name, fallback) => (/^\d+$/.test(process.env[name] ?? '') ? Number(process.env[name]) : fallback);

/** Bytes of the .txt files under `dir`, counted until `enough`. */
function seedBytes(dir, enough) {
  let total = 0;
  const stack = [dir];
  while (stack.length && total < enough) {
    const here = stack.pop();
    for (const entry of readdirSync(here, { withFileTypes: true })) {
      const path = join(here, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.name.endsWith('.txt')) total += statSync(path).size;
    }
  }
  return total;
}

/** Whether to ship `seeds` in shards: SHARDS=on|off, or by its size. */
function sharded(seeds) {
  const mode = process.env.SHARDS || 'auto';
  if (!['on', 'off', 'auto'].includes(mode)) throw new Error(`SHARDS must be on, off or auto, not ${JSON.stringify(mode)}`);
  return mode === 'on' || (mode === 'auto' && seedBytes(seeds, SHARDS_FROM_BYTES) >= SHARDS_FROM_BYTES);
}

const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });

/** The text chunks, each gzip-compressed on its own, laid end to end in packs of about
 *  CORPUS_PACK_BYTES (at most MAX_PACKS of them), and the table saying where each chunk lies
 *  (gzip; its layout is crates/corpus/src/store/packs.rs's). */
function packed(chunks, layout) {
  // Laid by language (`corpus pack` writes the order): a phrase's candidates lie together.
  if (layout.length !== chunks.length || new Set(layout).size !== chunks.length || layout.some((c) => !(c >= 0 && c < chunks.length))) {
    throw new Error(`the layout of the text chunks does not list each of the ${chunks.length} once`);
  }
  const members = layout.map((c) => gzip(chunks[c]));
  const bytes = members.reduce((sum, m) => sum + m.length, 0);
  const target = Math.max(numberFromEnv('CORPUS_PACK_BYTES', PACK_BYTES) || PACK_BYTES, Math.ceil(bytes / MAX_PACKS));
  const packs = [];
  const perPack = [];
  let open = [];
  let openBytes = 0;
  const close = () => { packs.push(Buffer.concat(open)); perPack.push(open.length); open = []; openBytes = 0; };
  for (const member of members) {
    open.push(member);
    openBytes += member.length;
    if (openBytes >= target) close();
  }
  if (open.length) close();
  // Which chunk each laid member is, as the step from the one before (zigzag).
  const steps = layout.map((c, i) => { const step = c - (i ? layout[i - 1] : -1); return step >= 0 ? 2 * step : -2 * step - 1; });
  const numbers = [members.length, packs.length, ...members.map((m) => m.length), ...perPack, ...steps];
  const table = [...Buffer.from('BLTP'), 2];
  for (let n of numbers) {
    while (n >= 0x80) { table.push((n & 0x7f) | 0x80); n = Math.floor(n / 0x80); }
    table.push(n);
  }
  return { packs, table: gzip(Buffer.from(table)) };
}

/** "240 kB", "2.8 MB". */
function size(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}

/** Packs $SEEDS_DIR into DIR/corpus-<hash>.bin (and its chunks) and links it from
 *  DIR/index.html. Throws on failure. */
export function packCorpus(dir) {
  const seeds = resolve(ROOT, process.env.SEEDS_DIR || 'seeds');
  const chunked = sharded(seeds);
  const chunkBytes = numberFromEnv('CORPUS_CHUNK_BYTES', CHUNK_BYTES) || CHUNK_BYTES;
  const shardBytes = numberFromEnv('CORPUS_SHARD_BYTES', SHARD_BYTES) || SHARD_BYTES;
  const work = mkdtempSync(join(tmpdir(), 'borderlines-pack-'));
  const blobPath = join(work, 'corpus.bin');
  const pagePath = join(work, 'first-page.html');
  let blob, firstPage, chunks, shards, layout;
  try {
    const args = ['run', '--profile', 'cli', '-q', '-p', 'ingest', '--', 'pack', seeds, blobPath, '--first-page', pagePath];
    if (chunked) args.push('--chunks', String(chunkBytes), '--shards', String(shardBytes));
    execFileSync('cargo', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    blob = readFileSync(blobPath);
    firstPage = readFileSync(pagePath, 'utf8');
    chunks = [];
    shards = [];
    layout = chunked ? JSON.parse(readFileSync(`${blobPath}.layout`, 'utf8')) : [];
    for (const [files, prefix] of [[chunks, ''], [shards, 'i']]) {
      for (let i = 0; chunked; i++) {
        let file;
        try { file = readFileSync(`${blobPath}.${prefix}${i}`); } catch { break; }
        files.push(prefix === 'i' ? gzip(file) : file);
      }
    }
  } catch {
    throw new Error(`the seeds in ${seeds} could not be packed (see above)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const core = gzip(blob);
  const { packs, table } = chunked ? packed(chunks, layout) : { packs: [], table: Buffer.alloc(0) };
  const hash = createHash('sha256').update(core);
  for (const file of [table, ...packs, ...shards]) hash.update(file);
  const stem = `corpus-${hash.digest('hex').slice(0, 16)}`;
  const name = `${stem}.bin`;
  for (const old of readdirSync(dir).filter((f) => /^corpus-[0-9a-f]{16}(-(i|p)?\d+|-texts)?\.bin$/.test(f))) rmSync(join(dir, old));
  writeFileSync(join(dir, name), core);
  if (chunked) writeFileSync(join(dir, `${stem}-texts.bin`), table);
  packs.forEach((pack, i) => writeFileSync(join(dir, `${stem}-p${i}.bin`), pack));
  shards.forEach((shard, i) => writeFileSync(join(dir, `${stem}-i${i}.bin`), shard));

  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8').replace(CORPUS_LINK, '');
  // The shell's first page of cards and the size of what is loading (see index.html).
  html = html
    .replace(/<!-- first page -->|<div data-prerendered="">[\s\S]*?<\/ol><\/div>/, () => firstPage)
    .replace(/(data-shell-loading="">)Loading the articles[^<]*</, (_, open) => `${open}Loading the articles (${size(core.length)})…<`);
  // The tagline the app shows: "N articles on …".
  const count = /class="result-count">(\d+) articles?</.exec(firstPage)?.[1];
  if (count) html = html.replace(/(<p class="tagline">)(?:News|\d+ articles) on /, (_, open) => `${open}${count} articles on `);
  const workerFrom = numberFromEnv('CORPUS_WORKER_MIN_BYTES', WORKER_FROM_BYTES);
  const total = (files) => files.reduce((sum, f) => sum + f.length, 0);
  const chunkAttrs = chunked ? ` data-chunks="${chunks.length}" data-packs="${packs.length}" data-pack-bytes="${total(packs)}" data-texts="${stem}-texts.bin" data-texts-bytes="${table.length}" data-shards="${shards.length}" data-shard-bytes="${total(shards)}"` : '';
  // The table of the texts is needed as soon as a card is: it is fetched beside the core.
  const tableLink = chunked ? `<link rel="preload" href="${stem}-texts.bin" as="fetch" type="application/octet-stream" crossorigin data-borderlines-texts />\n  ` : '';
  const link = `<link rel="preload" href="${name}" as="fetch" type="application/octet-stream" crossorigin data-borderlines-corpus data-bytes="${core.length}" data-worker-from="${workerFrom}"${chunkAttrs} />\n  ${tableLink}`;
  const at = html.search(/<\/head>/i);
  if (at < 0) throw new Error(`${indexPath} has no </head>`);
  writeFileSync(indexPath, html.slice(0, at) + link + html.slice(at));
  const inChunks = chunked ? `; texts in ${chunks.length} chunks, ${packs.length} packs, ${total(packs)} gzip (table ${table.length}); postings in ${shards.length} shards, ${total(shards)} gzip` : '';
  console.log(`[corpus-data] ${dir}: ${name}, ${blob.length} bytes, ${core.length} gzip${inChunks}`);
  return name;
}
