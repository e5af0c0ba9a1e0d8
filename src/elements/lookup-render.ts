/**
 * Renders a lookup answer as DOM nodes. Everything that came from the input or the catalog is
 * set with textContent (never innerHTML), and every link goes through href() so it respects the
 * site's base path.
 */
import { href } from '../view/href';
import { routes } from '../view/routes';
import type {
  Explanation,
  HarEntryAnswer,
  HttpFacts,
  LookupAnswer,
  OperationFacts,
  RequestFacts,
} from '../lookup/types';
import { statusClassOf } from '../shared/status-class';
import { endSentence, joinSentences } from '../shared/sentence';
import { copyElement } from './copy-element';
import { renderReply, renderSupportActions } from './lookup-actions';

type Child = Node | string | null | undefined | false;

/** `el('p', { class: 'x' }, 'text', child)`: text children become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

const KIND_LABELS: Record<Explanation['kind'], string> = {
  code: 'Code',
  status: 'HTTP status',
  message: 'Message',
  range: 'Undocumented code',
};

function link(url: string, content: Child): HTMLAnchorElement {
  return el('a', { href: href(url) }, content);
}

function fact(list: HTMLDListElement, term: string, ...value: Child[]) {
  list.append(el('dt', {}, term), el('dd', {}, ...value));
}

/** `10:00:30` in the reader's own time zone, with the date when it is not today. */
function localTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString() : date.toLocaleString();
}

function renderHttp(facts: HttpFacts, summarised: boolean): HTMLElement {
  const section = el('section', { class: 'lookup-http', 'aria-label': 'What the response says' });
  const list = el('dl', { class: 'facts' });
  if (facts.status !== undefined && !summarised)
    fact(
      list,
      'Status',
      el(
        'a',
        { href: href(routes.status(facts.status)) },
        `${facts.status}${facts.statusReason ? ` ${facts.statusReason}` : ''}`,
      ),
    );
  if (facts.requestId && !summarised)
    fact(
      list,
      'Request id',
      el('code', {}, facts.requestId),
      ' ',
      copyElement(facts.requestId, 'the request id'),
      ' — quote it when you contact support.',
    );
  if (facts.instance) fact(list, 'Instance', el('code', {}, facts.instance), ' — the occurrence the problem is about.');
  if (facts.retryAfterSeconds !== undefined && facts.retryAt) {
    fact(
      list,
      'Retry',
      `after ${facts.retryAfterSeconds} s, at ${localTime(facts.retryAt)} your time (${facts.retryAt.slice(11, 19)} UTC).`,
    );
  }
  if (list.childElementCount) section.append(list);
  if (facts.headerNotes.length) {
    const notes = el('ul', { class: 'lookup-headers' });
    for (const note of facts.headerNotes) {
      notes.append(el('li', {}, el('code', {}, `${note.header}: ${note.value}`), ' — ', note.explanation));
    }
    section.append(el('h3', {}, 'Headers'), notes);
  }
  return section;
}

function operationLine(operation: OperationFacts): HTMLElement {
  const line = el('span', {});
  line.append(
    el(
      'a',
      { href: href(operation.url) },
      el('span', { class: 'method' }, `${operation.method} `),
      el('code', {}, operation.path),
    ),
  );
  if (operation.summary) line.append(` — ${operation.summary}`);
  line.append(el('span', { class: 'muted' }, ` (${operation.surface.name})`));
  if (operation.deprecated)
    line.append(
      ' ',
      el('span', { class: 'badge badge--deprecated' }, `Deprecated since ${operation.deprecated.since}`),
    );
  return line;
}

