/**
 * Retry advice in words, with its numbers, and what the site says where a catalog is silent. One
 * wording for every place that explains a retry rule — status and code pages, tables, the lookup
 * index — so that advice the API does not state is told as general HTTP practice everywhere, and
 * no sentence adds a limit, a method list, a unit or a number the catalog does not give. Pure
 * TypeScript with type-only imports (and a zod-free list), so it runs in the browser as well.
 */
import type { Provenance } from '../catalog/model';
import type { IdempotencyKind } from '../schemas/operation';
import type { Backoff, RetryAdvice, RetryPolicy } from '../schemas/retry';
import { HTTP_IDEMPOTENT_METHODS } from '../shared/http-methods';
import { joinSentences } from '../shared/sentence';

/** What advice is read against: what the API states once for all its advice. */
export interface RetryContext {
  /** The methods the API names as idempotent; unset when it names none. */
  idempotentMethods?: readonly string[] | undefined;
  /** The API-wide backoff numbers, as far as it states them; unset when it states none. */
  backoff?: Backoff | undefined;
}

/** Advice as the wording reads it. Without `source`, advice is the API's own (as written in a catalog). */
export type WordedAdvice = RetryAdvice & { source?: Provenance };

/** Short label of a policy, for table cells and badges. */
export const RETRY_POLICY_LABELS: Record<RetryPolicy, string> = {
  never: 'Do not retry',
  backoff: 'Retry with backoff',
  'retry-after': 'Retry after the wait',
  reauthenticate: 'Re-authenticate first',
  'use-cache': 'Use your cached copy',
  'not-needed': 'Nothing to retry',
};

/** The first sentence of advice the model filled in: it says whose word the rest is. */
export const GENERAL_PRACTICE_LEAD = 'The API itself states no retry rule here. General HTTP practice:';

/** Policies under which repeating the request (eventually) makes sense. */
const RETRYABLE: ReadonlySet<RetryPolicy> = new Set(['backoff', 'retry-after', 'reauthenticate']);

/** True when the advice lets at least some requests be repeated. */
export function isRetryable(advice: Pick<RetryAdvice, 'policy'>): boolean {
  return RETRYABLE.has(advice.policy);
}

/** True when the model filled the advice in from general HTTP practice. */
export function isGeneralPractice(advice: { source?: Provenance }): boolean {
  return advice.source === 'general-practice';
}

/** `500` → `500 ms`, `30000` → `30 s`, `90000` → `1.5 min`, `1500` → `1.5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${trimNumber(ms)} ms`;
  if (ms < 60_000) return `${trimNumber(ms / 1000)} s`;
  if (ms < 3_600_000) return `${trimNumber(ms / 60_000)} min`;
  return `${trimNumber(ms / 3_600_000)} h`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `['GET', 'PUT', 'DELETE']` → `GET, PUT and DELETE`. */
export function listInWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The idempotent methods advice refers to: the API's list, or — when it names none — the methods
 * HTTP defines as idempotent, marked as general practice.
 */
export function idempotentMethodsOf(context: RetryContext): { methods: readonly string[]; source: Provenance } {
  return context.idempotentMethods?.length
    ? { methods: context.idempotentMethods, source: 'api' }
    : { methods: HTTP_IDEMPOTENT_METHODS, source: 'general-practice' };
}

/** The methods the advice's rule applies to, or `all`. */
export function coveredMethods(advice: Pick<RetryAdvice, 'methods'>, context: RetryContext): readonly string[] | 'all' {
  if (advice.methods === 'all') return 'all';
  if (advice.methods === 'idempotent') return idempotentMethodsOf(context).methods;
  return advice.methods;
}

/** The covered methods in words, saying whose list an `idempotent` rule reads. */
function methodsInWords(advice: Pick<RetryAdvice, 'methods'>, context: RetryContext): string {
  const covered = coveredMethods(advice, context);
  if (covered === 'all') return 'every method';
  if (advice.methods !== 'idempotent') return listInWords(covered);
  return idempotentMethodsOf(context).source === 'api'
    ? `${listInWords(covered)} (the API's idempotent methods)`
    : `${listInWords(covered)} (idempotent by HTTP's definition)`;
}

