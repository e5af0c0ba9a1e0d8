/**
 * Retry advice in words, with its numbers, and what the site says where a catalog is silent. One
 * wording for every place that explains a retry rule — status and code pages, tables, the lookup
 * index — so that advice the API does not state is told as general HTTP practice everywhere, and
 * no sentence adds a limit, a method list, a unit or a number the catalog does not give. Pure
 * TypeScript with type-only imports (and a zod-free list), so it runs in the browser as well.
 */
import type { Provenance } from '../catalog/model';
import type { Backoff, RetryAdvice, RetryPolicy } from '../schemas/retry';
import { HTTP_IDEMPOTENT_METHODS } from '../shared/http-methods';

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

/** What a policy tells the client to do, as a sentence fragment without numbers. */
function policyAction(policy: RetryPolicy, headers: readonly string[]): string {
  switch (policy) {
    case 'never':
      return 'do not retry';
    case 'backoff':
      return 'retry with exponential backoff';
    case 'retry-after':
      return `wait for the time given by ${listInWords(headers.length ? headers : ['Retry-After'], 'or')}, then retry`;
    case 'reauthenticate':
      return 're-authenticate before any retry';
    case 'use-cache':
      return 'nothing failed; use the copy you already hold';
    case 'not-needed':
      return 'the request succeeded; there is nothing to retry';
  }
}

/** What the advice says for the methods its rule leaves out. */
function otherwiseAction(advice: Pick<RetryAdvice, 'otherwise'>): string {
  return advice.otherwise ? policyAction(advice.otherwise, []) : 'the API states no rule for them';
}

/** Everything the advice says, split into parts a page can lay out; every part is plain text. */
export interface RetryDetails {
  policy: RetryPolicy;
  /** Short label, e.g. "Retry with backoff". */
  label: string;
  /** Whose word the advice is. */
  source: Provenance;
  /** Which methods the rule applies to, e.g. "GET, HEAD, PUT and DELETE (the API's idempotent methods)", or "every method". */
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
  /** The advice's own extra sentence. */
  note?: string;
  /** The whole advice in one or a few sentences, numbers included, general practice marked. */
  sentence: string;
}

/** Splits retry advice into labelled parts, read against what the API states once for all. */
export function retryDetails(advice: WordedAdvice, context: RetryContext): RetryDetails {
  const covered = coveredMethods(advice, context);
  const numbers = effectiveBackoff(advice, context);
  const schedule = numbers && backoffSchedule(numbers);
  return {
    policy: advice.policy,
    label: RETRY_POLICY_LABELS[advice.policy],
    source: advice.source ?? 'api',
    methods: methodsInWords(advice, context),
    ...(covered === 'all' ? {} : { otherwise: otherwiseAction(advice) }),
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
    ...(advice.note ? { note: advice.note } : {}),
    sentence: retrySentence(advice, context),
  };
}

/**
 * The advice in one or a few sentences with its numbers, e.g. "For GET, HEAD, PUT and DELETE:
 * retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in
 * all). Other methods: do not retry." Advice the model filled in starts with
 * {@link GENERAL_PRACTICE_LEAD}, wherever it is shown.
 */
export function retrySentence(advice: WordedAdvice, context: RetryContext): string {
  const covered = coveredMethods(advice, context);
  const numbers = effectiveBackoff(advice, context);
  const general = isGeneralPractice(advice);
  let action = policyAction(advice.policy, advice.honorHeaders);
  const clause = numbers ? describeBackoff(numbers) : '';
  if (clause && advice.policy === 'backoff') action += ` (${clause})`;
  if (clause && advice.policy === 'retry-after') action += `; without the header, back off (${clause})`;
  if (advice.policy === 'backoff' && advice.honorHeaders.length)
    action += `; honour ${listInWords(advice.honorHeaders)} when sent`;
  const methods = covered === 'all' ? '' : listInWords(covered);
  const idempotentNote =
    advice.methods === 'idempotent' && idempotentMethodsOf(context).source === 'general-practice'
      ? " (idempotent by HTTP's definition)"
      : '';
  const sentences: string[] = [];
  if (general) {
    // One sentence after the lead's colon: "for X, retry …" rather than a second colon.
    sentences.push(`${GENERAL_PRACTICE_LEAD} ${methods ? `for ${methods}${idempotentNote}, ${action}` : action}`);
  } else {
    sentences.push(methods ? `For ${methods}${idempotentNote}: ${action}` : capitalise(action));
  }
  if (covered !== 'all') sentences.push(`Other methods: ${otherwiseAction(advice)}`);
  if (advice.note) sentences.push(advice.note.replace(/[.!?]$/, ''));
  return `${sentences.join('. ')}.`;
}

/** A few words for a table cell, e.g. "Retry with backoff (idempotent only)". */
export function retrySummary(advice: WordedAdvice): string {
  const qualifiers: string[] = [];
  if (advice.methods !== 'all' && isRetryable(advice))
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
