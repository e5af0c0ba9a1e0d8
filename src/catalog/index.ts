/**
 * Loads a catalog folder once per process (pages get the build's catalog through
 * src/integration/catalog.ts). "Once per process" holds across module instances: during `astro build` the integrations (loaded
 * with the config) and the bundled pages are separate copies of this module, and each used to parse
 * the whole catalog again. The model is therefore kept in a process-wide registry, keyed by folder
 * and by a fingerprint of its files, so an edited catalog (dev server, tests) is still reloaded.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalog, type CatalogCheck } from './check-catalog';
import type { Catalog } from './model';
import { CatalogError } from './problems';
import { ParsedFileCache } from './read-catalog';

const REGISTRY = Symbol.for('error-catalog-site:loaded-catalogs');
interface Loaded {
  fingerprint: string;
  /** The check's outcome: the model, or the problems that prevented it; the warnings either way. */
  check: CatalogCheck;
  /** The report of the problems, when there are some (thrown again until a file changes). */
  error?: CatalogError;
  /** Each file's parse, kept only for incremental loads (it holds every file's YAML tree). */
  files?: ParsedFileCache;
}

function registry(): Map<string, Loaded> {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, Loaded> };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** Name, size and modification time of every entry of the folder: it changes when any file does. */
function fingerprint(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => {
        const stats = statSync(join(dir, name));
        return `${name}:${stats.size}:${stats.mtimeMs}`;
      })
      .join('|');
  } catch {
    return '';
  }
}

export interface LoadOnceOptions {
  /**
   * Keep each file's parse, so that the next load after an edit reads only the changed files and
   * re-runs the cross-checks (the dev server). Off for builds: the files are read once and the
   * memory their YAML trees take is given back.
   */
  incremental?: boolean;
}

/**
 * The check of the catalog in `dir` (see `checkCatalog`): run now, or the one this process already
 * ran when no file of the folder changed since. Never throws for a mistake in the catalog.
 */
export function checkCatalogOnce(dir: string, options: LoadOnceOptions = {}): CatalogCheck {
  return loadedOnce(dir, options).check;
}

/**
 * The model of the catalog in `dir`, as `checkCatalogOnce` made it. Throws `CatalogError` like
 * `loadCatalog` (the same one again while nothing changed).
 */
export function loadCatalogOnce(dir: string, options: LoadOnceOptions = {}): Catalog {
  const { check, error } = loadedOnce(dir, options);
  if (error) throw error;
  return check.catalog!;
}

function loadedOnce(dir: string, options: LoadOnceOptions): Loaded {
  const print = fingerprint(dir);
  const loaded = registry().get(dir);
  if (loaded && print && loaded.fingerprint === print) return loaded;
  const files = options.incremental ? (loaded?.files ?? new ParsedFileCache()) : undefined;
  // What was read of each file is not kept (only the cache keeps it, in dev).
  const { catalog, problems, warnings, root } = checkCatalog(dir, files);
  const entry: Loaded = {
    fingerprint: print,
    check: catalog ? { catalog, problems, warnings, root } : { problems, warnings, root },
    ...(catalog ? {} : { error: new CatalogError(root, problems, warnings) }),
    files,
  };
  registry().set(dir, entry);
  return entry;
}

export type * from './model';
