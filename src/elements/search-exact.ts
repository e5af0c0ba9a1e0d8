/**
 * Exact matches for the search dialog, from the lookup engine through the page's shared lookup
 * client (src/elements/lookup-client.ts): the index and engine are fetched once per page, whether
 * the search dialog or the lookup widget asks first.
 */
import type { Explanation } from '../lookup/types';
import { getLookupClient } from './lookup-client';
import { pinnedExplanations } from './search-results';

/** Starts loading the lookup index on intent, so the first query does not wait for it. */
export function preloadExactMatches(): void {
  getLookupClient()
    .warm()
    .catch(() => undefined);
}

/** The lookup's answers that match the query as a whole (code, name, status or message). */
export async function findExactMatches(query: string): Promise<Explanation[]> {
  const answer = await getLookupClient().lookup(query);
  return pinnedExplanations(answer, query);
}
