/** The retry advice a status gets when the catalog states none: one rule, used by every status. */
import type { RetryAdvice } from '../schemas/retry';

/** Default advice by status number. */
export function defaultRetryAdvice(status: number): RetryAdvice {
  const base = { methods: 'all', otherwise: 'never', honorHeaders: [] } as const;
  if (status < 300) return { ...base, policy: 'not-needed', honorHeaders: [] };
  if (status === 304) return { ...base, policy: 'use-cache', honorHeaders: [] };
  if (status < 400) return { ...base, policy: 'not-needed', honorHeaders: [] };
  if (status === 401) return { ...base, policy: 'reauthenticate', honorHeaders: [] };
  if (status === 429) return { ...base, policy: 'retry-after', honorHeaders: ['Retry-After'] };
  if (status < 500) return { ...base, policy: 'never', honorHeaders: [] };
  if (status === 501) return { ...base, policy: 'never', honorHeaders: [] };
  return { ...base, policy: 'backoff', methods: 'idempotent', honorHeaders: ['Retry-After'] };
}
