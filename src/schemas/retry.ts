/** Retry advice as data: whether, when and how a client may repeat a failed request. */
import { z } from 'astro/zod';
import { httpMethodSchema } from './common';

/**
 * Exponential backoff numbers. The delay before try `n` (0-based) is
 * `min(initialMs * factor^n, maxDelayMs)`.
 */
export const backoffSchema = z
  .object({
    /** Delay before the first retry, in milliseconds. Default 500. */
    initialMs: z.number().int().positive().default(500),
    /** Multiplier applied after each try. Default 2 (doubling). */
    factor: z.number().min(1).default(2),
    /** Longest single delay, in milliseconds (the cap). Default 30000. */
    maxDelayMs: z.number().int().positive().default(30_000),
    /** Most tries in all, the first one included; leave out for no fixed limit. */
    maxAttempts: z.number().int().positive().optional(),
    /** Add random jitter to each delay. Default true. */
    jitter: z.boolean().default(true),
  })
  .strict();
export type BackoffInput = z.input<typeof backoffSchema>;
export type Backoff = z.output<typeof backoffSchema>;

/**
 * What the client should do about retrying:
 * - `never`: do not repeat the request; fix it first.
 * - `backoff`: retry with exponential backoff (see `backoff`).
 * - `retry-after`: wait for the time given by the `Retry-After` (or rate-limit reset) header, then retry.
 * - `reauthenticate`: refresh or renew credentials, then retry once.
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
    /** Backoff numbers for `backoff` (and as the fallback for `retry-after` without a header). */
    backoff: backoffSchema.optional(),
    /**
     * Which methods the rule applies to. `all` (default), `idempotent` (the API's
     * `retryPolicy.idempotentMethods`; GET, HEAD, OPTIONS, PUT and DELETE unless the API says
     * otherwise) or an explicit list. Other methods fall back to `otherwise`.
     */
    methods: z.union([z.enum(['all', 'idempotent']), z.array(httpMethodSchema).min(1)]).default('all'),
    /** Policy for the methods that `methods` leaves out, e.g. `never` for POST. Default `never`. */
    otherwise: retryPolicySchema.default('never'),
    /** Headers the client should read to time the retry, e.g. `[Retry-After, X-RateLimit-Reset]`. */
    honorHeaders: z.array(z.string().min(1)).default([]),
    /** One sentence of extra advice, e.g. "Repeated 401s look like brute force". */
    note: z.string().trim().min(1).optional(),
  })
  .strict();
export type RetryAdviceInput = z.input<typeof retryAdviceSchema>;
export type RetryAdvice = z.output<typeof retryAdviceSchema>;
