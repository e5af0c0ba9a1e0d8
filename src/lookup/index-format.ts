/**
 * The lookup index as the browser receives it: one small core shard (statuses, surfaces,
 * envelopes, headers and the code spaces by name) and families of shards fetched only when a
 * query needs them — spaces (one per code space: its numeric codes and its ranges, for a number),
 * records (codes and messages, by position), texts (just the templates, many records a shard, for
 * checking message candidates), tokens (names and symbolic codes, by hash), words (message words,
 * by hash of their first letters) and operations (path templates). A message never needs the
 * numeric codes, so they are out of the core shard every query fetches. The builder and the engine
 * both read these types and the shard-naming rules below, so they cannot drift.
 */
import type { EnvelopeFields } from '../schemas/envelope';
import type { HeaderData } from '../schemas/header';
import type { IdempotencyKind } from '../schemas/operation';
import type { RangeData } from '../schemas/range';
import type { RetryAdvice } from '../schemas/retry';
import type { RetryContext } from '../view/retry-text';
import { concreteSegments, decodeSegment } from '../shared/path-template';

/** Bumped when the shape changes, so a cached old index is never read with new code. */
export const LOOKUP_INDEX_FORMAT = 4;

/** Name of the core shard; the others are `s<n>`, `r<n>`, `m<n>`, `t<n>`, `w<n>` and `o<n>`. */
export const CORE_SHARD = 'core';

export interface CoreShard {
  format: typeof LOOKUP_INDEX_FORMAT;
  /** Hash of the whole index; the other shards are fetched with `?v=<version>` so caches never mix builds. */
  version: string;
  apiName: string;
  /** How the other shards are cut; see the functions below. */
  sharding: {
    recordsPerShard: number;
    textsPerShard: number;
    tokenShards: number;
    wordShards: number;
    /**
     * Three-letter prefixes whose words are too many for one shard: their words are sharded by
     * their first four letters instead (see `wordShardName`). Sorted.
     */
    splitPrefixes: string[];
    /** Operation shards (`o<n>`); 0 when the catalog has no operations. */
    operationShards: number;
  };
  /** Codes take positions 0…codes-1 (in catalog order), common messages the positions after. */
  counts: { codes: number; records: number };
  surfaces: SurfaceEntry[];
  spaces: SpaceEntry[];
  envelopes: EnvelopeEntry[];
  statuses: StatusEntry[];
  headers: HeaderEntry[];
  /**
   * Words in so many records that they cannot tell records apart ("the", "not", "found" in a big
   * catalog). They have no postings, so a query never fetches a shard for them.
   */
  commonWords: string[];
  /**
   * Words in many records (but not common), with how many records hold them. A query fetches
   * their shards only when its rarer words do not settle the answer.
   */
  frequentWords: Record<string, number>;
  /** A few real entries, used to word "try …" suggestions. */
  examples: { code?: string; name?: string; message?: string; status?: number; request?: string };
  /** The API's idempotent methods and default backoff, for retry advice about one call. */
  retryContext: RetryContext;
  /** How many operations the catalog has (their templates are in the `o<n>` shards). */
  operations: number;
  /**
   * Codes the API shows only inside an envelope's example body, documented nowhere else: what the
   * example says of them is all that is known, and the lookup says so.
   */
  exampleCodes: ExampleCode[];
  /**
   * The support desk's links (api.yaml `support.links`, URL templates): on the internal site
   * only, since the public model has none.
   */
  supportLinks?: Array<{ label: string; url: string }>;
  /** What a support ticket must include, in the API's words (api.yaml `ticketChecklist`). */
  ticketChecklist?: string[];
}

/** What support needs of a code or a message (issue 13); the escalation only on the internal site. */
export interface SupportRecord {
  /** The customer-safe reply, a template with the message's `{placeholders}`. */
  reply?: string;
  audience?: Array<'end-user' | 'developer' | 'support' | 'operations'>;
  severity?: 'low' | 'medium' | 'high' | 'critical';
  /** When to escalate, and to whom in words ("Payments on-call (#pay-oncall)"). */
  escalate?: { to?: string; when: string };
}

export interface ExampleCode {
  code: string;
  /** The message the example body gives it, if any. */
  message?: string;
  /** The envelope whose example shows it, and the example's title. */
  envelope: string;
  example: string;
  /** The code spaces of the envelope's surfaces. */
  spaces: string[];
}

export interface SurfaceEntry {
  id: string;
  name: string;
  space: string;
  /** Host of the surface's base URL, e.g. `api.pajaro.example`, to tell surfaces apart by a pasted URL. */
  host?: string;
  /** The default envelope (its first). */
  envelope?: string;
}

