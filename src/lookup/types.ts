/**
 * The lookup engine's public contract: what one query returns. The engine (src/lookup/), the
 * widget (src/elements/) and the search dialog all speak these types.
 */
import type { SupportRecord } from './index-format';

/** What the input looked like. */
export type InputKind =
  | 'empty'
  | 'status' // "429"
  | 'code' // "7100", "not_found"
  | 'name' // "USER_NOT_FOUND"
  | 'message' // free text matched against message templates
  | 'json' // a pasted JSON body
  | 'http' // a raw HTTP response: status line, headers, body
  | 'headers' // headers alone
  | 'request' // a request alone: "POST /v2/charges/ch_1/capture", a curl command, a fetch call
  | 'exchange' // a request and (part of) its response: raw exchange, curl -v, a HAR entry, a console or log line
  | 'har' // a HAR file with several entries
  | 'too-large';

/** One explained error, ranked. */
export interface Explanation {
  /**
   * What matched: a documented code, an HTTP status, a common message, or a range (an undocumented
   * code inside a declared range). An error read from a pasted body that the catalog does not
   * document at all is a `message` with `undocumented: true`.
   */
  kind: 'code' | 'status' | 'message' | 'range';
  /** True when the entry is not in the catalog: what a pasted body said, shown as it was sent. */
  undocumented?: boolean;
  /** True when the query is exactly this entry's code, name or status (search puts these first). */
  exact: boolean;
  /** Higher is better. */
  score: number;
  /** Why it matched, for people: "exact code", "errors[1].code in the pasted body", "message template". */
  matchedBy: string;
  /** Business code, when there is one. */
  code?: string;
  /** Constant name, e.g. USER_NOT_FOUND. */
  name?: string;
  /** Short human title. */
  title: string;
  /** Surfaces it applies to, labelled. */
  surfaces: Array<{ id: string; name: string }>;
  /** The code space, when the entry is a code or a range (codes are unique only within one). */
  space?: { id: string; name: string };
  /** HTTP status and reason phrase. */
  status?: number;
  statusReason?: string;
  /** The message as the API sends it (a template with `{placeholders}`), when there is one. */
  message?: string;
  /** What it means. */
  meaning: string;
  /** What to do, in the API's words; absent when the catalog gives nothing to do. */
  resolution?: string;
  /** Retry advice as one sentence with its numbers. */
  retry?: string;
  /** Whether repeating the request can help (the advice lets some requests be repeated), when known. */
  retryable?: boolean;
  /** True for an error the pasted response itself holds (not a guess from its words). */
  inResponse?: boolean;
  /** What support should ask the customer, in the catalog's words. */
  ask?: string[];
  /**
   * True when `status` is a success status (1xx, 2xx) the error came with: GraphQL's errors with
   * 200. The answer then says "200 with errors", never that the request succeeded.
   */
  errorsWithSuccess?: true;
  /** The context of `status` for a code documented with several: transport or execution, and when. */
  statusContext?: { layer?: 'transport' | 'execution'; when?: string };
  /** The code's other documented statuses, each in its context. */
  otherStatuses?: Array<{ status: number; layer?: 'transport' | 'execution'; when?: string }>;
  /** When a pasted response's status is not among the code's documented ones: one sentence that says so. */
  statusNotDocumented?: string;
  /** Where in the response each pasted error of this entry happened (GraphQL `path`, with `locations`). */
  responsePaths?: string[];
  /** A wait the pasted body carries in the field the advice names: "Retry after 12 s". */
  retryAfter?: { seconds: number; from: string };
  /** Link to the entry's page, relative to the site base (no leading slash). */
  url: string;
  /** Values read from a concrete message for its template's placeholders. */
  values?: Record<string, string>;
  /** Per-field validation messages found in a pasted body. */
  fieldErrors?: Array<{ field: string; messages: string[] }>;
  /** For deprecated codes: since when, why, and the replacement's code and url. */
  deprecated?: { since: string; note?: string };
  replacedBy?: { code: string; url: string };
  /** The range the code lies in, with a link to it on the ranges page. */
  range?: { name: string; from: number; to: number; state: 'active' | 'unused' | 'reserved'; url: string };
  /** For undocumented codes inside a range: the nearest documented codes. */
  nearby?: Array<{ code: string; name?: string; title: string; url: string }>;
  /**
   * What support needs (issue 13): the reply template, who acts, the severity, what to ask and,
   * on the internal site only, when and to whom to escalate.
   */
  support?: SupportRecord;
}

