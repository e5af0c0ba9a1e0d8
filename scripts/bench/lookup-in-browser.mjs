/** Lookup query medians in Chromium (filled in once the lookup engine lands in src/lookup/). */
import { existsSync } from 'node:fs';

export async function measureLookup() {
  if (!existsSync('src/lookup/engine.ts')) return { unavailable: 'the lookup engine (src/lookup/) is not there yet' };
  return { unavailable: 'not wired yet' };
}
