/** The catalog's front matter: the API's name, how to read its errors, and its retry rules. */
import { z } from 'astro/zod';
import { httpMethodSchema, proseSchema } from './common';
import { backoffSchema } from './retry';

/** A rate limit rule as the API states it. */
export const rateLimitSchema = z
  .object({
    /** Who the limit counts, e.g. "per token". */
    scope: proseSchema,
    /** Requests allowed per window. */
    limit: z.number().int().positive(),
    /** Window length in seconds. */
    windowSeconds: z.number().int().positive().optional(),
    /** One sentence more (optional). */
    note: proseSchema.optional(),
  })
  .strict();

/** The API-wide retry policy; status and code advice refer to its numbers. */
export const retryPolicySchema = z
  .object({
    /** Default backoff numbers. */
    backoff: backoffSchema,
    /** Methods safe to retry on 5xx. Default GET, HEAD, OPTIONS, PUT, DELETE. */
    idempotentMethods: z.array(httpMethodSchema).default(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']),
    /** Rules in the API's own words, one per line, shown on the home page and in lookups. */
    rules: z.array(proseSchema).default([]),
  })
  .strict();

/** File schema of `catalog/api.yaml`. */
export const apiSchema = z
  .object({
    /** The API's name as shown in titles, e.g. "Acme Orders API". */
    name: proseSchema,
    /** One-sentence description used in page descriptions. */
    description: proseSchema,
    /** How to read this API's errors: a few short paragraphs, separated by blank lines. */
    intro: proseSchema,
    /** Where to report problems (URL or e-mail; optional). */
    supportContact: z.string().min(1).optional(),
    /**
     * The catalog's version, e.g. "2026-11" or 3, shown in the footer and the JSON export (optional;
     * unset, the site states no version rather than invent one).
     */
    version: z
      .union([z.string().min(1), z.number()])
      .transform(String)
      .optional(),
    /** API-wide retry policy (optional). */
    retryPolicy: retryPolicySchema.optional(),
    /** Rate limits (optional). */
    rateLimits: z.array(rateLimitSchema).default([]),
    /**
     * What a whole class of HTTP statuses means for this API, when it says so (e.g. "5xx indicates
     * an error with our servers"), keyed `2xx`, `4xx`… Explains statuses it does not list one by one.
     */
    statusClasses: z.record(z.enum(['1xx', '2xx', '3xx', '4xx', '5xx']), proseSchema).default({}),
  })
  .strict();
export type ApiInput = z.input<typeof apiSchema>;
export type ApiData = z.output<typeof apiSchema>;
