/**
 * The lookup engine: one input string in, ranked explanations out. It tells what the input is —
 * an HTTP status, a code or a name, a message, a JSON body, a raw HTTP response or headers — and
 * explains it from the lookup index. Pure and synchronous: it never fetches; when a shard it needs
 * is not loaded it says so (`lookupWithNeeds`), and `resolveLookup` loads and asks again.
 */
import { explainBody } from './explain-body';
import {
  codeExplanation,
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
import type { LookupAnswer } from './types';

export type { LookupIndex } from './index-reader';

/** Inputs larger than this (UTF-8 bytes) are refused with a notice. */
export const MAX_INPUT_BYTES = 256 * 1024;

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
  const answer: LookupAnswer = { kind: 'empty', explanations: [], notices: [], suggestions: [] };
  const context: Context = {
    reader,
    set: new ExplanationSet(),
    answer,
    now: options.now ?? Date.now(),
    typing: options.typing ?? false,
  };
  explainInput(context, input);
  answer.explanations = context.set.sorted(options.limit ?? 20);
  if (
    answer.kind !== 'empty' &&
    answer.kind !== 'too-large' &&
    answer.explanations.length === 0 &&
    !answer.http?.headerNotes.length
  ) {
    answer.suggestions.push(...suggestionsFor(reader, input.trim()));
  }
  return { answer, missing: [...reader.missing] };
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
  const size = utf8Length(input, MAX_INPUT_BYTES);
  if (size > MAX_INPUT_BYTES) {
    answer.kind = 'too-large';
    answer.notices.push(
      `The input is over ${MAX_INPUT_BYTES / 1024} KB, the most the lookup reads. Paste only the error body, the status line and headers, or the message.`,
    );
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
  explainText(context, trimmed);
}

/** Parses and explains JSON text; false (with a notice) when it is not valid JSON. */
function explainJsonText(context: Context, text: string, options: { contentType?: string; status?: number }): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^JSON\.parse: /, '') : 'it does not parse';
    context.answer.notices.push(`This is not valid JSON (${reason.slice(0, 160)}), so its text was matched instead.`);
    return false;
  }
  if (context.answer.kind === 'empty') context.answer.kind = 'json';
  explainBody(context, body, options);
  return true;
}

function explainHttp(context: Context, http: ParsedHttp): void {
  const { reader, answer, set } = context;
  answer.kind = http.statusLine ? 'http' : 'headers';
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
    const options = {
      ...(contentType ? { contentType } : {}),
      ...(http.status !== undefined ? { status: http.status } : {}),
    };
    const isJson = (body.startsWith('{') || body.startsWith('[')) && explainJsonText(context, body, options);
    if (!isJson) explainText(context, body, { keepKind: true });
  }
  if (http.status !== undefined) {
    const documented = set.has((explanation) => explanation.kind === 'code' || explanation.kind === 'message');
    const statusFacts = {
      score: documented ? SCORE.statusBesideDocumented : SCORE.responseStatusAlone,
      exact: false,
      matchedBy: http.statusLine ? 'the status line' : 'the status header',
    };
    set.add(statusExplanation(reader, http.status, statusFacts));
    for (const surface of statusOverrides(reader, http.status))
      set.add(
        statusExplanation(
          reader,
          http.status,
          { ...statusFacts, score: statusFacts.score + SCORE.surfaceVariantOfStatus },
          surface,
        ),
      );
  }
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
      score: options.score,
      exact: options.exact,
      matchedBy: options.exact ? 'exact HTTP status' : `HTTP status ${options.via}`,
    };
    set.add(statusExplanation(reader, value, facts));
    for (const surface of statusOverrides(reader, value))
      set.add(
        statusExplanation(reader, value, { ...facts, score: facts.score + SCORE.surfaceVariantOfStatus }, surface),
      );
    found = true;
  }
  const codes = resolveCode(reader, digits);
  const spaces = new Set(codes.map(({ record }) => record.space));
  for (const { record } of codes) {
    const where = spaces.size > 1 ? ` in ${reader.space(record.space)?.name ?? record.space}` : '';
    set.add(
      codeExplanation(reader, record, {
        score: options.score + (isStatus ? SCORE.codeThatIsAlsoStatus : 0),
        exact: options.exact,
        matchedBy: `${options.exact ? 'exact code' : `code ${options.via}`}${where}`,
      }),
    );
    found = true;
  }
  // A number no space documents, but some space's ranges hold: what the range is for.
  if (!codes.length && options.ranges && reader.numericPositions(value).length === 0) {
    for (const space of reader.core.spaces) {
      const range = space.ranges.find((entry) => value >= entry.from && value <= entry.to);
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

/** Adds the codes a symbolic code or name names. */
function explainToken(
  context: Context,
  token: string,
  options: { exact: boolean; score: number; via: string },
): boolean {
  const { reader, set } = context;
  const codes = resolveCode(reader, token);
  const spaces = new Set(codes.map(({ record }) => record.space));
  for (const { record, by } of codes) {
    const where = spaces.size > 1 ? ` in ${reader.space(record.space)?.name ?? record.space}` : '';
    const label = by === 'code' ? 'code' : 'name';
    set.add(
      codeExplanation(reader, record, {
        score: options.score + (by === 'name' ? SCORE.codeFoundByName : 0),
        exact: options.exact,
        matchedBy: `${options.exact ? `exact ${label}` : `${label} ${options.via}`}${where}`,
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

  const hits = shownHits(searchText(reader, text, { partialLastWord: context.typing && !/[\s.!?]$/.test(text) }), 8);
  for (const hit of hits) {
    const record = reader.record(hit.position);
    if (!record) continue;
    const facts = {
      score: hit.score,
      exact: false,
      matchedBy: hit.matchedBy,
      ...(hit.values ? { values: hit.values } : {}),
    };
    set.add(record.t === 'c' ? codeExplanation(reader, record, facts) : messageExplanation(reader, record, facts));
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