/** The parts of a backoff an API can state. */
const BACKOFF_PARTS = ['initialMs', 'factor', 'maxDelayMs', 'maxAttempts', 'jitter'] as const satisfies ReadonlyArray<
  keyof Backoff
>;

/** True when the backoff states at least one number or jitter. */
export function statesBackoff(backoff: Backoff | undefined): backoff is Backoff {
  return backoff !== undefined && BACKOFF_PARTS.some((part) => backoff[part] !== undefined);
}

/**
 * The backoff numbers that apply to the advice — its own, else the API-wide ones — or undefined
 * when it needs none or when neither states any. Only stated numbers are ever returned.
 */
export function effectiveBackoff(
  advice: Pick<RetryAdvice, 'policy' | 'backoff'>,
  context: RetryContext,
): Backoff | undefined {
  if (advice.policy !== 'backoff' && advice.policy !== 'retry-after') return undefined;
  const numbers = advice.backoff ?? context.backoff;
  return statesBackoff(numbers) ? numbers : undefined;
}

/**
 * The waits before each retry, in ms: `min(initialMs × factor^n, maxDelayMs)` for n = 0, 1, …
 * One wait per retry (tries minus one); without a stated try limit, the first `open` waits.
 * Undefined unless the API states both the first wait and the factor: no wait is invented.
 */
export function backoffSchedule(backoff: Backoff, open = 6): number[] | undefined {
  const { initialMs, factor } = backoff;
  if (initialMs === undefined || factor === undefined) return undefined;
  const retries = backoff.maxAttempts !== undefined ? backoff.maxAttempts - 1 : open;
  const waits: number[] = [];
  for (let n = 0; n < retries; n += 1) waits.push(Math.min(initialMs * factor ** n, backoff.maxDelayMs ?? Infinity));
  return waits;
}

/**
 * The stated backoff numbers in one clause, e.g. `start at 500 ms, ×2 each try, capped at 30 s,
 * at most 6 tries in all, with random jitter`; an empty string when none is stated. A number the
 * API does not give is left out, never filled in.
 */
export function describeBackoff(backoff: Backoff): string {
  const parts: string[] = [];
  if (backoff.initialMs !== undefined) parts.push(`start at ${formatDuration(backoff.initialMs)}`);
  if (backoff.factor !== undefined)
    parts.push(backoff.factor === 1 ? 'the same wait each time' : `×${trimNumber(backoff.factor)} each try`);
  if (backoff.maxDelayMs !== undefined) parts.push(`capped at ${formatDuration(backoff.maxDelayMs)}`);
  if (backoff.maxAttempts !== undefined)
    parts.push(`at most ${backoff.maxAttempts} ${backoff.maxAttempts === 1 ? 'try' : 'tries'} in all`);
  if (backoff.jitter !== undefined) parts.push(backoff.jitter ? 'with random jitter' : 'without jitter');
  return parts.join(', ');
}

/**
 * What a policy tells the client to do, as a sentence fragment without numbers. Success ("the
 * request succeeded", "nothing failed") is claimed only for a status below 400: an author may put
 * `not-needed` on a 409 whose outcome is already there, and that request did not succeed.
 */
function policyAction(policy: RetryPolicy, headers: readonly string[], status?: number, waitField?: string): string {
  const succeeded = status !== undefined && status < 400;
  switch (policy) {
    case 'never':
      return 'do not retry';
    case 'backoff':
      return 'retry with exponential backoff';
    case 'retry-after': {
      const sources = [...headers, ...(waitField ? [bodyWaitWords(waitField)] : [])];
      return `wait for the time given by ${listInWords(sources.length ? sources : ['Retry-After'], 'or')}, then retry`;
    }
    case 'reauthenticate':
      return 're-authenticate before any retry';
    case 'use-cache':
      return succeeded ? 'nothing failed; use the copy you already hold' : 'use the copy you already hold';
    case 'not-needed':
      return succeeded ? 'the request succeeded; there is nothing to retry' : 'there is nothing to retry';
  }
}

