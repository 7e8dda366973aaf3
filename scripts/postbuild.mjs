#!/usr/bin/env node
// Finishes a Trunk build for publishing. Runs as Trunk's post_build hook (Trunk.toml), on the
// staging directory ($TRUNK_STAGING_DIR) after Trunk has written index.html, so every
// `trunk build` / `trunk serve` gets it; it can also be run by hand. Idempotent.
//
//   node scripts/postbuild.mjs [DIST_DIR]          finish DIST_DIR (default $TRUNK_STAGING_DIR)
//   node scripts/postbuild.mjs --check DIST_DIR    only verify DIST_DIR was finished; exit 1 if not
//
// It first packs the corpus beside the wasm (scripts/corpus-data.mjs: corpus-<hash>.bin and a
// preload link in index.html); then it (a) puts a Content-Security-Policy <meta> first in <head>, allowing the inline scripts Trunk
// emitted by their sha256 and nothing else inline; (b) writes 404.html, which sends any unknown path
// under the site back to the app keeping the query and fragment (GitHub Pages serves it for every
// missing path); (c) fails if index.html or the CSS still has a root-absolute or off-site reference
// that would break under another sub-path.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS_LINK, packCorpus } from './corpus-data.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CSP_META = /<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>\s*/gi;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;

/** The CSP source expression for an inline element's text, as the browser hashes it. */
export function hashSource(text) {
  // The HTML parser turns CRLF and lone CR into LF before the script sees its text.
  const normalized = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalized, 'utf8').digest('base64')}'`;
}

function attr(attrs, name) {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Inline scripts the browser would execute (not src=, not data blocks such as JSON). */
export function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(SCRIPT)) {
    const [, attrs, body] = m;
    if (attr(attrs, 'src') !== undefined) continue;
    const type = (attr(attrs, 'type') ?? '').trim().toLowerCase();
    if (type && type !== 'module' && !/^(text|application)\/(x-)?(java|ecma)script$/.test(type)) continue;
    out.push(body);
  }
  return out;
}

export function inlineStyles(html) {
  return [...html.matchAll(STYLE)].map((m) => m[2]);
}

/** The site's public URL as Trunk wrote it into <base href>, else $TRUNK_PUBLIC_URL, else "/". */
function publicUrl(html) {
  const base = /<base\b([^>]*)>/i.exec(html);
  return (base && attr(base[1], 'href')) || process.env.TRUNK_PUBLIC_URL || '/';
}

