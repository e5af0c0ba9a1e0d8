/**
 * Full-text search, made by the build itself: Pagefind's Node API indexes the pages Astro just
 * wrote (`astro:build:done`), so `astro build` alone yields a site with search — no second command.
 * Only `<main data-pagefind-body>` is indexed (see src/layouts/Base.astro).
 */
import * as pagefind from 'pagefind';
import { join } from 'node:path';

/**
 * Indexes `outDir` into `outDir/pagefind/`. Throws with Pagefind's own words when it fails.
 * `rootSelector`: the element Pagefind reads of each page (default: the whole document).
 */
export async function writeSearchIndex(
  outDir: string,
  { rootSelector }: { rootSelector?: string } = {},
): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex(rootSelector ? { rootSelector } : {});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