/** `errors[].extensions.retryAfterSeconds` → "the body's errors[].extensions.retryAfterSeconds (seconds)". */
export function bodyWaitWords(waitField: string): string {
  return `the body's ${waitField} (seconds)`;
}

/** Who a `forOperations` rule covers, and who its `otherwise` is for. */
export const OPERATION_GROUPS = {
  queries: { covered: 'GraphQL queries', others: 'Mutations', short: 'queries only' },
  idempotent: {
    covered: 'operations the API declares idempotent',
    others: 'Other operations',
    short: 'idempotent operations only',
  },
} as const;

/** What the advice says for the methods its rule leaves out (`one`: for the one call's method). */
function otherwiseAction(advice: Pick<RetryAdvice, 'otherwise'>, status?: number, one = false): string {
  if (advice.otherwise) return policyAction(advice.otherwise, [], status);
  return one ? 'the API states no retry rule for this method' : 'the API states no rule for them';
}

/** Everything the advice says, split into parts a page can lay out; every part is plain text. */
export interface RetryDetails {
  policy: RetryPolicy;
  /** Short label, e.g. "Retry with backoff". */
  label: string;
  /** Whose word the advice is. */
  source: Provenance;
  /**
   * Which methods (or operations) the rule applies to, e.g. "GET, HEAD, PUT and DELETE (the API's
   * idempotent methods)", "GraphQL queries", or "every method".
   */
  methods: string;
  /** What to do for the methods the rule leaves out (only when some are left out). */
  otherwise?: string;
  /** Backoff numbers, when the policy uses them and some are stated. */
  backoff?: {
    /** The stated numbers; unset ones are not stated. */
    numbers: Backoff;
    /** The numbers in words. */
    text: string;
    /** Waits before each retry, in ms, when the first wait and the factor are stated. */
    schedule?: number[];
    /** Whether the numbers are only a fallback (retry-after without the header). */
    fallback: boolean;
    /** True when every backoff number and jitter is stated; otherwise the others are not shown. */
    complete: boolean;
  };
  /** True when the policy backs off but neither the advice nor the API states a number. */
  backoffUnstated: boolean;
  /** Headers to read to time the retry. */
  headers: string[];
  /** The body field that holds the seconds to wait, when the API sends the wait in the body. */
  waitField?: string;
  /** The advice's own extra sentence. */
  note?: string;
  /** The whole advice in one or a few sentences, numbers included, general practice marked. */
  sentence: string;
}

/**
 * Splits retry advice into labelled parts, read against what the API states once for all; `status`
 * is the one it is advice for.
 */
export function retryDetails(advice: WordedAdvice, context: RetryContext, status?: number): RetryDetails {
  const covered = coveredMethods(advice, context);
  const numbers = effectiveBackoff(advice, context);
  const schedule = numbers && backoffSchedule(numbers);
  return {
    policy: advice.policy,
    label: RETRY_POLICY_LABELS[advice.policy],
    source: advice.source ?? 'api',
    methods: advice.forOperations ? OPERATION_GROUPS[advice.forOperations].covered : methodsInWords(advice, context),
    ...(covered === 'all' && !advice.forOperations ? {} : { otherwise: otherwiseAction(advice, status) }),
    ...(numbers
      ? {
          backoff: {
            numbers,
            text: describeBackoff(numbers),
            ...(schedule ? { schedule } : {}),
            fallback: advice.policy === 'retry-after',
            complete: BACKOFF_PARTS.every((part) => numbers[part] !== undefined),
          },
        }
      : {}),
    backoffUnstated: advice.policy === 'backoff' && numbers === undefined,
    headers: [...advice.honorHeaders],
    ...(advice.waitField ? { waitField: advice.waitField } : {}),
    ...(advice.note ? { note: advice.note } : {}),
    sentence: retrySentence(advice, context, status),
  };
}

