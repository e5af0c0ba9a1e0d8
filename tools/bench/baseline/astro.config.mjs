// @ts-check
/**
 * The bare Astro baseline of the benchmark: the same N code pages, from the same generated catalog,
 * with a minimal layout and no catalog validation, so `npm run bench` can say how much the real
 * site costs above Astro itself. Built with `astro build --root tools/bench/baseline`; it uses the root
 * node_modules. CATALOG_DIR and OUT_DIR come from the environment, as for the real site. Like the
 * site, `astro build` also writes the Pagefind index, through the same Node API call.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { writeSearchIndex } from '../../../src/integration/pagefind.ts';

/** @type {import('astro').AstroIntegration} */
const search = {
  name: 'baseline-search',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      await writeSearchIndex(fileURLToPath(dir));
    },
  },
};

export default defineConfig({
  site: 'https://errors.example.com',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [search],
});
