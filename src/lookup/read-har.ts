/**
 * Reads a HAR file (a browser's network panel, "Save all as HAR" or "Copy all as HAR") or one of
 * its entries ("Copy as HAR"): each entry's request and response as an exchange. Only failed
 * entries (status 400 or more, or no response) are turned into exchanges; the others are counted.
 * A file cut off in the middle (a paste that lost its end) still gives its complete entries.
 */
import type { HttpHeader } from './http-facts';
import { findEmbeddedJson, requestOf, type Exchange } from './read-exchange';

export interface HarEntry {
  /** Position in the file, from 0. */
  index: number;
  /** The response status; 0 when the request got no response (blocked, offline, aborted). */
  status: number;
  startedAt?: string;
  /** The request and response, for failed entries only. */
  exchange: Exchange;
}

export interface HarFile {
  /** Entries in the file. */
  total: number;
  /** True when the paste was one entry, not a whole file. */
  single: boolean;
  /** Failed entries (and the single entry), in file order. */
  entries: HarEntry[];
  /** Entries that were not a request with a response. */
  skipped: number;
  /** True when the file was cut off and only its complete entries were read. */
  truncated: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Bodies longer than this are cut before they are read: an error body is short. */
const MAX_BODY = 64 * 1024;

function headersOf(value: unknown): HttpHeader[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, 200)
    .filter((header): header is { name: string; value: string } => isObject(header) && typeof header.name === 'string')
    .map((header) => ({
      name: header.name,
      value: typeof header.value === 'string' ? header.value : String(header.value ?? ''),
    }));
}

/** The response body of an entry as text: base64 content decoded when it is small. */
function contentText(content: unknown): string {
  if (!isObject(content) || typeof content.text !== 'string') return '';
  const text = content.text.slice(0, content.encoding === 'base64' ? MAX_BODY * 2 : MAX_BODY);
  if (content.encoding !== 'base64') return text;
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder().decode(bytes).slice(0, MAX_BODY);
  } catch {
    return '';
  }
}

function statusOf(entry: Json): number {
  const response = entry.response;
  const status = isObject(response) ? Number(response.status) : Number.NaN;
  return Number.isInteger(status) && status >= 0 && status <= 999 ? status : 0;
}

/** One HAR entry as an exchange. */
export function exchangeOfEntry(entry: Json): Exchange | undefined {
  const request = entry.request;
  if (!isObject(request) || typeof request.url !== 'string') return undefined;
  const method = typeof request.method === 'string' ? request.method : undefined;
  const postData =
    isObject(request.postData) && typeof request.postData.text === 'string' ? request.postData.text : undefined;
  const exchange: Exchange = {
    source: 'HAR entry',
    request: requestOf(method, request.url, headersOf(request.headers), postData?.slice(0, MAX_BODY)),
  };
  const response = entry.response;
  const status = statusOf(entry);
  if (isObject(response) && status > 0) {
    const reason =
      typeof response.statusText === 'string' && response.statusText.trim() ? response.statusText.trim() : undefined;
    exchange.response = {
      status,
      ...(reason ? { reason } : {}),
      headers: headersOf(response.headers),
      body: contentText(response.content),
      statusLine: true,
    };
  } else {
    const error =
      typeof entry._error === 'string'
        ? entry._error
        : isObject(response) && typeof response._error === 'string'
          ? response._error
          : undefined;
    exchange.transportError = error ?? 'no response was recorded for this request';
  }
  return exchange;
}

/** Complete entry objects at the start of a cut-off `"entries": [ … ` list. */
function salvageEntries(text: string): Json[] {
  const at = text.search(/"entries"\s*:\s*\[/);
  if (at < 0) return [];
  const entries: Json[] = [];
  let offset = text.indexOf('[', at) + 1;
  while (offset < text.length && entries.length < 100_000) {
    const next = text.slice(offset).search(/\S/);
    if (next < 0 || text[offset + next] !== '{') break;
    const found = findEmbeddedJson(text.slice(offset + next), text.length, 1);
    if (!found || !isObject(found.value) || found.start !== 0) break;
    entries.push(found.value);
    offset += next + found.text.length;
    const comma = /^\s*,/.exec(text.slice(offset, offset + 64));
    if (!comma) break;
    offset += comma[0].length;
  }
  return entries;
}

/**
 * The HAR file or entry in `text`, or undefined when it is neither. The quick shape test looks at
 * the start only, so ordinary JSON bodies are not parsed twice.
 */
export function readHar(text: string, maxChars: number): HarFile | undefined {
  if (!text.startsWith('{') || text.length > maxChars) return undefined;
  const start = text.slice(0, 4096);
  const file = /"log"\s*:\s*\{/.test(start) && /"entries"\s*:/.test(text.slice(0, 1 << 20));
  const single = !file && /"request"\s*:\s*\{/.test(start) && /"response"\s*:\s*\{/.test(text);
  if (!file && !single) return undefined;
  let parsed: unknown;
  let truncated = false;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (!file) return undefined;
    const salvaged = salvageEntries(text);
    if (!salvaged.length) return undefined;
    parsed = { log: { entries: salvaged } };
    truncated = true;
  }
  if (!isObject(parsed)) return undefined;
  const list = single
    ? [parsed]
    : isObject(parsed.log) && Array.isArray(parsed.log.entries)
      ? parsed.log.entries
      : undefined;
  if (!list) return undefined;
  const entries: HarEntry[] = [];
  let skipped = 0;
  list.forEach((item: unknown, index: number) => {
    if (!isObject(item) || !isObject(item.request)) {
      skipped += 1;
      return;
    }
    const status = statusOf(item);
    if (!single && status > 0 && status < 400) return;
    const exchange = exchangeOfEntry(item);
    if (!exchange) {
      skipped += 1;
      return;
    }
    entries.push({
      index,
      status,
      ...(typeof item.startedDateTime === 'string' ? { startedAt: item.startedDateTime } : {}),
      exchange,
    });
  });
  return { total: list.length, single, entries, skipped, truncated };
}
