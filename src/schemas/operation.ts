/**
 * Operations: the endpoints of a surface (method + path template) and the errors each one returns,
 * so a reader of `POST /v2/charges` sees its errors, a code page says where it comes from, and the
 * lookup gives retry advice for the method and idempotency of the call that failed.
 */
import { z } from 'astro/zod';
import { codeReferenceSchema } from './code';
import { httpMethodSchema, httpStatusSchema, proseSchema, slugSchema } from './common';
import { pathTemplateProblem } from '../shared/path-template';
import { changesSchema, sinceSchema } from './history';

/** A path template such as `/v2/charges/{chargeId}/capture`; see src/shared/path-template.ts for the grammar. */
export const pathTemplateSchema = z.string().superRefine((path, ctx) => {
  const problem = pathTemplateProblem(path);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${problem.message}; ${problem.fix}` });
});

/**
 * How an operation can be repeated safely:
 * - `method`: as its HTTP method says: GET, HEAD, OPTIONS, PUT and DELETE are idempotent (or the
 *   API's `retryPolicy.idempotentMethods`), POST and PATCH are not.
 * - `key`: idempotent when the request carries an idempotency key header (`header`, default
 *   `Idempotency-Key`); without it, not.
 * - `always`: idempotent by design whatever its method, e.g. a POST that returns the run already
 *   going instead of starting a second one.
 * - `none`: not idempotent, even if its method usually is.
 */
export const idempotencyKindSchema = z.enum(['method', 'key', 'always', 'none']);
export type IdempotencyKind = z.output<typeof idempotencyKindSchema>;

/** Idempotency written out, when it needs a header name or a note. */
export const idempotencyDetailSchema = z
  .object({
    /** How the operation can be repeated; see the kinds above. */
    kind: idempotencyKindSchema,
    /** The request header that carries the idempotency key, for `kind: key`. Default `Idempotency-Key`. */
    header: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, { message: 'a header name holds letters, digits and dashes, e.g. Idempotency-Key' })
      .optional(),
    /** The API's own words on its scope or limits, e.g. "Within a session." or "Keys are kept for 24 hours." */
    note: proseSchema.optional(),
  })
  .strict();

/** Idempotency: a kind (`method`, `key`, `always`, `none`) or `{ kind, header, note }`. */
export const idempotencySchema = z
  .union([idempotencyKindSchema, idempotencyDetailSchema])
  .transform((value): { kind: IdempotencyKind; header?: string; note?: string } =>
    typeof value === 'string' ? { kind: value } : value,
  );
export type Idempotency = z.output<typeof idempotencySchema>;

/** A request header that matters for this operation's errors. */
export const requestHeaderDetailSchema = z
  .object({
    /** Header name as sent, e.g. `Idempotency-Key`. */
    name: z.string().regex(/^[A-Za-z0-9-]+$/, { message: 'a header name holds letters, digits and dashes' }),
    /** Whether the operation refuses a request without it. Default false. */
    required: z.boolean().default(false),
    /** What it does for this operation, in one sentence (optional). */
    note: proseSchema.optional(),
  })
  .strict();

/** A request header: its name alone (`Idempotency-Key`) or `{ name, required, note }`. */
export const requestHeaderSchema = z
  .union([
    z.string().regex(/^[A-Za-z0-9-]+$/, { message: 'a header name holds letters, digits and dashes' }),
    requestHeaderDetailSchema,
  ])
  .transform((value) => (typeof value === 'string' ? { name: value, required: false } : value));
export type RequestHeader = z.output<typeof requestHeaderSchema>;

/** Deprecation of an operation: it keeps its page, marked, pointing at its replacement. */
export const operationDeprecationSchema = z
  .object({
    /** Version or date since which it is deprecated, e.g. "2026-01". */
    since: z.union([z.string().min(1), z.number()]).transform(String),
    /**
     * The operation to call instead, written `METHOD /path` (same surface) or
     * `surface:METHOD /path`, e.g. `POST /v2/payment-intents`.
     */
    replacedBy: z.string().trim().min(1).optional(),
    /** Why, or until when it keeps working, in one sentence (optional). */
    note: proseSchema.optional(),
  })
  .strict();

/** One operation. */
export const operationSchema = z
  .object({
    /** HTTP method in capitals: GET, HEAD, OPTIONS, PUT, DELETE, POST or PATCH. */
    method: httpMethodSchema,
    /**
     * Path template as sent in the request line, with the surface's base path and `{name}` for each
     * parameter, e.g. `/v2/charges/{chargeId}/capture`. No query string.
     */
    path: pathTemplateSchema,
    /**
     * Stable id, e.g. the OpenAPI operationId `captureCharge`; it names the operation's page.
     * Default: the method and path (`post-v2-charges-chargeid-capture`).
     */
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { message: 'an id is an identifier such as captureCharge' })
      .optional(),
    /** What the operation does, in the API's words, e.g. "Capture an authorised charge." (optional). */
    summary: proseSchema.optional(),
    /**
     * Whether and how it can be repeated safely; see the kinds above. Leave out when the API does
     * not say: the method's usual meaning then applies, and pages call it general HTTP practice.
     */
    idempotency: idempotencySchema.optional(),
    /**
     * HTTP statuses it returns, success ones included, e.g. `[201, 402, 409, 429, 500]`. Each must be
     * declared in `statuses/`. Leave out when the API does not say; the page then says so.
     */
    statuses: z.array(httpStatusSchema).default([]),
    /**
     * Business codes it returns, as code references (`"<code>"`, or `"<space>:<code>"`). Each code's
     * status must be among `statuses`, and the code must be one this surface sends.
     */
    codes: z.array(codeReferenceSchema).default([]),
    /**
     * The envelope of a status where it differs from the surface's default (its first envelope),
     * keyed by status, e.g. `{ 422: form-error }`. Each must be an envelope of the surface.
     */
    envelopes: z
      .record(
        z.string().regex(/^[1-5]\d\d$/, {
          message: 'envelopes are keyed by HTTP status here; write the status, e.g. 422: form-error',
        }),
        slugSchema,
      )
      .default({}),
    /** Request headers that matter for its errors, e.g. `[{ name: Idempotency-Key, required: true }]`. */
    requestHeaders: z.array(requestHeaderSchema).default([]),
    /** Set when the operation is deprecated. */
    deprecated: operationDeprecationSchema.optional(),
    /** Version or date the operation was introduced in, e.g. "2024-03" (optional). */
    since: sinceSchema,
    /** What changed in the operation, version by version, oldest first (written by `error-catalog diff --record`). */
    changes: changesSchema,
  })
  .strict();
export type OperationInput = z.input<typeof operationSchema>;
export type OperationData = z.output<typeof operationSchema>;

/** File schema of `catalog/operations/*.yaml`: operations of one surface. */
export const operationFileSchema = z
  .object({
    /** Id of the surface these operations belong to (a file name in `surfaces/`). */
    surface: slugSchema,
    /** The operations. */
    operations: z.array(operationSchema).min(1),
  })
  .strict();
