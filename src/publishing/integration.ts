/**
 * Astro integration for what a static host needs beside the pages: after the build it writes the
 * sitemap (every page Astro rendered, minus the 404 and redirect pages) and the `_redirects` file
 * for old code URLs, both with the base path. Runs in astro.config.mjs.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCatalog } from '../catalog';
import { codeRedirects, redirectsFile } from './code-redirects';
import { isPageRoute, sitemapFiles } from './sitemap';

/** Routes of pages that are not content: search engines should not list them. */
const NOT_CONTENT = new Set(['404/', '404', '500/', '500']);

export function publishingIntegration(): AstroIntegration {
  let base = '/';
  let site = 'http://localhost/';
  return {
    name: 'error-catalog-publishing',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        const redirects = codeRedirects(getCatalog());
        const redirected = new Set(redirects.map((redirect) => redirect.from));
        const routes = pages
          .map((page) => page.pathname)
          .filter((route) => isPageRoute(route) && !NOT_CONTENT.has(route) && !redirected.has(route));
        const write = (name: string, content: string) => {
          const path = join(outDir, name);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, content);
        };
        const files = sitemapFiles(routes, base, site);
        for (const file of files) write(file.name, file.content);
        write('_redirects', redirectsFile(redirects, base));
        logger.info(`sitemap: ${routes.length} pages in ${files.length} file(s); _redirects: ${redirects.length} old code URL(s)`);
      },
    },
  };
}
