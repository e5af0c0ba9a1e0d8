/**
 * The options of the `errorCatalog()` integration, validated at `astro:config:setup` like every
 * other Astro integration's user config. Environment variables are read in astro.config.mjs only.
 */
import { z } from 'astro/zod';

export const errorCatalogOptionsSchema = z
  .object({
    /**
     * The catalog folder to build: api.yaml, surfaces/, codes/… Relative paths are resolved against
     * the project root (the folder holding astro.config.mjs).
     * @default 'catalog'
     */
    catalogDir: z.string().min(1).default('catalog'),
    /**
     * Build the Pagefind full-text search index after the pages (`astro:build:done`). Turn it off
     * only for builds that never serve search (the benchmark's page-rendering figure).
     * @default true
     */
    search: z.boolean().default(true),
  })
  .strict()
  .default({});

/** What `astro.config.mjs` passes to `errorCatalog()`. */
export type ErrorCatalogUserOptions = z.input<typeof errorCatalogOptionsSchema>;

/** The options after validation, with `catalogDir` made absolute. */
export interface ErrorCatalogOptions extends z.output<typeof errorCatalogOptionsSchema> {
  /** Absolute path of the catalog folder. */
  catalogDir: string;
}
