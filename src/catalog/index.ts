/**
 * Loads a catalog folder once per process (pages get the build's catalog through
 * src/integration/catalog.ts). "Once per process" holds across module instances: during `astro build` the integrations (loaded
 * with the config) and the bundled pages are separate copies of this module, and each used to parse
 * the whole catalog again. The model is therefore kept in a process-wide registry, keyed by folder
 * and by a fingerprint of its files, so an edited catalog (dev server, tests) is still reloaded.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from './load-catalog';
import type { Catalog } from './model';
import { CatalogError } from './problems';
import { ParsedFileCache } from './read-catalog';

const REGISTRY = Symbol.for('error-catalog-site:loaded-catalogs');
interface Loaded {
  fingerprint: string;
  /** The model, or the report of the problems that prevented it (thrown again until a file changes). */
  outcome: { catalog: Catalog } | { error: CatalogError };
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
 * The model of the catalog in `dir`: loaded with `loadCatalog`, or the one this process already
 * loaded when no file of the folder changed since. Throws `CatalogError` like `loadCatalog` (the
 * same one again while nothing changed).
 */
export function loadCatalogOnce(dir: string, options: LoadOnceOptions = {}): Catalog {
  const print = fingerprint(dir);
  const loaded = registry().get(dir);
  if (loaded && print && loaded.fingerprint === print) {
    if ('error' in loaded.outcome) throw loaded.outcome.error;
    return loaded.outcome.catalog;
  }
  const files = options.incremental ? (loaded?.files ?? new ParsedFileCache()) : undefined;
  try {
    const catalog = loadCatalog(dir, files);
    registry().set(dir, { fingerprint: print, outcome: { catalog }, files });
    return catalog;
  } catch (error) {
    if (error instanceof CatalogError) registry().set(dir, { fingerprint: print, outcome: { error }, files });
    throw error;
  }
}

export type * from './model';
