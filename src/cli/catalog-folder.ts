/**
 * The CLI's one door to the catalog loader: the same reading, schema checks and cross-checks the
 * build runs (src/catalog/), so `check` and the build can never disagree. Every command that reads
 * or changes a catalog goes through here.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCatalog } from '../catalog/check-catalog';
import type { Catalog } from '../catalog/model';
import type { CatalogProblem } from '../catalog/problems';
import type { CatalogFiles } from '../catalog/read-catalog';
import { InputError } from './errors';

/** What the loader made of a catalog folder. `catalog` is set only when there is no problem. */
export interface InspectedCatalog {
  files: CatalogFiles;
  catalog?: Catalog;
  problems: CatalogProblem[];
  /** Files the build does not read (a stray notes.txt): reported, but they fail nothing. */
  warnings: CatalogProblem[];
}

/** Reads, validates and cross-checks the folder `dir` (`checkCatalog`), collecting every problem. */
export function inspectCatalog(dir: string): InspectedCatalog {
  const { files, catalog, problems, warnings } = checkCatalog(dir);
  return catalog ? { files, catalog, problems, warnings } : { files, problems, warnings };
}

/** Refuses, as bad input, a catalog folder that does not exist or is a file. */
export function requireCatalogFolder(dir: string, hint: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(resolve(dir)).isDirectory();
  } catch {
    throw new InputError(`There is no catalog folder at ${dir}. ${hint}`);
  }
  if (!isFolder) throw new InputError(`${dir} is a file, not a catalog folder. ${hint}`);
}
