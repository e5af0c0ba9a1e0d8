/**
 * Retry advice as data: whether, when and how a client may repeat a failed request. Every field is
 * the API's word: what a catalog leaves out is not stated, and the site never fills in a number,
 * a limit or a method list for it (see README, "What the site says when a field is absent").
 */
import { z } from 'astro/zod';
import { httpMethodSchema } from './common';
import { fieldPathSchema } from './field-path';

/**
 * Exponential backoff numbers, each only as far as the API states it. The wait before retry `n`
 * (0-based) is `min(initialMs * factor^n, maxDelayMs)`; the site shows the waits only when both
 * `initialMs` and `factor` are given, and mentions a cap, a try limit or jitter only when stated.
 */
export const backoffSchema = z
  .object({
    /** Delay before the first retry, in milliseconds, e.g. 500. Leave out when the API gives none. */
    initialMs: z.number().int().positive().optional(),
    /** Multiplier applied after each try, e.g. 2 (doubling). Leave out when the API gives none. */
    factor: z.number().min(1).optional(),
    /** Longest single delay, in milliseconds (the cap on each wait), e.g. 30000. Leave out when the API gives none. */
    maxDelayMs: z.number().int().positive().optional(),
    /** Most tries in all, the first one included ("3 retries" is 4). Leave out when the API gives no limit. */
    maxAttempts: z.number().int().positive().optional(),
    /** Whether the API asks for random jitter on each delay. Leave out when it does not say. */
    jitter: z.boolean().optional(),
  })
  .strict();
export type BackoffInput = z.input<typeof backoffSchema>;
export type Backoff = z.output<typeof backoffSchema>;

/**
 * What the client should do about retrying:
 * - `never`: do not repeat the request.
 * - `backoff`: retry with exponential backoff (see `backoff`).
 * - `retry-after`: wait for the time given by the `Retry-After` (or rate-limit reset) header, then retry.
 * - `reauthenticate`: re-authenticate before any retry (how often to retry is the `note`'s to say).
 * - `use-cache`: use the copy you already hold (e.g. 304 Not Modified: nothing failed).
 * - `not-needed`: nothing to retry: the request succeeded (2xx), or, on an error status, what the
 *   client asked for is already the case (e.g. a 409 for an order that is already cancelled).
 */
export const retryPolicySchema = z.enum([
  'never',
  'backoff',
  'retry-after',
  'reauthenticate',
  'use-cache',
  'not-needed',
]);
export type RetryPolicy = z.output<typeof retryPolicySchema>;

/** Retry advice attached to a status, a code or a message. */
export const retryAdviceSchema = z
  .object({
    /** The rule: one of the retry policies. Required. */
    policy: retryPolicySchema,
    /**
     * Backoff numbers for `backoff` (and as the fallback for `retry-after` without a header), as
     * far as the API states them. When left out, the API-wide `retryPolicy.backoff` applies, if any.
     */
    backoff: backoffSchema.optional(),
    /**
     * Which methods the rule applies to. `all` (default: the rule names no method), `idempotent`
     * (the API's `retryPolicy.idempotentMethods`; when the API lists none, the site names the
     * methods HTTP defines as idempotent and says so) or an explicit list.
     */
    methods: z.union([z.enum(['all', 'idempotent']), z.array(httpMethodSchema).min(1)]).default('all'),
    /**
     * Policy for the methods that `methods` leaves out, e.g. `never` for POST. Leave out when the
     * API does not say: the site then says it states no rule for them.
     */
    otherwise: retryPolicySchema.optional(),
    /**
     * Which operations the rule applies to, when the API tells them apart by operation rather than by
     * HTTP method (every GraphQL call is a POST): `queries` (GraphQL queries; `otherwise` is then the
     * rule for mutations) or `idempotent` (operations the catalog declares idempotent, see
     * `operations/`). Leave out when the rule does not depend on the operation. Not with `methods`.
     */
    forOperations: z.enum(['queries', 'idempotent']).optional(),
    /** Headers the client should read to time the retry, e.g. `[Retry-After, X-RateLimit-Reset]`. */
    honorHeaders: z.array(z.string().min(1)).default([]),
    /**
     * A field of the error body that holds the seconds to wait, as a field path from the body's root,
     * e.g. `errors[].extensions.retryAfterSeconds` (GraphQL APIs send the wait there, not in a header).
     * It must reach a value in an example body of the envelopes the advice's code comes in.
     */
    waitField: fieldPathSchema.optional(),
    /** One sentence of extra advice in the API's words, e.g. "Repeated 401s look like brute force". */
    note: z.string().trim().min(1).optional(),
  })
  .strict();
export type RetryAdviceInput = z.input<typeof retryAdviceSchema>;
export type RetryAdvice = z.output<typeof retryAdviceSchema>;
