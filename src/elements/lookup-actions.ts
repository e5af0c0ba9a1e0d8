/**
 * The support actions of a lookup answer, on the internal support site only: "Copy for ticket"
 * (plain text or Markdown, src/lookup/ticket.ts), the support links of api.yaml filled from the
 * paste ("Open in logs"…), and, on each answer card, the customer-safe reply with its values filled
 * in, ready to copy. A small component of its own, which the answer's cards include: buttons are
 * real buttons (keyboard-operable), every result is announced in a polite live region, and
 * nothing runs inline (the site's CSP allows no inline script). The paste is redacted before
 * anything is copied or put into a link.
 */
import { describeRedaction, redact } from '../lookup/redact';
import { ticketSummary } from '../lookup/ticket';
import type { Explanation, LookupAnswer } from '../lookup/types';
import { fillReply } from '../shared/support-links';
import { href } from '../view/href';
import { el } from './lookup-render';

/** Copies `text`, or, when the browser refuses, shows it selected in `fallback` for the agent to copy. */
async function copy(text: string, fallback: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    fallback.hidden = true;
    return true;
  } catch {
    fallback.value = text;
    fallback.hidden = false;
    fallback.focus();
    fallback.select();
    return false;
  }
}

function fallbackBox(label: string): HTMLTextAreaElement {
  const box = el('textarea', { class: 'lookup-actions__fallback', readonly: '', rows: '8', 'aria-label': label });
  box.hidden = true;
  return box;
}

/** Values read from the paste, each redacted before it fills a reply. */
function redactedValues(values: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, redact(value).text]));
}

/**
 * The reply of one explanation, with the values read from the paste filled in, and a button that
 * copies it; undefined when the catalog gives the entry no reply.
 */
export function renderReply(explanation: Explanation): HTMLElement | undefined {
  const template = explanation.support?.reply;
  if (!template) return undefined;
  const { text, missing } = fillReply(template, redactedValues(explanation.values));
  const label = `Reply to the customer${explanation.code ? ` (${explanation.code})` : ''}`;
  const section = el('section', { class: 'lookup-reply', 'aria-label': label });
  const note = el('p', { class: 'lookup-actions__note', role: 'status' });
  const fallback = fallbackBox(`${label}, to copy`);
  const button = el('button', { type: 'button' }, 'Copy reply');
  section.append(
    el('h4', {}, 'Reply to the customer'),
    el('blockquote', { class: 'lookup-reply__text' }, el('p', {}, text)),
  );
  if (missing.length)
    section.append(
      el(
        'p',
        { class: 'muted' },
        `Fill in ${missing.map((name) => `{${name}}`).join(', ')} before sending: the paste does not show ${missing.length === 1 ? 'it' : 'them'}.`,
      ),
    );
  section.append(el('div', { class: 'lookup-actions__buttons' }, button), note, fallback);
  button.addEventListener('click', () => {
    void copy(text, fallback).then((copied) => {
      note.textContent = copied
        ? 'Reply copied.'
        : 'The browser did not allow copying: the reply is selected in the box below.';
    });
  });
  return section;
}

/** Why a support link is not offered: the values its template needs that the paste does not show. */
function missingWords(names: string[]): string {
  const words: Record<string, string> = {
    requestId: 'the request id',
    code: 'an error code',
    status: 'the HTTP status',
    timeUtc: 'the time',
    surface: 'the surface',
    operation: 'the operation',
  };
  return names.map((name) => words[name] ?? name).join(', ');
}

/** The ticket and support-link actions of a whole answer. `query` is the paste as typed. */
export function renderSupportActions(answer: LookupAnswer, query: string, at: number): HTMLElement {
  const section = el('section', { class: 'lookup-actions', 'aria-label': 'Support actions' });
  section.append(el('h3', {}, 'Support actions'));
  const note = el('p', { class: 'lookup-actions__note', role: 'status' });
  const fallback = fallbackBox('Ticket summary, to copy');
  const plain = el('button', { type: 'button' }, 'Copy for ticket');
  const markdown = el('button', { type: 'button' }, 'Copy for ticket as Markdown');
  section.append(el('div', { class: 'lookup-actions__buttons' }, plain, markdown));
  const pageUrl = (route: string) => new URL(href(route), location.origin).href;
  const run = (format: 'text' | 'markdown') => {
    // Made at the click, from the paste redacted first: nothing unredacted reaches the clipboard.
    const ticket = ticketSummary({ query, answer, at, pageUrl });
    const redacted = ticket.redacted.length
      ? ` Redacted first: ${describeRedaction(ticket.redacted)}.`
      : ' Nothing in it looked like a secret.';
    void copy(format === 'text' ? ticket.text : ticket.markdown, fallback).then((copied) => {
      note.textContent = copied
        ? `Ticket summary copied${format === 'markdown' ? ' as Markdown' : ''}.${redacted}`
        : `The browser did not allow copying: the summary is selected in the box below.${redacted}`;
    });
  };
  plain.addEventListener('click', () => run('text'));
  markdown.addEventListener('click', () => run('markdown'));

  const links = answer.support?.links ?? [];
  if (links.length) {
    const list = el('ul', { class: 'lookup-actions__links' });
    for (const link of links) {
      if (link.url)
        list.append(
          el('li', {}, el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer' }, link.label)),
        );
      else
        list.append(
          el(
            'li',
            { class: 'muted' },
            `${link.label}: not offered, the paste does not show ${missingWords(link.missing)}.`,
          ),
        );
    }
    section.append(el('h4', {}, 'Support tools'), list);
  }
  section.append(note, fallback);
  return section;
}