export interface SpaceEntry {
  id: string;
  name: string;
  surfaces: string[];
  /** Position of the space's first code; its numeric codes come first, then its symbolic ones. */
  first: number;
  /** How many symbolic codes follow the numeric ones. */
  symbolic: number;
}

/** A code space's numbers (`s<n>`, n its position in `CoreShard.spaces`): fetched for a number only. */
export interface SpaceShard {
  /** Its numeric codes, ascending; see `encodeNumbers`. */
  numeric: EncodedNumbers;
  ranges: RangeEntry[];
}

export interface RangeEntry extends Pick<RangeData, 'from' | 'to' | 'name' | 'meaning' | 'state'> {
  slug: string;
}

/** The range a code lies in, as its card links to it (without the range's meaning). */
export type RangeRef = Omit<RangeEntry, 'meaning'>;

export interface EnvelopeEntry {
  id: string;
  name: string;
  /** Absent when the catalog states none. */
  mediaType?: string;
  fields: EnvelopeFields;
  surfaces: string[];
  /** The statuses the envelope is limited to, when it is. */
  statuses?: number[];
}

export interface StatusEntry {
  status: number;
  reason: string;
  meaning: string;
  /** What to do; absent when the catalog states none. */
  action?: string;
  /** Retry advice in words; general practice the model filled in says so (src/view/retry-text.ts). */
  retry: string;
  /** The retry advice itself, to word it for one call's method and idempotency. */
  advice: RetryAdvice;
  /** True when the API states no retry rule for this status and `advice` is general HTTP practice. */
  inherited?: true;
  /** Where a surface differs; unset fields inherit. */
  surfaces?: Record<string, { meaning?: string; action?: string; retry?: string; advice?: RetryAdvice }>;
}

export interface HeaderEntry {
  name: string;
  meaning: string;
  /** Absent when the catalog does not give the unit. */
  format?: HeaderData['format'];
  /** Names of the surfaces the header belongs to, when it does not belong to every surface. */
  surfaceNames?: string[];
}

/** One status of a code, in its context. */
export interface CodeStatusRecord {
  status: number;
  layer?: 'transport' | 'execution';
  /** Keys (`surface/slug`) of the operations this status is limited to, when it is. */
  operations?: string[];
  when?: string;
  cause?: string;
  retry: string;
  advice?: RetryAdvice;
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
  /** Absent when the catalog gives none. */
  resolution?: string;
  retry: string;
  /** The code's own retry advice, when it states one (else its status's applies). */
  advice?: RetryAdvice;
  /**
   * Every status the code comes with, each in its context, when it has several or states a context
   * (the first is `status`); `retry` and `advice` as above, for that status.
   */
  statuses?: CodeStatusRecord[];
  range?: RangeRef;
  deprecated?: { since: string; note?: string; replacedBy?: CodeRef };
  tags?: string[];
  /** What support should ask the customer, when the catalog says. */
  ask?: string[];
  support?: SupportRecord;
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
  /** Absent when the catalog gives none. */
  resolution?: string;
  retry?: string;
  code?: CodeRef & { name?: string; title: string };
  support?: SupportRecord;
}

export interface CodeRef {
  code: string;
  space: string;
  slug: string;
}

export type LookupRecord = CodeRecord | MessageRecord;

/** An operation as the lookup matches and shows it. */
export interface OperationEntry {
  surface: string;
  method: string;
  /** The path template, e.g. `/v2/charges/{chargeId}/capture`. */
  path: string;
  /** Page slug, unique within the surface. */
  slug: string;
  summary?: string;
  idempotency: { kind: IdempotencyKind; header?: string; note?: string; stated?: false };
  statuses: number[];
  /** Record positions of the codes it returns. */
  codes: number[];
  /** Envelope id by status, where it differs from the surface's default. */
  envelopes?: Record<string, string>;
  /** Request headers that matter; `required` ones are refused when missing. */
  headers?: Array<{ name: string; required?: true }>;
  deprecated?: { since: string; replacedBy?: string };
}

/** Operations whose templates share a segment count and first segment (see `operationShardKeys`). */
export interface OperationShard {
  operations: OperationEntry[];
}

export interface RecordShard {
  /** Position of `records[0]`. */
  first: number;
  records: LookupRecord[];
}

/**
 * What a message search checks candidates against, for many records per shard (a fraction of
 * their full records' bytes): each record's message template and the other words it is found by
 * (title, name, tags). Full records are fetched only for the answers shown.
 */
