/**
 * `errorCatalog()`: the one Astro integration that turns a catalog folder into the error-reference
 * site. In astro.config.mjs: `integrations: [errorCatalog({ catalogDir: 'catalog' })]`.
 *
 * - `astro:config:setup` validates the options, adds MDX (the guides), gives pages the options
 *   through `virtual:error-catalog/options`, and loads and checks the catalog once: a bad catalog
 *   stops `astro build` with an AstroError listing every problem (file:line, field, fix).
 * - `astro:server:setup` (dev) watches the catalog folder and reloads the open page on a change;
 *   a mistake shows in the dev overlay until it is fixed.
 * - `astro:build:done` writes the sitemap and `_redirects`, then the Pagefind search index, so
 *   `astro build` alone yields the whole site.
 */
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogOnce } from '../catalog/index';
import { catalogWarnings } from '../catalog/check-catalog';
import { CatalogError, formatWarnings } from '../catalog/problems';
import { catalogAstroError } from './catalog-error';
import { errorCatalogOptionsSchema, type ErrorCatalogOptions, type ErrorCatalogUserOptions } from './options';
import { writeSearchIndex } from './pagefind';
import { writePublishingFiles } from './publishing-hooks';
import { virtualModulesPlugin } from './virtual-modules';

export function errorCatalog(userOptions: ErrorCatalogUserOptions = {}): AstroIntegration {
  const parsed = errorCatalogOptionsSchema.safeParse(userOptions);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.') || 'options'}: ${issue.message}`);
    throw new AstroError(
      `Invalid errorCatalog() options in astro.config.mjs:\n${lines.join('\n')}`,
      'errorCatalog() takes { catalogDir?: string, search?: boolean }.',
    );
  }
  let options: ErrorCatalogOptions;
  let base = '/';
  let site = 'http://localhost/';

  return {
    name: 'error-catalog',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const catalogDir = isAbsolute(parsed.data.catalogDir)
          ? parsed.data.catalogDir
          : resolve(root, parsed.data.catalogDir);
        options = { ...parsed.data, catalogDir };
        updateConfig({
          integrations: [mdx()],
          vite: { plugins: [virtualModulesPlugin(options)] },
        });
        try {
          // Kept for the pages of this build, so the catalog is parsed once.
          const catalog = loadCatalogOnce(catalogDir);
          logger.info(
            `${relative(process.cwd(), catalogDir) || '.'}/: ${catalog.codes.length} codes, ${catalog.statuses.length} statuses`,
          );
          const warnings = catalogWarnings(catalog);
          if (warnings.length) logger.warn(formatWarnings(relative(process.cwd(), catalogDir) || '.', warnings));
        } catch (error) {
          if (!(error instanceof CatalogError)) throw error;
          // A build stops here, before anything is rendered. In dev the server stays up: the page
          // shows the same report in the overlay (getCatalog throws it) until the file is fixed.
          if (command === 'build') throw catalogAstroError(error);
          logger.error(error.message);
        }
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
      },
      'astro:server:setup': ({ server }) => {
        server.watcher.add(options.catalogDir);
        const reload = (file: string) => {
          if (!file.startsWith(options.catalogDir) || file.endsWith('.mdx')) return;
          // The model is re-read (only the files that changed) on the next request; every page
          // depends on it, so the open page reloads.
          server.ws.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        const catalog = loadCatalogOnce(options.catalogDir);
        logger.info(writePublishingFiles({ outDir, routes: pages.map((page) => page.pathname), base, site, catalog }));
        if (options.search) {
          const started = performance.now();
          const { pages: indexed } = await writeSearchIndex(outDir);
          logger.info(
            `search: Pagefind indexed ${indexed} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        }
      },
    },
  };
}

export type { ErrorCatalogUserOptions } from './options';
