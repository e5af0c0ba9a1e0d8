/**
 * The catalog this build (or dev server) renders, for pages and components: the folder comes from
 * the integration's options (`virtual:error-catalog/options`). A build loads it once; the dev
 * server checks on each request whether a file changed, re-reads only what did, and shows a
 * broken catalog as an AstroError in the overlay until it is fixed. The public site gets the
 * catalog without its internal fields (../catalog/audience.ts).
 */
import options from 'virtual:error-catalog/options';
import { catalogForAudience } from '../catalog/audience';
import { loadCatalogOnce } from '../catalog/index';
import type { Catalog } from '../catalog/model';
import { CatalogError } from '../catalog/problems';
import { catalogAstroError } from './catalog-error';

let built: Catalog | undefined;

export function getCatalog(): Catalog {
  if (built) return built;
  try {
    // In dev, each file's parse is kept, so an edit re-reads only the file that changed.
    // The public site's model has no internal field, so no page, index or export can show one.
    const catalog = catalogForAudience(
      loadCatalogOnce(options.catalogDir, { incremental: import.meta.env.DEV }),
      options.audience,
    );
    // Files do not change during a build; components ask for the catalog thousands of times.
    if (!import.meta.env.DEV) built = catalog;
    return catalog;
  } catch (error) {
    throw error instanceof CatalogError ? catalogAstroError(error, import.meta.env.DEV ? 'dev' : 'build') : error;
  }
}
