/**
 * The lookup index as the browser receives it: one small core shard (statuses, surfaces,
 * envelopes, ranges, headers and the list of numeric codes) and three families of shards fetched
 * only when a query needs them — records (codes and messages, by position), tokens (names and
 * symbolic codes, by hash) and words (message words, by hash of their first letters). The builder
 * and the engine both read these types and the shard-naming rules below, so they cannot drift.
 */
import type { EnvelopeFields } from '../schemas/envelope';
import type { HeaderData } from '../schemas/header';
import type { RangeData } from '../schemas/range';

/** Bumped when the shape changes, so a cached old index is never read with new code. */
export const LOOKUP_INDEX_FORMAT = 1;

/** Name of the core shard; the others are `r<n>`, `t<n>` and `w<n>`. */
export const CORE_SHARD = 'core';

export interface CoreShard {
  format: typeof LOOKUP_INDEX_FORMAT;
  apiName: string;
  /** How the other shards are cut; see the functions below. */
  sharding: { recordsPerShard: number; tokenShards: number; wordShards: number };
  /** Codes take positions 0…codes-1 (in catalog order), common messages the positions after. */
  counts: { codes: number; records: number };
  surfaces: SurfaceEntry[];
  spaces: SpaceEntry[];
  envelopes: EnvelopeEntry[];
  statuses: StatusEntry[];
  headers: HeaderEntry[];
  /** A few real entries, used to word "try …" suggestions. */
  examples: { code?: string; name?: string; message?: string; status?: number };
}

export interface SurfaceEntry {
  id: string;
  name: string;
  space: string;
}

export interface SpaceEntry {
  id: string;
  name: string;
  surfaces: string[];
  /** Position of the space's first code; its numeric codes come first, then its symbolic ones. */
  first: number;
  /** Its numeric codes, ascending, delta-encoded (each number is the gap to the previous one). */
  numeric: number[];
  /** How many symbolic codes follow the numeric ones. */
  symbolic: number;
  ranges: RangeEntry[];
}

export interface RangeEntry extends Pick<RangeData, 'from' | 'to' | 'name' | 'meaning' | 'state'> {
  slug: string;
}

export interface EnvelopeEntry {
  id: string;
  name: string;
  mediaType: string;
  fields: EnvelopeFields;
  surfaces: string[];
}

export interface StatusEntry {
  status: number;
  reason: string;
  meaning: string;
  action: string;
  /** Retry advice in words. */
  retry: string;
  /** Where a surface differs; unset fields inherit. */
  surfaces?: Record<string, { meaning?: string; action?: string; retry?: string }>;
}

export interface HeaderEntry {
  name: string;
  meaning: string;
  format: HeaderData['format'];
}

/** A code as the lookup shows it. */
export interface CodeRecord {
  t: 'c';
  code: string;
  space: string;
  slug: string;
  name?: string;
  title: string;
  status: number;
  /** Message template with `{placeholders}`. */
  message: string;
  cause: string;
  resolution: string;
  retry: string;
  range?: string;
  deprecated?: { since: string; note?: string; replacedBy?: CodeRef };
  tags?: string[];
}

/** A common message (catalog/messages) as the lookup shows it. */
export interface MessageRecord {
  t: 'm';
  id: string;
  area: string;
  areaName: string;
  message: string;
  status?: number;
  meaning?: string;
  resolution: string;
  retry?: string;
  code?: CodeRef & { name?: string; title: string };
}

export interface CodeRef {
  code: string;
  space: string;
  slug: string;
}

export type LookupRecord = CodeRecord | MessageRecord;

export interface RecordShard {
  /** Position of `records[0]`. */
  first: number;
  records: LookupRecord[];
}

/** Lowercase code or name → positions of the records it names. */
export interface TokenShard {
  tokens: Record<string, number[]>;
}

/**
 * Word → postings. Each posting packs a record position and the record's word count as
 * `gap * 64 + min(words, 63)`, where gap is the distance to the previous posting's position.
 */
export interface WordShard {
  words: Record<string, number[]>;
}

/** Everything the builder writes: shard name → shard. */
export interface LookupIndexFiles {
  core: CoreShard;
  shards: Record<string, RecordShard | TokenShard | WordShard>;
}

/** FNV-1a, 32 bit: small, fast and the same in every runtime. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function recordShardName(core: Pick<CoreShard, 'sharding'>, position: number): string {
  return `r${Math.floor(position / core.sharding.recordsPerShard)}`;
}

export function tokenShardName(core: Pick<CoreShard, 'sharding'>, token: string): string {
  return `t${hashString(token) % core.sharding.tokenShards}`;
}

/** Words sharing their first three letters share a shard, so a typed prefix is completed from one shard. */
export function wordShardName(core: Pick<CoreShard, 'sharding'>, word: string): string {
  return `w${hashString(word.slice(0, 3)) % core.sharding.wordShards}`;
}

/** Packs a posting; see `WordShard`. */
export const POSTING_LENGTH_BITS = 64;
