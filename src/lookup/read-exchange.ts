/**
 * Reads the request side (and whatever response goes with it) out of what people copy from where
 * errors show up: a request line, a raw HTTP exchange, `curl -v` output, a `curl` command with
 * its `-i` output, a browser's "Copy as fetch", its network panel or console, an HTTP client's
 * exception message (axios, fetch, requests, Go, Spring, .NET, Faraday, OkHttp), a log line
 * (key=value or an access log). Pure and linear in its input: every pattern is anchored or
 * bounded, and only the first lines or characters are looked at where the shape is decided.
 */
import { parseHttp, type HttpHeader, type ParsedHttp } from './http-facts';
import type { HeaderEntry } from './index-format';
import { pathOfUrl } from '../shared/path-template';

/** What was copied, in words shown to the user ("Read as curl -v output"). */
export type PasteSource =
  | 'request line'
  | 'HTTP exchange'
  | 'curl -v output'
  | 'curl command'
  | 'fetch call'
  | 'network panel'
  | 'browser console'
  | 'client error'
  | 'log line'
  | 'access log'
  | 'HAR entry';

export interface RequestSide {
  /** Upper case, when known. */
  method?: string;
  /** The URL or path as pasted. */
  target: string;
  /** The path alone: no scheme, host, query or fragment. */
  path: string;
  /** Lower-case host, when the paste names one. */
  host?: string;
  /** The request headers, when the paste shows them (undefined: not known, not "none"). */
  headers?: HttpHeader[];
  body?: string;
}

export interface ResponseSide {
  status?: number;
  reason?: string;
  headers: HttpHeader[];
  body: string;
  /** True when a real status line was read (for the answer's kind). */
  statusLine: boolean;
}

/** One request and its response, as far as the paste shows them. */
export interface Exchange {
  source: PasteSource;
  request?: RequestSide;
  response?: ResponseSide;
  /** Business codes a log line names (`code=1004`). */
  codes?: string[];
  /** Free text that remains to be matched (an exception's message, a log message). */
  text?: string;
  /** The request got no response: what the client said instead (`context deadline exceeded`). */
  transportError?: string;
}

const METHODS = 'GET|HEAD|OPTIONS|PUT|DELETE|POST|PATCH';
/** How far into a paste a shape is looked for; pastes are at most 256 KB. */
const HEAD_CHARS = 8000;
const MAX_LINES = 400;

