/** Content collections: the long-form guides (MDX) in the guides/ folder of the catalog being built. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import options from 'virtual:error-catalog/options';
import { guideSchema } from './schemas/guide';

const guides = defineCollection({
  // Absolute: a build may run with another Astro root than the project (see tools/build-site.mjs).
  loader: glob({ pattern: '**/*.mdx', base: join(options.catalogDir, 'guides') }),
  schema: guideSchema,
});

export const collections = { guides };
