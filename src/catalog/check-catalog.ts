/**
 * The one validation of a catalog folder, shared by the build and the command line: every file
 * read and checked, every cross-check run, every problem and warning returned together.
 */
import { buildModel } from './build-model';
import type { Catalog } from './model';
import type { CatalogProblem } from './problems';
import { readCatalogFiles, type FileKind, type FileOutcome } from './read-catalog';

export interface CatalogCheck {
  /** The model, when the catalog has no problem. */
  catalog?: Catalog;
  /** What stops a build: each with its file, line, field and fix. */
  problems: CatalogProblem[];
  /** What a build prints and goes on with (files the build does not read, e.g. a stray notes.txt). */
  warnings: CatalogProblem[];
  /** The catalog folder as problems name it: relative to the working directory. */
  root: string;
}

/**
 * Reads and checks the catalog in `dir`. Never throws for a mistake in the catalog. `read` reads
 * one file (see `readCatalogFiles`), for callers that cache files between checks.
 */
export function checkCatalog(
  dir: string,
  read?: (path: string, file: string, kind: FileKind) => FileOutcome,
): CatalogCheck {
  const files = readCatalogFiles(dir, read);
  const { catalog, problems } = buildModel(files);
  if (catalog) warningsByCatalog.set(catalog, files.warnings);
  return { catalog: problems.length === 0 ? catalog : undefined, problems, warnings: files.warnings, root: files.root };
}

const warningsByCatalog = new WeakMap<Catalog, CatalogProblem[]>();

/** The warnings of a catalog `checkCatalog` built (none for one it did not), for a build to print. */
export function catalogWarnings(catalog: Catalog): CatalogProblem[] {
  return warningsByCatalog.get(catalog) ?? [];
}