/** The request side: what was pasted, the operation it matched, its parameters and idempotency. */
function renderRequest(request: RequestFacts): HTMLElement {
  const section = el('section', { class: 'lookup-http lookup-request', 'aria-label': 'What the request was' });
  const list = el('dl', { class: 'facts' });
  const sent = [request.method, request.target].filter(Boolean).join(' ');
  if (sent) fact(list, 'Request', el('code', {}, sent), el('span', { class: 'muted' }, ` — read as ${request.source}`));
  const operation = request.operation;
  if (operation) {
    fact(list, 'Operation', operationLine(operation));
    const params = Object.entries(operation.params);
    if (params.length) {
      const values = el('ul', { class: 'plain-list' });
      for (const [name, value] of params)
        values.append(el('li', {}, el('code', {}, name), ' = ', el('code', {}, value)));
      fact(list, 'Path parameters', values);
    }
    fact(
      list,
      'Idempotency',
      operation.idempotencyInherited
        ? `The API does not say; as general HTTP practice, ${operation.idempotency}.`
        : `${operation.idempotency.charAt(0).toUpperCase()}${operation.idempotency.slice(1)}.`,
      operation.idempotencyNote ? ` ${operation.idempotencyNote}` : '',
      request.keySent === true ? ' This request carried its idempotency key.' : '',
      request.keySent === false ? ' This request carried no idempotency key.' : '',
    );
  }
  if (request.alternatives?.length) {
    const others = el('ul', { class: 'plain-list' });
    for (const alternative of request.alternatives) others.append(el('li', {}, operationLine(alternative)));
    fact(list, 'Also matches', others);
  }
  if (request.transportError)
    fact(
      list,
      'No response',
      `The client got no answer: ${request.transportError}. The request may or may not have reached the API; `,
      operation && /not idempotent|without one/.test(operation.idempotency)
        ? 'this operation is not safe to repeat blindly, so check whether it took effect before sending it again.'
        : 'check the network, then retry as its method allows.',
    );
  section.append(el('h3', {}, 'The request'), list);
  return section;
}

function renderDisagreements(items: readonly string[]): HTMLElement {
  return el(
    'div',
    {
      class: 'callout callout--warn lookup-disagreements',
      role: 'note',
      'aria-label': 'Where the paste and the catalog disagree',
    },
    el('p', {}, el('strong', {}, 'Where the paste and the catalog disagree')),
    el('ul', {}, ...items.map((item) => el('li', {}, item))),
  );
}

/** One failed entry of a HAR file: its request, status and top explanations. */
function renderHarEntry(entry: HarEntryAnswer): HTMLElement {
  const status = `${entry.status}${entry.statusReason ? ` ${entry.statusReason}` : ''}`;
  const url = entry.url.length > 140 ? `${entry.url.slice(0, 140)}…` : entry.url;
  // A region of its own, named by its request, so each failure can be found and skipped to.
  const article = el('section', { class: 'lookup-har-entry', 'aria-label': `Failed request: ${entry.method} ${url}` });
  article.append(
    el(
      'h3',
      {},
      el('span', { class: `badge badge--${statusClassOf(entry.status)}` }, entry.status ? status : 'No response'),
      ' ',
      el('code', {}, `${entry.method} ${url}`),
    ),
  );
  if (entry.answer.request?.operation)
    article.append(el('p', { class: 'lookup-meta' }, 'Operation: ', operationLine(entry.answer.request.operation)));
  if (entry.answer.disagreements?.length) article.append(renderDisagreements(entry.answer.disagreements));
  const [first, ...rest] = entry.answer.explanations;
  if (first) article.append(renderExplanation(first, false));
  if (rest.length) {
    const more = el('ol', { class: 'lookup-results' });
    for (const explanation of rest.slice(0, 2)) more.append(el('li', {}, renderExplanation(explanation, true)));
    article.append(more);
  }
  if (!first && entry.answer.request?.transportError)
    article.append(el('p', {}, `No response: ${entry.answer.request.transportError}.`));
  return article;
}

/** A code without a title or a name is titled by itself: it is said once ("NOT_FOUND", not "NOT_FOUND NOT_FOUND"). */
const titledByItself = (explanation: Explanation) =>
  explanation.code !== undefined && explanation.title === explanation.code;

/** Where each card of an answer can be linked to from its summary. */
const cardId = (index: number) => `lookup-card-${index + 1}`;

/**
 * What support should ask the customer, and (on the internal site, whose index alone carries it)
 * when and to whom to escalate, as the catalog says.
 */
