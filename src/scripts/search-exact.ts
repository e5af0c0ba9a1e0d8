/**
 * Exact matches for the search dialog, from the lookup engine (src/lookup/). Integration pending:
 * the engine's browser loader has not landed yet, so this answers nothing for now.
 */
import type { Explanation } from '../lookup/types';

/** Loads the lookup index early (on intent), so the first query does not wait for it. */
export function preloadExactMatches(): void {}

/** The lookup's exact matches for a query (code, name, status or message). */
export async function findExactMatches(_query: string): Promise<Explanation[]> {
  return [];
}
