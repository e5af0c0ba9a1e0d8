/** An envelope: one error body format that an API surface returns, with its field paths. */
import { z } from 'astro/zod';
import { httpStatusSchema, proseSchema } from './common';
import { fieldPathSchema } from './field-path';
import { changesSchema, sinceSchema } from './history';

/**
 * Where each part of an error lives inside the body. Every path is optional. Each standard RFC 9457
 * problem details member has its part: `type`, `title`, `status`, `detail` (usually as `message`)
 * and `instance`; extension members such as `code` or `request_id` take the parts they hold.
 */
export const envelopeFieldsSchema = z
  .object({
    /** The HTTP status repeated in the body, e.g. `statusCode` or `error.code`. */
    status: fieldPathSchema.optional(),
    /** The business code(s), e.g. `errors[].code` or `error.ownCode`. */
    code: fieldPathSchema.optional(),
    /** The human message; its value may be a string or an array of strings, e.g. `message`. */
    message: fieldPathSchema.optional(),
    /** A short title or reason phrase, e.g. `error` ("Bad Request") or `errors[].title`. */
    title: fieldPathSchema.optional(),
    /** A longer explanation beside the message, e.g. `errors[].detail`. */
    detail: fieldPathSchema.optional(),
    /** The field an array-shaped validation error is about, e.g. `errors[].field`. */
    field: fieldPathSchema.optional(),
    /** Per-field validation messages as a map, e.g. `errors.<field>[]`. */
    fieldErrors: fieldPathSchema.optional(),
    /** A request or trace id for support, e.g. `requestId`, `error.request_id` or `meta.traceId`. */
    requestId: fieldPathSchema.optional(),
    /**
     * A URI naming the kind of problem: RFC 9457 `type`. When it is a code page of this site, the
     * lookup reads the code from it, and example bodies on code pages show that page's URL here.
     */
    type: fieldPathSchema.optional(),
    /** A URI of this occurrence of the problem, often the resource it is about: RFC 9457 `instance`. */
    instance: fieldPathSchema.optional(),
    /**
     * Where in the response the error happened, as GraphQL's response path: a list of field names
     * and indexes, e.g. `errors[].path` (`["order", "items", 0]`). Not a validation field.
     */
    path: fieldPathSchema.optional(),
    /** Where in the request document the error happened: GraphQL's `errors[].locations` (`[{ line, column }]`). */
    locations: fieldPathSchema.optional(),
    /** A map of further details the API adds to each error, e.g. GraphQL's `errors[].extensions`. */
    extensions: fieldPathSchema.optional(),
  })
  .strict();
export type EnvelopeFields = z.output<typeof envelopeFieldsSchema>;

/** One example body of the envelope, shown highlighted and pasted into lookup tests. */
export const envelopeExampleSchema = z
  .object({
    /** Short label, e.g. "Validation error". */
    title: proseSchema,
    /**
     * What this example shows: a plain `error`, a `validation` error (an envelope whose examples are
     * all validation errors carries only codes about a field), `partial` data (errors beside the
     * data that could be served, as GraphQL sends with 200), or a `success` body (shown, never read
     * as an error). Default `error`.
     */
    kind: z.enum(['error', 'validation', 'partial', 'success']).default('error'),
    /** The HTTP status this body comes with, if it is fixed. */
    status: httpStatusSchema.optional(),
    /** The body exactly as sent (JSON text). Must parse unless `mediaType` names a format other than JSON. */
    body: z.string().min(1),
  })
  .strict();
export type EnvelopeExample = z.output<typeof envelopeExampleSchema>;

/** File schema of `catalog/envelopes/<id>.yaml`. The id is the file name. */
export const envelopeSchema = z
  .object({
    /** Display name, e.g. "CustomResponse". */
    name: proseSchema,
    /**
     * Media type of the body, e.g. `application/problem+json`, when the API states it. Optional: when
     * left out none is shown, and example bodies are still read (and checked) as JSON. Shown beside
     * the envelope's name; a pasted response whose Content-Type matches it is read with this envelope
     * first.
     */
    mediaType: z.string().min(1).optional(),
    /** How to read this envelope, one or two sentences. */
    description: proseSchema,
    /** The shape as a TypeScript-like declaration, shown highlighted on the envelope's page (optional). */
    declaration: z.string().min(1).optional(),
    /** Field paths of the parts of an error; see `field-path.ts`. */
    fields: envelopeFieldsSchema,
    /**
     * The HTTP statuses this body comes with, when only some (a gateway's 429 body, say). Unset: any
     * status of its surfaces. Code pages show this envelope's example only for codes of these statuses.
     */
    statuses: z.array(httpStatusSchema).min(1).optional(),
    /**
     * Example bodies. Give at least one; leave them out only when the API documents the shape
     * alone (a `declaration` and no sample, like Migo's ErrorResponseDto), so none is invented.
     */
    examples: z.array(envelopeExampleSchema).default([]),
    /** Version or date the envelope was introduced in, e.g. "2024-03" (optional). */
    since: sinceSchema,
    /** What changed in the envelope, version by version, oldest first (written by `error-catalog diff --record`). */
    changes: changesSchema,
  })
  .strict()
  .refine((envelope) => envelope.examples.length > 0 || envelope.declaration !== undefined, {
    message:
      'the envelope has no example body and no declaration; add examples: [{ title: Not found, body: ... }], or a declaration: when the API shows only the shape',
    path: ['examples'],
  });
export type EnvelopeInput = z.input<typeof envelopeSchema>;
export type EnvelopeData = z.output<typeof envelopeSchema>;
