/**
 * The lookup engine: one input string in, ranked explanations out. It tells what the input is —
 * an HTTP status, a code or a name, a message, a JSON body, a raw HTTP response or headers — and
 * explains it from the lookup index. Pure and synchronous: it never fetches; when a shard it needs
 * is not loaded it says so (`lookupWithNeeds`), and `resolveLookup` loads and asks again.
 */
import { explainBody, type BodyOptions } from './explain-body';
import {
  adviseCall,
  describeRequest,
  disagreements,
  matchOperation,
  shownText,
  type CallContext,
  type OperationMatch,
} from './explain-exchange';
import { findEmbeddedResponse, requestIdInProse, type EmbeddedResponse } from './embedded';
import { readHar, type HarFile } from './read-har';
import { exchangeOfLogObject, readExchange, type Exchange, type RequestSide } from './read-exchange';
import {
  codeExplanation,
  exampleCodeExplanation,
  messageExplanation,
  rangeExplanation,
  statusExplanation,
  statusOverrides,
  ExplanationSet,
} from './explanations';
import { explainHeaders, parseHttp, type ParsedHttp } from './http-facts';
import { HTTP_REASONS, statusForReason } from './http-reasons';
import { IndexReader, type LookupIndex } from './index-reader';
import { resolveCode } from './resolve-code';
import { SCORE } from './scores';
import { searchText, shownHits } from './text-search';
import { matchTemplate } from './text';
import type { HarEntryAnswer, LookupAnswer } from './types';
import { fillSupportLinks } from '../shared/support-links';

export type { LookupIndex } from './index-reader';

/** Inputs larger than this (UTF-8 bytes) are refused with a notice. */
export const MAX_INPUT_BYTES = 256 * 1024;
/** A HAR file may be larger: its failed entries are explained one by one. */
export const MAX_HAR_BYTES = 32 * 1024 * 1024;
/** Failed entries of a HAR file explained one by one; the others are counted. */
export const MAX_HAR_ENTRIES_EXPLAINED = 200;

export interface LookupOptions {
  /** The current time in ms since the epoch, for "retry at" clock times. Default: `Date.now()`. */
  now?: number;
  /** Most explanations returned. Default 20. */
  limit?: number;
  /** The input is being typed: its last word may be unfinished. */
  typing?: boolean;
}

interface Context {
  reader: IndexReader;
  set: ExplanationSet;
  answer: LookupAnswer;
  now: number;
  typing: boolean;
  /** The request side, when the paste has one: what it matched and the call it describes. */
  exchange?: { request?: RequestSide; match?: OperationMatch; call?: CallContext };
  /** The surface of the operation a pasted request matched: codes are read in its space, statuses with its meaning. */
  surface?: { id: string; space: string };
  /** Key (`surface/slug`) of that operation: a code's status context limited to it is the one explained. */
  operation?: string;
}

/** The operation fact of a code match, when the paste's request matched one. */
const operationFact = (context: Context) => (context.operation ? { operation: context.operation } : {});

/**
 * A status named inside text ranks just below a business code named in the same text ("Error 409:
 * code 4201"): the code says more. Exact lookups ("409") are not lowered.
 */
const STATUS_IN_TEXT_BELOW_CODE = 3;

/** The surfaces whose own meaning of `status` to add: the matched operation's, or every surface that has one. */
function overridesFor(context: Context, status: number): string[] {
  const all = statusOverrides(context.reader, status);
  return context.surface ? all.filter((id) => id === context.surface!.id) : all;
}

/** UTF-8 length of `text`, stopping early once it passes `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= limit; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The answer for `input`, and the shards it still needs (empty when the index held everything). */
export function lookupWithNeeds(
  input: string,
  index: LookupIndex,
  options: LookupOptions = {},
): { answer: LookupAnswer; missing: string[] } {
  const reader = new IndexReader(index);
  const answer = answerOf(reader, options, (context) => explainInput(context, input), input.trim());
  return { answer, missing: [...reader.missing] };
}

