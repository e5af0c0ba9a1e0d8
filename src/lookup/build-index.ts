/**
 * Builds the lookup index from the catalog model at build time: the core shard and the record,
 * token and word shards described in `index-format.ts`. Pure (no file access): the site writes
 * the shards through an Astro endpoint, the benchmark and the tests keep them in memory.
 */
import { isJsonMediaType } from '../shared/media-type';
import { isNumericCode } from '../catalog/codes';
import type { Catalog, Code, Message, Operation } from '../catalog/model';
import { decodeSegment, parsePathTemplate } from '../shared/path-template';
import { catalogIndex, codeTitle, headerSurfaces } from '../catalog/queries';
import { adviceStatus, retrySentence, type RetryContext } from '../view/retry-text';
import { lookupExamples } from '../view/lookup-examples';
import { escalationTarget } from '../view/support-text';
import {
  CORE_SHARD,
  LOOKUP_INDEX_FORMAT,
  encodeNumbers,
  hashString,
  operationShardKey,
  operationShardName,
  POSTING_LENGTH_BITS,
  recordShardName,
  spaceShardName,
  textShardName,
  tokenShardName,
  WORD_PREFIX_LETTERS,
  wordShardName,
  type CodeRecord,
  type CoreShard,
  type EnvelopeEntry,
  type ExampleCode,
  type LookupIndexFiles,
  type LookupRecord,
  type MessageRecord,
  type OperationEntry,
  type OperationShard,
  type RangeRef,
  type RecordShard,
  type SupportRecord,
  type SpaceEntry,
  type SpaceShard,
  type StatusEntry,
  type TextShard,
  type TokenShard,
  type WordShard,
} from './index-format';
import { distinctWords, templateParts } from './text';
import { readBody } from './body-shapes';

/** Shard sizes; the defaults keep every shard a few KB gzipped at 5,000 codes. */
export interface LookupIndexOptions {
  recordsPerShard?: number;
  textsPerShard?: number;
  /** Aim for about this many tokens per token shard. */
  tokensPerShard?: number;
  /** Aim for about this many postings per word shard. */
  postingsPerShard?: number;
  /** A word in more than this share of the records (and in at least 50) is a common word, without postings. */
  commonWordShare?: number;
  /** A word in more than this share of the records (and in at least 20) is listed, with its count, in the core shard. */
  frequentWordShare?: number;
  /** Aim for about this many operations per operation shard. */
  operationsPerShard?: number;
}

/**
 * At most this many token or word shards. 256 keeps each word shard near its target size up to
 * about 10,000 codes, so a message's first answer stays under 30 KB of gzip there (with 128, the
 * shards of a 10,000-code catalog were twice the target and a message needed 30.2 KB).
 */
const MAX_SHARDS = 256;

/** The smallest power of two ≥ `wanted`, between 1 and MAX_SHARDS: shard counts stay stable as a catalog grows. */
function shardCount(items: number, perShard: number): number {
  const wanted = Math.max(1, Math.ceil(items / perShard));
  let count = 1;
  while (count < wanted && count < MAX_SHARDS) count *= 2;
  return count;
}

/** The words of a record besides its message: a code's title, name and tags. */
export function otherWords(record: LookupRecord): string {
  return record.t === 'c' ? [record.title, record.name ?? '', ...(record.tags ?? [])].join(' ') : '';
}

/** The words a record is found by: its message's literal words and its other words. */
export function recordWords(record: LookupRecord): string[] {
  return distinctWords(`${templateParts(record.message).literals.join(' ')} ${otherWords(record)}`, 200);
}

