/**
 * What a static host needs beside the pages, written after the build: the sitemap (every page
 * Astro rendered, minus the 404 and redirect pages) and the `_redirects` file for old code URLs,
 * both under the base path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Catalog } from '../catalog/model';
import { codeRedirects, redirectsFile } from '../publishing/code-redirects';
import { isPageRoute, sitemapFiles } from '../publishing/sitemap';

/** Routes of pages that are not content: search engines should not list them. */
const NOT_CONTENT = new Set(['404/', '404', '500/', '500']);

/** Writes the sitemap files and `_redirects` into `outDir`; returns a one-line summary. */
export function writePublishingFiles(options: {
  outDir: string;
  routes: string[];
  base: string;
  site: string;
  catalog: Catalog;
}): string {
  const redirects = codeRedirects(options.catalog);
  const redirected = new Set(redirects.map((redirect) => redirect.from));
  const routes = options.routes.filter(
    (route) => isPageRoute(route) && !NOT_CONTENT.has(route) && !redirected.has(route),
  );
  const write = (name: string, content: string) => {
    const path = join(options.outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  const files = sitemapFiles(routes, options.base, options.site);
  for (const file of files) write(file.name, file.content);
  write('_redirects', redirectsFile(redirects, options.base));
  return `sitemap: ${routes.length} pages in ${files.length} file(s); _redirects: ${redirects.length} old code URL(s)`;
}
