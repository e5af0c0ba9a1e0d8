/** Which catalog folder a build reads: the one option that points the site at another catalog. */
import { resolve } from 'node:path';

/** `CATALOG_DIR` (relative to the working directory) or `catalog/`. */
export function catalogDir(): string {
  return resolve(process.env.CATALOG_DIR || 'catalog');
}