/** What the advice's rule tells the client to do, numbers and headers included, as a sentence fragment. */
function ruleAction(advice: WordedAdvice, context: RetryContext, status?: number): string {
  const numbers = effectiveBackoff(advice, context);
  let action = policyAction(advice.policy, advice.honorHeaders, status, advice.waitField);
  if (numbers && advice.policy === 'backoff') action += ` (${describeBackoff(numbers)})`;
  if (numbers && advice.policy === 'retry-after')
    action += `; without the header, back off (${describeBackoff(numbers)})`;
  const waits = [...advice.honorHeaders, ...(advice.waitField ? [bodyWaitWords(advice.waitField)] : [])];
  if (advice.policy === 'backoff' && waits.length) action += `; honour ${listInWords(waits)} when sent`;
  return action;
}

/**
 * The advice in one or a few sentences with its numbers, e.g. "For GET, HEAD, PUT and DELETE:
 * retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in
 * all). Other methods: do not retry." Advice the model filled in starts with
 * {@link GENERAL_PRACTICE_LEAD}, wherever it is shown.
 */
export function retrySentence(advice: WordedAdvice, context: RetryContext, status?: number): string {
  const covered = coveredMethods(advice, context);
  const action = ruleAction(advice, context, status);
  const methods = covered === 'all' ? '' : listInWords(covered);
  const idempotentNote =
    advice.methods === 'idempotent' && idempotentMethodsOf(context).source === 'general-practice'
      ? " (idempotent by HTTP's definition)"
      : '';
  const sentences: string[] = [];
  if (advice.forOperations) {
    const group = OPERATION_GROUPS[advice.forOperations];
    sentences.push(`For ${group.covered}: ${action}`);
    sentences.push(`${group.others}: ${otherwiseAction(advice, status)}`);
    if (advice.note) sentences.push(advice.note);
    return joinSentences(sentences);
  }
  if (isGeneralPractice(advice)) {
    // One sentence after the lead's colon: "for X, retry …" rather than a second colon.
    sentences.push(`${GENERAL_PRACTICE_LEAD} ${methods ? `for ${methods}${idempotentNote}, ${action}` : action}`);
  } else {
    sentences.push(methods ? `For ${methods}${idempotentNote}: ${action}` : capitalise(action));
  }
  if (covered !== 'all') sentences.push(`Other methods: ${otherwiseAction(advice, status)}`);
  if (advice.note) sentences.push(advice.note);
  return joinSentences(sentences);
}

/**
 * The status to word a code's advice with: none for an error that came with a success status, so
 * that no sentence says the request succeeded (GraphQL's errors with 200).
 */
export function adviceStatus(entry: { status: number; errorsWithSuccess: boolean }): number | undefined {
  return entry.errorsWithSuccess ? undefined : entry.status;
}

