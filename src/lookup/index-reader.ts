/**
 * Read access to a (partly) loaded lookup index. Every read of a shard that is not loaded yet is
 * noted instead of failing, so one engine run says which shards the next run needs: the widget
 * fetches them and asks again, and a fully loaded index (tests, benchmark) answers in one run.
 */
import {
  binarySearch,
  CORE_SHARD,
  decodeNumbers,
  operationShardsForPath,
  POSTING_LENGTH_BITS,
  recordShardName,
  spaceShardName,
  textShardName,
  tokenShardName,
  wordShardKeyLength,
  wordShardName,
  type CoreShard,
  type LookupRecord,
  type OperationEntry,
  type OperationShard,
  type RangeEntry,
  type RecordShard,
  type SpaceEntry,
  type SpaceShard,
  type StatusEntry,
  type TextShard,
  type TokenShard,
  type WordShard,
} from './index-format';

/** A lookup index in memory: the core shard and whichever other shards are loaded. */
export interface LookupIndex {
  core: CoreShard;
  /** Loaded shards by name (`r0`, `t3`, `w12`…). */
  shards: ReadonlyMap<string, unknown>;
}

/** Decoded facts about the core shard, computed once per core. */
interface CoreCache {
  statuses: Map<number, StatusEntry>;
  spaces: Map<string, SpaceEntry>;
  /** Space id → the name of its shard. */
  spaceShards: Map<string, string>;
  common: Set<string>;
}

const coreCaches = new WeakMap<CoreShard, CoreCache>();
/** A space shard's numeric codes, decoded once per shard. */
const numericCaches = new WeakMap<SpaceShard, number[]>();

function coreCache(core: CoreShard): CoreCache {
  let cache = coreCaches.get(core);
  if (!cache) {
    cache = {
      statuses: new Map(core.statuses.map((status) => [status.status, status])),
      spaces: new Map(core.spaces.map((space) => [space.id, space])),
      spaceShards: new Map(core.spaces.map((space, index) => [space.id, spaceShardName(index)])),
      common: new Set(core.commonWords),
    };
    coreCaches.set(core, cache);
  }
  return cache;
}

export class IndexReader {
  readonly core: CoreShard;
  /** Shards a read wanted but that are not loaded. */
  readonly missing = new Set<string>();
  private readonly index: LookupIndex;
  private readonly cache: CoreCache;

  constructor(index: LookupIndex) {
    this.index = index;
    this.core = index.core;
    this.cache = coreCache(index.core);
  }

  private shard<T>(name: string): T | undefined {
    if (name === CORE_SHARD) return this.core as T;
    const shard = this.index.shards.get(name) as T | undefined;
    if (!shard) this.missing.add(name);
    return shard;
  }

  status(status: number): StatusEntry | undefined {
    return this.cache.statuses.get(status);
  }

  space(id: string): SpaceEntry | undefined {
    return this.cache.spaces.get(id);
  }

  /** The numbers of a space (its shard), or undefined while not loaded or for an unknown space. */
  private spaceShard(space: string): SpaceShard | undefined {
    const name = this.cache.spaceShards.get(space);
    return name === undefined ? undefined : this.shard<SpaceShard>(name);
  }

  /** Numeric codes of a space, ascending (none while its shard is not loaded). */
  numericCodes(space: string): number[] {
    const shard = this.spaceShard(space);
    if (!shard) return [];
    let numbers = numericCaches.get(shard);
    if (!numbers) numericCaches.set(shard, (numbers = decodeNumbers(shard.numeric)));
    return numbers;
  }

  /** Ranges of a space (none while its shard is not loaded). */
  ranges(space: string): RangeEntry[] {
    return this.spaceShard(space)?.ranges ?? [];
  }

  /** Positions of the numeric code `value` in every space that documents it. */
  numericPositions(value: number): Array<{ space: SpaceEntry; position: number }> {
    const found: Array<{ space: SpaceEntry; position: number }> = [];
    for (const space of this.core.spaces) {
      const index = binarySearch(this.numericCodes(space.id), value);
      if (index >= 0) found.push({ space, position: space.first + index });
    }
    return found;
  }

  /** The record at `position`, or undefined while its shard is not loaded. */
  record(position: number): LookupRecord | undefined {
    if (position < 0 || position >= this.core.counts.records) return undefined;
    const shard = this.shard<RecordShard>(recordShardName(this.core, position));
    return shard?.records[position - shard.first];
  }

  /** The message template and other words of the record at `position`, or undefined while its shard is not loaded. */
  text(position: number): { message: string; otherWords: string } | undefined {
    if (position < 0 || position >= this.core.counts.records) return undefined;
    const shard = this.shard<TextShard>(textShardName(this.core, position));
    const entry = shard?.texts[position - shard.first];
    return entry ? { message: entry[0], otherWords: entry[1] } : undefined;
  }

  /** Positions of the records whose name or symbolic code is `token` (lowercase). */
  tokenPositions(token: string): number[] {
    const shard = this.shard<TokenShard>(tokenShardName(this.core, token));
    return (shard && own(shard.tokens, token)) ?? [];
  }

  /** True for words the index keeps no postings for, because they are in too many records. */
  isCommonWord(word: string): boolean {
    return this.cache.common.has(word);
  }

  /** How many records hold `word` when it is a frequent word, else undefined (it is rare, or unknown). */
  frequentCount(word: string): number | undefined {
    return own(this.core.frequentWords, word);
  }

  /** Packed postings of `word` (see `WordShard`; decode with `forEachPosting`), or undefined while its shard is not loaded. */
  postings(word: string): readonly number[] | undefined {
    const shard = this.shard<WordShard>(wordShardName(this.core, word));
    if (!shard) return undefined;
    return own(shard.words, word) ?? [];
  }

  /**
   * The operations whose templates could match the concrete `path` (same number of segments, same
   * first segment or a parameter there), or undefined while one of their shards is not loaded.
   */
  operationsForPath(path: string): OperationEntry[] | undefined {
    const found: OperationEntry[] = [];
    let complete = true;
    for (const name of operationShardsForPath(this.core, path)) {
      const shard = this.shard<OperationShard>(name);
      if (shard) found.push(...shard.operations);
      else complete = false;
    }
    return complete ? found : undefined;
  }

  /**
   * Words of the index starting with `prefix` (from the prefix's shard), at most `max`. None for a
   * prefix shorter than three letters, or of three letters when they are a split prefix (its words
   * are in many shards; four letters find them).
   */
  wordsWithPrefix(prefix: string, max: number): string[] {
    if (prefix.length < wordShardKeyLength(this.core, prefix)) return [];
    const shard = this.shard<WordShard>(wordShardName(this.core, prefix));
    if (!shard) return [];
    const found: string[] = [];
    for (const word of Object.keys(shard.words)) {
      if (word.length > prefix.length && word.startsWith(prefix)) {
        found.push(word);
        if (found.length >= max) break;
      }
    }
    return found;
  }
}

/** `record[key]` when the record has it as its own key: input such as "constructor" must not reach Object.prototype. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Calls `visit(position, wordCount)` for each packed posting, without building objects. */
export function forEachPosting(packed: readonly number[], visit: (position: number, length: number) => void): void {
  let position = 0;
  for (const value of packed) {
    position += Math.floor(value / POSTING_LENGTH_BITS);
    visit(position, value % POSTING_LENGTH_BITS);
  }
}