/** Runs `explain` in a fresh context and finishes its answer: sorted, advice for the call, disagreements, suggestions. */
function answerOf(
  reader: IndexReader,
  options: LookupOptions,
  explain: (context: Context) => void,
  input: string,
): LookupAnswer {
  const answer: LookupAnswer = { kind: 'empty', explanations: [], notices: [], suggestions: [] };
  const context: Context = {
    reader,
    set: new ExplanationSet(),
    answer,
    now: options.now ?? Date.now(),
    typing: options.typing ?? false,
  };
  explain(context);
  answer.explanations = context.set.sorted(options.limit ?? 20);
  const exchange = context.exchange;
  if (exchange) {
    if (exchange.call) adviseCall(reader, exchange.call, answer.explanations);
    const found = disagreements(reader, exchange.request, exchange.match, exchange.call, answer.explanations);
    if (found.length) answer.disagreements = found;
  }
  if (
    answer.kind !== 'empty' &&
    answer.kind !== 'too-large' &&
    answer.kind !== 'har' &&
    answer.explanations.length === 0 &&
    !answer.http?.headerNotes.length &&
    !answer.request?.operation &&
    !answer.request?.transportError &&
    !answer.disagreements?.length
  ) {
    answer.suggestions.push(...suggestionsFor(reader, input));
  }
  const { supportLinks, ticketChecklist } = reader.core;
  if (answer.kind !== 'empty' && (supportLinks?.length || ticketChecklist?.length))
    answer.support = {
      links: supportLinks ? fillSupportLinks(supportLinks, supportValues(answer, context.now)) : [],
      ...(ticketChecklist?.length ? { checklist: ticketChecklist } : {}),
    };
  return answer;
}

/**
 * The values a support link may use, from the answer: the request id and the response's time as
 * the paste shows them (else the time of the lookup), and the code, status and surface of the best
 * explanation, the operation of the matched request.
 */
function supportValues(answer: LookupAnswer, now: number): Record<string, string | number | undefined> {
  const entry = answer.entries?.[0];
  const http = answer.http ?? entry?.answer.http;
  const best = answer.explanations.find((explanation) => explanation.code) ?? entry?.answer.explanations[0];
  const operation = answer.request?.operation ?? entry?.answer.request?.operation;
  const time = http?.date ?? entry?.startedAt;
  const parsed = time ? Date.parse(time) : Number.NaN;
  return {
    requestId: http?.requestId,
    code: best?.code,
    status: http?.status ?? best?.status,
    timeUtc: `${new Date(Number.isFinite(parsed) ? parsed : now).toISOString().slice(0, 19)}Z`,
    surface: operation?.surface.id ?? (best?.surfaces.length === 1 ? best.surfaces[0]!.id : undefined),
    operation: operation ? `${operation.method} ${operation.path}` : undefined,
  };
}

/** The answer for `input` from what the index holds. */
export function lookup(input: string, index: LookupIndex, options: LookupOptions = {}): LookupAnswer {
  return lookupWithNeeds(input, index, options).answer;
}

/**
 * Answers `input`, loading the shards it needs on the way: each round asks the engine, loads what
 * it missed (in parallel) and asks again, at most `maxRounds` times. `shards` is filled in place,
 * so later queries reuse what was loaded.
 */
export async function resolveLookup(
  input: string,
  index: { core: LookupIndex['core']; shards: Map<string, unknown> },
  load: (shard: string) => Promise<unknown>,
  options: LookupOptions = {},
  maxRounds = 6,
): Promise<LookupAnswer> {
  let result = lookupWithNeeds(input, index, options);
  for (let round = 0; round < maxRounds && result.missing.length; round += 1) {
    const loaded = await Promise.all(result.missing.map(async (name) => [name, await load(name)] as const));
    for (const [name, shard] of loaded) index.shards.set(name, shard);
    result = lookupWithNeeds(input, index, options);
  }
  return result.answer;
}

