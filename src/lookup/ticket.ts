/**
 * The support ticket summary of one lookup ("Copy for ticket" on the internal site), as plain
 * text and as Markdown: what was pasted (redacted), when the lookup ran (UTC), the surface, the
 * operation and the request id when the paste shows them, each error with its code, name, status
 * and page, what to ask the customer next, and whether to escalate and to whom. The paste is
 * redacted before anything reads it, and the finished summary is redacted again (a value the
 * engine read from the paste, such as a message's placeholder, may hold a secret too), so nothing
 * copied holds a secret the redaction knows. Pure: no DOM, no clock.
 */
import { redact, type Redaction } from './redact';
import type { Explanation, LookupAnswer } from './types';
import { endSentence } from '../shared/sentence';

/** The paste is quoted up to this many characters; the rest is cut, and the summary says so. */
export const TICKET_PASTE_LIMIT = 4000;

/**
 * What a ticket should hold when the catalog states no checklist of its own: general support
 * practice, asked only for what the paste lacks.
 */
const GENERAL_ASKS = {
  requestId: 'the request id of the failed call (a response header or the error body)',
  time: 'when the call was made, in UTC',
  endpoint: 'the method and URL that were called',
} as const;

export interface TicketOptions {
  /** The paste as typed; it is redacted here before anything else reads it. */
  query: string;
  answer: LookupAnswer;
  /** When the lookup ran, in ms since the epoch. */
  at: number;
  /** The absolute URL of a page from its site-relative route (`codes/core/1101/`). */
  pageUrl: (route: string) => string;
}

export interface Ticket {
  text: string;
  markdown: string;
  /** What was redacted from the paste and the values read from it. */
  redacted: Redaction['found'];
}

interface TicketError {
  code?: string;
  name?: string;
  title: string;
  status?: string;
  url: string;
  kind: Explanation['kind'];
}

interface TicketFacts {
  at: string;
  paste: string;
  cut: boolean;
  surface?: string;
  operation?: string;
  requestId?: string;
  status?: string;
  errors: TicketError[];
  /** The catalog's own questions for these errors. */
  ask: string[];
  /** The API's own checklist for a ticket, when it states one. */
  checklist: string[];
  /** General practice, for what the paste lacks (only when the API states no checklist). */
  lacking: string[];
  escalations: Array<{ code: string; to?: string; when: string }>;
}

/** `2026-12-01 03:40:12 UTC`. */
export function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function statusText(status: number | undefined, reason: string | undefined): string | undefined {
  if (status === undefined) return undefined;
  return reason ? `${status} ${reason}` : String(status);
}

