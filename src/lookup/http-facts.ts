/**
 * Reads a pasted raw HTTP response (status line, headers, body) or a block of headers, and
 * explains the headers that tell a client when to retry: Retry-After, X-RateLimit-* and the IETF
 * RateLimit / RateLimit-Policy fields, in seconds and as a clock time; and finds the request id.
 * X-RateLimit-* follow no standard: where the catalog does not state a header's unit, the
 * explanation says that it reads the value the usual way, so no unit is presented as the API's.
 */
import { formatDuration, listInWords, usualReading, unstatedUnit } from '../view/retry-text';
import { joinSentences } from '../shared/sentence';
import type { HttpFacts } from './types';
import type { HeaderEntry } from './index-format';

export interface HttpHeader {
  name: string;
  value: string;
}

export interface ParsedHttp {
  /** True when a status line (`HTTP/1.1 429 …`) was found; false for headers alone. */
  statusLine: boolean;
  status?: number;
  reason?: string;
  headers: HttpHeader[];
  /** What follows the blank line after the headers. */
  body: string;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+([^\r\n]{0,200}))?$/i;
const HEADER_LINE = /^(:?[A-Za-z0-9][A-Za-z0-9_.-]{0,79}):[ \t]*([^\r\n]*)$/;
/** At most this many header lines are read; a paste with more is treated as having no more. */
const MAX_HEADERS = 200;

/** Headers people paste alone; any one of them makes a block of `Name: value` lines count as headers. */
const WELL_KNOWN = new Set([
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-reset-after',
  'x-ratelimit-used',
  'x-ratelimit-resource',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-trace-id',
  'traceparent',
  'cf-ray',
  'x-github-request-id',
  'x-ms-request-id',
  'content-type',
  'date',
  'www-authenticate',
  'server',
  'content-length',
  ':status',
  'status',
  'x-cloud-trace-context',
]);

/** Header names that carry a request or trace id, most specific first. */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-ms-request-id',
  'x-github-request-id',
  'x-trace-id',
  'x-cloud-trace-context',
  'traceparent',
  'cf-ray',
];

/** `X-Rate-Limit-Reset` and `X-RateLimit-Reset` are the same header to us. */
function canonicalName(name: string): string {
  return name.toLowerCase().replace(/^x-rate-limit-/, 'x-ratelimit-');
}

/**
 * Parses `input` as a raw HTTP response or a header block; undefined when it is neither.
 * Handles CRLF, `curl -v` (`< ` prefixes) and browser copies with a `status:` pseudo-header.
 */