function explainInput(context: Context, input: string): void {
  const { answer } = context;
  const trimmed = input.trim();
  if (!trimmed) return;
  const har = trimmed.startsWith('{') ? readHar(trimmed, MAX_HAR_BYTES) : undefined;
  if (har) {
    explainHar(context, har);
    return;
  }
  const size = utf8Length(input, MAX_INPUT_BYTES);
  if (size > MAX_INPUT_BYTES) {
    answer.kind = 'too-large';
    answer.notices.push(
      `The input is over ${MAX_INPUT_BYTES / 1024} KB, the most the lookup reads. Paste only the error body, the status line and headers, or the message.`,
    );
    return;
  }
  const exchange = readExchange(trimmed, context.reader.core.headers);
  if (exchange) {
    explainExchange(context, exchange);
    return;
  }
  const http = parseHttp(trimmed, context.reader.core.headers);
  if (http) {
    explainHttp(context, http);
    return;
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (explainJsonText(context, trimmed, {})) return;
  }
  const embedded = findEmbeddedResponse(trimmed);
  if (embedded && explainEmbedded(context, embedded)) return;
  explainText(context, trimmed);
  if (/\s/.test(trimmed)) noteRequestIdInProse(context, trimmed);
}

/**
 * A response inside prose (a ticket, a chat message): its status line or JSON block is read as if
 * pasted alone, and the prose only for a request id quoted in words. False when the part found
 * explains nothing, so that the whole text is matched instead.
 */
function explainEmbedded(context: Context, embedded: EmbeddedResponse): boolean {
  const { answer, reader } = context;
  if (embedded.kind === 'http') {
    const exchange = readExchange(embedded.text, reader.core.headers);
    const http = exchange ? undefined : parseHttp(embedded.text, reader.core.headers);
    if (exchange) explainExchange(context, exchange);
    else if (http) explainHttp(context, http);
    else return false;
  } else {
    explainJsonText(context, embedded.text, {});
  }
  if (!context.set.size && answer.http?.status === undefined) {
    answer.kind = 'empty';
    delete answer.http;
    delete answer.request;
    delete context.exchange;
    delete context.surface;
    return false;
  }
  answer.embedded = embedded.kind;
  noteRequestIdInProse(context, embedded.prose);
  return true;
}

/** The request id a customer quoted in words, when the response itself carried none. */
function noteRequestIdInProse(context: Context, prose: string): void {
  if (context.answer.http?.requestId) return;
  const requestId = requestIdInProse(prose);
  if (!requestId) return;
  context.answer.http ??= { headerNotes: [] };
  context.answer.http.requestId = requestId;
}

/**
 * A request and what came back: the operation it matched (its surface's code space and the
 * envelope of the status decide how the body is read), then the response like any other, the
 * codes a log line names, and its text.
 */
function explainExchange(context: Context, exchange: Exchange): void {
  const { reader, answer } = context;
  const response = exchange.response;
  answer.kind =
    response?.status !== undefined ||
    response?.body ||
    exchange.codes?.length ||
    exchange.text ||
    exchange.transportError
      ? 'exchange'
      : 'request';
  const request = exchange.request;
  const match = request ? matchOperation(reader, request) : undefined;
  const described = request && match ? describeRequest(reader, request, exchange.source, match) : undefined;
  context.exchange = {
    ...(request ? { request } : {}),
    ...(match ? { match } : {}),
    ...(described?.call
      ? { call: { ...described.call, ...(response?.status !== undefined ? { status: response.status } : {}) } }
      : {}),
  };
  if (described) answer.request = described.facts;
  if (exchange.transportError) {
    answer.request ??= { source: exchange.source, target: '', path: '' };
    answer.request.transportError = shownText(exchange.transportError);
  }
  // The operation decides the code space (a code of two spaces is the one this surface sends) and the envelope.
  const operation = described?.call?.operation;
  const surface = operation ? reader.core.surfaces.find((candidate) => candidate.id === operation.surface) : undefined;
  if (surface) context.surface = { id: surface.id, space: surface.space };
  if (operation) context.operation = `${operation.surface}/${operation.slug}`;
  const bodyOptions: BodyOptions = {
    ...(surface ? { spaces: [surface.space], surface: surface.id } : {}),
    ...operationFact(context),
    ...(operation && response?.status !== undefined
      ? { envelope: operation.envelopes?.[String(response.status)] ?? surface?.envelope }
      : surface?.envelope
        ? { envelope: surface.envelope }
        : {}),
  };
  // Codes a log line names come first, so that its status ranks below them.
  let logCodes = 0;
  for (const code of exchange.codes ?? []) {
    const resolved = resolveCode(reader, code, bodyOptions.spaces ?? []);
    for (const { record, by } of resolved)
      context.set.add(
        codeExplanation(reader, record, {
          score: by === 'code' ? SCORE.logCode : SCORE.logName,
          exact: false,
          matchedBy: `the ${by} in the log line`,
          ...(bodyOptions.operation ? { operation: bodyOptions.operation } : {}),
        }),
      );
    logCodes += resolved.length;
    if (!resolved.length && /^\d+$/.test(code))
      explainNumber(context, code, {
        exact: false,
        score: SCORE.logCode,
        via: 'in the log line',
        ranges: true,
      });
  }
  // A log line's message beside its code is the code's own words: matching it again adds only noise.
  // Text comes before the status, so that a code it names ranks the status below it.
  if (exchange.text && !logCodes) explainText(context, exchange.text, { keepKind: true });
  if (response) {
    explainHttp(
      context,
      {
        statusLine: response.statusLine,
        ...(response.status !== undefined ? { status: response.status } : {}),
        ...(response.reason ? { reason: response.reason } : {}),
        headers: response.headers,
        body: response.body,
      },
      { keepKind: true, body: bodyOptions, statusVia: STATUS_VIA[exchange.source] },
    );
  }
}

