/** Loads a catalog folder into the model, or throws one CatalogError listing every problem. */
import { buildModel } from './build-model';
import type { Catalog } from './model';
import { CatalogError } from './problems';
import { readCatalogFiles } from './read-catalog';

/** Reads, validates and cross-checks `dir`. Throws `CatalogError` when anything is wrong. */
export function loadCatalog(dir: string): Catalog {
  const { catalog, problems } = buildModel(readCatalogFiles(dir));
  if (!catalog || problems.length > 0) throw new CatalogError(dir, problems);
  return catalog;
}
