/**
 * `errorCatalog()`: the one Astro integration that turns a catalog folder into the error-reference
 * site. In astro.config.mjs: `integrations: [errorCatalog({ catalogDir: 'catalog' })]`.
 *
 * - `astro:config:setup` validates the options, adds MDX (the guides) and the sitemap, gives pages
 *   the options through `virtual:error-catalog/options`, and loads and checks the catalog once: a
 *   bad catalog stops `astro build` with an AstroError listing every problem (file:line, field, fix).
 * - `astro:server:setup` (dev) watches the catalog folder; on a change it re-checks the catalog
 *   (parsing only the changed file) and reloads the open page; a mistake shows in the terminal and
 *   in the dev overlay until it is fixed; it serves the lookup index files from the catalog as it is.
 * - `astro:build:done` writes `_redirects`, the lookup index files, then the Pagefind search
 *   index, and the sitemap integration (`@astrojs/sitemap`, added here) writes the sitemap, so
 *   `astro build` alone yields the whole site.
 */
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogForAudience } from '../catalog/audience';
import { checkCatalogOnce, loadCatalogOnce } from '../catalog/index';
import type { Catalog } from '../catalog/model';
import { siteLookupIndex } from '../lookup/site-index';
import { routes } from '../view/routes';
import { CatalogError, formatWarnings } from '../catalog/problems';
import { catalogAstroError } from './catalog-error';
import { devWatchIgnored } from './dev-watch';
import { parseErrorCatalogOptions, type ErrorCatalogOptions, type ErrorCatalogUserOptions } from './options';
import { writeSearchIndex } from './pagefind';
import { sitemapPageFilter, writeRedirectsFile } from './publishing-hooks';
import { virtualModulesPlugin } from './virtual-modules';

/** How long the catalog folder must be quiet after a change before it is read (one save, several events). */
const SAVE_SETTLE_MS = 30;

