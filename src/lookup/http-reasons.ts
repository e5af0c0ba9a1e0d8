/**
 * Standard HTTP reason phrases (RFC 9110 and common extensions), so a status the catalog does not
 * declare is still named, and a pasted reason phrase ("Too Many Requests") finds its status.
 */
import { comparableText } from '../shared/fold-text';

export const HTTP_REASONS: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  511: 'Network Authentication Required',
};

/** Older or vendor spellings of reason phrases that people paste. */
const REASON_ALIASES: Readonly<Record<string, number>> = {
  'unprocessable entity': 422,
  'payload too large': 413,
  'request entity too large': 413,
  'request timeout': 408,
  'too many request': 429,
  'rate limit exceeded': 429,
  'internal error': 500,
  'service temporarily unavailable': 503,
};

const BY_PHRASE = new Map<string, number>([
  ...Object.entries(HTTP_REASONS).map(([status, reason]) => [comparableText(reason), Number(status)] as const),
  ...Object.entries(REASON_ALIASES).map(([alias, status]) => [comparableText(alias), status] as const),
]);

/** The status whose reason phrase is `phrase` (case, accents and punctuation ignored), if any. */
export function statusForReason(phrase: string): number | undefined {
  return BY_PHRASE.get(comparableText(phrase));
}

/** What a status class means in general, for statuses the catalog does not declare. */
export function statusClassMeaning(status: number): string {
  if (status < 200) return 'An informational response: the request is still being processed.';
  if (status < 300) return 'Success: the request was received, understood and accepted.';
  if (status < 400) return 'A redirection: the client must take another step to complete the request.';
  if (status < 500)
    return 'A client error: something about the request is wrong, so repeating it unchanged will fail again.';
  return 'A server error: the server failed to carry out a request that may well be valid.';
}
