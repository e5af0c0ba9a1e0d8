/** Loads a catalog folder into the model, or throws one CatalogError listing every problem. */
import { buildModel } from './build-model';
import type { Catalog } from './model';
import { CatalogError } from './problems';
import { readCatalogFiles, type ParsedFileCache } from './read-catalog';

/**
 * Reads, validates and cross-checks `dir`. Throws `CatalogError` when anything is wrong. With a
 * `cache`, only the files changed since its last use are read again; the cross-checks always run.
 */
export function loadCatalog(dir: string, cache?: ParsedFileCache): Catalog {
  const files = readCatalogFiles(dir, cache);
  const { catalog, problems } = buildModel(files);
  // Name the folder as the problems name their files: relative to the working directory.
  if (!catalog || problems.length > 0) throw new CatalogError(files.root, problems);
  return catalog;
}
