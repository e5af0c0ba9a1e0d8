/**
 * The support desk: who must act on an error, how bad it is, the customer-safe reply, where to
 * escalate, and (in api.yaml) the support teams and the links into the support tools. Fields
 * marked *internal* reach only the internal support site, never the public one.
 */
import { z } from 'astro/zod';
import { proseSchema, slugSchema } from './common';

/**
 * Who must act on an error: `end-user` (the person using the product), `developer` (the
 * integrating developer), `support` (the support desk) or `operations` (the API's own operators).
 */
export const audienceSchema = z.enum(['end-user', 'developer', 'support', 'operations'], {
  errorMap: () => ({ message: 'audience is one of end-user, developer, support, operations' }),
});
export type Audience = z.output<typeof audienceSchema>;

/** Every audience, in the order tables and filters list them. */
export const AUDIENCES = audienceSchema.options;

/** How bad an error is for the customer: `low`, `medium`, `high` or `critical`. */
export const severitySchema = z.enum(['low', 'medium', 'high', 'critical'], {
  errorMap: () => ({ message: 'severity is one of low, medium, high, critical' }),
});
export type Severity = z.output<typeof severitySchema>;

/**
 * Who must act: one audience (`developer`) or several (`[end-user, support]`). Always a list in
 * the model.
 */
export const audienceListSchema = z
  .union([audienceSchema, z.array(audienceSchema).min(1, { message: 'name at least one audience' })])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/**
 * A customer-safe reply: text a support agent may send to the end user as it is, with the same
 * `{placeholders}` as the message (filled from the pasted error). No internal detail.
 */
export const replySchema = proseSchema;

/** An escalation written out: `{ team, channel, when }` (*internal*). */
export const escalationDetailSchema = z
  .object({
    /** Id of the team to escalate to, declared in api.yaml under `support.teams`. */
    team: slugSchema.optional(),
    /** Where to reach it (a chat channel, a queue, an e-mail), when it differs from the team's own. */
    channel: proseSchema.optional(),
    /** When to escalate, in one or two sentences. */
    when: proseSchema,
  })
  .strict();

/**
 * When and to whom to escalate (*internal*). Either a sentence (`Escalate to the payments on-call
 * when…`) or `{ team, channel, when }`, where `team` is a team id declared in api.yaml's
 * `support.teams`.
 */
export const escalationSchema = z.union([
  proseSchema.transform((when): Escalation => ({ when })),
  escalationDetailSchema,
]);

/** An escalation as the model holds it: a sentence alone becomes `{ when }`. */
export interface Escalation {
  team?: string;
  channel?: string;
  when: string;
}

/** A support team escalations go to (*internal*). */
export const supportTeamSchema = z
  .object({
    /** The team's name, e.g. "Payments on-call". */
    name: proseSchema,
    /** Where to reach it: a chat channel, a queue or an e-mail address (optional). */
    channel: proseSchema.optional(),
  })
  .strict();
export type SupportTeam = z.output<typeof supportTeamSchema>;

/** The values a support link may use, each filled from the pasted error when it is known. */
export const SUPPORT_LINK_VALUES = ['requestId', 'code', 'status', 'timeUtc', 'surface', 'operation'] as const;
export type SupportLinkValue = (typeof SUPPORT_LINK_VALUES)[number];

/**
 * A link into a support tool (*internal*), as a URL template, e.g. a log search
 * `https://logs.example.com/search?request_id={requestId}&from={timeUtc}`. Placeholders:
 * `requestId`, `code`, `status`, `timeUtc`, `surface`, `operation`. The link is shown only when
 * every value it names is known, each URL-encoded.
 */
export const supportLinkSchema = z
  .object({
    /** The link's text, e.g. "Open in logs". */
    label: proseSchema,
    /**
     * An absolute http(s) URL; its path and query may hold `{requestId}`, `{code}`, `{status}`,
     * `{timeUtc}`, `{surface}` and `{operation}`, e.g. `https://logs.example.com/search?request_id={requestId}`.
     */
    url: z.string().trim().min(1, { message: 'must not be empty' }),
  })
  .strict();
export type SupportLink = z.output<typeof supportLinkSchema>;

/** The support desk of api.yaml (*internal*): its teams and its links into the support tools. */
export const supportDeskSchema = z
  .object({
    /** Teams escalations go to, keyed by team id, e.g. `payments-oncall: { name: Payments on-call, channel: "#pay-oncall" }`. */
    teams: z.record(slugSchema, supportTeamSchema).default({}),
    /** Links into the support tools (log search, tracing, the customer record), in the order shown. */
    links: z.array(supportLinkSchema).default([]),
  })
  .strict();
export type SupportDesk = z.output<typeof supportDeskSchema>;
