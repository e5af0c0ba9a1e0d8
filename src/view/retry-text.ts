/**
 * Retry advice in words, with its numbers. One wording for every place that explains a retry rule:
 * status and code pages, tables, and the lookup engine's one-sentence advice. Pure TypeScript with
 * type-only imports, so it runs in the browser bundle as well as at build time.
 */
import type { IdempotencyKind } from '../schemas/operation';
import type { Backoff, RetryAdvice, RetryPolicy } from '../schemas/retry';
import { joinSentences } from '../shared/sentence';

/** What advice is read against: the API's idempotent methods and its default backoff numbers. */
export interface RetryContext {
  /** Methods the API treats as idempotent (`methods: idempotent` means these). */
  idempotentMethods: readonly string[];
  /** Backoff numbers used when the advice names none. */
  backoff: Backoff;
  /**
   * True when the API states no backoff numbers, so `backoff` is only the general default: advice
   * without numbers of its own is then told without numbers rather than with invented ones.
   */
  backoffIsDefault?: boolean;
}

/** Short label of a policy, for table cells and badges. */
export const RETRY_POLICY_LABELS: Record<RetryPolicy, string> = {
  never: 'Do not retry',
  backoff: 'Retry with backoff',
  'retry-after': 'Retry after the wait',
  reauthenticate: 'Re-authenticate, then retry',
  'use-cache': 'Use your cached copy',
  'not-needed': 'Nothing to retry',
};

/** Policies under which repeating the request (eventually) makes sense. */
const RETRYABLE: ReadonlySet<RetryPolicy> = new Set(['backoff', 'retry-after', 'reauthenticate']);