export function errorCatalog(userOptions: ErrorCatalogUserOptions = {}): AstroIntegration {
  const parsed = parseErrorCatalogOptions(userOptions);
  let options: ErrorCatalogOptions;
  let base = '/';
  let site = 'http://localhost/';
  let sitemapFilter: ((url: string) => boolean) | undefined;
  /** The warnings last printed (dev prints them again only when they change). */
  let warned = '';
  /** Asked by the sitemap at the end of the build, once the catalog and the config are known. */
  const listedInSitemap = (url: string) => {
    sitemapFilter ??= sitemapPageFilter(loadCatalogOnce(options.catalogDir), base, site);
    return sitemapFilter(url);
  };

  return {
    name: 'error-catalog',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const catalogDir = isAbsolute(parsed.catalogDir) ? parsed.catalogDir : resolve(root, parsed.catalogDir);
        options = { ...parsed, catalogDir };
        // A project that adds MDX or the sitemap itself keeps its own configuration of them.
        const added = new Set(config.integrations.map((integration) => integration.name));
        const integrations: AstroIntegration[] = [];
        if (!added.has('@astrojs/mdx'))
          integrations.push(
            // Static MDX subtrees become HTML strings: Shiki's thousands of token spans in the guides
            // no longer reach Rollup as JSX calls (its tree-shaking was the bulk of the server bundle
            // phase). `table` stays an element, since guides map it to ProseTable (src/pages/guides/).
            mdx({ optimize: { ignoreElementNames: ['table'] } }),
          );
        if (options.sitemap && !added.has('@astrojs/sitemap'))
          integrations.push(
            sitemap({
              filter: (url) => listedInSitemap(url),
              // Plain page URLs: no news, image, video or alternate-language entries to declare.
              namespaces: { news: false, xhtml: false, image: false, video: false },
            }),
          );
        const project = dirname(fileURLToPath(config.srcDir));
        const ignored = devWatchIgnored(project, root.replace(/[\\/]+$/, ''), fileURLToPath(config.outDir));
        updateConfig({
          integrations,
          vite: { plugins: [virtualModulesPlugin(options)], server: { watch: { ignored: [ignored] } } },
        });
        try {
          // Kept for the pages of this build, so the catalog is parsed once.
          const catalog = loadCatalogOnce(catalogDir, { incremental: command === 'dev' });
          logger.info(
            `${relative(process.cwd(), catalogDir) || '.'}/: ${catalog.codes.length} codes, ${catalog.statuses.length} statuses`,
          );
          // Files the build does not read: printed, and the build goes on. (A refused catalog's
          // report lists them after its problems.)
          const { warnings, root: shown } = checkCatalogOnce(catalogDir, { incremental: command === 'dev' });
          warned = warnings.length ? formatWarnings(shown, warnings) : '';
          if (warned) logger.warn(warned);
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
      'astro:server:setup': ({ server, logger }) => {
        const dir = options.catalogDir;
        // The catalog may live outside the project (CATALOG_DIR), where Vite does not watch.
        server.watcher.add(dir);
        const changed = new Set<string>();
        let settle: ReturnType<typeof setTimeout> | undefined;
        // Check the catalog now, not when the page asks: the report reaches the terminal even with
        // no page open, and the reloaded page finds the model ready. Only the changed files are
        // parsed again; the cross-checks run over all files.
        const checkAndReload = () => {
          const files = [...changed].map((file) => relative(dir, file));
          changed.clear();
          const started = performance.now();
          try {
            const catalog = loadCatalogOnce(dir, { incremental: true });
            const ms = Math.round(performance.now() - started);
            const what = files.length === 1 ? files[0] : `${files.length} files`;
            logger.info(`${what} changed: ${catalog.codes.length} codes checked in ${ms} ms`);
            const { warnings, root } = checkCatalogOnce(dir, { incremental: true });
            const report = warnings.length ? formatWarnings(root, warnings) : '';
            if (report && report !== warned) logger.warn(report);
            warned = report;
          } catch (error) {
            // The page shows the same report in the overlay until the file is fixed (it lists the
            // warnings too).
            logger.error(error instanceof Error ? error.message : String(error));
            warned = '';
          }
          // Guides are the content collection's: it reloads their pages itself. They are checked
          // with the catalog all the same (their links and MDX), so a mistake reaches the terminal.
          if (files.some((file) => !file.endsWith('.mdx'))) server.ws.send({ type: 'full-reload', path: '*' });
        };
        const onCatalogChange = (file: string) => {
          if (!file.startsWith(dir + sep)) return;
          changed.add(file);
          // An editor's save can arrive as several events (the file emptied, then written): read it
          // once they have settled, never half-written.
          clearTimeout(settle);
          settle = setTimeout(checkAndReload, SAVE_SETTLE_MS);
        };
        server.watcher.on('change', onCatalogChange);
        server.watcher.on('add', onCatalogChange);
        server.watcher.on('unlink', onCatalogChange);
        // The lookup index, from the catalog as it is now (`astro build` writes the same files).
        const indexFolder = `${base.replace(/\/?$/, '/')}${routes.lookupIndexFolder()}/`;
        server.middlewares.use((request, response, next) => {
          // Vite takes the base path off `url` before this runs under a sub-path; `originalUrl` keeps it.
          const path = (request.originalUrl ?? request.url ?? '').split('?')[0]!;
          if (!path.startsWith(indexFolder) || !path.endsWith('.json')) return next();
          let json: string | undefined;
          try {
            const catalog = catalogForAudience(loadCatalogOnce(dir, { incremental: true }), options.audience);
            json = siteLookupIndex(catalog).json.get(decodeURIComponent(path.slice(indexFolder.length, -5)));
          } catch (error) {
            // The page shows the catalog's report in the overlay; the lookup says its index failed.
            response.statusCode = 503;
            return void response.end(error instanceof Error ? error.message : String(error));
          }
          if (json === undefined) return next();
          response.setHeader('Content-Type', 'application/json; charset=utf-8');
          response.end(json);
        });
      },
      'astro:build:setup': ({ vite, target }) => {
        // The server bundle of a static build only renders the pages and is then deleted: nothing
        // is gained by tree-shaking it, and Rollup's tree-shaking was most of the bundle phase.
        if (target === 'server') {
          vite.build ??= {};
          vite.build.rollupOptions = { ...vite.build.rollupOptions, treeshake: false };
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const catalog = loadCatalogOnce(options.catalogDir);
        logger.info(writeRedirectsFile({ outDir, base, catalog }));
        logger.info(writeLookupIndex(outDir, catalogForAudience(catalog, options.audience)));
        if (options.search) {
          const started = performance.now();
          // Pagefind reads each page's <main> only, the element that holds `data-pagefind-body`
          // (src/layouts/Base.astro): the same index, byte for byte, without parsing every page's
          // header, navigation and footer (at 5,000 codes, reading the pages took 3.3 → 2.8 s).
          const { pages: indexed } = await writeSearchIndex(outDir, { rootSelector: 'main' });
          logger.info(
            `search: Pagefind indexed ${indexed} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        }
      },
    },
  };
}

/**
 * Writes the lookup index shards (`lookup-index/<shard>.json`) into the built site: thousands of small
 * files at a large catalog, each of which cost a route render when a page route wrote them.
 */
function writeLookupIndex(outDir: string, catalog: Catalog): string {
  const { json } = siteLookupIndex(catalog);
  mkdirSync(join(outDir, routes.lookupIndexFolder()), { recursive: true });
  for (const [shard, text] of json) writeFileSync(join(outDir, routes.lookupIndexShard(shard)), text);
  return `lookup: wrote ${json.size} index files to ${routes.lookupIndexFolder()}/`;
}

export type { ErrorCatalogUserOptions } from './options';
