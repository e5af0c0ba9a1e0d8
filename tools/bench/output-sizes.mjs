/**
 * Sizes of a built site for the benchmark: the whole output, the Pagefind index, the lookup
 * index, and the weight of code pages (HTML plus the CSS and JS each page references, gzip),
 * with a check that each page carries its text in the HTML (readable without JavaScript).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(sep).join('/'))
    .filter((name) => statSync(join(dir, name)).isFile());
}

/** Raw and gzip bytes of a set of files. Already-compressed files (Pagefind's) count as they are. */
function sizeOf(dir, files, { gzip = true } = {}) {
  let raw = 0;
  let compressed = 0;
  for (const file of files) {
    const buffer = readFileSync(join(dir, file));
    raw += buffer.length;
    if (gzip) compressed += /\.(pf_\w+|gz|br|woff2?|png|jpe?g|webp)$/.test(file) ? buffer.length : gzipSize(buffer);
  }
  return gzip ? { files: files.length, raw, gzip: compressed } : { files: files.length, raw };
}

/** HTML pages of the site, Pagefind's own files left out. */
export function countPages(dir) {
  return listFiles(dir).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/')).length;
}

/**
 * Output sizes: the whole folder (raw and gzip), the Pagefind index, and the lookup index
 * (the JSON the lookup engine fetches, wherever the site emits it: any .json whose path names
 * "lookup"), with the largest single lookup file, since the first answer needs at least one.
 */
export function measureOutput(dir) {
  const files = listFiles(dir);
  const pagefind = files.filter((file) => file.startsWith('pagefind/'));
  const lookup = files.filter((file) => /lookup/i.test(file) && /\.json$/.test(file));
  const lookupSizes = lookup.map((file) => ({ file, ...sizeOf(dir, [file]) })).sort((a, b) => b.gzip - a.gzip);
  return {
    site: sizeOf(dir, files),
    pagefind: sizeOf(dir, pagefind, { gzip: false }),
    lookupIndex: lookup.length ? { ...sizeOf(dir, lookup), largestFile: lookupSizes[0] } : null,
  };
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text content of the first <main>, tags dropped and entities decoded: what a reader without JS sees. */
function mainText(html) {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? '';
  return normalise(
    main
      .replace(/<(template|script|style)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name) =>
        name[0] === '#'
          ? String.fromCodePoint(Number(name[1] === 'x' ? `0${name.slice(1)}` : name.slice(1)))
          : (ENTITIES[name] ?? entity),
      ),
  );
}

/** Whitespace collapsed, and template braces dropped, since pages may style placeholders as elements. */
function normalise(text) {
  return text.replace(/[{}]/g, '').replace(/\s+/g, ' ');
}

/** Local CSS and JS a page loads: stylesheets, module scripts and module preloads. */
function assetsOf(html) {
  const urls = new Set();
  for (const tag of html.match(/<(link|script)\b[^>]*>/gi) ?? []) {
    const isStyle = /rel=["']?stylesheet/i.test(tag);
    const isPreload = /rel=["']?modulepreload/i.test(tag);
    const href = /\s(?:href|src)=["']?([^"' >]+)/i.exec(tag)?.[1];
    if (!href || /^(https?:)?\/\//.test(href)) continue;
    if (tag.toLowerCase().startsWith('<script') || isStyle || isPreload) urls.add(href);
  }
  return [...urls];
}

/**
 * Weight of code pages: for each sampled code, HTML + referenced CSS/JS, gzip; and whether the
 * code's message, cause and resolution are in the server-rendered <main>.
 * `codes` come from `readCodes`; `basePath` is the site's base ('/' here).
 */
export function measureCodePages(dir, codes, { sample = 40, basePath = '/' } = {}) {
  const step = Math.max(1, Math.floor(codes.length / sample));
  const picked = codes.filter((_, index) => index % step === 0).slice(0, sample);
  // An asset is a file under the site; JS counts with the modules it imports statically
  // (dynamic import() is lazy, so it is not part of the page's weight).
  const fileOf = (url) => resolve(dir, url.replace(/[?#].*$/, '').slice(basePath.length));
  const gzipCache = new Map();
  const gzipOf = (path) => {
    if (!gzipCache.has(path)) gzipCache.set(path, gzipSize(readFileSync(path)));
    return gzipCache.get(path);
  };
  const closure = (path, seen) => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    if (!path.endsWith('.js')) return;
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      closure(match[1].startsWith('/') ? fileOf(match[1]) : resolve(path, '..', match[1]), seen);
    }
  };
  const pages = [];
  const unreadable = [];
  for (const code of picked) {
    const file = join(dir, 'codes', code.codeSpace, code.slug, 'index.html');
    if (!existsSync(file)) {
      unreadable.push(`${code.codeSpace}:${code.code} (no page)`);
      continue;
    }
    const html = readFileSync(file);
    const text = mainText(html.toString('utf8'));
    const missingText = ['message', 'cause', 'resolution'].filter((field) => !text.includes(normalise(code[field])));
    if (missingText.length)
      unreadable.push(`${code.codeSpace}:${code.code} (${missingText.join(', ')} not in the HTML)`);
    const weight = { html: gzipSize(html), css: 0, js: 0 };
    const assets = new Set();
    for (const url of assetsOf(html.toString('utf8'))) closure(fileOf(url), assets);
    for (const path of assets) weight[path.endsWith('.css') ? 'css' : 'js'] += gzipOf(path);
    pages.push({
      code: `${code.codeSpace}:${code.code}`,
      htmlRaw: html.length,
      ...weight,
      total: weight.html + weight.css + weight.js,
    });
  }
  pages.sort((a, b) => a.total - b.total);
  const median = pages[Math.floor(pages.length / 2)];
  return {
    sampled: pages.length,
    median: median ?? null,
    max: pages[pages.length - 1] ?? null,
    readableWithoutJs: unreadable.length === 0 && pages.length > 0,
    unreadable: unreadable.slice(0, 10),
  };
}

/** The `count` largest HTML pages of the site (Pagefind's files left out), by raw bytes. */
export function largestPages(dir, count = 3) {
  return listFiles(dir)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => ({ file, bytes: statSync(join(dir, file)).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
