/** Content collections: the long-form guides (MDX) of the catalog in CATALOG_DIR. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { relative } from 'node:path';
import { catalogDir } from './catalog/catalog-dir';
import { guideSchema } from './schemas/guide';

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${relative(process.cwd(), catalogDir()) || '.'}/guides` }),
  schema: guideSchema,
});

export const collections = { guides };
