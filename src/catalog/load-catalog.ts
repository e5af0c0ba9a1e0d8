/** Loads a catalog folder into the model, or throws one CatalogError listing every problem. */
import { checkCatalog } from './check-catalog';
import type { Catalog } from './model';
import { CatalogError } from './problems';

/** Reads, validates and cross-checks `dir` (see `checkCatalog`). Throws `CatalogError` when anything is wrong. */
export function loadCatalog(dir: string): Catalog {
  const { catalog, problems, warnings, root } = checkCatalog(dir);
  if (!catalog) throw new CatalogError(root, problems, warnings);
  return catalog;
}