/** Builds every shard of the lookup index for `catalog`. */
export function buildLookupIndex(catalog: Catalog, options: LookupIndexOptions = {}): LookupIndexFiles {
  const recordsPerShard = options.recordsPerShard ?? 8;
  const { retryContext, codeByKey, statusByNumber } = catalogIndex(catalog);
  const retryText = (advice: Parameters<typeof retrySentence>[0], status: number | undefined) =>
    retrySentence(advice, retryContext satisfies RetryContext, status);

  // Records: codes in catalog order (grouped by space, numeric before symbolic), then messages.
  const records: LookupRecord[] = [];
  const positionOfCode = new Map<string, number>();
  const spaceShards: SpaceShard[] = [];
  const rangeRefs = new Map<string, RangeRef>();
  const spaces: SpaceEntry[] = catalog.codeSpaces.map((space) => {
    const first = records.length;
    const codes = space.codes.map((key) => codeByKey.get(key)!);
    const numeric = codes.filter((code) => isNumericCode(code.code));
    const symbolic = codes.filter((code) => !isNumericCode(code.code));
    for (const range of space.ranges)
      rangeRefs.set(`${space.id}/${range.slug}`, {
        from: range.from,
        to: range.to,
        name: range.name,
        state: range.state,
        slug: range.slug,
      });
    for (const code of [...numeric, ...symbolic]) {
      positionOfCode.set(code.key, records.length);
      records.push(codeRecord(code));
    }
    spaceShards.push({
      numeric: encodeNumbers(numeric.map((code) => Number(code.code))),
      ranges: space.ranges.map((range) => ({ ...rangeRefs.get(`${space.id}/${range.slug}`)!, meaning: range.meaning })),
    });
    return { id: space.id, name: space.name, surfaces: space.surfaces, first, symbolic: symbolic.length };
  });
  const codesCount = records.length;
  for (const area of catalog.messageAreas)
    for (const message of area.messages) records.push(messageRecord(message, area.name));

  function codeRecord(code: Code): CodeRecord {
    const replacement = code.deprecated?.replacedBy ? codeByKey.get(code.deprecated.replacedBy) : undefined;
    return {
      t: 'c',
      code: code.code,
      space: code.codeSpace,
      slug: code.slug,
      ...(code.name ? { name: code.name } : {}),
      title: codeTitle(code),
      status: code.status,
      message: code.message,
      cause: code.cause,
      ...(code.resolution ? { resolution: code.resolution } : {}),
      retry: retryText(code.retry, adviceStatus(code.statuses[0]!)),
      ...(code.retryInherited ? {} : { advice: code.retry }),
      ...(code.statuses.length > 1 || code.statuses[0]!.layer || code.statuses[0]!.when || code.statuses[0]!.operations
        ? {
            statuses: code.statuses.map((entry) => ({
              status: entry.status,
              ...(entry.layer ? { layer: entry.layer } : {}),
              ...(entry.operations ? { operations: entry.operations } : {}),
              ...(entry.when ? { when: entry.when } : {}),
              ...(entry.cause ? { cause: entry.cause } : {}),
              retry: retryText(entry.retry, adviceStatus(entry)),
              ...(entry.retryInherited ? {} : { advice: entry.retry }),
            })),
          }
        : {}),
      ...(code.range ? { range: rangeRefs.get(`${code.codeSpace}/${code.range}`)! } : {}),
      // What to ask the customer is public; escalations are internal and not in the public model.
      ...(code.support?.ask.length ? { ask: code.support.ask } : {}),
      ...(code.deprecated
        ? {
            deprecated: {
              since: code.deprecated.since,
              ...(code.deprecated.note ? { note: code.deprecated.note } : {}),
              ...(replacement
                ? { replacedBy: { code: replacement.code, space: replacement.codeSpace, slug: replacement.slug } }
                : {}),
            },
          }
        : {}),
      ...(code.tags.length ? { tags: code.tags } : {}),
      ...supportOf(code),
    };
  }

  /** A code's or a message's support fields; the escalation exists only in the internal model. */
  function supportOf(entry: Pick<Code, 'reply' | 'audience' | 'severity' | 'support'>): { support?: SupportRecord } {
    const escalate = entry.support?.escalate;
    const to = escalate ? escalationTarget(escalate, catalog.api.support?.teams ?? {}) : undefined;
    const support: SupportRecord = {
      ...(entry.reply ? { reply: entry.reply } : {}),
      ...(entry.audience?.length ? { audience: entry.audience } : {}),
      ...(entry.severity ? { severity: entry.severity } : {}),
      ...(escalate ? { escalate: { ...(to ? { to } : {}), when: escalate.when } } : {}),
    };
    return Object.keys(support).length ? { support } : {};
  }

  function messageRecord(message: Message, areaName: string): MessageRecord {
    const code = message.code ? codeByKey.get(message.code) : undefined;
    const status = message.status ?? code?.status;
    const retry = message.retry ?? (status !== undefined ? statusByNumber.get(status)?.retry : undefined);
    return {
      t: 'm',
      id: message.id,
      area: message.area,
      areaName,
      message: message.message,
      ...(status !== undefined ? { status } : {}),
      ...(message.meaning ? { meaning: message.meaning } : {}),
      ...(message.resolution ? { resolution: message.resolution } : {}),
      ...(retry ? { retry: retryText(retry, status) } : {}),
      ...(code
        ? {
            code: {
              code: code.code,
              space: code.codeSpace,
              slug: code.slug,
              ...(code.name ? { name: code.name } : {}),
              title: codeTitle(code),
            },
          }
        : {}),
      ...supportOf({ reply: message.reply, audience: message.audience }),
    };
  }

  // Tokens: lowercase names and symbolic codes → positions.
  const tokenLists = new Map<string, number[]>();
  const addToken = (token: string, position: number) => {
    const list = tokenLists.get(token);
    if (!list) tokenLists.set(token, [position]);
    else if (!list.includes(position)) list.push(position);
  };
  records.forEach((record, position) => {
    if (record.t !== 'c') return;
    if (!isNumericCode(record.code)) addToken(record.code.toLowerCase(), position);
    if (record.name) addToken(record.name.toLowerCase(), position);
  });

  // Words: word → positions (ascending, because records are visited in order).
  const wordLists = new Map<string, Array<[number, number]>>();
  let postings = 0;
  records.forEach((record, position) => {
    const recordWordList = recordWords(record);
    const length = Math.min(recordWordList.length, POSTING_LENGTH_BITS - 1);
    for (const word of recordWordList) {
      const list = wordLists.get(word);
      if (list) list.push([position, length]);
      else wordLists.set(word, [[position, length]]);
      postings += 1;
    }
  });

  // Words too frequent to tell records apart get no postings: they would be most of the word
  // index's bytes and every message query would fetch them.
  const commonLimit = Math.max(50, Math.ceil(records.length * (options.commonWordShare ?? 0.3)));
  const commonWords = [...wordLists]
    .filter(([, list]) => list.length > commonLimit)
    .map(([word]) => word)
    .sort();
  for (const word of commonWords) {
    postings -= wordLists.get(word)!.length;
    wordLists.delete(word);
  }

  const frequentLimit = Math.max(20, Math.ceil(records.length * (options.frequentWordShare ?? 0.02)));
  const frequentWords = Object.fromEntries(
    [...wordLists]
      .filter(([, list]) => list.length > frequentLimit)
      .map(([word, list]) => [word, list.length])
      .sort(),
  );

  const envelopeEntries: EnvelopeEntry[] = catalog.envelopes.map((envelope) => ({
    id: envelope.id,
    name: envelope.name,
    ...(envelope.mediaType ? { mediaType: envelope.mediaType } : {}),
    fields: envelope.fields,
    surfaces: envelope.surfaces,
    ...(envelope.statuses ? { statuses: [...envelope.statuses] } : {}),
  }));
  const wordShards = shardCount(postings, options.postingsPerShard ?? 750);
  const sharding = {
    recordsPerShard,
    textsPerShard: options.textsPerShard ?? 16,
    tokenShards: shardCount(tokenLists.size, options.tokensPerShard ?? 256),
    wordShards,
    splitPrefixes: splitPrefixes(wordLists, postings / wordShards),
    operationShards: catalog.operations.length
      ? shardCount(catalog.operations.length, options.operationsPerShard ?? 64)
      : 0,
  };
  const core: CoreShard = {
    format: LOOKUP_INDEX_FORMAT,
    version: '',
    apiName: catalog.api.name,
    sharding,
    counts: { codes: codesCount, records: records.length },
    surfaces: catalog.surfaces.map((surface) => {
      const host = /^https?:\/\/([^/?#:]+)/i.exec(surface.baseUrl ?? '')?.[1]?.toLowerCase();
      return {
        id: surface.id,
        name: surface.name,
        space: surface.codeSpace,
        ...(host ? { host } : {}),
        ...(surface.envelopes[0] ? { envelope: surface.envelopes[0] } : {}),
      };
    }),
    spaces,
    envelopes: envelopeEntries,
    statuses: catalog.statuses.map((status): StatusEntry => {
      const overrides = Object.entries(status.surfaces);
      return {
        status: status.status,
        reason: status.reason,
        meaning: status.meaning,
        ...(status.action ? { action: status.action } : {}),
        retry: retryText(status.retry, status.status),
        advice: status.retry,
        // The status's advice is general HTTP practice, not the API's word.
        ...(status.retry.source === 'general-practice' ? { inherited: true as const } : {}),
        ...(overrides.length
          ? {
              surfaces: Object.fromEntries(
                overrides.map(([surface, override]) => [
                  surface,
                  {
                    ...(override.meaning ? { meaning: override.meaning } : {}),
                    ...(override.action ? { action: override.action } : {}),
                    ...(override.retry
                      ? { retry: retryText(override.retry, status.status), advice: override.retry }
                      : {}),
                  },
                ]),
              ),
            }
          : {}),
      };
    }),
    headers: catalog.headers.map((header) => {
      const only = headerSurfaces(catalog, header);
      return {
        name: header.name,
        meaning: header.meaning,
        ...(header.format ? { format: header.format } : {}),
        ...(only ? { surfaceNames: only.map((surface) => surface.name) } : {}),
      };
    }),
    commonWords,
    frequentWords,
    examples: lookupExamples(catalog),
    retryContext,
    operations: catalog.operations.length,
    exampleCodes: exampleCodes(catalog, envelopeEntries),
    ...(catalog.api.support?.links.length
      ? { supportLinks: catalog.api.support.links.map((link) => ({ label: link.label, url: link.url })) }
      : {}),
    ...(catalog.api.ticketChecklist ? { ticketChecklist: catalog.api.ticketChecklist } : {}),
  };

  // Every token and word shard exists, even an empty one, so a fetch for any hash never fails.
  const shards: LookupIndexFiles['shards'] = {};
  spaceShards.forEach((shard, index) => (shards[spaceShardName(index)] = shard));
  for (let index = 0; index < sharding.tokenShards; index += 1)
    shards[`t${index}`] = { tokens: {} } satisfies TokenShard;
  for (let index = 0; index < sharding.wordShards; index += 1) shards[`w${index}`] = { words: {} } satisfies WordShard;
  for (let first = 0; first < records.length; first += sharding.textsPerShard) {
    const texts = records.slice(first, first + sharding.textsPerShard).map((record): [string, string] => {
      // Only the words the message does not already hold: the shard stays small.
      const own = new Set(distinctWords(record.message, 200));
      return [
        record.message,
        distinctWords(otherWords(record), 200)
          .filter((word) => !own.has(word))
          .join(' '),
      ];
    });
    shards[textShardName(core, first)] = { first, texts } satisfies TextShard;
  }
  for (let first = 0; first < records.length; first += recordsPerShard) {
    shards[recordShardName(core, first)] = {
      first,
      records: records.slice(first, first + recordsPerShard),
    } satisfies RecordShard;
  }
  for (let index = 0; index < sharding.operationShards; index += 1)
    shards[`o${index}`] = { operations: [] } satisfies OperationShard;
  for (const operation of catalog.operations) {
    const segments = parsePathTemplate(operation.path).segments;
    const first = segments[0];
    const firstKey = first && first.length === 1 && 'literal' in first[0]! ? decodeSegment(first[0].literal) : '*';
    const shard = shards[operationShardName(core, operationShardKey(segments.length, firstKey))] as OperationShard;
    shard.operations.push(operationEntry(operation));
  }
  function operationEntry(operation: Operation): OperationEntry {
    const replacement = operation.deprecated?.replacedBy
      ? catalog.operations.find((candidate) => candidate.key === operation.deprecated!.replacedBy)
      : undefined;
    const { kind, header, note, stated } = operation.idempotency;
    return {
      surface: operation.surface,
      method: operation.method,
      path: operation.path,
      slug: operation.slug,
      ...(operation.summary ? { summary: operation.summary } : {}),
      idempotency: {
        kind,
        ...(header ? { header } : {}),
        ...(note ? { note } : {}),
        ...(stated ? {} : { stated: false as const }),
      },
      statuses: operation.statuses,
      codes: operation.codes.map((key) => positionOfCode.get(key)!),
      ...(Object.keys(operation.envelopes).length ? { envelopes: { ...operation.envelopes } } : {}),
      ...(operation.requestHeaders.length
        ? {
            headers: operation.requestHeaders.map((requestHeader) => ({
              name: requestHeader.name,
              ...(requestHeader.required ? { required: true as const } : {}),
            })),
          }
        : {}),
      ...(operation.deprecated
        ? {
            deprecated: {
              since: operation.deprecated.since,
              ...(replacement ? { replacedBy: `${replacement.method} ${replacement.path}` } : {}),
            },
          }
        : {}),
    };
  }
  for (const [token, positions] of tokenLists) {
    const name = tokenShardName(core, token);
    const shard = shards[name] as TokenShard;
    shard.tokens[token] = positions;
  }
  for (const [word, list] of wordLists) {
    const name = wordShardName(core, word);
    const shard = shards[name] as WordShard;
    let previous = 0;
    shard.words[word] = list.map(([position, length]) => {
      const packed = (position - previous) * POSTING_LENGTH_BITS + length;
      previous = position;
      return packed;
    });
  }
  if (CORE_SHARD in shards) throw new Error('a shard is named like the core shard');
  core.version = (hashString(JSON.stringify(shards)) ^ hashString(JSON.stringify(core))).toString(36);
  return { core, shards };
}

/**
 * The three-letter prefixes whose words hold more postings than a word shard should: in a catalog's
 * vocabulary a few prefixes ("con", "pro", "inv") carry many words, and a shard keyed by three
 * letters would make every query for one of their words fetch all of them.
 */
function splitPrefixes(wordLists: ReadonlyMap<string, readonly unknown[]>, perShard: number): string[] {
  const byPrefix = new Map<string, number>();
  for (const [word, list] of wordLists) {
    const prefix = word.slice(0, WORD_PREFIX_LETTERS);
    byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + list.length);
  }
  return [...byPrefix]
    .filter(([, count]) => count > perShard)
    .map(([prefix]) => prefix)
    .sort();
}

/**
 * Codes that only an envelope's example body shows (Migo's "7100", "User not found in the
 * system."): read with the same body reader as a pasted body, kept when no space of the
 * envelope's surfaces documents them.
 */
function exampleCodes(catalog: Catalog, envelopes: readonly EnvelopeEntry[]): ExampleCode[] {
  const { codeByKey, surfaceById } = catalogIndex(catalog);
  const found: ExampleCode[] = [];
  for (const envelope of catalog.envelopes) {
    const entry = envelopes.find((candidate) => candidate.id === envelope.id)!;
    const spaces = [...new Set(envelope.surfaces.map((id) => surfaceById.get(id)?.codeSpace ?? id))];
    for (const example of envelope.examples) {
      if (example.kind === 'success' || !isJsonMediaType(envelope.mediaType)) continue;
      let body: unknown;
      try {
        body = JSON.parse(example.body);
      } catch {
        continue;
      }
      for (const item of readBody(body, [entry])?.items ?? []) {
        const code = item.codes[0];
        if (!code || spaces.some((space) => codeByKey.has(`${space}:${code}`))) continue;
        if (found.some((known) => known.code === code && known.envelope === envelope.id)) continue;
        const message = item.message ?? item.detail;
        found.push({ code, ...(message ? { message } : {}), envelope: envelope.id, example: example.title, spaces });
      }
    }
  }
  return found;
}
