/**
 * What a static host needs beside the pages: the `_redirects` file for old code URLs (written
 * after the build, under the base path), and which pages the sitemap (`@astrojs/sitemap`) lists:
 * every page except the redirect pages of old code URLs (`noindex`; the 404 page it leaves out itself).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/model';
import { absoluteUrl } from '../publishing/absolute-url';
import { codeRedirects, redirectsFile } from '../publishing/code-redirects';

/** Writes `_redirects` into `outDir`; returns a one-line summary. */
export function writeRedirectsFile(options: { outDir: string; base: string; catalog: Catalog }): string {
  const redirects = codeRedirects(options.catalog);
  writeFileSync(join(options.outDir, '_redirects'), redirectsFile(redirects, options.base));
  return `_redirects: ${redirects.length} old code URL(s)`;
}

/**
 * Whether the sitemap lists an absolute URL the build wrote: pages only (with `trailingSlash:
 * 'always'` every page URL ends with a slash; files such as catalog.json do not), and none of the
 * redirect pages of old code URLs.
 */
export function sitemapPageFilter(catalog: Catalog, base: string, site: string): (url: string) => boolean {
  const redirectPages = new Set(codeRedirects(catalog).map((redirect) => absoluteUrl(redirect.from, base, site)));
  return (url) => url.endsWith('/') && !redirectPages.has(url);
}
