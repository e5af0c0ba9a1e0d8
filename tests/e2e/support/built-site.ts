/**
 * What the quality gates know about the built site under test: its output folder, base path and
 * the page routes its sitemap lists. Gates read the sitemap (not a hand-kept list), so every page
 * any route adds is covered as soon as it is built.
 */
import type { TestInfo } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { siteOfSpec } from '../../../tools/test-sites.mjs';

export interface BuiltSite {
  name: string;
  outDir: string;
  /** `/` or e.g. `/docs/errors/`. */
  basePath: string;
  catalogDir: string;
  /** `'kinds'`: the sweep opens one page of each kind, not every page (tools/test-sites.mjs). */
  sweep?: 'all' | 'kinds';
}

/**
 * The site the running spec tests: its spec file matches the site's `testMatch` (tools/test-sites.mjs).
 * The spec file is the first entry of the title path; `testInfo.file` is where `test()` was called,
 * which for the shared gates and checklists is a helper of tests/e2e/support/.
 */
export function siteOf(testInfo: TestInfo): BuiltSite {
  const site = siteOfSpec(testInfo.titlePath[0]!);
  if (!site) throw new Error(`no site in tools/test-sites.mjs has ${testInfo.titlePath[0]} in its testMatch`);
  if (!existsSync(site.outDir))
    throw new Error(`site "${site.name}" is not built: run node tools/build-test-sites.mjs ${site.name}`);
  return site;
}

/** `<loc>` values of the sitemap: its index (`sitemap-index.xml`, @astrojs/sitemap) followed into its parts. */
export function sitemapUrls(site: BuiltSite): string[] {
  const locs = (file: string) =>
    [...readFileSync(join(site.outDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) =>
      decodeXml(match[1]!),
    );
  // The parts are written at the root of the output folder whatever the base path.
  return locs('sitemap-index.xml').flatMap((part) => locs(part.slice(part.lastIndexOf('/') + 1)));
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The sitemap's pages as routes relative to the base path (`''`, `codes/`, `codes/core/1000/`), for
 * `page.goto(route)` against the project's baseURL. Fails when a URL lies outside the base path.
 */
export function sitemapRoutes(site: BuiltSite): string[] {
  return sitemapUrls(site).map((url) => {
    const { pathname } = new URL(url);
    if (!pathname.startsWith(site.basePath))
      throw new Error(`sitemap URL ${url} is outside the base path ${site.basePath}`);
    return decodeURI(pathname.slice(site.basePath.length));
  });
}

/** A relative route as a string page.goto() resolves against the baseURL (`''` → `./`). */
export function gotoPath(route: string): string {
  return route === '' ? './' : route;
}

/** Every HTML file of the output folder (Pagefind's own files excluded), relative, with `/`. */
export function htmlFiles(site: BuiltSite): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
      } else if (entry.name.endsWith('.html')) {
        files.push(relative(site.outDir, path).split(sep).join('/'));
      }
    }
  };
  walk(site.outDir);
  return files.sort();
}

/** Route of an HTML file: `codes/index.html` → `codes/`, `404.html` → `404.html`. */
export function routeOfFile(file: string): string {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Routes of the redirect pages (old code URLs): pages whose head holds a meta refresh. */
export function redirectRoutes(site: BuiltSite): string[] {
  return htmlFiles(site)
    .filter((file) => /<meta http-equiv="refresh"/i.test(readFileSync(join(site.outDir, file), 'utf8')))
    .map(routeOfFile);
}

/** The site's catalog.json (format: docs/catalog-json.md). */
export function catalogJson(site: BuiltSite): CatalogJson {
  return JSON.parse(readFileSync(join(site.outDir, 'catalog.json'), 'utf8')) as CatalogJson;
}

/** The parts of catalog.json the gates use as their oracle. */
export interface CatalogJson {
  formatVersion: number;
  api: { name: string; description: string };
  urls: Record<string, string>;
  surfaces: Array<{ id: string; name: string; description: string; url: string }>;
  envelopes: Array<{ id: string; name: string; description: string; url: string }>;
  statuses: Array<{ status: number; reason: string; meaning: string; action: string | null; url: string }>;
  codeSpaces: Array<{ id: string; name: string; url: string; codes: string[] }>;
  ranges: Array<{
    codeSpace: string;
    slug: string;
    from: number;
    to: number;
    name: string;
    meaning: string;
    url: string;
  }>;
  codes: Array<{
    key: string;
    code: string;
    title: string;
    status: number;
    message: string;
    cause: string;
    resolution: string | null;
    deprecated: { since: string; replacedBy: string | null; note: string | null } | null;
    formerly: string[];
    url: string;
  }>;
  messageAreas: Array<{ slug: string; name: string; url: string }>;
  messages: Array<{ id: string; message: string; resolution: string | null; url: string }>;
  headers: Array<{ name: string; meaning: string; url: string }>;
  operations: Array<{
    key: string;
    surface: string;
    method: string;
    path: string;
    summary: string | null;
    statuses: number[];
    codes: string[];
    url: string;
  }>;
}

/** Path of an absolute site URL relative to the base path: `https://x/docs/errors/codes/` → `codes/`. */
export function routeOfUrl(url: string, site: BuiltSite): string {
  const { pathname, hash } = new URL(url);
  if (!pathname.startsWith(site.basePath)) throw new Error(`${url} is outside the base path ${site.basePath}`);
  return `${decodeURI(pathname.slice(site.basePath.length))}${hash}`;
}

/** Collapses whitespace, so text from YAML and from rendered HTML compare equal. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