/** A few words for a table cell, e.g. "Retry with backoff (idempotent only)". */
export function retrySummary(advice: WordedAdvice): string {
  const qualifiers: string[] = [];
  if (advice.forOperations && isRetryable(advice)) qualifiers.push(OPERATION_GROUPS[advice.forOperations].short);
  else if (advice.methods !== 'all' && isRetryable(advice))
    qualifiers.push(advice.methods === 'idempotent' ? 'idempotent only' : `${listInWords(advice.methods, 'or')} only`);
  if (isGeneralPractice(advice)) qualifiers.push('general HTTP practice');
  const label = RETRY_POLICY_LABELS[advice.policy];
  return qualifiers.length ? `${label} (${qualifiers.join('; ')})` : label;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// When the catalog is silent: what the site says instead of a value the API never gave.

/** The site's words where a catalog leaves a field out; never a guess at what the API would say. */
export const NOT_STATED = {
  /** A status without `action`. */
  action: 'The API states no action for this status.',
  /** A code or a message without `resolution`. */
  resolution: 'The API gives no resolution.',
  /** A header without `format`, or an envelope without `mediaType`. */
  value: 'Not stated',
  /** Backoff advice without any number, its own or the API's. */
  backoffNumbers: 'The API states no backoff numbers.',
  /** Backoff advice with some numbers: the others are not shown. */
  otherNumbers: 'Numbers the API does not state are left out.',
} as const;

/** Labels of the header formats a catalog can state. */
export const HEADER_FORMAT_LABELS = {
  seconds: 'Seconds to wait',
  'epoch-seconds': 'Unix time in seconds',
  count: 'A count',
  'http-date': 'An HTTP date',
  id: 'An identifier',
  text: 'Text',
} as const;

/** A header's format in words, or {@link NOT_STATED}'s value when the catalog gives none. */
export function headerFormatLabel(format: keyof typeof HEADER_FORMAT_LABELS | undefined): string {
  return format ? HEADER_FORMAT_LABELS[format] : NOT_STATED.value;
}

/**
 * The lookup's reading of a header value whose unit the catalog does not give, e.g. an
 * X-RateLimit-Reset of 1720001234: the reading is said to be a reading, not the API's word.
 */
export function unstatedUnit(reading: 'a Unix time' | 'seconds'): string {
  return `Read as ${reading}; the API does not state the unit.`;
}

/** The lookup's conventional reading of a header the catalog does not define, said to be one. */
export function usualReading(sentence: string): string {
  return `${sentence} That is the usual reading of this header; the API does not state what it counts.`;
}

/** What retry advice needs to know about the call that failed: its method and how it can be repeated. */
export interface CallShape {
  method: string;
  /** For a GraphQL call whose document was pasted: whether it is a query or a mutation. */
  operationType?: 'query' | 'mutation' | undefined;
  idempotency: { kind: IdempotencyKind; header?: string | undefined; stated?: boolean | undefined };
}

/**
 * Whether the call may be repeated without doing its work twice: `true`, `false`, or `'with-key'`
 * when that depends on the idempotency key (and `keySent` does not say whether one was sent).
 */
export function callIsIdempotent(call: CallShape, context: RetryContext, keySent?: boolean): boolean | 'with-key' {
  switch (call.idempotency.kind) {
    case 'always':
      return true;
    case 'none':
      return false;
    case 'key':
      return keySent ?? 'with-key';
    case 'method':
      return idempotentMethodsOf(context).methods.includes(call.method.toUpperCase());
  }
}

/**
 * The idempotency of a call in a few words: "idempotent" (the API's `note` says how far), "not idempotent",
 * "idempotent with an Idempotency-Key header, not without one", or for `kind: method`
 * "a POST is not idempotent" (with `stated: false` that is general HTTP practice, not the API's word).
 * When the API lists no idempotent methods, the method is judged by HTTP's definition, and the
 * words say so.
 */
export function idempotencyWords(call: CallShape, context: RetryContext): string {
  const { kind, header = 'Idempotency-Key' } = call.idempotency;
  if (kind === 'always') return 'idempotent';
  if (kind === 'none') return 'not idempotent';
  if (kind === 'key') return `idempotent with an ${header} header, not without one`;
  const method = call.method.toUpperCase();
  const { methods, source } = idempotentMethodsOf(context);
  const words = `a ${method} is ${methods.includes(method) ? '' : 'not '}idempotent`;
  return source === 'api' ? words : `${words} by HTTP's definition`;
}

/** Retry advice for one call, with the part that applies to its method and idempotency chosen. */
export interface CallRetry {
  /**
   * The policy that applies to this call; with `'with-key'`, the one for a call that carried the key.
   * Unset when the rule does not cover the call and the API states no rule for other methods.
   */
  policy?: RetryPolicy;
  /** Whether the advice's rule (rather than its `otherwise`) applies. */
  applies: boolean | 'with-key';
  /** The advice for this call in one or two sentences, numbers included. */
  sentence: string;
}

/**
 * Retry advice for a call of a given method and idempotency: the rule when it covers the call,
 * `otherwise` when it does not — "do not retry blindly" when the rule would retry an idempotent
 * call, because a call that is not may already have taken effect. `keySent` says whether the
 * request carried the idempotency key, when that is known (a pasted request).
 */
export function retryForCall(
  advice: WordedAdvice,
  call: CallShape,
  context: RetryContext,
  keySent?: boolean,
): CallRetry {
  if (advice.forOperations)
    return retryForOperation({ ...advice, forOperations: advice.forOperations }, call, context, keySent);
  const method = call.method.toUpperCase();
  const header = call.idempotency.header ?? 'Idempotency-Key';
  const idempotent = callIsIdempotent(call, context, keySent);
  const applies: boolean | 'with-key' =
    advice.methods === 'all'
      ? true
      : advice.methods === 'idempotent'
        ? idempotent
        : advice.methods.includes(method as (typeof advice.methods)[number]);
  const rule = ruleAction(advice, context);
  const blindly = isRetryable(advice) && advice.otherwise === 'never';
  const why =
    call.idempotency.kind === 'none'
      ? `this ${method} is not idempotent`
      : call.idempotency.kind === 'key'
        ? `this ${method} carried no ${header}`
        : idempotentMethodsOf(context).source === 'api'
          ? `${method} is not among the methods this API treats as idempotent`
          : `${method} is not idempotent by HTTP's definition`;
  const other = blindly
    ? `do not retry blindly: ${why}, so the first request may already have taken effect`
    : otherwiseAction(advice, undefined, true);
  const sentences: string[] = [];
  // Advice the model filled in says so first, as everywhere else it is shown.
  const lead = (text: string) => (isGeneralPractice(advice) ? `${GENERAL_PRACTICE_LEAD} ${text}` : capitalise(text));
  if (applies === true) sentences.push(lead(rule));
  else if (applies === false) sentences.push(lead(other));
  else {
    if (isGeneralPractice(advice)) sentences.push(GENERAL_PRACTICE_LEAD.replace(/:$/, '.'));
    sentences.push(`With an ${header}: ${rule}`);
    sentences.push(
      blindly
        ? `Without one: do not retry blindly, the first request may already have taken effect; send the ${header} and retry with the same key`
        : `Without one: ${otherwiseAction(advice, undefined, true)}`,
    );
  }
  if (advice.note) sentences.push(advice.note);
  const policy = applies === false ? advice.otherwise : advice.policy;
  return {
    ...(policy !== undefined ? { policy } : {}),
    applies,
    sentence: joinSentences(sentences),
  };
}

/**
 * Advice whose rule depends on the operation (`forOperations`) for one call: the rule when the call
 * is a GraphQL query (or an operation the catalog declares idempotent), `otherwise` when it is not,
 * and both when the call does not say (a POST to a GraphQL endpoint may be either).
 */
function retryForOperation(
  advice: WordedAdvice & { forOperations: 'queries' | 'idempotent' },
  call: CallShape,
  context: RetryContext,
  keySent?: boolean,
): CallRetry {
  const applies =
    advice.forOperations === 'idempotent'
      ? callIsIdempotent(call, context, keySent) === true
      : call.operationType === undefined
        ? undefined
        : call.operationType === 'query';
  if (applies === undefined) return { policy: advice.policy, applies: true, sentence: retrySentence(advice, context) };
  const group = OPERATION_GROUPS[advice.forOperations];
  // A GraphQL call whose kind is known is named as such by the caller ("POST /graphql (a mutation)").
  const named = advice.forOperations === 'queries';
  const sentences = [
    applies
      ? capitalise(ruleAction(advice, context))
      : named
        ? capitalise(otherwiseAction(advice, undefined, true))
        : `${group.others}: ${capitalise(otherwiseAction(advice, undefined, true))}`,
  ];
  if (advice.note) sentences.push(advice.note);
  const policy = applies ? advice.policy : advice.otherwise;
  return { ...(policy !== undefined ? { policy } : {}), applies, sentence: joinSentences(sentences) };
}