/** True when the advice lets at least some requests be repeated. */
export function isRetryable(advice: Pick<RetryAdvice, 'policy' | 'otherwise'>): boolean {
  return RETRYABLE.has(advice.policy);
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

/** The methods the advice's rule applies to, or `all`. */
export function coveredMethods(advice: Pick<RetryAdvice, 'methods'>, context: RetryContext): readonly string[] | 'all' {
  if (advice.methods === 'all') return 'all';
  if (advice.methods === 'idempotent') return context.idempotentMethods;
  return advice.methods;
}

/**
 * The backoff numbers that apply to the advice (its own, else the API's), or undefined when it
 * needs none or when neither the advice nor the API states any.
 */
export function effectiveBackoff(
  advice: Pick<RetryAdvice, 'policy' | 'backoff'>,
  context: RetryContext,
): Backoff | undefined {
  if (advice.policy !== 'backoff' && advice.policy !== 'retry-after') return undefined;
  return advice.backoff ?? (context.backoffIsDefault ? undefined : context.backoff);
}

/**
 * The waits before each retry, in ms: `min(initialMs × factor^n, maxDelayMs)` for n = 0, 1, …
 * One wait per retry (tries minus one); without a try limit, the first `open` waits.
 */
export function backoffSchedule(backoff: Backoff, open = 6): number[] {
  const retries = backoff.maxAttempts !== undefined ? backoff.maxAttempts - 1 : open;
  const waits: number[] = [];
  for (let n = 0; n < retries; n += 1)
    waits.push(Math.min(backoff.initialMs * backoff.factor ** n, backoff.maxDelayMs));
  return waits;
}

/** The backoff numbers in one clause: `start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with jitter`. */
export function describeBackoff(backoff: Backoff): string {
  const parts = [
    `start at ${formatDuration(backoff.initialMs)}`,
    backoff.factor === 1 ? 'the same wait each time' : `×${trimNumber(backoff.factor)} each try`,
    `capped at ${formatDuration(backoff.maxDelayMs)}`,
    backoff.maxAttempts !== undefined
      ? `at most ${backoff.maxAttempts} ${backoff.maxAttempts === 1 ? 'try' : 'tries'} in all`
      : 'no fixed try limit',
  ];
  return `${parts.join(', ')}${backoff.jitter ? ', with random jitter' : ''}`;
}

/**
 * What a policy tells the client to do, as a sentence fragment without numbers. Success ("the
 * request succeeded", "nothing failed") is claimed only for a status below 400: an author may put
 * `not-needed` on a 409 whose outcome is already there, and that request did not succeed.
 */
function policyAction(policy: RetryPolicy, headers: readonly string[], status?: number): string {
  const succeeded = status !== undefined && status < 400;
  switch (policy) {
    case 'never':
      return 'do not retry; fix the request first';
    case 'backoff':
      return 'retry with exponential backoff';
    case 'retry-after':
      return `wait for the time given by ${listInWords(headers.length ? headers : ['Retry-After'], 'or')}, then retry`;
    case 'reauthenticate':
      return 'refresh or renew the credentials, then retry once';
    case 'use-cache':
      return succeeded ? 'nothing failed; use the copy you already hold' : 'use the copy you already hold';
    case 'not-needed':
      return succeeded ? 'the request succeeded; there is nothing to retry' : 'there is nothing to retry';
  }
}

/** Everything the advice says, split into parts a page can lay out; every part is plain text. */
export interface RetryDetails {
  policy: RetryPolicy;
  /** Short label, e.g. "Retry with backoff". */
  label: string;
  /** Which methods the rule applies to, e.g. "GET, HEAD, OPTIONS, PUT and DELETE (idempotent methods)", or "every method". */
  methods: string;
  /** What to do for the methods the rule leaves out, e.g. "do not retry" (only when some are left out). */
  otherwise?: string;
  /** Backoff numbers, when the policy uses them. */
  backoff?: Backoff & {
    /** The numbers in words. */ text: string;
    /** Waits before each retry, in ms. */ schedule: number[];
    /** Whether the numbers are only a fallback (retry-after without the header). */ fallback: boolean;
  };
  /** Headers to read to time the retry. */
  headers: string[];
  /** The advice's own extra sentence. */
  note?: string;
  /** The whole advice in one or two sentences, numbers included. */
  sentence: string;
}

/** Splits retry advice into labelled parts, with the API's defaults applied; `status` is the one it is advice for. */
export function retryDetails(advice: RetryAdvice, context: RetryContext, status?: number): RetryDetails {
  const covered = coveredMethods(advice, context);
  const headers = [...advice.honorHeaders];
  const methods =
    covered === 'all'
      ? 'every method'
      : advice.methods === 'idempotent'
        ? `${listInWords(covered)} (idempotent methods)`
        : listInWords(covered);
  const otherwise = covered === 'all' ? undefined : policyAction(advice.otherwise, [], status);
  const numbers = effectiveBackoff(advice, context);
  const backoff = numbers && {
    ...numbers,
    text: describeBackoff(numbers),
    schedule: backoffSchedule(numbers),
    fallback: advice.policy === 'retry-after',
  };
  return {
    policy: advice.policy,
    label: RETRY_POLICY_LABELS[advice.policy],
    methods,
    otherwise,
    backoff,
    headers,
    note: advice.note,
    sentence: retrySentence(advice, context, status),
  };
}

/** What the advice's rule tells the client to do, numbers and headers included, as a sentence fragment. */
function ruleAction(advice: RetryAdvice, context: RetryContext, status?: number): string {
  const numbers = effectiveBackoff(advice, context);
  let action = policyAction(advice.policy, advice.honorHeaders, status);
  if (numbers && advice.policy === 'backoff') action += ` (${describeBackoff(numbers)})`;
  if (numbers && advice.policy === 'retry-after')
    action += `; without the header, back off (${describeBackoff(numbers)})`;
  if (advice.policy === 'backoff' && advice.honorHeaders.length)
    action += `; honour ${listInWords(advice.honorHeaders)} when sent`;
  return action;
}

/**
 * The advice in one or two sentences with its numbers, e.g. "For GET, HEAD, OPTIONS, PUT and
 * DELETE: retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6
 * tries in all, with random jitter). Other methods: do not retry; fix the request first."
 */
export function retrySentence(advice: RetryAdvice, context: RetryContext, status?: number): string {
  const covered = coveredMethods(advice, context);
  const action = ruleAction(advice, context, status);
  const sentences = [covered === 'all' ? capitalise(action) : `For ${listInWords(covered)}: ${action}`];
  if (covered !== 'all') sentences.push(`Other methods: ${policyAction(advice.otherwise, [], status)}`);
  if (advice.note) sentences.push(advice.note);
  return joinSentences(sentences);
}

/** A few words for a table cell, e.g. "Retry with backoff (idempotent only)". */
export function retrySummary(advice: RetryAdvice): string {
  const label = RETRY_POLICY_LABELS[advice.policy];
  if (advice.methods === 'all' || !isRetryable(advice)) return label;
  return advice.methods === 'idempotent'
    ? `${label} (idempotent only)`
    : `${label} (${listInWords(advice.methods, 'or')} only)`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What retry advice needs to know about the call that failed: its method and how it can be repeated. */
export interface CallShape {
  method: string;
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
      return context.idempotentMethods.includes(call.method.toUpperCase());
  }
}

/**
 * The idempotency of a call in a few words: "idempotent by design", "not idempotent",
 * "idempotent with an Idempotency-Key header, not without one", or for `kind: method`
 * "a POST is not idempotent" (with `stated: false` that is general HTTP practice, not the API's word).
 */
export function idempotencyWords(call: CallShape, context: RetryContext): string {
  const { kind, header = 'Idempotency-Key' } = call.idempotency;
  if (kind === 'always') return 'idempotent by design';
  if (kind === 'none') return 'not idempotent';
  if (kind === 'key') return `idempotent with an ${header} header, not without one`;
  const method = call.method.toUpperCase();
  return `a ${method} is ${context.idempotentMethods.includes(method) ? '' : 'not '}idempotent`;
}

/** Retry advice for one call, with the part that applies to its method and idempotency chosen. */
export interface CallRetry {
  /** The policy that applies to this call; with `'with-key'`, the one for a call that carried the key. */
  policy: RetryPolicy;
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
  advice: RetryAdvice,
  call: CallShape,
  context: RetryContext,
  keySent?: boolean,
): CallRetry {
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
        : `${method} is not among the methods this API treats as idempotent`;
  const other = blindly
    ? `do not retry blindly: ${why}, so the first request may already have taken effect`
    : policyAction(advice.otherwise, []);
  const sentences: string[] = [];
  if (applies === true) sentences.push(capitalise(rule));
  else if (applies === false) sentences.push(capitalise(other));
  else {
    sentences.push(`With an ${header}: ${rule}`);
    sentences.push(
      blindly
        ? `Without one: do not retry blindly, the first request may already have taken effect; send the ${header} and retry with the same key`
        : `Without one: ${policyAction(advice.otherwise, [])}`,
    );
  }
  if (advice.note) sentences.push(advice.note);
  return {
    policy: applies === false ? advice.otherwise : advice.policy,
    applies,
    sentence: joinSentences(sentences),
  };
}
