/**
 * The lookup engine's public contract: what one query returns. The engine (src/lookup/), the
 * widget (src/elements/) and the search dialog all speak these types.
 */

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
}

/** Facts read from a pasted HTTP response or headers. */
export interface HttpFacts {
  status?: number;
  statusReason?: string;
  requestId?: string;
  /** The RFC 9457 `instance` of a pasted problem body: the occurrence, often the resource, it is about. */
  instance?: string;
  /** When to retry, when the headers say so. */
  retryAfterSeconds?: number;
  /** ISO time at which to retry, computed from the headers and the current clock. */
  retryAt?: string;
  /** One sentence per rate-limit header explained. */
  headerNotes: Array<{ header: string; value: string; explanation: string }>;
}

/** The whole answer to one query. */
export interface LookupAnswer {
  kind: InputKind;
  explanations: Explanation[];
  http?: HttpFacts;
  /** For a pasted body: the envelope or public shape it was read as (`url` for the catalog's own envelopes). */
  readAs?: { name: string; declared: boolean; url?: string };
  /** Messages for the user about the input itself (too large, JSON that did not parse…). */
  notices: string[];
  /** When nothing matched: things to try. */
  suggestions: string[];
}
