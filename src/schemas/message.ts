/** Common error messages, grouped by area, each with its resolution. */
import { z } from 'astro/zod';
import { httpStatusSchema, proseSchema } from './common';
import { codeReferenceSchema } from './code';
import { retryAdviceSchema } from './retry';
import { audienceListSchema, replySchema } from './support';
import { changesSchema, sinceSchema } from './history';

/** One common message. */
export const messageSchema = z
  .object({
    /** The message text or template, with `{placeholders}` for the parts that vary, e.g. "Migration run {id} not found". */
    message: proseSchema,
    /**
     * What each placeholder holds, keyed by placeholder name, e.g. `{ id: The run id, e.g. 8f3a-22. }`
     * (optional). Each must appear in the message; an `e.g.` value is used as its sample.
     */
    placeholders: z.record(z.string(), proseSchema).default({}),
    /** HTTP status it usually comes with (optional; must be declared when given). */
    status: httpStatusSchema.optional(),
    /** What it means, when that is not obvious (optional). */
    meaning: proseSchema.optional(),
    /** What to do, in the API's words. Optional: when left out, the site says the API gives none. */
    resolution: proseSchema.optional(),
    /** The business code it belongs to, as a code reference (optional). */
    code: codeReferenceSchema.optional(),
    /** Retry advice, when it differs from the status's. */
    retry: retryAdviceSchema.optional(),
    /** The customer-safe reply, with the same `{placeholders}` as the message (optional). */
    reply: replySchema.optional(),
    /** Who must act: `end-user`, `developer`, `support`, `operations`, or a list of them (optional). */
    audience: audienceListSchema.optional(),
    /** Version or date the message was introduced in, e.g. "2024-03" (optional). */
    since: sinceSchema,
    /** What changed in the message, version by version, oldest first (written by `error-catalog diff --record`). */
    changes: changesSchema,
  })
  .strict();
export type MessageInput = z.input<typeof messageSchema>;
export type MessageData = z.output<typeof messageSchema>;

/** File schema of `catalog/messages/*.yaml`: the messages of one area. */
export const messageFileSchema = z
  .object({
    /** Area name, e.g. "Authentication". */
    area: proseSchema,
    /** What the area covers (optional). */
    description: proseSchema.optional(),
    /** Sort position; lower first. Default 0. */
    order: z.number().int().default(0),
    /** The messages. */
    messages: z.array(messageSchema).min(1),
  })
  .strict();