/** How the status of each kind of paste was read, for "Matched by …". */
const STATUS_VIA: Record<Exchange['source'], string> = {
  'request line': 'the status line',
  'HTTP exchange': 'the status line',
  'curl -v output': 'the status line curl printed',
  'curl command': 'the status line curl printed',
  'fetch call': 'the status line',
  'network panel': 'the status code in the network panel',
  'browser console': 'the status in the browser console',
  'client error': "the status in the client's error",
  'log line': 'the status in the log line',
  'access log': 'the status in the access log',
  'HAR entry': 'the status of the HAR entry',
};

/** A HAR file: each failed entry explained as an exchange, the others counted. */
function explainHar(context: Context, har: HarFile): void {
  const { answer, reader } = context;
  answer.kind = har.entries.length === 1 && har.single ? 'exchange' : 'har';
  if (answer.kind === 'exchange') {
    explainExchange(context, har.entries[0]!.exchange);
    return;
  }
  const failed = har.entries.filter((entry) => entry.status >= 400);
  const noResponse = har.entries.filter((entry) => entry.status === 0).length;
  const explained = failed.slice(0, MAX_HAR_ENTRIES_EXPLAINED);
  answer.har = { entries: har.total, failed: failed.length, explained: explained.length, noResponse };
  answer.entries = explained.map((entry): HarEntryAnswer => {
    const sub = answerOf(reader, { now: context.now, limit: 5 }, (inner) => explainExchange(inner, entry.exchange), '');
    const { suggestions: _none, ...rest } = sub;
    return {
      index: entry.index,
      method: entry.exchange.request?.method ?? 'GET',
      url: shownText(entry.exchange.request?.target ?? ''),
      status: entry.status,
      ...(entry.exchange.response?.reason ? { statusReason: entry.exchange.response.reason } : {}),
      ...(entry.startedAt ? { startedAt: entry.startedAt } : {}),
      answer: { ...rest, suggestions: [] },
    };
  });
  if (failed.length > explained.length)
    answer.notices.push(
      `The file holds ${failed.length} failed requests; the first ${explained.length} are explained.`,
    );
  if (har.truncated)
    answer.notices.push(
      `The HAR file is cut off after ${har.total} complete ${har.total === 1 ? 'entry' : 'entries'}; those are read, the rest is lost.`,
    );
  if (har.skipped)
    answer.notices.push(
      `${har.skipped} ${har.skipped === 1 ? 'entry was' : 'entries were'} not a request and response and were left out.`,
    );
}

/** Parses and explains JSON text; false (with a notice) when it is not valid JSON. */
function explainJsonText(context: Context, text: string, options: BodyOptions): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^JSON\.parse: /, '') : 'it does not parse';
    context.answer.notices.push(`This is not valid JSON (${reason.slice(0, 160)}), so its text was matched instead.`);
    return false;
  }
  const logLine = context.answer.kind === 'empty' ? exchangeOfLogObject(body) : undefined;
  if (logLine) {
    explainExchange(context, logLine);
    return true;
  }
  if (context.answer.kind === 'empty') context.answer.kind = 'json';
  explainBody(context, body, options);
  return true;
}