function renderSupport(ask: readonly string[], escalate?: { to?: string; when: string }): HTMLElement {
  const note = el('div', { class: 'lookup-support', role: 'note', 'aria-label': 'For support' });
  if (ask.length)
    note.append(
      el('p', { class: 'lookup-support__label' }, 'Ask the customer for'),
      el('ul', {}, ...ask.map((item) => el('li', {}, item))),
    );
  if (escalate)
    note.append(
      el(
        'p',
        { class: 'lookup-support__escalate' },
        el('strong', {}, escalate.to ? `Escalate to ${escalate.to}: ` : 'Escalate: '),
        endSentence(escalate.when),
      ),
    );
  return note;
}

/**
 * One explanation as an article; `compact` keeps the title, status and what to do. What support
 * needs comes right after the heading; what every card of the same space would repeat (the
 * message template, code space, range, surfaces) is folded away. `support` (the internal site's
 * full lookup) adds the customer-safe reply, ready to copy.
 */
export function renderExplanation(
  explanation: Explanation,
  compact: boolean,
  id?: string,
  support = false,
): HTMLElement {
  const article = el('article', { class: `lookup-result lookup-result--${explanation.kind}`, ...(id ? { id } : {}) });
  const heading = el('h3', {});
  heading.append(
    el('span', { class: 'badge' }, explanation.undocumented ? 'Not in the catalog' : KIND_LABELS[explanation.kind]),
    ' ',
  );
  const titled = !titledByItself(explanation);
  if (explanation.code && titled) heading.append(el('code', {}, explanation.code), ' ');
  const title = titled ? explanation.title : el('code', {}, explanation.title);
  heading.append(explanation.undocumented ? el('span', {}, title) : link(explanation.url, title));
  article.append(heading);

  const meta = el('p', { class: 'lookup-meta' });
  if (explanation.name) meta.append(el('code', {}, explanation.name), ' ');
  if (explanation.status !== undefined)
    meta.append(
      el(
        'span',
        { class: `badge badge--${explanation.errorsWithSuccess ? 'errors' : statusClassOf(explanation.status)}` },
        `HTTP ${explanation.status}${explanation.statusReason ? ` ${explanation.statusReason}` : ''}${explanation.errorsWithSuccess ? ' with errors' : ''}`,
      ),
      ' ',
    );
  if (explanation.statusContext?.layer) meta.append(`${capitalize(explanation.statusContext.layer)} error. `);
  if (explanation.deprecated)
    meta.append(
      el('span', { class: 'badge badge--deprecated' }, `Deprecated since ${explanation.deprecated.since}`),
      ' ',
    );
  meta.append(el('span', { class: 'muted' }, endSentence(`Matched by ${explanation.matchedBy}`)));
  article.append(meta);
  const escalate = explanation.support?.escalate;
  if (!compact && (explanation.ask?.length || escalate)) article.append(renderSupport(explanation.ask ?? [], escalate));

  const list = el('dl', { class: 'facts' });
  if (explanation.responsePaths?.length)
    fact(list, explanation.responsePaths.length === 1 ? 'At' : 'At each of', explanation.responsePaths.join('; '));
  if (explanation.statusNotDocumented) fact(list, 'Status', explanation.statusNotDocumented);
  if (!compact && explanation.statusContext?.when) fact(list, 'When', explanation.statusContext.when);
  if (!compact && explanation.otherStatuses?.length)
    fact(
      list,
      'Also documented with',
      explanation.otherStatuses
        .map(
          (other) => `${other.status}${other.layer ? ` (${other.layer})` : ''}${other.when ? `: ${other.when}` : ''}`,
        )
        .join('; '),
    );
  // An error the catalog does not document has no template to fold away: its message, as pasted, is the news.
  const messageUpFront = Boolean(
    explanation.undocumented && explanation.message && explanation.message !== explanation.title,
  );
  if (messageUpFront) fact(list, 'Message', el('code', {}, explanation.message!));
  if (!compact) fact(list, 'Meaning', explanation.meaning);
  if (explanation.resolution) fact(list, 'What to do', explanation.resolution);
  if (explanation.retry) fact(list, 'Retry', explanation.retry);
  if (explanation.replacedBy) fact(list, 'Replaced by', link(explanation.replacedBy.url, explanation.replacedBy.code));
  if (explanation.fieldErrors?.length) {
    const fields = el('ul', { class: 'plain-list' });
    for (const entry of explanation.fieldErrors)
      fields.append(el('li', {}, el('code', {}, entry.field), ': ', entry.messages.join(' · ')));
    fact(list, 'Field errors', fields);
  }
  if (explanation.values) {
    const values = el('ul', { class: 'plain-list' });
    for (const [name, value] of Object.entries(explanation.values))
      values.append(el('li', {}, el('code', {}, name), ' = ', el('code', {}, value)));
    fact(list, 'Values read', values);
  }
  if (explanation.nearby?.length) {
    const nearby = el('ul', { class: 'plain-list' });
    for (const entry of explanation.nearby) nearby.append(el('li', {}, link(entry.url, entry.code), ` ${entry.title}`));
    fact(list, 'Nearest documented', nearby);
  }
  article.append(list);

  if (!compact) {
    // Folded away only for a documented code, whose page has them; for an error the catalog does
    // not document, where it comes from (surfaces, space, range) is the answer itself.
    const more = explanation.undocumented || explanation.kind === 'range' ? list : el('dl', { class: 'facts' });
    if (explanation.message && explanation.message !== explanation.title && !messageUpFront)
      fact(more, 'Message', el('code', {}, explanation.message));
    if (explanation.deprecated?.note) fact(more, 'Deprecation', explanation.deprecated.note);
    if (explanation.surfaces.length)
      fact(
        more,
        explanation.surfaces.length === 1 ? 'Surface' : 'Surfaces',
        explanation.surfaces.map((surface) => surface.name).join(', '),
      );
    if (explanation.space) fact(more, 'Code space', explanation.space.name);
    if (explanation.range)
      fact(
        more,
        'Range',
        link(explanation.range.url, `${explanation.range.name} (${explanation.range.from}–${explanation.range.to})`),
      );
    if (more !== list && more.childElementCount)
      article.append(
        el('details', { class: 'lookup-more' }, el('summary', {}, 'Message template, surfaces and range'), more),
      );
  }
  const reply = support ? renderReply(explanation) : undefined;
  if (reply) article.append(reply);
  return article;
}

