/**
 * Whose retry advice applies, and the one rule for filling in advice the catalog does not state:
 * general HTTP practice for the status, always marked `source: 'general-practice'` so that no page,
 * lookup answer or export presents it as the API's policy. Type-only imports: the browser's
 * lookup uses it too, for statuses the catalog does not document.
 */
import type { RetryAdvice } from '../schemas/retry';
import type { RetryRule } from './model';

/**
 * General HTTP practice for a status (RFC 9110 and common client behaviour), used only when the
 * catalog states no rule: nothing to retry below 400 (304: use the cached copy), re-authenticate
 * on 401, wait for Retry-After on 429, do not retry other 4xx or 501, and back off on other 5xx
 * for the methods HTTP defines as idempotent, honouring Retry-After when sent.
 */
export function generalPracticeRetry(status: number): RetryRule {
  const rule = (policy: RetryRule['policy'], more: Partial<RetryRule> = {}): RetryRule => ({
    source: 'general-practice',
    policy,
    methods: 'all',
    honorHeaders: [],
    ...more,
  });
  if (status < 300) return rule('not-needed');
  if (status === 304) return rule('use-cache');
  if (status < 400) return rule('not-needed');
  if (status === 401) return rule('reauthenticate');
  if (status === 429) return rule('retry-after', { honorHeaders: ['Retry-After'] });
  if (status < 500 || status === 501) return rule('never');
  return rule('backoff', { methods: 'idempotent', otherwise: 'never', honorHeaders: ['Retry-After'] });
}

/**
 * General practice for an error that arrives with a success status (GraphQL's errors with 200): the
 * status says nothing about the error, so the site neither claims success nor retries; it says not
 * to repeat the request unchanged, marked as general practice.
 */
export function errorWithSuccessRetry(): RetryRule {
  return { source: 'general-practice', policy: 'never', methods: 'all', honorHeaders: [] };
}

/** The API's own advice, marked as its word. */
export function statedRetry(advice: RetryAdvice): RetryRule {
  return { ...advice, source: 'api' };
}

/** A status's advice: what the catalog states, else general practice for it. */
export function statusRetry(status: number, stated: RetryAdvice | undefined): RetryRule {
  return stated ? statedRetry(stated) : generalPracticeRetry(status);
}

/**
 * A code's advice: its own, else its status's (whose `source` it keeps), else general practice.
 * `retryInherited` is true when the code states none of its own. An error that comes with a 2xx
 * status never inherits that status's advice (see {@link errorWithSuccessRetry}).
 */
export function codeRetry(
  status: number,
  stated: RetryAdvice | undefined,
  statusRule: RetryRule | undefined,
): { retry: RetryRule; retryInherited: boolean } {
  if (stated) return { retry: statedRetry(stated), retryInherited: false };
  // A success status's advice is about success: an error that comes with it does not inherit it.
  if (status < 300) return { retry: errorWithSuccessRetry(), retryInherited: false };
  return { retry: statusRule ?? generalPracticeRetry(status), retryInherited: true };
}