function explainHttp(
  context: Context,
  http: ParsedHttp,
  options: { keepKind?: boolean; body?: BodyOptions; statusVia?: string } = {},
): void {
  const { reader, answer, set } = context;
  if (!options.keepKind) answer.kind = http.statusLine ? 'http' : 'headers';
  const facts = explainHeaders(http.headers, {
    now: context.now,
    catalogHeaders: reader.core.headers,
    ...(http.status !== undefined ? { status: http.status } : {}),
  });
  if (http.status !== undefined) {
    facts.status = http.status;
    const reason = http.reason ?? reader.status(http.status)?.reason ?? HTTP_REASONS[http.status];
    if (reason) facts.statusReason = reason;
  }
  answer.http = facts;
  const contentType = http.headers.find((header) => header.name.toLowerCase() === 'content-type')?.value;
  const body = http.body.trim();
  if (body) {
    const bodyOptions: BodyOptions = {
      ...options.body,
      ...(contentType ? { contentType } : {}),
      ...(http.status !== undefined ? { status: http.status } : {}),
    };
    const isJson = (body.startsWith('{') || body.startsWith('[')) && explainJsonText(context, body, bodyOptions);
    if (!isJson) explainText(context, body, { keepKind: true });
  }
  if (http.status !== undefined) {
    const documented = set.has((explanation) => explanation.kind === 'code' || explanation.kind === 'message');
    const statusFacts = {
      score: documented ? SCORE.statusBesideDocumented : SCORE.responseStatusAlone,
      exact: false,
      matchedBy: options.statusVia ?? (http.statusLine ? 'the status line' : 'the status header'),
    };
    addStatus(context, http.status, statusFacts);
  }
}

/**
 * A status and the surfaces' own meanings of it. When the request's surface is known and has its
 * own meaning, that one replaces the general one: it is what this response means.
 */
function addStatus(
  context: Context,
  status: number,
  facts: { score: number; exact: boolean; matchedBy: string },
): void {
  const { reader, set } = context;
  const own = overridesFor(context, status);
  if (context.surface && own.length) {
    set.add(statusExplanation(reader, status, facts, context.surface.id));
    return;
  }
  set.add(statusExplanation(reader, status, facts));
  for (const surface of own)
    set.add(
      statusExplanation(reader, status, { ...facts, score: facts.score + SCORE.surfaceVariantOfStatus }, surface),
    );
}

/** Adds the status and the codes a number names. Returns whether it named anything. */
function explainNumber(
  context: Context,
  digits: string,
  options: { exact: boolean; score: number; via: string; ranges: boolean },
): boolean {
  const { reader, set } = context;
  if (digits.length > 15) return false;
  const value = Number(digits);
  let found = false;
  const isStatus =
    digits.length === 3 &&
    value >= 100 &&
    value <= 599 &&
    (reader.status(value) !== undefined || HTTP_REASONS[value] !== undefined);
  if (isStatus) {
    const facts = {
      score: options.exact ? options.score : options.score - STATUS_IN_TEXT_BELOW_CODE,
      exact: options.exact,
      matchedBy: options.exact ? 'exact HTTP status' : `HTTP status ${options.via}`,
    };
    set.add(statusExplanation(reader, value, facts));
    for (const surface of overridesFor(context, value))
      set.add(
        statusExplanation(reader, value, { ...facts, score: facts.score + SCORE.surfaceVariantOfStatus }, surface),
      );
    found = true;
  }
  const codes = resolveCode(reader, digits, context.surface ? [context.surface.space] : []);
  const spaces = new Set(codes.map(({ record }) => record.space));
  for (const { record } of codes) {
    const where = spaces.size > 1 ? ` in ${reader.space(record.space)?.name ?? record.space}` : '';
    set.add(
      codeExplanation(reader, record, {
        score: options.score + (isStatus && options.exact ? SCORE.codeThatIsAlsoStatus : 0),
        exact: options.exact,
        matchedBy: `${options.exact ? 'exact code' : `code ${options.via}`}${where}`,
        ...operationFact(context),
      }),
    );
    found = true;
  }
  if (!codes.length)
    found = explainExampleCode(context, digits, options.score + SCORE.exampleCodeBelowDocumented) || found;
  // A number no space documents, but some space's ranges hold: what the range is for.
  if (!codes.length && options.ranges && reader.numericPositions(value).length === 0) {
    for (const space of reader.core.spaces) {
      const range = reader.ranges(space.id).find((entry) => value >= entry.from && value <= entry.to);
      if (!range) continue;
      set.add(
        rangeExplanation(reader, space, range, value, {
          score: options.score + SCORE.rangeOfUndocumentedNumber,
          exact: false,
          matchedBy: `undocumented code in the ${range.name} range`,
        }),
      );
      found = true;
    }
  }
  return found;
}