/** One line per error of the response: a code with several fields gives a line for each field. */
interface SummaryLine {
  explanation: Explanation;
  card: number;
  field?: string;
}

function summaryLines(explanations: readonly Explanation[]): SummaryLine[] {
  const lines: SummaryLine[] = [];
  explanations.forEach((explanation, card) => {
    if (!explanation.inResponse || explanation.kind === 'status') return;
    const fields = explanation.fieldErrors ?? [];
    if (fields.length) for (const entry of fields) lines.push({ explanation, card, field: entry.field });
    else lines.push({ explanation, card });
  });
  return lines;
}

/** The response's status: its status line, else the status its body repeats. */
function responseStatus(answer: LookupAnswer): { status: number; reason?: string } | undefined {
  if (answer.http?.status !== undefined)
    return { status: answer.http.status, ...(answer.http.statusReason ? { reason: answer.http.statusReason } : {}) };
  const body = answer.explanations.find(
    (explanation) => explanation.kind === 'status' && explanation.inResponse && explanation.status !== undefined,
  );
  return body?.status !== undefined
    ? { status: body.status, ...(body.statusReason ? { reason: body.statusReason } : {}) }
    : undefined;
}

/**
 * The summary that opens the answer to a pasted response: its status and request id, then one
 * line per error it holds (code, name, field, whether to retry, links to its card and its page).
 */
