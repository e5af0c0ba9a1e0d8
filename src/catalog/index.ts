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

const REGISTRY = Symbol.for('error-catalog-site:loaded-catalogs');
interface Loaded {
  fingerprint: string;
  catalog: Catalog;
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

/**
 * The model of the catalog in `dir`: loaded with `loadCatalog`, or the one this process already
 * loaded when no file of the folder changed since. Throws `CatalogError` like `loadCatalog`.
 */
export function loadCatalogOnce(dir: string): Catalog {
  const print = fingerprint(dir);
  const loaded = registry().get(dir);
  if (loaded && print && loaded.fingerprint === print) return loaded.catalog;
  const catalog = loadCatalog(dir);
  registry().set(dir, { fingerprint: print, catalog });
  return catalog;
}

export type * from './model';
