/**
 * Headers that matter when handling errors: response headers (Retry-After, X-RateLimit-*…) and
 * the request headers that errors are about (e.g. an X-Org-Id that a 403 complains of).
 */
import { z } from 'astro/zod';
import { httpStatusSchema, proseSchema, slugSchema } from './common';

/** One header. */
export const headerSchema = z
  .object({
    /** Header name as sent, e.g. "Retry-After". */
    name: z.string().regex(/^[A-Za-z0-9-]+$/, { message: 'a header name holds letters, digits and dashes' }),
    /** What it tells the client. */
    meaning: proseSchema,
    /** An example value, e.g. "30". Optional: some APIs name a header without showing a value. */
    example: z.union([z.string(), z.number()]).transform(String).optional(),
    /** Who sends it: `response` (default, the API) or `request` (the client, e.g. X-Org-Id, If-None-Match). */
    in: z.enum(['response', 'request']).default('response'),
    /**
     * Unit or format of the value, as the API states it: seconds, epoch-seconds, count, http-date,
     * id, text. Leave out when the API does not give it (a value alone, such as 1720001234, does not
     * say whether it is seconds or a Unix time): the site then shows the format as not stated.
     */
    format: z.enum(['seconds', 'epoch-seconds', 'count', 'http-date', 'id', 'text']).optional(),
    /** Statuses that carry it (or, for a request header, that it can cause), e.g. [429, 503]. Default: any status. */
    statuses: z.array(httpStatusSchema).default([]),
    /**
     * The surfaces that send it (for a request header: that read it), as surface ids, when only some
     * do, e.g. `[orders]` for a request-id header of one surface. Default: every surface.
     */
    surfaces: z
      .array(slugSchema)
      .min(1, { message: 'name at least one surface, or leave surfaces: out for all' })
      .optional(),
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
