/**
 * The one validation of a catalog folder, shared by the build, the dev server and the command
 * line: every file read and checked, every cross-check run, every problem and warning returned
 * together.
 */
import { buildModel } from './build-model';
import type { Catalog } from './model';
import type { CatalogProblem } from './problems';
import { readCatalogFiles, type CatalogFiles, type ParsedFileCache } from './read-catalog';

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
 * Reads and checks the catalog in `dir`. Never throws for a mistake in the catalog. With a `cache`
 * (the dev server), only the files changed since its last use are read again; the cross-checks
 * always run over every file. `files` is what was read of each file (the CLI edits through it).
 */
export function checkCatalog(dir: string, cache?: ParsedFileCache): CatalogCheck & { files: CatalogFiles } {
  const files = readCatalogFiles(dir, cache);
  const { catalog, problems } = buildModel(files);
  const { warnings, root } = files;
  return problems.length === 0 && catalog
    ? { catalog, problems, warnings, root, files }
    : { problems, warnings, root, files };
}
