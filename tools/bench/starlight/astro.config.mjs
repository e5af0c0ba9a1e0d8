// @ts-check
/**
 * The Starlight peer of the benchmark: the same N code pages as the site, as Starlight docs pages
 * (Markdown written by tools/bench/starlight-pages.mjs into src/content/docs/codes/), with a flat
 * sidebar that does not list the codes, and Starlight's own Pagefind search. Installed on demand
 * into this folder by `npm run bench` (never into the project's dependencies). OUT_DIR and
 * ASTRO_CACHE_DIR come from the environment, as for the other builds of the benchmark.
 */
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://errors.example.com',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  integrations: [
    starlight({
      title: 'Errors',
      sidebar: [
        { label: 'Home', link: '/' },
        { label: 'Codes', link: '/codes/' },
      ],
    }),
  ],
});