/** A support link of api.yaml filled from the paste; `url` is absent when a value it needs is not known. */
export interface FilledSupportLink {
  label: string;
  url?: string;
  /** The placeholders the paste gave no value for (`requestId`…). */
  missing: string[];
}

/** Facts read from a pasted HTTP response or headers. */
export interface HttpFacts {
  status?: number;
  statusReason?: string;
  requestId?: string;
  /** The RFC 9457 `instance` of a pasted problem body: the occurrence, often the resource, it is about. */
  instance?: string;
  /** When the response was sent, from its Date header (ISO time). */
  date?: string;
  /** When to retry, when the headers say so. */
  retryAfterSeconds?: number;
  /** ISO time at which to retry, computed from the headers and the current clock. */
  retryAt?: string;
  /** One sentence per rate-limit header explained. */
  headerNotes: Array<{ header: string; value: string; explanation: string }>;
}

/** A documented operation a pasted request matched. */
export interface OperationFacts {
  method: string;
  /** The path template, e.g. `/v2/charges/{chargeId}/capture`. */
  path: string;
  surface: { id: string; name: string };
  summary?: string;
  /** Link to the operation's page, relative to the site base. */
  url: string;
  /** Values of the path parameters read from the pasted path, e.g. `{ chargeId: 'ch_1' }`. */
  params: Record<string, string>;
  /** Whether and how it can be repeated, in words ("idempotent with an Idempotency-Key header, not without one"). */
  idempotency: string;
  /** True when the catalog states no idempotency and `idempotency` is general HTTP practice. */
  idempotencyInherited?: boolean;
  /** The API's own note on idempotency, when it has one. */
  idempotencyNote?: string;
  deprecated?: { since: string; replacedBy?: string };
}

/** Facts read from the request side of a paste. */
export interface RequestFacts {
  /** What the paste was read as, e.g. "curl -v output", "HAR entry", "browser console". */
  source: string;
  /** Upper case, when the paste says. */
  method?: string;
  /** The URL or path as pasted, its secrets (an api_key in the query, user:password@) redacted. */
  target: string;
  /** The path alone. */
  path: string;
  host?: string;
  /** The documented operation the request matched, if any. */
  operation?: OperationFacts;
  /** Other operations the same request matches equally (the same path on several surfaces). */
  alternatives?: OperationFacts[];
  /** Whether the request carried the operation's idempotency key, when the paste shows its headers. */
  keySent?: boolean;
  /** The client got no response, and said this instead (a timeout, a refused connection). */
  transportError?: string;
}

/** One failed entry of a pasted HAR file, explained. */
export interface HarEntryAnswer {
  /** Position in the file, from 0. */
  index: number;
  method: string;
  url: string;
  status: number;
  statusReason?: string;
  /** When the request started, as the HAR says (ISO time). */
  startedAt?: string;
  answer: Omit<LookupAnswer, 'entries' | 'har'>;
}

/** The whole answer to one query. */
export interface LookupAnswer {
  kind: InputKind;
  explanations: Explanation[];
  http?: HttpFacts;
  /** The request side of the paste: method, URL and the operation it matched. */
  request?: RequestFacts;
  /**
   * Where the paste and the catalog disagree, one plain sentence each: "Code 4201 is documented
   * with 409 Conflict, but the response was 429." "POST /v2/charges is not documented to return 503."
   */
  disagreements?: string[];
  /** For a HAR file: its failed entries (status 400 or more), each explained. */
  entries?: HarEntryAnswer[];
  /** For a HAR file: how many entries it holds, how many failed, and how many of those are explained. */
  har?: { entries: number; failed: number; explained: number; noResponse: number };
  /** For a pasted body: the envelope or public shape it was read as (`url` for the catalog's own envelopes). */
  readAs?: { name: string; declared: boolean; url?: string };
  /**
   * The response was found inside a longer text (a ticket, a chat message) and read alone: from its
   * status line (`http`) or its JSON block (`json`); the prose around it was read only for a request id.
   */
  embedded?: 'http' | 'json';
  /** Messages for the user about the input itself (too large, JSON that did not parse…). */
  notices: string[];
  /** When nothing matched: things to try. */
  suggestions: string[];
  /**
   * For the support desk: the support links filled from the paste (internal site only), and what
   * the API asks every ticket to include.
   */
  support?: { links: FilledSupportLink[]; checklist?: string[] };
}
