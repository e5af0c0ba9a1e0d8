/** Response headers that matter when handling errors (Retry-After, X-RateLimit-*…). */
import { z } from 'astro/zod';
import { httpStatusSchema, proseSchema } from './common';

/** One header. */
export const headerSchema = z
  .object({
    /** Header name as sent, e.g. "Retry-After". */
    name: z.string().regex(/^[A-Za-z0-9-]+$/, { message: 'a header name holds letters, digits and dashes' }),
    /** What it tells the client. */
    meaning: proseSchema,
    /** An example value, e.g. "30". */
    example: z.union([z.string(), z.number()]).transform(String),
    /** Unit or format of the value: seconds, epoch-seconds, count, http-date, id, text. */
    format: z.enum(['seconds', 'epoch-seconds', 'count', 'http-date', 'id', 'text']).default('text'),
    /** Statuses that carry it, e.g. [429, 503]. */
    statuses: z.array(httpStatusSchema).default([]),
  })
  .strict();
export type HeaderInput = z.input<typeof headerSchema>;
export type HeaderData = z.output<typeof headerSchema>;

/** File schema of `catalog/headers/*.yaml`. */
export const headerFileSchema = z
  .object({
    /** The headers. */
    headers: z.array(headerSchema).min(1),
  })
  .strict();
