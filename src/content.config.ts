/** Content collections: the long-form guides (MDX) of the catalog in CATALOG_DIR. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { catalogDir } from './catalog/catalog-dir';
import { guideSchema } from './schemas/guide';

const guides = defineCollection({
  // Absolute: a build may run with another Astro root than the project (see scripts/build-site.mjs).
  loader: glob({ pattern: '**/*.mdx', base: join(catalogDir(), 'guides') }),
  schema: guideSchema,
});

export const collections = { guides };