export interface TextShard {
  first: number;
  texts: Array<[message: string, otherWords: string]>;
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
  shards: Record<string, SpaceShard | RecordShard | TextShard | TokenShard | WordShard | OperationShard>;
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

/** The shard of the code space at `index` in `CoreShard.spaces`. */
export function spaceShardName(index: number): string {
  return `s${index}`;
}

export function recordShardName(core: Pick<CoreShard, 'sharding'>, position: number): string {
  return `r${Math.floor(position / core.sharding.recordsPerShard)}`;
}

export function textShardName(core: Pick<CoreShard, 'sharding'>, position: number): string {
  return `m${Math.floor(position / core.sharding.textsPerShard)}`;
}

export function tokenShardName(core: Pick<CoreShard, 'sharding'>, token: string): string {
  return `t${hashString(token) % core.sharding.tokenShards}`;
}

/** A word's first letters that choose its word shard, unless they are a split prefix. */
export const WORD_PREFIX_LETTERS = 3;

/** How many of a word's first letters choose its shard: one more than usual when its prefix is split. */
export function wordShardKeyLength(core: Pick<CoreShard, 'sharding'>, word: string): number {
  return isSplitPrefix(core, word.slice(0, WORD_PREFIX_LETTERS)) ? WORD_PREFIX_LETTERS + 1 : WORD_PREFIX_LETTERS;
}

/**
 * The letters that choose a word's shard: its first three, or its first four when its three-letter
 * prefix is a split one. Words sharing that key share a shard, so a typed prefix as long as the key
 * is completed from one shard.
 */
export function wordShardKey(core: Pick<CoreShard, 'sharding'>, word: string): string {
  return word.slice(0, wordShardKeyLength(core, word));
}

/** True when the words starting with the three letters `prefix` are sharded by four letters. */
export function isSplitPrefix(core: Pick<CoreShard, 'sharding'>, prefix: string): boolean {
  return binarySearch(core.sharding.splitPrefixes, prefix) >= 0;
}

/** Index of `value` in the ascending list, or -(insertion point) - 1. */
export function binarySearch<T extends number | string>(list: readonly T[], value: T): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = list[middle]!;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return -low - 1;
}

export function wordShardName(core: Pick<CoreShard, 'sharding'>, word: string): string {
  return `w${hashString(wordShardKey(core, word)) % core.sharding.wordShards}`;
}

/**
 * The shard key of a template or a concrete path: its number of segments and its first segment
 * (`*` when the template starts with a parameter). A concrete path can match templates under two
 * keys: its own first segment, and `*`.
 */
export function operationShardKey(segments: number, first: string | undefined): string {
  return `${segments}/${first ?? ''}`;
}

export function operationShardName(core: Pick<CoreShard, 'sharding'>, key: string): string {
  return `o${hashString(key) % core.sharding.operationShards}`;
}

/** The operation shards a concrete path's templates can be in. */
export function operationShardsForPath(core: Pick<CoreShard, 'sharding'>, path: string): string[] {
  if (!core.sharding.operationShards) return [];
  const segments = concreteSegments(path);
  const own = operationShardName(core, operationShardKey(segments.length, decodeSegment(segments[0] ?? '')));
  const wild = operationShardName(core, operationShardKey(segments.length, '*'));
  return own === wild ? [own] : [own, wild];
}

/** Packs a posting; see `WordShard`. */
export const POSTING_LENGTH_BITS = 64;

/**
 * A sorted list of numbers, written the shorter way: a bitmap from `from` (six numbers per
 * character, bit i of character k set when `from + 6k + i` is in the list) for dense lists such
 * as codes filling ranges, or the gaps between consecutive numbers for sparse ones.
 */
export type EncodedNumbers = { from: number; bitmap: string } | { gaps: number[] };

const BITMAP_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodeNumbers(sorted: readonly number[]): EncodedNumbers {
  let previous = 0;
  const gaps = sorted.map((value) => {
    const gap = value - previous;
    previous = value;
    return gap;
  });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return { gaps };
  const span = last - first + 1;
  // A gap costs about three characters in JSON; a bitmap character covers six numbers.
  if (span / 6 >= JSON.stringify(gaps).length) return { gaps };
  const chars = new Array<number>(Math.ceil(span / 6)).fill(0);
  for (const value of sorted) {
    const offset = value - first;
    chars[Math.floor(offset / 6)]! |= 1 << (offset % 6);
  }
  return { from: first, bitmap: chars.map((bits) => BITMAP_ALPHABET[bits]).join('') };
}

export function decodeNumbers(encoded: EncodedNumbers): number[] {
  if ('gaps' in encoded) {
    let value = 0;
    return encoded.gaps.map((gap) => (value += gap));
  }
  const numbers: number[] = [];
  for (let index = 0; index < encoded.bitmap.length; index += 1) {
    const bits = BITMAP_ALPHABET.indexOf(encoded.bitmap[index]!);
    for (let bit = 0; bit < 6; bit += 1) if (bits & (1 << bit)) numbers.push(encoded.from + index * 6 + bit);
  }
  return numbers;
}
