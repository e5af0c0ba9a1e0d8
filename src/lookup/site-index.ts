/**
 * The lookup index of the catalog this build reads, built once per process and serialised once:
 * the endpoint that writes the shards and the components that link to them share it. Build-time
 * only; browser code never imports it.
 */
import type { Catalog } from '../catalog/model';
import { buildLookupIndex } from './build-index';
import { CORE_SHARD } from './index-format';

export interface SiteLookupIndex {
  /** Shard name → JSON text. */
  json: Map<string, string>;
  version: string;
}

let cached: { catalog: Catalog; index: SiteLookupIndex } | undefined;

export function siteLookupIndex(catalog: Catalog): SiteLookupIndex {
  if (cached?.catalog === catalog) return cached.index;
  const files = buildLookupIndex(catalog);
  const json = new Map<string, string>([[CORE_SHARD, JSON.stringify(files.core)]]);
  for (const [name, shard] of Object.entries(files.shards)) json.set(name, JSON.stringify(shard));
  cached = { catalog, index: { json, version: files.core.version } };
  return cached.index;
}
