#!/usr/bin/env node
/** `npm run build`: builds the catalog in CATALOG_DIR (default catalog/) into OUT_DIR (default dist/). */
import { buildSite } from './build-site.mjs';

const result = buildSite();
if (!result.ok) process.exit(1);
console.log(`Built in ${((result.astroMs + result.pagefindMs) / 1000).toFixed(1)} s (astro ${(result.astroMs / 1000).toFixed(1)} s, pagefind ${(result.pagefindMs / 1000).toFixed(1)} s).`);
