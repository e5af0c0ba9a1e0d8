/**
 * The browser side of the lookup: fetches the index shards on demand (the core shard first, the
 * others as queries need them, each once) and runs the engine, which is itself loaded only when
 * the first query comes. Shared by the <error-catalog-lookup> widget and the search dialog, so the index
 * and the engine are fetched once per page whichever of them asks first.
 */
import { routes } from '../view/routes';
import { href } from '../view/href';
import type { CoreShard } from '../lookup/index-format';
import type { LookupAnswer } from '../lookup/types';

type Engine = typeof import('../lookup/engine');

export interface LookupClient {
  /** Starts loading the engine and the core shard (on focus or idle); safe to call often. */
  warm(): Promise<void>;
  /** Answers `query`, fetching the shards it needs. */
  lookup(query: string, options?: { typing?: boolean }): Promise<LookupAnswer>;
  /** Compressed-or-not bytes received so far, for the curious (and the tests). */
  bytesFetched(): number;
}

let shared: LookupClient | undefined;

/** The page's lookup client. */
export function getLookupClient(): LookupClient {
  shared ??= createLookupClient((shard) => href(routes.lookupIndexShard(shard)));
  return shared;
}

export function createLookupClient(shardUrl: (shard: string) => string): LookupClient {
  let engine: Promise<Engine> | undefined;
  let core: Promise<CoreShard> | undefined;
  const shards = new Map<string, unknown>();
  const pending = new Map<string, Promise<unknown>>();
  let bytes = 0;

  const fetchJson = async (url: string, init?: RequestInit): Promise<unknown> => {
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`The lookup index could not be loaded (${response.status} for ${url}).`);
    const text = await response.text();
    bytes += text.length;
    return JSON.parse(text);
  };

  const loadCore = () => {
    // The core shard is revalidated (no-cache); the others carry its version, so they can be cached for good.
    core ??= fetchJson(shardUrl('core'), { cache: 'no-cache' }).then((data) => data as CoreShard);
    core.catch(() => (core = undefined));
    return core;
  };
  const loadEngine = () => {
    engine ??= import('../lookup/engine');
    engine.catch(() => (engine = undefined));
    return engine;
  };
  const loadShard = async (name: string): Promise<unknown> => {
    const version = (await loadCore()).version;
    let promise = pending.get(name);
    if (!promise) {
      promise = fetchJson(`${shardUrl(name)}?v=${encodeURIComponent(version)}`);
      pending.set(name, promise);
      promise.catch(() => pending.delete(name));
    }
    return promise;
  };

  return {
    async warm() {
      await Promise.all([loadEngine(), loadCore()]);
    },
    async lookup(query, options = {}) {
      const [{ resolveLookup }, coreShard] = await Promise.all([loadEngine(), loadCore()]);
      return resolveLookup(query, { core: coreShard, shards }, loadShard, {
        now: Date.now(),
        typing: options.typing ?? false,
      });
    },
    bytesFetched: () => bytes,
  };
}