/** A code only an envelope's example body shows: adds what that example says. */
function explainExampleCode(context: Context, code: string, score: number): boolean {
  const examples = context.reader.core.exampleCodes.filter((example) => example.code === code);
  for (const example of examples)
    context.set.add(
      exampleCodeExplanation(context.reader, example, { score, exact: false, matchedBy: "the API's example body" }),
    );
  return examples.length > 0;
}

/** Adds the codes a symbolic code or name names. */
function explainToken(
  context: Context,
  token: string,
  options: { exact: boolean; score: number; via: string },
): boolean {
  const { reader, set } = context;
  const codes = resolveCode(reader, token, context.surface ? [context.surface.space] : []);
  const spaces = new Set(codes.map(({ record }) => record.space));
  for (const { record, by } of codes) {
    const where = spaces.size > 1 ? ` in ${reader.space(record.space)?.name ?? record.space}` : '';
    const label = by === 'code' ? 'code' : 'name';
    set.add(
      codeExplanation(reader, record, {
        score: options.score + (by === 'name' ? SCORE.codeFoundByName : 0),
        exact: options.exact,
        matchedBy: `${options.exact ? `exact ${label}` : `${label} ${options.via}`}${where}`,
        ...operationFact(context),
      }),
    );
  }
  return codes.length > 0;
}

/** Numbers written as codes or statuses inside text: at the start, or after "code", "error", "status", "HTTP"… */
const NUMBER_IN_TEXT = /(?:^|\b(?:code|error|err|errno|status|http|owncode|e)\b[^\w\n]{0,4})(\d{3,9})\b/gi;
/** Constant names (USER_NOT_FOUND) and snake_case codes (card_declined) inside text. */
const NAME_IN_TEXT = /\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b/g;

