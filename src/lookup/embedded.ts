/**
 * Finds the response inside a pasted text: a customer's ticket or a chat message holds a few lines
 * of prose around the part the lookup can read (a status line with its headers, a JSON body). The
 * engine then reads that part as if it had been pasted alone, and the prose only for a request id.
 */

/** An HTTP status line at the start of a line: `HTTP/1.1 404 Not Found`, `HTTP/2 429`. */
const STATUS_LINE_IN_TEXT = /^[ \t>]*(HTTP\/\d(?:\.\d)?[ \t]+\d{3}\b.*)$/m;
/** Longest JSON block looked for (the engine refuses larger inputs anyway). */
const MAX_JSON_BLOCK = 256 * 1024;
/** Opening braces tried before giving up: prose rarely holds more than a few. */
const MAX_CANDIDATES = 20;

/** What was found: the part to read, and whether prose surrounded it. */
export interface EmbeddedResponse {
  kind: 'http' | 'json';
  /** The part to read as if pasted alone. */
  text: string;
  /** The text around it (for a request id the customer quoted in words). */
  prose: string;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * The end (exclusive) of the JSON value opening at `start`, ignoring braces inside strings; -1 when
 * unclosed or mismatched. The closers expected are kept as bytes in a typed array: an array of
 * strings made 20 scans of a pasted run of 256 K "{" take seconds, this takes a few milliseconds.
 */
function balancedEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + MAX_JSON_BLOCK);
  const expected = new Uint8Array(limit - start);
  let depth = 0;
  let inString = false;
  for (let index = start; index < limit; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index += 1;
      else if (char === QUOTE) inString = false;
      continue;
    }
    if (char === QUOTE) inString = true;
    else if (char === OPEN_BRACE || char === OPEN_BRACKET)
      expected[depth++] = char === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
    else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      if (depth === 0 || expected[--depth] !== char) return -1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/**
 * The first JSON object (or array of objects) inside `text` that parses, with the prose around it.
 * A pair of braces in prose ("{customerId}") is not JSON and is skipped.
 */
function jsonInText(text: string): EmbeddedResponse | undefined {
  let tried = 0;
  for (let start = text.search(/[{[]/); start >= 0 && tried < MAX_CANDIDATES; tried += 1) {
    const end = balancedEnd(text, start);
    if (end > start) {
      const candidate = text.slice(start, end);
      try {
        const value: unknown = JSON.parse(candidate);
        if (value !== null && typeof value === 'object' && Object.keys(value).length > 0)
          return { kind: 'json', text: candidate, prose: `${text.slice(0, start)}\n${text.slice(end)}` };
      } catch {
        // Not JSON: try the next opening brace.
      }
    }
    const next = text.slice(start + 1).search(/[{[]/);
    start = next < 0 ? -1 : start + 1 + next;
  }
  return undefined;
}

/**
 * The response inside `text`, when prose surrounds it: from a status line to the end (headers and
 * body follow it), else the first JSON block. Undefined when the text holds neither.
 */
export function findEmbeddedResponse(text: string): EmbeddedResponse | undefined {
  const statusLine = STATUS_LINE_IN_TEXT.exec(text);
  if (statusLine) {
    const start = statusLine.index + statusLine[0].indexOf(statusLine[1]!);
    return { kind: 'http', text: text.slice(start), prose: text.slice(0, start) };
  }
  return jsonInText(text);
}

/** "request id req_9Kd2Pq", "Request-ID: 7f3a…", "X-Request-Id = abc": the id a customer quoted in words. */
const REQUEST_ID_IN_PROSE =
  /\b(?:x-)?(?:request|trace|correlation)[ _-]?id\b["']?\s*(?:is|was|[:=#])?\s*["'`]?([A-Za-z0-9][A-Za-z0-9_.:-]{3,99})/i;

/** The request id a customer quoted in prose, when there is one. */
export function requestIdInProse(prose: string): string | undefined {
  const match = REQUEST_ID_IN_PROSE.exec(prose);
  const value = match?.[1]?.replace(/[.:]+$/, '');
  return value && /\d/.test(value) ? value : undefined;
}
