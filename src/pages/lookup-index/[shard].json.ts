/**
 * Writes the lookup index shards at build time (`lookup-index/core.json`, `r0.json`…), under the
 * site's base path like every other page. The widget fetches them lazily, one shard at a time.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../integration/catalog';
import { siteLookupIndex } from '../../lookup/site-index';

export const getStaticPaths: GetStaticPaths = () =>
  [...siteLookupIndex(getCatalog()).json.keys()].map((shard) => ({ params: { shard } }));

export const GET: APIRoute = ({ params }) => {
  const json = siteLookupIndex(getCatalog()).json.get(String(params.shard));
  if (json === undefined) return new Response('unknown shard', { status: 404 });
  return new Response(json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
