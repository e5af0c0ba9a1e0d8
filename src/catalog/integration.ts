/**
 * Astro integration that validates the whole catalog before anything is built, so a bad
 * catalog fails the build at once, with every problem listed, and no half-built site.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogDir } from './catalog-dir';
import { loadCatalogOnce } from './index';
import { CatalogError } from './problems';

export function catalogIntegration(): AstroIntegration {
  return {
    name: 'error-catalog',
    hooks: {
      'astro:config:setup': ({ addWatchFile, command, logger }) => {
        const dir = catalogDir();
        try {
          // Kept for the pages and the other integrations of this build, so the catalog is parsed once.
          loadCatalogOnce(dir);
        } catch (error) {
          if (!(error instanceof CatalogError)) throw error;
          logger.error(error.message);
          // In dev the server stays up so the author can fix the file; a build must stop here.
          if (command === 'build') process.exit(1);
        }
        if (command === 'dev') {
          try {
            for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) addWatchFile(join(dir, file));
          } catch {
            // A missing folder was reported above.
          }
        }
      },
    },
  };
}
