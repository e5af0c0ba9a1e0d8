/** Building blocks shared by several catalog schemas: identifiers, codes, HTTP methods. */
import { z } from 'astro/zod';

/** A lowercase identifier used in file names and URLs, e.g. `wallet-gateway`. */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  message: 'must be a lowercase slug of letters, digits and dashes, e.g. "wallet-gateway"',
});

/**
 * A business error code as it appears on the wire. Authors may write `7100` or `"7100"`;
 * both become the string `"7100"`. Symbolic codes such as `not_found` stay as written.
 */
export const businessCodeSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((value) => String(value).trim())
  .refine((value) => /^[A-Za-z0-9_.:-]+$/.test(value), {
    message: 'a code may hold only letters, digits and _ . : -, e.g. 7100 or not_found',
  });

/** An HTTP status code from 100 to 599. */
export const httpStatusSchema = z
  .number({ invalid_type_error: 'must be an HTTP status number such as 404 (no quotes)' })
  .int()
  .min(100, { message: 'an HTTP status lies between 100 and 599' })
  .max(599, { message: 'an HTTP status lies between 100 and 599' });

/** HTTP request methods a retry rule can name. */
export const httpMethodSchema = z.enum(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH']);
export type HttpMethod = z.output<typeof httpMethodSchema>;

/** Prose in Markdown-free plain text; rendered escaped, never as HTML. */
export const proseSchema = z.string().trim().min(1, { message: 'must not be empty' });
