/**
 * A lookup as a fresh page of the site runs it: only the core shard is there, and every other shard
 * the engine asks for is fetched (and noted) on demand.
 */
import { resolveLookup } from '../../src/lookup/engine';
import type { LookupIndexFiles } from '../../src/lookup/index-format';

export async function freshLookup(files: LookupIndexFiles, input: string, now: number) {
  const fetched: string[] = [];
  const answer = await resolveLookup(
    input,
    { core: files.core, shards: new Map() },
    async (name) => {
      fetched.push(name);
      const shard = files.shards[name];
      if (!shard) throw new Error(`no shard ${name}`);
      return shard;
    },
    { now },
  );
  return { answer, fetched };
}