function renderSummary(answer: LookupAnswer, lines: readonly SummaryLine[]): HTMLElement {
  const section = el('section', { class: 'lookup-summary', 'aria-labelledby': 'lookup-summary-heading' });
  section.append(el('h2', { id: 'lookup-summary-heading', class: 'lookup-summary__heading' }, 'Summary'));
  const http = answer.http;
  const status = responseStatus(answer);
  const head = el('p', { class: 'lookup-summary__status' });
  if (status)
    head.append(
      el(
        'a',
        { href: href(routes.status(status.status)), class: `badge badge--${statusClassOf(status.status)}` },
        `HTTP ${status.status}${status.reason ? ` ${status.reason}` : ''}`,
      ),
      ' ',
    );
  const count = lines.length;
  if (count) head.append(`${count} ${count === 1 ? 'error' : 'errors'} in this response.`);
  section.append(head);
  if (http?.requestId)
    section.append(
      el(
        'p',
        { class: 'lookup-summary__request' },
        'Request id ',
        el('code', {}, http.requestId),
        ' ',
        copyElement(http.requestId, 'the request id'),
        el('span', { class: 'muted' }, ' — quote it when you contact support.'),
      ),
    );
  if (count) {
    const list = el('ol', { class: 'lookup-summary__errors' });
    for (const line of lines) {
      const { explanation } = line;
      const item = el('li', {});
      const label = el('a', { href: `#${cardId(line.card)}` });
      if (titledByItself(explanation)) label.append(el('code', {}, explanation.title));
      else label.append(...(explanation.code ? [el('code', {}, explanation.code), ' '] : []), explanation.title);
      item.append(label);
      const details: HTMLElement[] = [];
      if (explanation.name) details.push(el('code', { class: 'lookup-summary__name' }, explanation.name));
      if (line.field) details.push(el('span', {}, 'field ', el('code', {}, line.field)));
      if (explanation.retryable !== undefined)
        details.push(el('span', {}, `retry: ${explanation.retryable ? 'yes' : 'no'}`));
      if (!explanation.undocumented) details.push(link(explanation.url, 'code page'));
      for (const detail of details)
        item.append(el('span', { class: 'lookup-summary__sep', 'aria-hidden': 'true' }, ' · '), detail);
      list.append(item);
    }
    section.append(list);
  }
  return section;
}

/**
 * The whole answer. `fullUrl` (compact only) links to the lookup page with the same query.
 * `support` (the internal site's full lookup): the paste and the time of the lookup, for the
 * support actions (src/elements/lookup-actions.ts).
 */
export function renderAnswer(
  answer: LookupAnswer,
  options: { compact: boolean; fullUrl?: string; support?: { query: string; at: number } },
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (answer.notices.length) {
    fragment.append(
      el('div', { class: 'callout callout--warn' }, ...answer.notices.map((notice) => el('p', {}, notice))),
    );
  }
  const shown = options.compact ? answer.explanations.slice(0, 3) : answer.explanations;
  const lines = options.compact || answer.har ? [] : summaryLines(shown);
  const summarised = lines.length > 0 || (!options.compact && !answer.har && answer.http?.status !== undefined);
  if (summarised) fragment.append(renderSummary(answer, lines));
  if (
    answer.http &&
    !options.compact &&
    (answer.http.headerNotes.length ||
      (!summarised && (answer.http.status !== undefined || answer.http.requestId)) ||
      answer.http.retryAfterSeconds !== undefined ||
      answer.http.instance)
  ) {
    fragment.append(renderHttp(answer.http, summarised));
  }
  if (answer.har) {
    const { entries, failed, explained, noResponse } = answer.har;
    const summary = `${entries} ${entries === 1 ? 'request' : 'requests'} in the file: ${failed} failed${
      failed ? (explained < failed ? `, the first ${explained} explained below` : ', each explained below') : ''
    }, ${entries - failed - noResponse} succeeded${noResponse ? `, ${noResponse} got no response` : ''}.`;
    fragment.append(el('p', { class: 'lookup-har-summary' }, summary));
    if (!options.compact) for (const entry of answer.entries ?? []) fragment.append(renderHarEntry(entry));
  }
  if (answer.request && !options.compact) fragment.append(renderRequest(answer.request));
  if (answer.request?.operation && options.compact)
    fragment.append(el('p', { class: 'lookup-meta' }, 'Operation: ', operationLine(answer.request.operation)));
  if (answer.disagreements?.length) fragment.append(renderDisagreements(answer.disagreements));
  if (answer.readAs && !options.compact) {
    fragment.append(
      el(
        'p',
        { class: 'muted' },
        'Read as ',
        answer.readAs.url ? link(answer.readAs.url, answer.readAs.name) : answer.readAs.name,
        answer.readAs.declared ? ', an envelope of this API.' : ', a common public error format.',
        answer.embedded ? ' It was found inside the pasted text; the words around it were left out.' : '',
      ),
    );
  }
  const support = options.support && !options.compact ? options.support : undefined;
  if (support && answer.kind !== 'empty' && answer.kind !== 'too-large')
    fragment.append(renderSupportActions(answer, support.query, support.at));
  if (shown.length) {
    const list = el('ol', { class: 'lookup-results' });
    shown.forEach((explanation, index) =>
      list.append(
        el(
          'li',
          {},
          renderExplanation(
            explanation,
            options.compact,
            options.compact ? undefined : cardId(index),
            Boolean(support),
          ),
        ),
      ),
    );
    fragment.append(list);
  }
  if (answer.suggestions.length) {
    fragment.append(
      el('h3', {}, 'Nothing matched. Try:'),
      el('ul', {}, ...answer.suggestions.map((suggestion) => el('li', {}, suggestion))),
    );
    fragment.append(
      el(
        'p',
        {},
        'Or browse ',
        link(routes.codes(), 'all codes'),
        ', ',
        link(routes.statuses(), 'status codes'),
        ' and ',
        link(routes.messages(), 'common messages'),
        '.',
      ),
    );
  }
  if (
    options.compact &&
    options.fullUrl &&
    (answer.explanations.length || answer.http || answer.request || answer.har)
  ) {
    const more =
      answer.explanations.length > shown.length
        ? `See all ${answer.explanations.length} explanations`
        : 'Open the full answer';
    fragment.append(el('p', {}, el('a', { href: options.fullUrl }, more)));
  }
  return fragment;
}

