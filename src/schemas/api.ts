/** The catalog's front matter: the API's name, how to read its errors, and its retry rules. */
import { z } from 'astro/zod';
import { httpMethodSchema, proseSchema } from './common';
import { backoffSchema } from './retry';
import { supportDeskSchema } from './support';

/** A rate limit rule as the API states it. */
export const rateLimitSchema = z
  .object({
    /** Who the limit counts, e.g. "per token". */
    scope: proseSchema,
    /** How many units (requests, unless `unit` says otherwise) are allowed per window. */
    limit: z.number().int().positive(),
    /**
     * What the limit counts, when it is not requests, in the API's words, e.g. "query cost points"
     * (GraphQL APIs often limit by the cost of a query). Unset: requests.
     */
    unit: proseSchema.optional(),
    /** Window length in seconds. */
    windowSeconds: z.number().int().positive().optional(),
    /** One sentence more (optional). */
    note: proseSchema.optional(),
  })
  .strict();

/**
 * The API-wide retry policy, as far as the API states one; status and code advice refer to its
 * numbers and methods. Every part is optional: what is left out is not stated, and nothing is
 * filled in for it.
 */
export const retryPolicySchema = z
  .object({
    /** Backoff numbers that apply wherever advice gives none of its own (each number optional). */
    backoff: backoffSchema.optional(),
    /**
     * The methods the API calls idempotent, e.g. `[GET, HEAD, PUT, DELETE]`; advice with
     * `methods: idempotent` means these. Leave out when the API names none: no list is then shown
     * as the API's, and advice that says `idempotent` names the methods HTTP defines as idempotent.
     */
    idempotentMethods: z.array(httpMethodSchema).min(1).optional(),
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
    /**
     * What a support ticket must include, in the API's own words, one item a line (e.g. "The
     * request timestamp in UTC"), when the API states it (optional; public). The lookup's "Copy for
     * ticket" asks the customer for these; without it, it asks, as general practice, for what the
     * paste lacks.
     */
    ticketChecklist: z
      .array(proseSchema)
      .min(1, { message: 'list at least one item, or leave ticketChecklist out' })
      .optional(),
    /**
     * The support desk (*internal*: the support site only): `teams` escalations go to, and `links`
     * into the support tools as URL templates, e.g. `{ label: Open in logs, url:
     * "https://logs.example.com/search?request_id={requestId}&from={timeUtc}" }` (optional).
     */
    support: supportDeskSchema.optional(),
  })
  .strict();
export type ApiInput = z.input<typeof apiSchema>;
export type ApiData = z.output<typeof apiSchema>;
