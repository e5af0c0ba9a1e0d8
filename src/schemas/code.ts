/** Business error codes: one entry per code, with everything a developer or support person needs. */
import { z } from 'astro/zod';
import { businessCodeSchema, httpStatusSchema, proseSchema, slugSchema } from './common';
import { changesSchema, sinceSchema } from './history';
import { retryAdviceSchema } from './retry';
import { audienceListSchema, escalationSchema, replySchema, severitySchema } from './support';

/**
 * A reference to another code: `"7101"` (same code space) or `"middleware:2002"` (another space).
 */
export const codeReferenceSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((value) => String(value).trim());

/** Support guidance: what to ask the customer and when to escalate. */
export const supportNotesSchema = z
  .object({
    /** Questions to ask or data to collect from the customer (public: the customer hears them). */
    ask: z.array(proseSchema).default([]),
    /**
     * When and to whom to escalate (*internal*: shown on the support site only). A sentence, or
     * `{ team, channel, when }` with a team id declared in api.yaml's `support.teams`.
     */
    escalate: escalationSchema.optional(),
  })
  .strict();

/** Deprecation record. A code is never deleted: it is deprecated and keeps its page. */
export const deprecationSchema = z
  .object({
    /** Version or date since which the code is deprecated, e.g. "2024-03" or "v3". */
    since: z.union([z.string().min(1), z.number()]).transform(String),
    /** The code that replaces it, as a code reference. */
    replacedBy: codeReferenceSchema.optional(),
    /** Why, in one sentence. */
    note: proseSchema.optional(),
  })
  .strict();

export { changeRecordSchema, type ChangeRecord } from './history';

/**
 * One HTTP status a code comes with, and in what context, when a code comes with several (GraphQL's
 * `UNAUTHENTICATED` with 200 from a resolver and with 401 from the gateway). Unset fields are the
 * code's own.
 */
export const codeStatusSchema = z
  .object({
    /** The HTTP status, e.g. 401. Must be declared in `catalog/statuses/`; each status once per code. */
    status: httpStatusSchema,
    /**
     * Where the error is raised: `transport` (the HTTP layer or a gateway refuses the request, before
     * it runs) or `execution` (the request ran, and the error is reported in the body, often with 200).
     */
    layer: z.enum(['transport', 'execution']).optional(),
    /** Surfaces that send the code with this status, when only some do. Surface ids of the code's surfaces. */
    surfaces: z.array(slugSchema).min(1).optional(),
    /**
     * Operations that return the code with this status, when only some do, written as the catalog's
     * operations are named: `METHOD /path` (an operation of the code's surfaces, e.g.
     * `GET /graphql/persisted/{hash}`) or `surface:METHOD /path`. Each must be declared in
     * `operations/`, on a surface that sends the code, and list this status in its `statuses`. The
     * operation's page lists the code with this status, and a pasted request to it is explained in
     * this context. Default: every operation of its surfaces that returns the code.
     */
    operations: z
      .array(z.string().trim().min(1))
      .min(1, { message: 'name at least one operation, or leave operations: out for all' })
      .optional(),
    /** When the code comes with this status, e.g. "A field of the query needs a signed-in user." */
    when: proseSchema.optional(),
    /** Why it happens in this context, where it differs from the code's `cause`. */
    cause: proseSchema.optional(),
    /** Retry advice in this context, where it differs from the code's; default the code's, else this status's. */
    retry: retryAdviceSchema.optional(),
  })
  .strict();
export type CodeStatusData = z.output<typeof codeStatusSchema>;