export function sitePolicy(html) {
  const scripts = [...new Set(inlineScripts(html).map(hashSource))];
  const styles = [...new Set(inlineStyles(html).map(hashSource))];
  return [
    "default-src 'none'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scripts].join(' '),
    ['style-src', "'self'", ...styles].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Returns html with `policy` as the first element of <head> (any earlier CSP meta removed). */
export function withPolicy(html, policy) {
  const stripped = html.replace(CSP_META, '');
  const head = /<head\b[^>]*>/i.exec(stripped);
  if (!head) throw new Error('index.html has no <head>');
  const at = head.index + head[0].length;
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return stripped.slice(0, at) + meta + stripped.slice(at);
}

/** Problems that break the site at another sub-path, off-origin, or under the CSP. */
export function referenceProblems(html, css, base) {
  const problems = [];
  // Only the markup's tags: the text between them (the shell's cards hold corpus text, escaped,
  // which may well read `onerror=` or `javascript:`) is not markup.
  const tags = (html.replace(SCRIPT, '').replace(STYLE, '').match(/<[a-zA-Z][^>]*>/g) ?? []).join('\n');
  const rootAbsolute = base.startsWith('/') ? base : null; // the only allowed "/..." prefix
  const check = (where, url) => {
    if (/^\/\//.test(url)) problems.push(`${where}: protocol-relative URL ${url}`);
    else if (url.startsWith('/') && !(rootAbsolute && url.startsWith(rootAbsolute)))
      problems.push(`${where}: root-absolute URL ${url} (would break at another sub-path)`);
    else if (/^https?:/i.test(url) && !(/^https?:/i.test(base) && url.startsWith(base)))
      problems.push(`${where}: off-site URL ${url} (blocked by the CSP)`);
  };
  for (const m of tags.matchAll(/\s(href|src|srcset|poster|action|formaction)\s*=\s*["']([^"']*)["']/gi)) {
    if (m[1].toLowerCase() === 'href' && /<base\b[^>]*$/i.test(tags.slice(0, m.index + 1))) continue;
    check(`index.html ${m[1]}`, m[2].trim());
  }
  for (const body of inlineScripts(html))
    for (const m of body.matchAll(/(['"`])(\/[^'"`\s]*)\1/g)) check('index.html inline script', m[2]);
  for (const [name, text] of css)
    for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/gi))
      check(name, (m[1] ?? m[2]).trim());
  if (/\son[a-z]+\s*=/i.test(tags))
    problems.push('index.html: inline event handler attribute (blocked by the CSP)');
  if (/\sstyle\s*=\s*["']/i.test(tags))
    problems.push('index.html: style attribute (blocked by the CSP)');
  if (/javascript:/i.test(tags))
    problems.push('index.html: javascript: URL (blocked by the CSP)');
  return problems;
}

/** The 404 page: back to the app at `root`, keeping ?query and #fragment. */
export function notFoundPage(root) {
  const script =
    `(function () {\n` +
    `  var app = new URL(${JSON.stringify(root)}, location.href);\n` +
    `  // The app itself missing must not become a redirect loop.\n` +
    `  if (location.pathname === app.pathname || location.pathname === app.pathname + "index.html") return;\n` +
    `  app.search = location.search;\n` +
    `  app.hash = location.hash;\n` +
    `  location.replace(app.href);\n` +
    `})();\n`;
  const policy = `default-src 'none'; script-src ${hashSource(script)}; base-uri 'none'; form-action 'none'; object-src 'none'`;
  const href = root.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Borderlines: page not found</title>
    <script>${script}</script>
  </head>
  <body>
    <p>There is no page at this address. <a href="${href}">Open Borderlines</a>.</p>
  </body>
</html>
`;
}

function cssFiles(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.css')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/**
 * A hosted build paints its shell before it fetches the app: the preloads of the code and the
 * corpus become `data-after-paint` links, which index.html's last script turns back into preloads
 * once the shell has painted (at once for a link with a view), and Trunk's loader imports the code
 * only then. Idempotent.
 */
export function paintFirst(html) {
  const deferred = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const rel = attr(tag, 'rel');
    if (rel !== 'modulepreload' && !(rel === 'preload' && attr(tag, 'as') === 'fetch')) return tag;
    return tag.replace(/\brel="(modulepreload|preload)"/, 'data-after-paint="$1"');
  });
  const loader = /import init, \* as bindings from '([^']+)';/;
  if (!loader.test(deferred) && !deferred.includes('await window.__borderlinesPainted;')) {
    throw new Error("Trunk's loader script has changed: scripts/postbuild.mjs cannot make it wait for the first paint");
  }
  return deferred.replace(loader, (_, url) => `await window.__borderlinesPainted;\nconst bindings = await import('${url}');\nconst init = bindings.default;`);
}

/** The self-hosted fonts static/style.css names (`url(fonts/…)`), from their npm packages. */
const FONT_SCRIPTS = [['thai', 'thai'], ['khmer', 'khmer'], ['lao', 'lao'], ['myanmar', 'myanmar']];
const FONT_WEIGHTS = [400, 700];

/** Copies the fonts into DIR/fonts/. Throws when a package is missing (run `make setup`). */
export function copyFonts(dir) {
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  for (const [pkg, subset] of FONT_SCRIPTS) {
    for (const weight of FONT_WEIGHTS) {
      const name = `noto-sans-${pkg}-${subset}-${weight}-normal.woff2`;
      const from = join(ROOT, 'node_modules', '@fontsource', `noto-sans-${pkg}`, 'files', name);
      if (!existsSync(from)) throw new Error(`${from} is missing: run make setup (npm ci installs the fonts)`);
      copyFileSync(from, join(dir, 'fonts', name));
    }
  }
}

function finish(dir) {
  packCorpus(dir);
  copyFonts(dir);
  const indexPath = join(dir, 'index.html');
  let original = readFileSync(indexPath, 'utf8');
  const base = publicUrl(original);
  // The offline edition (a relative public URL) makes no request: nothing to wait for.
  if (base.startsWith('/') || /^https?:\/\//i.test(base)) original = paintFirst(original);
  const problems = referenceProblems(original, cssFiles(dir), base);
  if (problems.length) throw new Error(problems.join('\n'));
  const policy = sitePolicy(original);
  writeFileSync(indexPath, withPolicy(original, policy));
  const notFound = join(dir, '404.html');
  if (base.startsWith('/') || /^https?:\/\//i.test(base)) {
    writeFileSync(notFound, notFoundPage(base));
  } else {
    // A relative public URL (the offline edition) cannot know its site root: no 404 page.
    rmSync(notFound, { force: true });
  }
  console.log(`[postbuild] ${dir}: CSP set (${policy.match(/sha256-/g)?.length ?? 0} inline hash(es)), public URL ${base}` +
    (existsSync(notFound) ? ', 404.html written' : ''));
}

function check(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const errors = [];
  const head = /<head\b[^>]*>\s*(<[^>]*>)/i.exec(html);
  const first = head?.[1] ?? '';
  if (!/http-equiv=["']?content-security-policy/i.test(first)) errors.push('the first element of <head> is not the CSP meta');
  else {
    const policy = /content="([^"]*)"/i.exec(first)?.[1] ?? '';
    if (policy !== sitePolicy(html)) errors.push(`the CSP does not match the inline scripts/styles:\n  have ${policy}\n  want ${sitePolicy(html)}`);
  }
  const corpusLinks = [...html.matchAll(CORPUS_LINK)].map((m) => m[0]);
  const corpusLink = corpusLinks.map((link) => attr(link, 'href'));
  if (corpusLink.length !== 1 || !corpusLink[0] || !existsSync(join(dir, corpusLink[0]))) {
    errors.push(`index.html must link exactly one corpus file that exists (found ${JSON.stringify(corpusLink)})`);
  } else {
    // A sharded corpus: its texts' table, every pack of texts and postings shard beside its core.
    const packs = Number(attr(corpusLinks[0], 'data-packs') ?? 0);
    const shards = Number(attr(corpusLinks[0], 'data-shards') ?? 0);
    const table = attr(corpusLinks[0], 'data-texts');
    const stem = corpusLink[0].replace(/\.bin$/, '');
    const files = [...(table ? [table] : []), ...Array.from({ length: packs }, (_, i) => `${stem}-p${i}.bin`), ...Array.from({ length: shards }, (_, i) => `${stem}-i${i}.bin`)];
    const missing = files.filter((f) => !existsSync(join(dir, f)));
    if (missing.length) errors.push(`${missing.length} pack(s) of texts or postings shard(s) missing, such as ${missing[0]}`);
  }
  const base = publicUrl(html);
  if ((base.startsWith('/') || /^https?:\/\//i.test(base)) && !existsSync(join(dir, '404.html'))) errors.push('404.html is missing');
  errors.push(...referenceProblems(html.replace(CSP_META, ''), cssFiles(dir), base));
  if (errors.length) {
    console.error(`[postbuild --check] ${dir} is not finished (is the post_build hook in Trunk.toml?):\n- ${errors.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`[postbuild --check] ${dir}: corpus, CSP and 404.html in place`);
}

function main() {
  const args = process.argv.slice(2);
  const checkOnly = args[0] === '--check';
  const dir = (checkOnly ? args[1] : args[0]) ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node scripts/postbuild.mjs [--check] DIST_DIR   (or run as a Trunk post_build hook)');
    process.exit(2);
  }
  try {
    if (checkOnly) check(dir);
    else finish(dir);
  } catch (err) {
    console.error(`[postbuild] ${dir}: ${err.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