/** One sentence for screen readers about the new answer. */
export function announce(answer: LookupAnswer): string {
  if (answer.kind === 'empty') return '';
  if (answer.kind === 'too-large') return answer.notices[0] ?? 'The input is too large.';
  if (answer.har)
    return `${answer.har.failed} of ${answer.har.entries} requests failed${answer.har.failed ? '; each is explained below' : ''}.`;
  const count = answer.explanations.length;
  const best = answer.explanations[0];
  const wait =
    answer.http?.retryAfterSeconds !== undefined ? `Retry after ${answer.http.retryAfterSeconds} seconds` : undefined;
  const operation = answer.request?.operation;
  const disagree = answer.disagreements?.length
    ? `${answer.disagreements.length} ${answer.disagreements.length === 1 ? 'disagreement' : 'disagreements'} with the catalog`
    : undefined;
  if (!count && operation)
    return joinSentences([
      `The request is ${operation.method} ${operation.path}${operation.summary ? `: ${operation.summary}` : ''}`,
      disagree,
    ]);
  if (!count && answer.disagreements?.length) return endSentence(answer.disagreements[0]!);
  if (!count)
    return answer.http?.headerNotes.length
      ? joinSentences([`${answer.http.headerNotes.length} headers explained`, wait])
      : 'Nothing matched. Suggestions are listed below.';
  const errors = summaryLines(answer.explanations);
  if (errors.length) {
    const known = responseStatus(answer);
    const status = known ? `HTTP ${known.status}` : 'The response';
    const each = errors.map(
      ({ explanation, field }) =>
        `${explanation.code && !titledByItself(explanation) ? `${explanation.code} ` : ''}${explanation.title.replace(/[.!?]$/, '')}${field ? ` (${field})` : ''}`,
    );
    return joinSentences([
      `${status}, ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: ${each.join('; ')}`,
      wait,
    ]);
  }
  const title = best ? `${best.code ? `${best.code}: ` : ''}${best.title}` : '';
  // The title is catalog text (a message such as "Order not found.") and may end its own sentence.
  return joinSentences([`${count} ${count === 1 ? 'explanation' : 'explanations'}`, `Best match: ${title}`, wait]);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
