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
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

export const CORPUS_LINK = /<link\b[^>]*\bdata-borderlines-corpus\b[^>]*>\s*/gi;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packs $SEEDS_DIR into DIR/corpus-<hash>.bin and links it from DIR/index.html. Throws on failure. */
/** "240 kB", "2.8 MB". */
function size(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}

export function packCorpus(dir) {
  const seeds = resolve(ROOT, process.env.SEEDS_DIR || 'seeds');
  const work = mkdtempSync(join(tmpdir(), 'borderlines-pack-'));
  const blobPath = join(work, 'corpus.bin');
  const pagePath = join(work, 'first-page.html');
  try {
    execFileSync('cargo', ['run', '--profile', 'cli', '-q', '-p', 'ingest', '--', 'pack', seeds, blobPath, '--first-page', pagePath],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`the seeds in ${seeds} could not be packed (see above)`);
  }
  const blob = readFileSync(blobPath);
  const firstPage = readFileSync(pagePath, 'utf8');
  rmSync(work, { recursive: true, force: true });
  const gzip = gzipSync(blob, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const name = `corpus-${createHash('sha256').update(gzip).digest('hex').slice(0, 16)}.bin`;
  for (const old of readdirSync(dir).filter((f) => /^corpus-[0-9a-f]{16}\.bin$/.test(f))) rmSync(join(dir, old));
  writeFileSync(join(dir, name), gzip);

  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8').replace(CORPUS_LINK, '');
  // The shell's first page of cards and the size of what is loading (see index.html).
  html = html
    .replace(/<!-- first page -->|<div data-prerendered="">[\s\S]*?<\/ol><\/div>/, () => firstPage)
    .replace(/(data-shell-loading="">)Loading the articles[^<]*</, (_, open) => `${open}Loading the articles (${size(gzip.length)})…<`);
  // The tagline the app shows: "N articles on …".
  const count = /class="result-count">(\d+) articles?</.exec(firstPage)?.[1];
  if (count) html = html.replace(/(<p class="tagline">)(?:News|\d+ articles) on /, (_, open) => `${open}${count} articles on `);
  const link = `<link rel="preload" href="${name}" as="fetch" type="application/octet-stream" crossorigin data-borderlines-corpus data-bytes="${gzip.length}" />\n  `;
  const at = html.search(/<\/head>/i);
  if (at < 0) throw new Error(`${indexPath} has no </head>`);
  writeFileSync(indexPath, html.slice(0, at) + link + html.slice(at));
  console.log(`[corpus-data] ${dir}: ${name}, ${blob.length} bytes, ${gzip.length} gzip`);
  return name;
}
