/** Loads a catalog folder into the model, or throws one CatalogError listing every problem. */
import { checkCatalog } from './check-catalog';
import type { Catalog } from './model';
import { CatalogError } from './problems';
import type { ParsedFileCache } from './read-catalog';

/**
 * Reads, validates and cross-checks `dir` (see `checkCatalog`). Throws `CatalogError` when anything
 * is wrong. With a `cache`, only the files changed since its last use are read again.
 */
export function loadCatalog(dir: string, cache?: ParsedFileCache): Catalog {
  const { catalog, problems, warnings, root } = checkCatalog(dir, cache);
  // The folder is named as the problems name their files: relative to the working directory.
  if (!catalog) throw new CatalogError(root, problems, warnings);
  return catalog;
}