function explainText(context: Context, text: string, options: { keepKind?: boolean } = {}): void {
  const { reader, set, answer } = context;
  const setKind = (kind: LookupAnswer['kind']) => {
    if (!options.keepKind) answer.kind = kind;
  };
  const single = !/\s/.test(text) && text.length <= 100;
  if (single) {
    if (/^\d+$/.test(text)) {
      const found = explainNumber(context, text, { exact: true, score: SCORE.exactInput, via: '', ranges: true });
      setKind(
        set.has((explanation) => explanation.kind === 'code' || explanation.kind === 'range')
          ? 'code'
          : found
            ? 'status'
            : 'code',
      );
      return;
    }
    const qualified = /^([a-z0-9][a-z0-9-]*):([A-Za-z0-9_.-]+)$/.exec(text);
    if (qualified) {
      const space =
        reader.space(qualified[1]!) ??
        reader.space(reader.core.surfaces.find((surface) => surface.id === qualified[1])?.space ?? '');
      if (space) {
        for (const { record } of resolveCode(reader, qualified[2]!, [space.id]).filter(
          (entry) => entry.record.space === space.id,
        )) {
          set.add(
            codeExplanation(reader, record, {
              score: SCORE.exactInput,
              exact: true,
              matchedBy: `exact code in ${space.name}`,
            }),
          );
        }
        setKind('code');
        if (set.size) return;
      }
    }
    if (explainToken(context, text, { exact: true, score: SCORE.exactInput, via: '' })) {
      setKind(set.has((explanation) => explanation.matchedBy.startsWith('exact name')) ? 'name' : 'code');
      return;
    }
    // Whether the token is a code or a name is not known until its shards arrive; searching the
    // messages meanwhile would fetch shards an exact match does not need.
    if (reader.missing.size) {
      setKind('code');
      return;
    }
  }
  setKind(single && /^[A-Za-z][A-Za-z0-9]*[_.-][A-Za-z0-9_.-]*$/.test(text) ? 'name' : 'message');

  const phraseStatus = text.length <= 60 ? statusForReason(text) : undefined;
  if (phraseStatus !== undefined)
    set.add(
      statusExplanation(reader, phraseStatus, {
        score: SCORE.reasonPhrase,
        exact: false,
        matchedBy: 'HTTP reason phrase',
      }),
    );

  const head = text.slice(0, 4000);
  let numbers = 0;
  for (const match of head.matchAll(NUMBER_IN_TEXT)) {
    if (++numbers > 8) break;
    explainNumber(context, match[1]!, {
      exact: false,
      score: SCORE.numberInText,
      via: 'in the text',
      ranges: head.length <= 40,
    });
  }
  let names = 0;
  for (const match of head.matchAll(NAME_IN_TEXT)) {
    // Lowercase tokens with digits (cus_8f3a22, op_77aa10) are ids, not codes.
    if (/\d/.test(match[0]) && match[0] !== match[0].toUpperCase()) continue;
    if (++names > 8) break;
    explainToken(context, match[0], { exact: false, score: SCORE.nameInText, via: 'in the text' });
  }

  // Messages the API shows only in an example body, beside a code it documents nowhere else.
  for (const example of reader.core.exampleCodes) {
    const matched = example.message ? matchTemplate(example.message, head) : undefined;
    if (matched && matched.coverage >= SCORE.exampleMessageMinCoverage)
      set.add(
        exampleCodeExplanation(reader, example, {
          score: SCORE.exampleMessage + SCORE.exampleMessageCoverage * matched.coverage,
          exact: false,
          matchedBy: "the message of the API's example body",
        }),
      );
  }

  const hits = shownHits(searchText(reader, text, { partialLastWord: context.typing && !/[\s.!?]$/.test(text) }), 8);
  for (const hit of hits) {
    const record = reader.record(hit.position);
    if (!record) continue;
    const facts = {
      score: hit.score,
      exact: false,
      matchedBy: hit.matchedBy,
      ...(hit.values ? { values: hit.values } : {}),
      ...operationFact(context),
    };
    set.add(record.t === 'c' ? codeExplanation(reader, record, facts) : messageExplanation(reader, record, facts));
  }
  lowerStatusesBesideTheirCodes(set);
}

/** A status named in the text ranks below a documented code of that status the same text names. */
function lowerStatusesBesideTheirCodes(set: ExplanationSet): void {
  const all = [...set.values()];
  for (const status of all) {
    if (status.kind !== 'status' || status.exact) continue;
    const best = Math.max(
      ...all
        .filter((code) => code.kind === 'code' && !code.undocumented && code.status === status.status)
        .map((code) => code.score),
    );
    if (Number.isFinite(best)) status.score = Math.min(status.score, best - SCORE.statusInTextBelowItsCode);
  }
}

/** Things to try when nothing matched, quoting real entries of the catalog. */
function suggestionsFor(reader: IndexReader, input: string): string[] {
  const { examples } = reader.core;
  const suggestions: string[] = [];
  if (/^\d+$/.test(input)) {
    const value = Number(input);
    const spaces = reader.core.spaces.filter((space) => reader.numericCodes(space.id).length);
    const spans = spaces.map((space) => {
      const codes = reader.numericCodes(space.id);
      return `${space.name}: ${codes[0]}–${codes[codes.length - 1]}`;
    });
    if (spans.length) suggestions.push(`No code space documents ${value}. Documented codes run — ${spans.join('; ')}.`);
  } else if (/^[A-Za-z][\w.-]*$/.test(input)) {
    suggestions.push(
      `No code or name is "${input.slice(0, 60)}". Check the spelling${examples.name ? `; names look like ${examples.name}` : ''}, or paste the whole message.`,
    );
  }
  const tries = [
    examples.code ? `a code such as ${examples.code}` : '',
    examples.name ? `a name such as ${examples.name}` : '',
    examples.status ? `a status such as ${examples.status}` : '',
  ].filter(Boolean);
  if (tries.length) suggestions.push(`Try ${tries.join(', ')}.`);
  suggestions.push(
    'Paste the whole response — status line, headers and body — or just its JSON body: the lookup reads the codes and messages in it.',
  );
  return suggestions;
}