const REQUEST_LINE = new RegExp(`^(${METHODS})[ \\t]+(\\S{1,4000})(?:[ \\t]+HTTP\\/(\\d(?:\\.\\d)?))?[ \\t]*$`);
const URL_TARGET = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]+$|^\/[^\s"'<>]*$/;

/** The request side of a method and a URL or path. */
export function requestOf(
  method: string | undefined,
  target: string,
  headers?: HttpHeader[],
  body?: string,
): RequestSide {
  const cleaned = target.trim().replace(/^["'<(]+|["'>),;]+$/g, '');
  const host = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/.exec(cleaned)?.[1]?.toLowerCase();
  const headerHost = headers?.find((header) => header.name.toLowerCase() === 'host')?.value.split(':')[0];
  const request: RequestSide = { target: cleaned, path: pathOfUrl(cleaned) };
  if (method) request.method = method.toUpperCase();
  const anyHost = host ?? headerHost?.toLowerCase();
  if (anyHost) request.host = anyHost;
  if (headers) request.headers = headers;
  if (body !== undefined && body.trim()) request.body = body;
  return request;
}

function lines(input: string): string[] {
  return input.slice(0, 262_144).split(/\r?\n/, MAX_LINES);
}

function responseOf(http: ParsedHttp | undefined): ResponseSide | undefined {
  if (!http) return undefined;
  return {
    ...(http.status !== undefined ? { status: http.status } : {}),
    ...(http.reason ? { reason: http.reason } : {}),
    headers: http.headers,
    body: http.body,
    statusLine: http.statusLine,
  };
}

const HEADER = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,79}):[ \t]*(.*)$/;

/** `curl -v`: `> ` request lines, `< ` response lines, `* ` notes, then the body. */
function readCurlVerbose(input: string, knownHeaders: readonly HeaderEntry[]): Exchange | undefined {
  const all = lines(input);
  const requestAt = all.findIndex((line) => new RegExp(`^> (${METHODS}) \\S+ HTTP\\/`).test(line));
  const responseAt = all.findIndex((line) => /^< HTTP\/\d/.test(line));
  // Only the response (`< ` lines): an ordinary response, read as one elsewhere.
  if (requestAt < 0) return undefined;
  let request: RequestSide | undefined;
  if (requestAt >= 0) {
    const [, method, target] = new RegExp(`^> (${METHODS}) (\\S+)`).exec(all[requestAt]!)!;
    const headers: HttpHeader[] = [];
    for (let index = requestAt + 1; index < all.length; index += 1) {
      const match = HEADER.exec(all[index]!.replace(/^> ?/, ''));
      if (!all[index]!.startsWith('>') || !match) break;
      headers.push({ name: match[1]!, value: match[2]!.trim() });
    }
    const command = readCurlCommand(input);
    request = requestOf(method, target!, headers, command?.request?.body);
    const host = headers.find((header) => header.name.toLowerCase() === 'host')?.value;
    if (host && target!.startsWith('/')) request.target = `https://${host}${target}`;
  }
  let response: ResponseSide | undefined;
  if (responseAt >= 0) {
    const head: string[] = [];
    let index = responseAt;
    for (; index < all.length && all[index]!.startsWith('<'); index += 1) head.push(all[index]!.replace(/^< ?/, ''));
    // The body is what curl printed that is none of its own notes, progress meter or data markers.
    const body = all
      .slice(index)
      .filter((line) => !/^(?:[*<>{}] |\* |\s*% Total|\s*Dload|\s*\d+\s+\d+\s+\d+\s)/.test(line))
      .join('\n');
    response = responseOf(parseHttp(`${head.join('\n')}\n\n${body}`, knownHeaders));
  }
  return { source: 'curl -v output', ...(request ? { request } : {}), ...(response ? { response } : {}) };
}

/** Splits a shell command line into words: quotes, backslash escapes and `\` line continuations. */
export function shellWords(command: string, limit = 400): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | '$' | '' = '';
  for (let index = 0; index < command.length && words.length < limit; index += 1) {
    const char = command[index]!;
    // $'…' (bash ANSI-C quoting, as in Chrome's "Copy as cURL"): backslash escapes apply inside.
    if (quote === '$') {
      if (char === "'") quote = '';
      else if (char === '\\' && index + 1 < command.length) {
        const next = command[++index]!;
        word += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      } else word += char;
      continue;
    }
    if (quote === "'") {
      if (char === "'") quote = '';
      else word += char;
      continue;
    }
    if (char === '\\') {
      const next = command[index + 1];
      index += 1;
      if (next === '\n' || next === '\r') {
        if (next === '\r' && command[index + 1] === '\n') index += 1;
        continue;
      }
      if (next !== undefined) word += quote === '"' && !'"\\$`'.includes(next) ? `\\${next}` : next;
      inWord = true;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = '';
      else word += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
      continue;
    }
    if (char === '$' && command[index + 1] === "'") {
      quote = '$';
      inWord = true;
      index += 1;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    word += char;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

/** Options of curl that take a value, besides those read below. */
const CURL_VALUE_OPTIONS = new Set([
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-e',
  '--referer',
  '-x',
  '--proxy',
  '--connect-timeout',
  '-m',
  '--max-time',
  '--retry',
  '--cacert',
  '--cert',
  '--key',
  '-T',
  '--upload-file',
  '--resolve',
  '-F',
  '--form',
]);

/** A `curl …` command (with `\` line continuations), and what it printed after it (`-i` output or a body). */
function readCurlCommand(input: string, knownHeaders: readonly HeaderEntry[] = []): Exchange | undefined {
  const start = /^(?:[$>%#]\s*)?curl\s/m.exec(input.slice(0, HEAD_CHARS));
  if (!start || (start.index > 0 && input.slice(0, start.index).trim())) return undefined;
  // The command ends at the first line that does not end with a backslash.
  let end = start.index;
  for (;;) {
    const newline = input.indexOf('\n', end);
    if (newline < 0) {
      end = input.length;
      break;
    }
    const line = input.slice(end, newline).replace(/\r$/, '');
    end = newline + 1;
    if (!line.endsWith('\\')) break;
  }
  const words = shellWords(input.slice(start.index, end).replace(/^[$>%#]\s*/, ''));
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  let head = false;
  let get = false;
  const headers: HttpHeader[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index]!;
    const value = () => words[++index] ?? '';
    const inline = /^(--[a-z-]+)=(.*)$/.exec(word);
    const option = inline ? inline[1]! : word;
    const take = inline ? () => inline[2]! : value;
    if (option === '-X' || option === '--request') method = take();
    else if (/^-X[A-Z]+$/.test(option)) method = option.slice(2);
    else if (option === '-H' || option === '--header') {
      const match = HEADER.exec(take().trim());
      if (match) headers.push({ name: match[1]!, value: match[2]!.trim() });
    } else if (/^(?:-d|--data|--data-raw|--data-binary|--data-ascii|--data-urlencode|--json)$/.test(option)) {
      body = body === undefined ? take() : `${body}&${take()}`;
      if (option === '--json') headers.push({ name: 'Content-Type', value: 'application/json' });
    } else if (option === '-u' || option === '--user') {
      take();
      headers.push({ name: 'Authorization', value: 'Basic [credentials from -u]' });
    } else if (option === '-b' || option === '--cookie') headers.push({ name: 'Cookie', value: take() });
    else if (option === '-A' || option === '--user-agent') headers.push({ name: 'User-Agent', value: take() });
    else if (option === '--url') url = take();
    else if (option === '-I' || option === '--head') head = true;
    else if (option === '-G' || option === '--get') get = true;
    else if (CURL_VALUE_OPTIONS.has(option)) take();
    else if (!word.startsWith('-') && url === undefined) url = word;
  }
  if (!url) return undefined;
  const resolved = method ?? (head ? 'HEAD' : body !== undefined && !get ? 'POST' : 'GET');
  const request = requestOf(resolved, url, headers, body);
  const output = input.slice(end).trim();
  let response: ResponseSide | undefined;
  if (output) {
    response = /^HTTP\/\d/.test(output)
      ? responseOf(parseHttp(output, knownHeaders))
      : { headers: [], body: output, statusLine: false };
  }
  return { source: 'curl command', request, ...(response ? { response } : {}) };
}

/** `fetch("https://…", { "method": "POST", "headers": {…}, "body": "…" })`: a browser's "Copy as fetch". */
function readFetchCall(input: string): Exchange | undefined {
  const match = /^(?:await\s+)?fetch\(\s*("(?:[^"\\\n]|\\.){1,4000}"|'(?:[^'\\\n]|\\.){1,4000}')\s*(?:,\s*)?/.exec(
    input.slice(0, HEAD_CHARS),
  );
  if (!match) return undefined;
  const raw = match[1]!;
  let url: string;
  try {
    url = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  } catch {
    return undefined;
  }
  let options: { method?: unknown; headers?: unknown; body?: unknown } = {};
  const rest = input.slice(match[0].length);
  const close = rest.lastIndexOf('}');
  if (rest.startsWith('{') && close > 0) {
    try {
      options = JSON.parse(rest.slice(0, close + 1)) as typeof options;
    } catch {
      options = {};
    }
  }
  const headers =
    options.headers && typeof options.headers === 'object'
      ? Object.entries(options.headers as Record<string, unknown>)
          .filter(([, value]) => typeof value === 'string')
          .map(([name, value]) => ({ name, value: value as string }))
      : undefined;
  const method = typeof options.method === 'string' ? options.method : 'GET';
  return {
    source: 'fetch call',
    request: requestOf(method, url, headers, typeof options.body === 'string' ? options.body : undefined),
  };
}

/**
 * A browser's network panel, copied: "Request URL / Request Method / Status Code" with the value
 * on the same line or the next, then the response headers.
 */
function readNetworkPanel(input: string): Exchange | undefined {
  const head = input.slice(0, HEAD_CHARS);
  const field = (label: string) =>
    new RegExp(`^[ \\t]*${label}:?[ \\t]*(?:\\r?\\n[ \\t]*)?([^\\r\\n]+)`, 'im').exec(head)?.[1]?.trim();
  const url = field('Request URL');
  if (!url || !URL_TARGET.test(url.split(/\s/)[0]!)) return undefined;
  const method = field('Request Method')?.toUpperCase();
  const statusText = field('Status Code');
  const status = statusText ? /^(\d{3})\b\s*(.*)$/.exec(statusText) : null;
  const labels = /^(?:request url|request method|status code|remote address|referrer policy)$/i;
  const headers: HttpHeader[] = [];
  let bodyStart = -1;
  const all = lines(input);
  for (let index = 0; index < all.length; index += 1) {
    const line = all[index]!.trim();
    if (/^[{[]/.test(line)) {
      bodyStart = index;
      break;
    }
    const match = HEADER.exec(line);
    if (match && !labels.test(match[1]!)) headers.push({ name: match[1]!, value: match[2]!.trim() });
  }
  const body = bodyStart >= 0 ? all.slice(bodyStart).join('\n') : '';
  const response: ResponseSide = {
    ...(status ? { status: Number(status[1]) } : {}),
    ...(status?.[2] ? { reason: status[2].replace(/^\(|\)$/g, '') } : {}),
    headers: headers.filter((header) => !/^(?:request url|request method|status code)$/i.test(header.name)),
    body,
    statusLine: Boolean(status),
  };
  return { source: 'network panel', request: requestOf(method, url.split(/\s/)[0]!), response };
}

/** HTTP/2 pseudo-headers as browsers show them: `:method: POST`, `:path: /v2/charges`, `:status: 409`. */
function readPseudoHeaders(head: string): Exchange | undefined {
  const pseudo: Record<string, string> = {};
  const headers: HttpHeader[] = [];
  for (const line of head.split(/\r?\n/, 200)) {
    const match = /^[ \t]*(:?[A-Za-z][\w-]{0,79}):[ \t]*(.+)$/.exec(line);
    if (!match) continue;
    if (match[1]!.startsWith(':')) pseudo[match[1]!.slice(1).toLowerCase()] = match[2]!.trim();
    else headers.push({ name: match[1]!, value: match[2]!.trim() });
  }
  if (!pseudo.path || !new RegExp(`^(?:${METHODS})$`).test(pseudo.method ?? '')) return undefined;
  const target = pseudo.authority ? `${pseudo.scheme ?? 'https'}://${pseudo.authority}${pseudo.path}` : pseudo.path;
  const status = /^\d{3}$/.test(pseudo.status ?? '') ? Number(pseudo.status) : undefined;
  const body = findEmbeddedJson(head)?.text ?? '';
  return {
    source: 'network panel',
    request: requestOf(pseudo.method, target, headers),
    ...(status !== undefined || body
      ? { response: { ...(status !== undefined ? { status } : {}), headers: [], body, statusLine: false } }
      : {}),
  };
}

/** A raw exchange: a request line, its headers and body, then (optionally) the response. */
function readRawExchange(input: string, knownHeaders: readonly HeaderEntry[]): Exchange | undefined {
  const all = lines(input.replace(/^\s+/, ''));
  const first = REQUEST_LINE.exec(all[0]!.trim());
  if (!first) return undefined;
  const headers: HttpHeader[] = [];
  let index = 1;
  for (; index < all.length; index += 1) {
    const match = HEADER.exec(all[index]!.trim());
    if (!match || /^HTTP\/\d/.test(all[index]!)) break;
    headers.push({ name: match[1]!, value: match[2]!.trim() });
  }
  const responseAt = all.findIndex((line, at) => at >= index && /^HTTP\/\d(?:\.\d)?\s+\d{3}\b/.test(line.trim()));
  const bodyLines = all.slice(index, responseAt >= 0 ? responseAt : all.length);
  const body = bodyLines.join('\n').trim();
  const hasHeaders = headers.length > 0 || first[3] !== undefined;
  // A request line alone, followed by text: that text is the error (a response body or a message).
  if (responseAt < 0 && !hasHeaders && body) {
    const response: ResponseSide | undefined = /^[{[]/.test(body)
      ? { headers: [], body, statusLine: false }
      : undefined;
    return {
      source: 'request line',
      request: requestOf(first[1], first[2]!),
      ...(response ? { response } : { text: body }),
    };
  }
  const host = headers.find((header) => header.name.toLowerCase() === 'host')?.value;
  const target = host && first[2]!.startsWith('/') ? `https://${host}${first[2]}` : first[2]!;
  const request = requestOf(first[1], target, hasHeaders ? headers : undefined, body || undefined);
  if (responseAt < 0) return { source: hasHeaders ? 'HTTP exchange' : 'request line', request };
  const response = responseOf(parseHttp(all.slice(responseAt).join('\n'), knownHeaders));
  return { source: 'HTTP exchange', request, ...(response ? { response } : {}) };
}

/** `"POST /v2/charges HTTP/1.1" 409 312`: nginx, Apache and most access logs. */
function readAccessLog(head: string): Exchange | undefined {
  const match = new RegExp(`"(${METHODS}) (\\S{1,4000}) HTTP\\/[\\d.]+" (\\d{3})\\b`).exec(head);
  if (!match) return undefined;
  return {
    source: 'access log',
    request: requestOf(match[1], match[2]!),
    response: { status: Number(match[3]), headers: [], body: '', statusLine: false },
  };
}

/** Browser consoles: Chrome's `POST https://… 409 (Conflict)`, Firefox's `XHR POST https://… [HTTP/2 409 Conflict 73ms]`. */
function readConsole(head: string): Exchange | undefined {
  const chrome = new RegExp(`\\b(${METHODS}) (https?:\\/\\/[^\\s"'<>]{1,4000}) (\\d{3}) \\(([^)\\n]{0,80})\\)`).exec(
    head,
  );
  const firefox = new RegExp(
    `(?:\\b|XHR|fetch)(${METHODS})\\s+(https?:\\/\\/[^\\s"'<>]{1,4000})\\s*\\[HTTP\\/[\\d.]+ (\\d{3})([^\\]\\n]{0,80})\\]`,
  ).exec(head);
  const match = chrome ?? firefox;
  if (match) {
    const reason = match[4]!.replace(/\s*\d+\s*ms\s*$/, '').trim();
    return {
      source: 'browser console',
      request: requestOf(match[1], match[2]!),
      response: {
        status: Number(match[3]),
        ...(reason ? { reason } : {}),
        headers: [],
        body: bodyAfterMatch(head, match.index + match[0].length),
        statusLine: false,
      },
    };
  }
  // Chrome, Safari: `https://…/v2/charges:1  Failed to load resource: the server responded with a status of 409 (Conflict)`.
  const failed = /responded with a status of (\d{3})(?: \(([^)\n]{0,80})\))?/.exec(head);
  if (!failed) return undefined;
  const found = /(https?:\/\/[^\s"'<>]{1,4000}|\b[a-z0-9.-]+\.[a-z]{2,}\/[^\s"'<>]{0,4000})/i.exec(head)?.[1];
  // Chrome writes the URL without its scheme, and the line number after it (`…/v2/customers/cus_9:1`).
  const url = found && !/^https?:\/\//i.test(found) ? `https://${found}` : found;
  return {
    source: 'browser console',
    ...(url ? { request: requestOf(undefined, url.replace(/:\d+$/, '')) } : {}),
    response: {
      status: Number(failed[1]),
      ...(failed[2] ? { reason: failed[2] } : {}),
      headers: [],
      body: '',
      statusLine: false,
    },
  };
}

/** JSON after a matched line (a console prints the body below the failed request). */
function bodyAfterMatch(text: string, from: number): string {
  const brace = text.indexOf('{', from);
  return brace >= 0 ? (findEmbeddedJson(text.slice(brace))?.text ?? '') : '';
}

/** Exception messages of HTTP clients: status, and method and URL where the client says them. */
function readClientError(head: string): Exchange | undefined {
  const respond = (
    status: number | undefined,
    reason: string | undefined,
    method: string | undefined,
    url: string | undefined,
  ): Exchange => ({
    source: 'client error',
    ...(url ? { request: requestOf(method, url) } : {}),
    response: {
      ...(status !== undefined ? { status } : {}),
      ...(reason ? { reason: reason.trim() } : {}),
      headers: [],
      body: findEmbeddedJson(head)?.text ?? '',
      statusLine: false,
    },
  });
  // Go: Post "https://api.example.com/v2/charges": context deadline exceeded
  const go = /\b(Get|Head|Options|Put|Delete|Post|Patch) "(https?:\/\/[^"\s]{1,4000})": ([^\n]{1,300})/.exec(head);
  if (go) {
    const exchange: Exchange = { source: 'client error', request: requestOf(go[1], go[2]!) };
    const status = /\b(\d{3})\b/.exec(go[3]!);
    if (status && /status|code|http/i.test(go[3]!))
      exchange.response = respond(Number(status[1]), undefined, undefined, undefined).response!;
    else exchange.transportError = go[3]!.trim();
    return exchange;
  }
  // Python requests: 409 Client Error: Conflict for url: https://…
  const python = /\b(\d{3}) (?:Client|Server) Error: ([^\n]{0,120}?) for url: (\S{1,4000})/.exec(head);
  if (python) return respond(Number(python[1]), python[2], undefined, python[3]);
  // Spring WebClient: 409 Conflict from POST https://…
  const spring = new RegExp(`\\b(\\d{3}) ([A-Za-z' -]{2,60}) from (${METHODS}) (\\S{1,4000})`).exec(head);
  if (spring) return respond(Number(spring[1]), spring[2], spring[3], spring[4]);
  const patterns: Array<[RegExp, number]> = [
    [/Request failed with status code (\d{3})/, 1], // axios
    [/status code does not indicate success: (\d{3})(?: \(([^)\n]{0,80})\))?/, 1], // .NET
    [/the server responded with status (\d{3})/, 1], // Faraday
    [/\bHttpException: HTTP (\d{3})(?: ([^\n]{0,80}))?/, 1], // Retrofit / OkHttp
    [/\bHttpClientErrorException(?:\$\w+)?: (\d{3})(?: ([^:\n]{0,80}))?/, 1], // Spring RestTemplate
    [/\bHttpServerErrorException(?:\$\w+)?: (\d{3})(?: ([^:\n]{0,80}))?/, 1],
  ];
  for (const [pattern] of patterns) {
    const match = pattern.exec(head);
    if (!match) continue;
    // axios prints its config when the error object is logged: method: 'post', url: '…'.
    const method = /\bmethod: '(\w{3,7})'/.exec(head)?.[1];
    const url = /\burl: '([^'\n]{1,4000})'/.exec(head)?.[1];
    const baseURL = /\bbaseURL: '([^'\n]{1,4000})'/.exec(head)?.[1];
    const full = url && baseURL && url.startsWith('/') ? `${baseURL.replace(/\/+$/, '')}${url}` : url;
    return respond(Number(match[1]), match[2], method, full);
  }
  return undefined;
}

/** Keys a log line uses for each part, in the spellings common loggers use (lower case, `_` and `.` ignored). */
const LOG_KEYS: Record<string, string[]> = {
  method: ['method', 'httpmethod', 'requestmethod', 'verb', 'reqmethod'],
  path: [
    'path',
    'url',
    'uri',
    'route',
    'endpoint',
    'requesturi',
    'httpurl',
    'httptarget',
    'httppath',
    'requestpath',
    'requrl',
    'requesturl',
    'target',
  ],
  status: [
    'status',
    'statuscode',
    'httpstatus',
    'httpstatuscode',
    'responsestatus',
    'resstatus',
    'responsestatuscode',
    'httpresponsestatuscode',
  ],
  code: ['code', 'errorcode', 'errcode', 'businesscode', 'reasoncode', 'errorcodes', 'apierrorcode'],
  requestId: ['requestid', 'reqid', 'traceid', 'xrequestid', 'correlationid'],
  message: ['msg', 'message', 'error', 'err', 'errormessage', 'detail'],
};
const LOG_KEY_OF = new Map(Object.entries(LOG_KEYS).flatMap(([part, keys]) => keys.map((key) => [key, part] as const)));

/** The part of a log a key names (`http.status_code` → status), or undefined. */
export function logKeyPart(key: string): string | undefined {
  return LOG_KEY_OF.get(
    key
      .toLowerCase()
      .replace(/[_.\-]/g, '')
      .replace(/^(?:ctx|context|attrs|fields|labels)/, ''),
  );
}

/** A key=value log line (logfmt, slog, zap's console encoder…) naming at least two of method, path, status and code. */
function readLogLine(head: string): Exchange | undefined {
  const firstLines = head.split('\n', 20).join('\n');
  const parts: Record<string, string> = {};
  for (const match of firstLines.matchAll(
    /(?:^|[\s,;{])([A-Za-z][\w.-]{0,40})[=:]("(?:[^"\\\n]|\\.){0,2000}"|'[^'\n]{0,2000}'|[^\s,;"'}]{1,2000})/g,
  )) {
    const part = logKeyPart(match[1]!);
    if (!part || parts[part] !== undefined) continue;
    parts[part] = match[2]!.replace(/^["']|["']$/g, '');
  }
  const status = parts.status && /^\d{3}$/.test(parts.status) ? Number(parts.status) : undefined;
  const target =
    parts.path && (URL_TARGET.test(parts.path) || /^[A-Za-z][\w.-]*\.[a-z]{2,}\//.test(parts.path))
      ? parts.path
      : undefined;
  const method = parts.method && new RegExp(`^(?:${METHODS})$`, 'i').test(parts.method) ? parts.method : undefined;
  const named = [method, target, status, parts.code].filter((value) => value !== undefined).length;
  if (named < 2) return undefined;
  const exchange: Exchange = { source: 'log line' };
  if (target) exchange.request = requestOf(method, target);
  if (status !== undefined)
    exchange.response = { status, headers: [], body: findEmbeddedJson(head)?.text ?? '', statusLine: false };
  if (parts.code)
    exchange.codes = parts.code
      .split(/[\s,|]+/)
      .filter(Boolean)
      .slice(0, 8);
  if (parts.message) exchange.text = parts.message;
  if (parts.requestId) {
    exchange.response ??= { headers: [], body: '', statusLine: false };
    exchange.response.headers.push({ name: 'X-Request-Id', value: parts.requestId });
  }
  return exchange;
}

/**
 * Last resort: a method and a URL or path anywhere in the text (`PATCH https://… -> 400 code=1000`,
 * a log message, a stack trace line), with the status written next to it. The whole text is then
 * matched as a message, so the codes it names are found too.
 */
function readMethodAndUrl(input: string, head: string): Exchange | undefined {
  const match = new RegExp(
    `(?:^|[\\s"'(\\[])(${METHODS})\\s+(https?:\\/\\/[^\\s"'<>)\\]]{1,4000}|\\/[^\\s"'<>)\\]]{0,4000})`,
  ).exec(head);
  if (!match) return undefined;
  const after = head.slice(match.index + match[0].length, match.index + match[0].length + 60);
  const status = /^\D{0,20}?\b([1-5]\d\d)\b/.exec(after);
  const exchange: Exchange = { source: 'log line', request: requestOf(match[1], match[2]!) };
  if (status)
    exchange.response = {
      status: Number(status[1]),
      headers: [],
      body: findEmbeddedJson(head)?.text ?? '',
      statusLine: false,
    };
  const rest = input.trim();
  if (rest !== `${match[1]} ${match[2]}`) exchange.text = rest;
  return exchange;
}

/**
 * A JSON log entry (`{"level":"error","method":"POST","path":"/v2/charges","status":409,"code":"1004"}`),
 * also with the request under `http` or `request`: an exchange when it names the method or path,
 * and the status or a code. An error body never names the request's method and path.
 */
export function exchangeOfLogObject(value: unknown): Exchange | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const parts: Record<string, unknown> = {};
  // Breadth first: a member of the entry itself wins over one nested deeper.
  const visit = (object: Record<string, unknown>, depth: number) => {
    const entries = Object.entries(object).slice(0, 100);
    for (const [key, item] of entries) {
      const part = logKeyPart(key);
      if (part && parts[part] === undefined && (typeof item === 'string' || typeof item === 'number'))
        parts[part] = item;
    }
    if (depth >= 2) return;
    for (const [key, item] of entries) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      if (item !== null && typeof item === 'object' && !Array.isArray(item))
        visit(item as Record<string, unknown>, depth + 1);
    }
  };
  visit(value as Record<string, unknown>, 0);
  const method =
    typeof parts.method === 'string' && new RegExp(`^(?:${METHODS})$`, 'i').test(parts.method)
      ? parts.method
      : undefined;
  const target = typeof parts.path === 'string' && URL_TARGET.test(parts.path) ? parts.path : undefined;
  const status = Number(parts.status);
  const hasStatus = Number.isInteger(status) && status >= 100 && status <= 599;
  if (!(method || target) || !(hasStatus || parts.code !== undefined)) return undefined;
  const exchange: Exchange = { source: 'log line' };
  if (target) exchange.request = requestOf(method, target);
  if (hasStatus) exchange.response = { status, headers: [], body: '', statusLine: false };
  if (parts.code !== undefined) exchange.codes = [String(parts.code)];
  if (typeof parts.message === 'string') exchange.text = parts.message;
  return exchange;
}

/**
 * The first JSON object or array embedded in text (a body printed after a log prefix, inside an
 * exception message), found by matching brackets outside strings. Tries a few starts, bounded.
 */
export function findEmbeddedJson(
  text: string,
  maxChars = 262_144,
  maxTries = 8,
): { value: unknown; text: string; start: number } | undefined {
  const limit = Math.min(text.length, maxChars);
  let tries = 0;
  for (let start = 0; start < limit && tries < maxTries; start += 1) {
    const open = text[start];
    if (open !== '{' && open !== '[') continue;
    tries += 1;
    let depth = 0;
    let inString = false;
    for (let index = start; index < limit; index += 1) {
      const char = text[index]!;
      if (inString) {
        if (char === '\\') index += 1;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        depth -= 1;
        if (depth === 0) {
          const candidate = text.slice(start, index + 1);
          try {
            const value = JSON.parse(candidate) as unknown;
            if (value !== null && typeof value === 'object') return { value, text: candidate, start };
          } catch {
            // Not JSON from here: try the next bracket.
          }
          break;
        }
      }
    }
  }
  return undefined;
}

/**
 * Reads the request side of a paste, with the response that goes with it, or undefined when the
 * paste names no request and no client error (a bare response, a body or a message are read
 * elsewhere). `knownHeaders` are the catalog's headers, which help tell a header block.
 */
export function readExchange(input: string, knownHeaders: readonly HeaderEntry[] = []): Exchange | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  const head = trimmed.slice(0, HEAD_CHARS);
  return (
    readCurlVerbose(trimmed, knownHeaders) ??
    readCurlCommand(trimmed, knownHeaders) ??
    readFetchCall(trimmed) ??
    readNetworkPanel(trimmed) ??
    readPseudoHeaders(head) ??
    readRawExchange(trimmed, knownHeaders) ??
    readAccessLog(head) ??
    readConsole(head) ??
    readClientError(head) ??
    readLogLine(head) ??
    readMethodAndUrl(trimmed, head)
  );
}