export function parseHttp(input: string, knownHeaders: readonly HeaderEntry[] = []): ParsedHttp | undefined {
  const lines = input.replace(/^\s+/, '').split(/\r?\n/, MAX_HEADERS + 2);
  const curl = lines[0]?.startsWith('< ') ?? false;
  const line = (index: number) => {
    const text = lines[index] ?? '';
    return curl ? text.replace(/^[<>] ?/, '') : text;
  };
  let index = 0;
  let status: number | undefined;
  let reason: string | undefined;
  const statusMatch = STATUS_LINE.exec(line(0).trim());
  if (statusMatch) {
    status = Number(statusMatch[1]);
    reason = statusMatch[2]?.trim() || undefined;
    index = 1;
  }
  const headers: HttpHeader[] = [];
  let blank = false;
  for (; index < lines.length && index <= MAX_HEADERS; index += 1) {
    const text = line(index);
    if (text.trim() === '') {
      blank = true;
      break;
    }
    const match = HEADER_LINE.exec(text.trim());
    if (!match) {
      // A JSON body straight after the headers (the blank line lost in copying) is still the body.
      if (/^[{[]/.test(text.trim())) break;
      if (!statusMatch) return undefined;
      break;
    }
    headers.push({ name: match[1]!, value: match[2]!.trim() });
  }
  if (!statusMatch) {
    if (headers.length === 0) return undefined;
    const known = new Set([...WELL_KNOWN, ...knownHeaders.map((header) => header.name.toLowerCase())]);
    const knownCount = headers.filter(
      (header) => known.has(canonicalName(header.name)) || canonicalName(header.name).startsWith('x-ratelimit-'),
    ).length;
    // One unknown "Error: something" line is a message, not a header block.
    if (knownCount === 0) return undefined;
    const pseudo = headers.find((header) => header.name === ':status' || header.name.toLowerCase() === 'status');
    const pseudoStatus = pseudo ? /^(\d{3})\b/.exec(pseudo.value) : null;
    if (pseudoStatus) status = Number(pseudoStatus[1]);
  }
  const body = bodyAfter(input, blank ? index + 1 : index, lines.length, curl);
  return { statusLine: Boolean(statusMatch), status, reason, headers, body };
}

/** The text after the first `skip` lines (the body), or '' when there is none. */
function bodyAfter(input: string, skip: number, lineCount: number, curl: boolean): string {
  if (skip >= lineCount) return '';
  // Skip the lines in the original text, so a huge body is not split and re-joined.
  let offset = input.length - input.replace(/^\s+/, '').length;
  for (let index = 0; index < skip && offset < input.length; index += 1) {
    const next = input.indexOf('\n', offset);
    if (next < 0) return '';
    offset = next + 1;
  }
  const body = input.slice(offset);
  return curl ? body.replace(/^[<>] ?/gm, '') : body;
}

/** What `explainHeaders` needs besides the headers. */
export interface HeaderContext {
  /** The current time, ms since the epoch. */
  now: number;
  /** Headers the catalog declares, whose meaning and format win over the built-in reading. */
  catalogHeaders: readonly HeaderEntry[];
  /** Status of the response, when known (a reset matters most on 429). */
  status?: number;
}

/** What the catalog says of a header, with the surfaces it belongs to when not every surface. */
function declaredMeaning(entry: HeaderEntry): string {
  return entry.surfaceNames
    ? joinSentences([entry.meaning, `Documented for ${listInWords(entry.surfaceNames)} only`])
    : entry.meaning;
}

/** `10:00:30 UTC`, with the date in front when it is not the same day as `now`. */
export function formatClock(ms: number, now: number): string {
  const iso = new Date(ms).toISOString();
  const time = `${iso.slice(11, 19)} UTC`;
  return iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10) ? time : `${iso.slice(0, 10)} ${time}`;
}

function seconds(value: string): number | undefined {
  return /^\d{1,12}(?:\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** `in 30 s` / `34 s ago`. */
function relative(deltaSeconds: number): string {
  const words = formatDuration(Math.abs(deltaSeconds) * 1000);
  return deltaSeconds >= 0 ? `in ${words}` : `${words} ago`;
}

/** Reads a structured-field list such as `"default";r=0;t=30, "burst";q=10;w=1` or `limit=100, remaining=0, reset=30`. */
function parseStructuredList(value: string): Array<{ token: string; params: Record<string, string> }> {
  return value
    .split(',', 16)
    .map((item) => {
      const [head = '', ...rest] = item.split(';', 16).map((part) => part.trim());
      const params: Record<string, string> = Object.create(null);
      for (const part of [head, ...rest]) {
        const equals = part.indexOf('=');
        if (equals > 0)
          params[part.slice(0, equals).trim().toLowerCase()] = part
            .slice(equals + 1)
            .trim()
            .replace(/^"|"$/g, '');
      }
      return { token: head.includes('=') ? '' : head.replace(/^"|"$/g, ''), params };
    })
    .filter((item) => item.token || Object.keys(item.params).length);
}

/**
 * Explains the retry and rate-limit headers, and finds the request id. `retryAfterSeconds` and
 * `retryAt` come from Retry-After when sent, else from the reset of an exhausted limit. Delays
 * are counted from the response's Date header when it has one (the paste may be old), else from now.
 */
export function explainHeaders(headers: readonly HttpHeader[], context: HeaderContext): HttpFacts {
  const notes: HttpFacts['headerNotes'] = [];
  const byName = new Map<string, HttpHeader>();
  for (const header of headers)
    if (!byName.has(canonicalName(header.name))) byName.set(canonicalName(header.name), header);
  const declared = new Map(context.catalogHeaders.map((header) => [header.name.toLowerCase(), header]));
  const dateHeader = byName.get('date');
  const dated = dateHeader ? Date.parse(dateHeader.value) : Number.NaN;
  const reference = Number.isFinite(dated) ? dated : context.now;
  const from = Number.isFinite(dated) ? 'after the response was sent' : 'from now';
  let waitSeconds: number | undefined;
  let waitFrom = reference;
  let exhausted = false;

  const note = (header: HttpHeader, explanation: string) =>
    notes.push({ header: header.name, value: header.value, explanation });
  /** Whether the catalog declares `name` with one of `formats`: then its reading is the API's word. */
  const stated = (name: string, ...formats: Array<HeaderEntry['format']>) =>
    formats.includes(declared.get(name)?.format);
  /**
   * Explains a reset given either as seconds to wait or as a Unix time, and offers it as the wait.
   * `guessed`: the catalog does not give the unit, so the text says the value was read one way.
   */
  const explainReset = (header: HttpHeader, value: number, format: 'seconds' | 'epoch-seconds', guessed: boolean) => {
    const at = format === 'epoch-seconds' ? value * 1000 : reference + value * 1000;
    const delta = Math.round((at - context.now) / 1000);
    const text =
      format === 'epoch-seconds'
        ? `The window refills at ${formatClock(at, context.now)} (Unix time ${value}, ${relative(delta)}).`
        : `The window refills ${formatDuration(value * 1000)} ${from}, at ${formatClock(at, context.now)}.`;
    note(header, guessed ? `${text} ${unstatedUnit(format === 'epoch-seconds' ? 'a Unix time' : 'seconds')}` : text);
    return at;
  };
  let resetAt: number | undefined;

  const retryAfter = byName.get('retry-after');
  if (retryAfter) {
    const delay = seconds(retryAfter.value);
    const date = delay === undefined ? Date.parse(retryAfter.value) : Number.NaN;
    if (delay !== undefined) {
      waitSeconds = delay;
      const at = reference + delay * 1000;
      note(
        retryAfter,
        `Wait ${formatDuration(delay * 1000)} before the next request: retry at ${formatClock(at, context.now)} (${delay} s ${from}).`,
      );
    } else if (Number.isFinite(date)) {
      waitSeconds = Math.max(0, Math.round((date - reference) / 1000));
      note(
        retryAfter,
        `Retry at ${formatClock(date, context.now)} (${relative(Math.round((date - context.now) / 1000))}).`,
      );
    } else {
      note(retryAfter, 'Retry-After should be a number of seconds or an HTTP date; this value is neither.');
    }
  }

  // The IETF fields define their meaning; X-RateLimit-* ones only have a usual one, said as such
  // unless the catalog declares the header as a count.
  const countNote = (header: HttpHeader, text: string) =>
    note(
      header,
      header.name.toLowerCase().startsWith('x-') && !stated(header.name.toLowerCase(), 'count')
        ? usualReading(text)
        : text,
    );
  const limit = byName.get('x-ratelimit-limit') ?? byName.get('ratelimit-limit');
  if (limit) countNote(limit, `You may send ${limit.value} requests in the current window.`);
  const remaining = byName.get('x-ratelimit-remaining') ?? byName.get('ratelimit-remaining');
  if (remaining) {
    const left = seconds(remaining.value);
    exhausted ||= left === 0;
    countNote(
      remaining,
      left === 0
        ? 'No requests left in this window: wait for the reset.'
        : `${remaining.value} requests left in this window.`,
    );
  }
  const used = byName.get('x-ratelimit-used');
  if (used) countNote(used, `${used.value} requests used in this window.`);
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset', 'x-ratelimit-reset-after']) {
    const header = byName.get(name);
    if (!header) continue;
    const value = seconds(header.value);
    if (value === undefined) {
      const date = Date.parse(header.value);
      if (Number.isFinite(date)) {
        resetAt = date;
        note(
          header,
          `The window refills at ${formatClock(date, context.now)} (${relative(Math.round((date - context.now) / 1000))}).`,
        );
      } else note(header, 'This reset value is neither seconds nor a Unix time.');
      continue;
    }
    const declaredFormat = declared.get(name)?.format;
    // IETF RateLimit-Reset and *-Reset-After are seconds; X-RateLimit-Reset is usually a Unix time,
    // but no standard says so: unless the catalog states its unit, the reading is said to be one.
    // A value in milliseconds (13 digits) is turned into seconds first.
    const normalised = value > 1e12 ? Math.round(value / 1000) : value;
    const format =
      declaredFormat === 'epoch-seconds' || declaredFormat === 'seconds'
        ? declaredFormat
        : name === 'x-ratelimit-reset' && normalised > 1e9
          ? 'epoch-seconds'
          : 'seconds';
    const guessed = name === 'x-ratelimit-reset' && !stated(name, 'epoch-seconds', 'seconds');
    resetAt = explainReset(header, normalised, format, guessed);
  }

  const combined = byName.get('ratelimit');
  if (combined) {
    let parts = parseStructuredList(combined.value);
    // `limit=100, remaining=0, reset=30` (an early draft) is one limit written as three items.
    if (parts.length > 1 && parts.every((part) => !part.token))
      parts = [{ token: '', params: Object.assign({}, ...parts.map((part) => part.params)) }];
    const sentences: string[] = [];
    for (const part of parts) {
      const left = part.params.r ?? part.params.remaining;
      const reset = part.params.t ?? part.params.reset;
      const quota = part.params.limit ?? part.params.q;
      const label = part.token ? `Policy "${part.token}"` : 'This limit';
      const bits: string[] = [];
      if (quota !== undefined) bits.push(`allows ${quota} requests`);
      if (left !== undefined) bits.push(`${left} left`);
      if (left !== undefined && Number(left) === 0) exhausted = true;
      const resetSeconds = reset !== undefined ? seconds(reset) : undefined;
      if (resetSeconds !== undefined) {
        const at = reference + resetSeconds * 1000;
        bits.push(`refills in ${formatDuration(resetSeconds * 1000)} (at ${formatClock(at, context.now)})`);
        if (Number(left) === 0 || resetAt === undefined) resetAt = Math.max(resetAt ?? 0, at);
      }
      if (bits.length) sentences.push(`${label}: ${bits.join(', ')}.`);
    }
    note(combined, sentences.length ? sentences.join(' ') : 'The IETF RateLimit field; its value could not be read.');
  }
  const policy = byName.get('ratelimit-policy');
  if (policy) {
    const sentences = parseStructuredList(policy.value).map((part) => {
      const quota = part.params.q ?? (/^\d+$/.test(part.token) ? part.token : undefined);
      const window = part.params.w;
      const name = part.token && !/^\d+$/.test(part.token) ? `Policy "${part.token}": ` : '';
      if (quota === undefined) return '';
      return `${name}${quota} requests${window ? ` per ${formatDuration(Number(window) * 1000)}` : ''}.`;
    });
    const text = sentences.filter(Boolean).join(' ');
    note(
      policy,
      text ? `The limits that apply: ${text}` : 'The IETF RateLimit-Policy field; its value could not be read.',
    );
  }

  // Other headers the catalog documents: say what it says about them.
  for (const header of headers) {
    const entry = declared.get(header.name.toLowerCase());
    if (
      entry &&
      !notes.some((existing) => existing.header.toLowerCase() === header.name.toLowerCase()) &&
      entry.format !== 'id'
    ) {
      note(header, declaredMeaning(entry));
    }
  }

  let requestId: string | undefined;
  const idHeaders = [
    ...REQUEST_ID_HEADERS,
    ...context.catalogHeaders.filter((header) => header.format === 'id').map((header) => header.name.toLowerCase()),
  ];
  for (const name of idHeaders) {
    const header = byName.get(name);
    if (header?.value) {
      requestId = header.value.slice(0, 200);
      const entry = declared.get(name);
      note(
        header,
        entry
          ? declaredMeaning(entry)
          : "The id of this request in the server's logs: quote it when you contact support.",
      );
      break;
    }
  }

  if (waitSeconds === undefined && resetAt !== undefined && (exhausted || context.status === 429)) {
    waitSeconds = Math.max(0, Math.round((resetAt - reference) / 1000));
    waitFrom = reference;
  }
  const facts: HttpFacts = { headerNotes: notes };
  if (requestId) facts.requestId = requestId;
  if (Number.isFinite(dated)) facts.date = new Date(dated).toISOString();
  if (waitSeconds !== undefined) {
    facts.retryAfterSeconds = waitSeconds;
    facts.retryAt = new Date(waitFrom + waitSeconds * 1000).toISOString();
  }
  return facts;
}
