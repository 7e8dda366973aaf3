#!/usr/bin/env node
// The offline edition: one self-contained HTML file that works from file:// and makes no request.
//
//   node scripts/offline.mjs BUILD_DIR OUT_FILE
//
// BUILD_DIR is a Trunk release build (`make offline` builds one with --public-url ./; a build
// under any other public URL works too, files are found by name). The stylesheet becomes a
// <style>, the favicon a data: URL, the wasm-bindgen JS one inline <script type="module">, and the
// wasm base64 in a non-executing <script type="application/octet-stream"> that the module decodes
// and hands to the async init; the corpus file, gzip as built, base64 in another such element that
// the app reads (src/data.rs) instead of fetching it; a corpus built in shards keeps them, one
// such element per pack of texts and postings shard (and one for the texts' table), decoded
// when a view needs it. Trunk's loader, preload links and <base> go. The CSP allows exactly
// these inline elements by sha256.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { hashSource, inlineScripts, inlineStyles } from './postbuild.mjs';

const WASM_ID = 'borderlines-wasm';
const MIME = {
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

function fail(message) {
  console.error(`[offline] ${message}`);
  process.exit(1);
}

function attr(attrs, name) {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

const [buildArg, outArg] = process.argv.slice(2);
if (!buildArg || !outArg) fail('usage: node scripts/offline.mjs BUILD_DIR OUT_FILE');
const dir = resolve(buildArg);
const out = resolve(outArg);
let html = readFileSync(join(dir, 'index.html'), 'utf8');
const baseHref = (() => {
  const m = /<base\b([^>]*)>/i.exec(html);
  return (m && attr(m[1], 'href')) || './';
})();
const used = new Set(['index.html']);

/** A URL in the build (./x, x, /sub/path/x or https://host/sub/path/x) to its file in `dir`. */
function local(url, from = dir) {
  let path = url.split(/[?#]/)[0];
  try { path = decodeURIComponent(path); } catch { /* keep it as written */ }
  const basePath = baseHref.replace(/^[a-z]+:\/\/[^/]+/i, '');
  if (/^[a-z]+:\/\/[^/]+/i.test(path)) path = path.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const candidates = [];
  if (basePath.startsWith('/') && path.startsWith(basePath)) candidates.push(join(dir, path.slice(basePath.length)));
  candidates.push(path.startsWith('/') ? join(dir, path) : join(from, path), join(dir, basename(path)));
  const file = candidates.find((c) => c.startsWith(dir) && existsSync(c) && statSync(c).isFile());
  if (!file) fail(`${url}: not found in ${dir}`);
  used.add(file.slice(dir.length + 1));
  return file;
}

const dataUrl = (file) => `data:${MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'};base64,${readFileSync(file).toString('base64')}`;
const isExternal = (url) => !url || /^(data:|blob:|#|about:)/i.test(url);

// 0. The corpus file the build packed (scripts/corpus-data.mjs), embedded below as base64 gzip.
const corpusLinks = [...html.matchAll(/<link\b([^>]*\bdata-borderlines-corpus\b[^>]*)>/gi)];
if (corpusLinks.length !== 1) fail(`expected one corpus link (data-borderlines-corpus) in index.html, found ${corpusLinks.length}`);
const corpusFile = local(attr(corpusLinks[0][1], 'href'));
used.add(basename(corpusFile));
// A corpus built in shards (scripts/corpus-data.mjs): its texts' table, packs and postings shards are
// embedded one element each, which the app decodes only when a view needs them, as the hosted
// site fetches them.
const stem = corpusFile.replace(/\.bin$/, '');
const count = (name) => Number(attr(corpusLinks[0][1], name) ?? 0);
const table = attr(corpusLinks[0][1], 'data-texts');
const corpusParts = [
  ...(table ? [['borderlines-texts', local(table)]] : []),
  ...Array.from({ length: count('data-packs') }, (_, i) => [`borderlines-pack-${i}`, `${stem}-p${i}.bin`]),
  ...Array.from({ length: count('data-shards') }, (_, i) => [`borderlines-shard-${i}`, `${stem}-i${i}.bin`]),
];
for (const [, file] of corpusParts) {
  if (!existsSync(file)) fail(`${basename(file)}: missing beside ${basename(corpusFile)}`);
  used.add(basename(file));
}
// The scripts the articles are written in: the file carries only their fonts (the hosted site
// fetches each when its text is on screen; a file has to hold them all up front).
const corpusText = [corpusFile, ...corpusParts.filter(([id]) => id.includes('pack')).map(([, f]) => f)]
  .map((f) => gunzipSync(readFileSync(f)).toString('utf8')).join('\n');
const FONT_SCRIPTS = { thai: /[\u0E01-\u0E5B]/u, khmer: /[\u1780-\u17FF\u19E0-\u19FF]/u, lao: /[\u0E81-\u0EDF]/u, myanmar: /[\u1000-\u109F]/u };
const scriptsUsed = new Set(Object.entries(FONT_SCRIPTS).filter(([, re]) => re.test(corpusText)).map(([name]) => name));

// 1. Trunk's loader names the wasm-bindgen JS and the wasm; remove it and the preload links.
let jsFile, wasmFile;
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>\s*/gi, (whole, attrs, body) => {
  if (attr(attrs, 'src') !== undefined) fail(`an external script remains: ${whole.slice(0, 120)}`);
  // Trunk's loader (`import init from '…js'`), or a hosted build's, which imports it after the
  // first paint (`await import('…js')`, scripts/postbuild.mjs).
  const js = /\bfrom\s*['"]([^'"]+\.js)['"]/.exec(body) ?? /\bimport\(\s*['"]([^'"]+\.js)['"]\s*\)/.exec(body);
  if (!js) return whole;
  jsFile = local(js[1]);
  const wasm = /['"]([^'"]+\.wasm)['"]/.exec(body);
  if (wasm) wasmFile = local(wasm[1]);
  return '';
});
jsFile ??= readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f))
  .find((f) => /export\s*\{[^}]*\bas default\b/.test(readFileSync(f, 'utf8')));
if (!jsFile) fail(`no wasm-bindgen JS found in ${dir}`);
if (!wasmFile) {
  const wasms = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
  if (wasms.length !== 1) fail(`expected exactly one .wasm in ${dir}, found ${wasms.join(', ') || 'none'}`);
  wasmFile = join(dir, wasms[0]);
}
used.add(basename(jsFile));
used.add(basename(wasmFile));
html = html
  .replace(/<link\b[^>]*\b(?:rel|data-after-paint)=["']?(?:modulepreload|preload|prefetch)\b[^>]*>\s*/gi, '')
  .replace(/<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>\s*/gi, '')
  .replace(/<base\b[^>]*>\s*/gi, '');

// 2. Stylesheets inline (their own url()s as data: URLs); icons as data: URLs.
function inlineCss(file) {
  const css = readFileSync(file, 'utf8')
    // The @font-face of a script no article uses goes.
    .replace(/@font-face\s*\{[^}]*\}/gi, (rule) => {
      const font = /noto-sans-([a-z]+)-/.exec(rule);
      return font && !scriptsUsed.has(font[1]) ? '' : rule;
    })
    .replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi, (whole, _q, url) =>
    isExternal(url.trim()) ? whole : `url("${dataUrl(local(url.trim(), dirname(file)))}")`);
  if (/@import\b/i.test(css)) fail(`${basename(file)}: @import is not supported offline`);
  if (/<\/style/i.test(css)) fail(`${basename(file)} contains "</style"`);
  return css;
}
html = html.replace(/<link\b([^>]*)>/gi, (whole, attrs) => {
  const rel = (attr(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
  const href = attr(attrs, 'href');
  if (isExternal(href)) return whole;
  if (rel.includes('stylesheet')) return `<style>${inlineCss(local(href))}</style>`;
  if (rel.some((r) => r === 'icon' || r === 'apple-touch-icon'))
    return `<link rel="${rel.join(' ')}" href="${dataUrl(local(href))}" />`;
  fail(`cannot inline <link${attrs}>`);
});

// 3. The app: wasm-bindgen's ES module inline, the wasm as base64 data, async init.
let js = readFileSync(jsFile, 'utf8');
if (/^\s*import\s*[\w{*'"]/m.test(js) || /\bimport\s*\(/.test(js))
  fail(`${basename(jsFile)} imports other modules (wasm-bindgen snippets?): inline them first`);
const exported = /export\s*\{([^}]*)\}/.exec(js)?.[1].split(',').map((s) => s.trim().split(/\s+as\s+/));
const init = exported?.find(([, alias]) => alias === 'default')?.[0]
  ?? /export\s+default\s+(?:async\s+)?(?:function\s+)?([A-Za-z_$][\w$]*)/.exec(js)?.[1];
if (!init) fail(`${basename(jsFile)} has no default export (the wasm-bindgen init)`);
if (/<!--/.test(js)) fail(`${basename(jsFile)} contains "<!--", which cannot go in an inline script`);
js = js.replace(/<\/script/gi, '<\\/script');
const loader = `${js}
{
  const data = document.getElementById(${JSON.stringify(WASM_ID)});
  const text = data.textContent.trim();
  data.remove();
  let bytes;
  if (typeof Uint8Array.fromBase64 === 'function') {
    bytes = Uint8Array.fromBase64(text);
  } else {
    const binary = atob(text);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  }
  const wasm = await ${init}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
`;
const wasmB64 = readFileSync(wasmFile).toString('base64');
const app = `<script type="application/octet-stream" id="${WASM_ID}">${wasmB64}</script>\n` +
  `<script type="module">${loader}</script>\n`;
if (!/<\/body>/i.test(html)) fail('index.html has no </body>');
// In <head>: the app replaces everything in <body> when it mounts, before it reads the corpus.
const corpusB64 = readFileSync(corpusFile).toString('base64');
if (!/<\/head>/i.test(html)) fail('index.html has no </head>');
const partsHtml = corpusParts
  .map(([id, file]) => `<script type="application/octet-stream" id="${id}">${readFileSync(file).toString('base64')}</script>\n`)
  .join('');
html = html.replace(/<\/head>/i, () => `<script type="application/octet-stream" id="borderlines-corpus">${corpusB64}</script>\n${partsHtml}</head>`);
html = html.replace(/<\/body>/i, `${app}</body>`);

// 4. Nothing may still point at a file; then the CSP, first in <head>.
for (const m of html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '').matchAll(/\s(?:href|src|srcset|poster)\s*=\s*["']([^"']*)["']/gi))
  if (!isExternal(m[1].trim())) fail(`a reference to a file remains: ${m[0].trim()}`);
const hashes = (list) => [...new Set(list.map(hashSource))].join(' ');
const policy = [
  "default-src 'none'",
  `script-src ${hashes(inlineScripts(html))} 'wasm-unsafe-eval'`,
  `style-src ${hashes(inlineStyles(html)) || "'none'"}`,
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const head = /<head\b[^>]*>/i.exec(html);
if (!head) fail('index.html has no <head>');
const at = head.index + head[0].length;
html = `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />${html.slice(at)}`;

mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);

// 5. Sizes: the one file against the files a normal (served) build transfers.
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const offlineBuf = readFileSync(out);
const normal = [...used].map((f) => readFileSync(join(dir, f)));
const normalRaw = normal.reduce((n, b) => n + b.length, 0);
const normalGz = normal.reduce((n, b) => n + gz(b), 0);
console.log(`[offline] wrote ${outArg}`);
console.log(`[offline] CSP: ${policy}`);
console.log(`[offline] offline file: ${kib(offlineBuf.length)} raw, ${kib(gz(offlineBuf))} gzip`);
const files = used.size <= 8 ? `: ${[...used].join(', ')}` : '';
console.log(`[offline] normal build (${used.size} files${files}): ${kib(normalRaw)} raw, ${kib(normalGz)} gzip`);
