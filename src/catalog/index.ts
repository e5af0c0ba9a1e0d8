/** The catalog of the current build, loaded once per process. Pages import `getCatalog` from here. */
import { catalogDir } from './catalog-dir';
import { loadCatalog } from './load-catalog';
import type { Catalog } from './model';

let cached: { dir: string; catalog: Catalog } | undefined;

/** The model of the catalog in `CATALOG_DIR` (default `catalog/`), loaded on first use. */
export function getCatalog(): Catalog {
  const dir = catalogDir();
  if (!cached || cached.dir !== dir) cached = { dir, catalog: loadCatalog(dir) };
  return cached.catalog;
}

export type * from './model';