/** One business error code. */
export const codeSchema = z
  .object({
    /** The code as sent on the wire: numeric (`7100`) or symbolic (`not_found`). */
    code: businessCodeSchema,
    /**
     * The constant name of the code in the API's own source, an identifier such as `USER_NOT_FOUND`
     * (optional). Shown beside the code and found by the lookup; `title` defaults to it in words.
     */
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.]*$/, { message: 'a name is an identifier such as USER_NOT_FOUND' })
      .optional(),
    /**
     * Short human title, e.g. "Order not found". Default: `name` in words (`USER_NOT_FOUND` → "User
     * not found"). A code with neither is titled by the bare code, so give a symbolic code such as
     * `order_not_found` a title.
     */
    title: proseSchema.optional(),
    /**
     * HTTP status this code comes with. Must be declared in `catalog/statuses/`. A code that comes
     * with several writes `statuses:` instead (one of the two is required).
     */
    status: httpStatusSchema.optional(),
    /**
     * The statuses this code comes with, each in its context, when there are several (the first is
     * the main one, shown in tables first). Write `status:` when there is one.
     */
    statuses: z.array(codeStatusSchema).min(1).optional(),
    /**
     * Surfaces that send this code, when only some of the surfaces sharing its code space do
     * (e.g. `[console]` for a console-only code). Surface ids. Default: every surface of the space.
     */
    surfaces: z
      .array(slugSchema)
      .min(1, { message: 'name at least one surface, or leave surfaces: out for all' })
      .optional(),
    /** Message template as sent, with `{placeholders}` for the parts that vary. */
    message: proseSchema,
    /** What each placeholder holds, keyed by placeholder name (optional). */
    placeholders: z.record(z.string(), proseSchema).default({}),
    /** Why it happens. */
    cause: proseSchema,
    /** What to do about it, in the API's words. Optional: when left out, the page says the API gives none. */
    resolution: proseSchema.optional(),
    /** Retry advice; defaults to the status's advice. */
    retry: retryAdviceSchema.optional(),
    /** Guidance for support staff. */
    support: supportNotesSchema.optional(),
    /**
     * The customer-safe reply a support agent may send the end user, with the same `{placeholders}`
     * as `message` (filled from the pasted error). Optional; shown on both sites.
     */
    reply: replySchema.optional(),
    /** Who must act: `end-user`, `developer`, `support`, `operations`, or a list of them (optional). */
    audience: audienceListSchema.optional(),
    /** How bad it is for the customer: `low`, `medium`, `high` or `critical` (optional). */
    severity: severitySchema.optional(),
    /**
     * Free notes for staff only (*internal*): known causes, workarounds, what the logs show. Never
     * published on the public site, its search index, lookup index or exports.
     */
    internal: proseSchema.optional(),
    /** Version or date the code was introduced. */
    since: sinceSchema,
    /** Set when the code is deprecated. */
    deprecated: deprecationSchema.optional(),
    /** What changed in the code, version by version, oldest first (written by `error-catalog diff --record`). */
    changes: changesSchema,
    /** Related codes, as code references (`"7101"` or `"middleware:2002"`). */
    related: z.array(codeReferenceSchema).default([]),
    /** Earlier URLs or codes this entry was known by (`"gateway:7001"`), for redirects. */
    formerly: z.array(codeReferenceSchema).default([]),
    /** Free keywords that help search and lookup, e.g. `[otp, sms]`. */
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((code, context) => {
    if (code.status === undefined && code.statuses === undefined)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['status'],
        message:
          'the code has no status; add status: <the HTTP status it comes with>, or statuses: [{ status: 200, layer: execution }, { status: 401, layer: transport }] when it comes with several',
      });
    else if (code.status !== undefined && code.statuses !== undefined)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['statuses'],
        message: `the code has both status: ${code.status} and statuses:; write status: for one status, or statuses: (each with its status) for several, not both`,
      });
  });
export type CodeInput = z.input<typeof codeSchema>;
export type CodeData = z.output<typeof codeSchema>;

/** File schema of `catalog/codes/*.yaml`: codes of one code space. */
export const codeFileSchema = z
  .object({
    /** Id of the code space these codes belong to (a surface id or a surface's `codeSpace`). */
    codeSpace: slugSchema,
    /** The codes. */
    codes: z.array(codeSchema).min(1),
  })
  .strict();