/** The explanations a ticket lists: the answer's own, or each failed HAR entry's best one. */
function ticketExplanations(answer: LookupAnswer): Explanation[] {
  const own = answer.explanations.filter(
    (explanation) => explanation.kind !== 'status' || !answer.explanations.some((other) => other.kind === 'code'),
  );
  const fromEntries = (answer.entries ?? []).flatMap((entry) => entry.answer.explanations.slice(0, 1));
  const all = [...own.slice(0, 5), ...fromEntries.slice(0, 10)];
  const seen = new Set<string>();
  return all.filter((explanation) => {
    const key = `${explanation.kind} ${explanation.url} ${explanation.code ?? ''} ${explanation.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collect(options: TicketOptions, paste: string): TicketFacts {
  const { answer } = options;
  const operation =
    answer.request?.operation ??
    answer.entries?.find((entry) => entry.answer.request?.operation)?.answer.request?.operation;
  const explanations = ticketExplanations(answer);
  const surfaces = new Set(explanations.flatMap((explanation) => explanation.surfaces.map((surface) => surface.name)));
  const surface = operation?.surface.name ?? (surfaces.size === 1 ? [...surfaces][0] : undefined);
  const requestId =
    answer.http?.requestId ?? answer.entries?.find((entry) => entry.answer.http?.requestId)?.answer.http?.requestId;
  const errors = explanations.map((explanation) => ({
    ...(explanation.code ? { code: explanation.code } : {}),
    ...(explanation.name ? { name: explanation.name } : {}),
    title: explanation.title,
    ...(explanation.status !== undefined ? { status: statusText(explanation.status, explanation.statusReason) } : {}),
    url: explanation.undocumented ? '' : options.pageUrl(explanation.url),
    kind: explanation.kind,
  }));
  const ask = [...new Set(explanations.flatMap((explanation) => explanation.ask ?? []))];
  const checklist = answer.support?.checklist ?? [];
  const lacking: string[] = [];
  if (!checklist.length) {
    if (!requestId) lacking.push(GENERAL_ASKS.requestId);
    if (!answer.http?.date && !answer.entries?.some((entry) => entry.startedAt)) lacking.push(GENERAL_ASKS.time);
    if (!answer.request && !answer.entries?.length) lacking.push(GENERAL_ASKS.endpoint);
  }
  const escalations = explanations.flatMap((explanation) => {
    const escalate = explanation.support?.escalate;
    if (!escalate) return [];
    return [
      { code: explanation.code ?? explanation.title, ...(escalate.to ? { to: escalate.to } : {}), when: escalate.when },
    ];
  });
  return {
    at: utcTime(options.at),
    paste: paste.length > TICKET_PASTE_LIMIT ? paste.slice(0, TICKET_PASTE_LIMIT) : paste,
    cut: paste.length > TICKET_PASTE_LIMIT,
    ...(surface ? { surface } : {}),
    ...(operation
      ? {
          operation: `${operation.method} ${operation.path}${operation.summary ? ` — ${endSentence(operation.summary)}` : ''}`,
        }
      : {}),
    ...(requestId ? { requestId } : {}),
    ...(statusText(answer.http?.status, answer.http?.statusReason)
      ? { status: statusText(answer.http?.status, answer.http?.statusReason) }
      : {}),
    errors,
    ask,
    checklist,
    lacking,
    escalations,
  };
}

function errorLine(error: TicketError): string {
  const head = [error.code, error.name].filter(Boolean).join(' ');
  const parts = [head ? `${head}: ${error.title}` : error.title];
  if (error.status) parts.push(`HTTP ${error.status}`);
  parts.push(error.url || 'not in the catalog');
  return parts.join(' · ');
}

function escalationLine(escalation: TicketFacts['escalations'][number]): string {
  return `for ${escalation.code}${escalation.to ? `, to ${escalation.to}` : ''}. When: ${endSentence(escalation.when)}`;
}

/** The sections of a summary, each a heading and lines, shared by both formats. */
function sections(facts: TicketFacts): Array<{ heading: string; lines: string[] }> {
  const ask: string[] = [...facts.ask.map(endSentence)];
  if (facts.checklist.length)
    ask.push(...facts.checklist.map((item) => `The API asks every ticket to include: ${endSentence(item)}`));
  else if (facts.lacking.length)
    ask.push(`As general practice, ask for what the paste lacks: ${endSentence(facts.lacking.join('; '))}`);
  if (!ask.length) ask.push('Nothing: the paste holds what a ticket needs.');
  const escalate = facts.escalations.length
    ? facts.escalations.map((escalation) => `Yes, ${escalationLine(escalation)}`)
    : ['No: the catalog states no escalation for these errors.'];
  return [
    {
      heading: 'Errors',
      lines: facts.errors.length ? facts.errors.map(errorLine) : ['Nothing in the catalog matched.'],
    },
    { heading: 'Ask the customer next', lines: ask },
    { heading: 'Escalate', lines: escalate },
  ];
}

function headerLines(facts: TicketFacts): Array<[string, string]> {
  const lines: Array<[string, string]> = [['Looked up', facts.at]];
  if (facts.surface) lines.push(['Surface', facts.surface]);
  if (facts.operation) lines.push(['Operation', facts.operation]);
  if (facts.requestId) lines.push(['Request id', facts.requestId]);
  if (facts.status) lines.push(['Response status', facts.status]);
  return lines;
}

function plainText(facts: TicketFacts): string {
  const out = ['Error lookup for a support ticket', ''];
  for (const [name, value] of headerLines(facts)) out.push(`${name}: ${value}`);
  for (const section of sections(facts)) {
    out.push('', `${section.heading}:`);
    for (const line of section.lines) out.push(`- ${line}`);
  }
  out.push('', `Pasted (secrets redacted${facts.cut ? `; the first ${TICKET_PASTE_LIMIT} characters` : ''}):`);
  out.push(...facts.paste.split(/\r?\n/).map((line) => `    ${line}`));
  return `${out.join('\n')}\n`;
}

/** Markdown text: characters that would start markup are escaped. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&').replace(/^(\s*)([-=])/gm, '$1\\$2');
}

/** Inline code that survives any backticks inside. */
function mdCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function markdown(facts: TicketFacts): string {
  const out = ['### Error lookup for a support ticket', ''];
  for (const [name, value] of headerLines(facts))
    out.push(`- **${name}:** ${name === 'Request id' ? mdCode(value) : md(value)}`);
  for (const section of sections(facts)) {
    out.push('', `**${section.heading}**`, '');
    if (section.heading === 'Errors' && facts.errors.length)
      for (const error of facts.errors) {
        const head = [error.code, error.name]
          .filter(Boolean)
          .map((part) => mdCode(part!))
          .join(' ');
        const title = error.url
          ? `[${md(error.title)}](<${error.url.replace(/[<>\s]/g, encodeURIComponent)}>)`
          : md(error.title);
        out.push(
          `- ${head ? `${head} ` : ''}${title}${error.status ? ` · HTTP ${md(error.status)}` : ''}${error.url ? '' : ' · not in the catalog'}`,
        );
      }
    else for (const line of section.lines) out.push(`- ${md(line)}`);
  }
  const longest = Math.max(2, ...[...facts.paste.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  out.push(
    '',
    `**Pasted** (secrets redacted${facts.cut ? `; the first ${TICKET_PASTE_LIMIT} characters` : ''}):`,
    '',
    fence,
    facts.paste,
    fence,
  );
  return `${out.join('\n')}\n`;
}

function merge(into: Redaction['found'], more: Redaction['found']) {
  for (const entry of more) {
    const existing = into.find((one) => one.kind === entry.kind);
    if (existing) existing.count += entry.count;
    else into.push({ ...entry });
  }
}

/** The ticket summary of one lookup, redacted. */
export function ticketSummary(options: TicketOptions): Ticket {
  const pasted = redact(options.query.trim());
  const facts = collect(options, pasted.text);
  const text = redact(plainText(facts));
  const marked = redact(markdown(facts));
  const redacted: Redaction['found'] = [];
  merge(redacted, pasted.found);
  merge(redacted, text.found);
  return { text: text.text, markdown: marked.text, redacted };
}
