/** HTTP status codes the API returns, with what they mean here and what to do. */
import { z } from 'astro/zod';
import { httpStatusSchema, proseSchema, slugSchema } from './common';
import { retryAdviceSchema } from './retry';
import { changesSchema, sinceSchema } from './history';

/** What a status means on one surface, where surfaces differ; unset fields inherit. */
export const statusOverrideSchema = z
  .object({
    /** Meaning on this surface. */
    meaning: proseSchema.optional(),
    /** When this surface returns it. */
    when: proseSchema.optional(),
    /** What to do on this surface. */
    action: proseSchema.optional(),
    /** Retry advice on this surface. */
    retry: retryAdviceSchema.optional(),
  })
  .strict();

/** One HTTP status. */
export const statusSchema = z
  .object({
    /** The status number, e.g. 429. */
    status: httpStatusSchema,
    /** Reason phrase, e.g. "Too Many Requests". */
    reason: proseSchema,
    /** What it means for this API. */
    meaning: proseSchema,
    /** When it is returned (optional). */
    when: proseSchema.optional(),
    /**
     * What the client or the support person should do, in the API's words. Leave out when the API
     * says nothing: the status page then says the API states no action, and the lookup shows none.
     */
    action: proseSchema.optional(),
    /**
     * Structured retry advice. Leave out when the API states none: the site then shows general
     * HTTP practice for the status (src/catalog/retry-defaults.ts), always marked as such.
     */
    retry: retryAdviceSchema.optional(),
    /**
     * Other statuses documented with this one or pointed to from it ("405 … also see 501"; "502 /
     * 503" in one row). Each must be declared. Default none.
     */
    related: z.array(httpStatusSchema).default([]),
    /** Per-surface differences, keyed by surface id. */
    surfaces: z.record(slugSchema, statusOverrideSchema).default({}),
    /** Version or date the status was introduced in, e.g. "2024-03" (optional). */
    since: sinceSchema,
    /** What changed in the status, version by version, oldest first (written by `error-catalog diff --record`). */
    changes: changesSchema,
  })
  .strict();
export type StatusInput = z.input<typeof statusSchema>;
export type StatusData = z.output<typeof statusSchema>;

/** File schema of `catalog/statuses/*.yaml`. */
export const statusFileSchema = z
  .object({
    /** The statuses this file declares. */
    statuses: z.array(statusSchema).min(1),
  })
  .strict();
