/**
 * <error-catalog-lookup>: the error lookup widget. Enhances the server-rendered form of LookupForm.astro:
 * answers as you type or paste (debounced), loads the index only on focus or when the browser is
 * idle, drops answers to queries that were overtaken, announces each answer in a live region, and
 * (full variant) keeps the query in the URL fragment with history entries, reads `?q=` and makes a
 * share link with secrets redacted first.
 */
import { describeRedaction, redact } from '../lookup/redact';
import { CatalogElement, define } from './catalog-element';
import type { LookupAnswer } from '../lookup/types';
import { getLookupClient } from './lookup-client';
import { announce, renderAnswer } from './lookup-render';
import './copy-text';
import { joinSentences } from '../shared/sentence';

/** Wait this long after the last keystroke before answering. */
const DEBOUNCE_MS = 200;
/** Queries changed within this time of the last history entry replace it instead of adding one. */
const HISTORY_BURST_MS = 1500;
/** Longest fragment kept in the address bar (and in share links). */
const MAX_FRAGMENT = 64 * 1024;
/** An answer still waiting for the index after this long says that it is loading. */
const LOADING_NOTICE_MS = 1000;
/** Below this width the results of a paste are scrolled into view (the form fills the first screen). */
const SMALL_SCREEN = '(max-width: 40rem)';

/** Why the lookup could not answer, in plain words: never the parser's or the network's own message. */
function failureWords(error: unknown): string {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (offline) return 'The lookup could not load its index: this browser is offline.';
  if (error instanceof SyntaxError)
    return 'The lookup index arrived damaged (it is not complete), so nothing could be looked up.';
  return 'The lookup could not load its index: the connection failed or the server did not answer.';
}

/** Reads `q` from `#q=…` (or from `?q=…` when there is no fragment). */
function queryFromLocation(): string | undefined {
  const hash = location.hash.startsWith('#') ? location.hash.slice(1) : '';
  const fromHash = new URLSearchParams(hash).get('q');
  if (fromHash !== null) return fromHash;
  return new URLSearchParams(location.search).get('q') ?? undefined;
}

/** `#q=…` for a query, with the same encoding URLSearchParams reads back. */
function fragmentFor(query: string): string {
  return query ? `#${new URLSearchParams({ q: query }).toString()}` : '';
}

class ErrorLookup extends CatalogElement {
  private input!: HTMLInputElement | HTMLTextAreaElement;
  private results!: HTMLElement;
  private status!: HTMLElement;
  private compact = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Number of the newest query; answers to older ones are dropped. */
  private latest = 0;
  /** The next answer came from a paste: on a small screen, bring it into view. */
  private pasted = false;
  private lastHistoryAt = 0;
  /** True while typing keeps replacing the entry it started; a submit, a blur or back/forward closes it. */
  private burstOpen = false;
  /** Whether an answer is shown (see {@link foldAbout}). */
  private answered = false;

  protected connected(): void {
    const input = this.querySelector<HTMLInputElement | HTMLTextAreaElement>('[data-lookup-input]');
    const results = this.querySelector<HTMLElement>('[data-lookup-results]');
    const status = this.querySelector<HTMLElement>('[data-lookup-status]');
    if (!input || !results || !status) return;
    this.input = input;
    this.results = results;
    this.status = status;
    this.compact = this.dataset.variant === 'compact';
    const client = getLookupClient();
    const warm = () => void client.warm().catch(() => undefined);

    for (const control of this.querySelectorAll<HTMLButtonElement>('[data-needs-js]')) control.disabled = false;
    this.listen(input, 'focus', warm, { once: true });
    this.listen(this, 'pointerenter', warm, { once: true });
    this.listen(input, 'input', (event) => {
      if ((event as InputEvent).inputType === 'insertFromPaste') this.pasted = true;
      this.schedule();
    });
    this.listen(input, 'paste', () => (this.pasted = true));
    this.listen(input, 'blur', () => (this.burstOpen = false));
    const form = this.querySelector('form');
    if (form)
      this.listen(form, 'submit', (event) => {
        // The compact form navigates to the lookup page (that is its job); the full one answers in place.
        if (this.compact) return;
        event.preventDefault();
        void this.run({ typing: false, history: 'push' });
      });
    const clear = this.querySelector('[data-lookup-clear]');
    if (clear)
      this.listen(clear, 'click', () => {
        this.input.value = '';
        void this.run({ typing: false, history: 'push' });
        this.input.focus();
      });
    const share = this.querySelector('[data-lookup-share]');
    if (share) this.listen(share, 'click', () => void this.share());

    if (this.compact) return;
    this.listen(window, 'popstate', () => this.fromLocation());
    this.listen(window, 'hashchange', () => this.fromLocation());
    const initial = queryFromLocation();
    if (initial) {
      this.input.value = initial;
      // `?q=` came from a server request (the header form); keep the query in the fragment from now on.
      history.replaceState(null, '', `${location.pathname}${fragmentFor(this.redactForAddress(initial))}`);
      void this.run({ typing: false, history: 'none' });
    } else if ('requestIdleCallback' in window) {
      requestIdleCallback(warm, { timeout: 4000 });
    }
  }

  /** The query in the address bar after a back/forward or a hand-edited fragment. */
  private fromLocation() {
    const query = queryFromLocation() ?? '';
    this.burstOpen = false;
    if (query === this.redactForAddress(this.input.value)) return;
    this.input.value = query;
    void this.run({ typing: false, history: 'none' });
  }

  private schedule() {
    this.cancel(this.timer);
    this.timer = this.later(() => void this.run({ typing: true, history: 'auto' }), DEBOUNCE_MS);
  }

  private redactForAddress(query: string): string {
    return redact(query).text;
  }

  private async run(options: { typing: boolean; history: 'push' | 'auto' | 'none' }) {
    this.cancel(this.timer);
    const query = this.input.value;
    const number = ++this.latest;
    if (!query.trim()) {
      this.results.replaceChildren();
      this.status.textContent = '';
      this.foldAbout(false);
      if (!this.compact && options.history !== 'none') this.remember('', options.history);
      return;
    }
    this.results.setAttribute('aria-busy', 'true');
    // A slow index (a poor connection) says so, instead of leaving an empty page.
    const slow = this.later(() => {
      if (number === this.latest) this.status.textContent = 'Loading the lookup index…';
    }, LOADING_NOTICE_MS);
    let answer: LookupAnswer;
    try {
      answer = await getLookupClient().lookup(query, { typing: options.typing });
    } catch (error) {
      this.cancel(slow);
      if (number !== this.latest) return;
      this.results.removeAttribute('aria-busy');
      this.showFailure(error);
      return;
    }
    this.cancel(slow);
    // A newer query was typed while this one waited for the index: its answer wins.
    if (number !== this.latest) return;
    this.results.removeAttribute('aria-busy');
    const fullUrl = this.compact
      ? `${this.dataset.lookupPage ?? ''}${fragmentFor(this.redactForAddress(query))}`
      : undefined;
    // The internal support site's full lookup adds the support actions (Copy for ticket, links, replies).
    const support = !this.compact && this.dataset.audience === 'internal' ? { query, at: Date.now() } : undefined;
    this.results.replaceChildren(
      renderAnswer(answer, { compact: this.compact, ...(fullUrl ? { fullUrl } : {}), ...(support ? { support } : {}) }),
    );
    this.status.textContent = announce(answer);
    this.foldAbout(true);
    if (!this.compact && options.history !== 'none') this.remember(query, options.history);
    if (this.pasted && !this.compact && matchMedia(SMALL_SCREEN).matches && this.results.firstElementChild) {
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.results.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    }
    this.pasted = false;
  }

  /**
   * The page's "About the lookup" disclosure (its id in `data-about`) is open while no answer is
   * shown and folded when one is, so after a paste the page is mostly the answer. Only a change of
   * state moves it: a reader who opens it beside an answer keeps it open while they type.
   */
  private foldAbout(answered: boolean) {
    if (answered === this.answered) return;
    this.answered = answered;
    const about = this.dataset.about ? document.getElementById(this.dataset.about) : null;
    if (about instanceof HTMLDetailsElement) about.open = !answered;
  }

  /** The index did not load: what happened in plain words (announced), and a way to try again in place. */
  private showFailure(error: unknown) {
    const words = failureWords(error);
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Try again';
    this.listen(retry, 'click', () => void this.run({ typing: false, history: 'none' }), { once: true });
    const box = document.createElement('div');
    box.className = 'callout callout--warn lookup-failure';
    const text = document.createElement('p');
    text.textContent = joinSentences([words, 'Check the connection, then try again; the page does not need reloading']);
    box.append(text, retry);
    this.results.replaceChildren(box);
    this.status.textContent = words;
  }

  /**
   * Puts the query in the fragment, secrets redacted (the address bar is shared and kept in
   * history). Typing adds one history entry per burst of changes, so back goes to the previous
   * query, not to every keystroke; a submit always adds one.
   */
  private remember(query: string, mode: 'push' | 'auto') {
    let fragment = fragmentFor(this.redactForAddress(query));
    if (fragment.length > MAX_FRAGMENT) fragment = '';
    const url = `${location.pathname}${fragment}`;
    const now = Date.now();
    const continuing = mode === 'auto' && this.burstOpen && now - this.lastHistoryAt <= HISTORY_BURST_MS;
    this.burstOpen = mode === 'auto';
    this.lastHistoryAt = now;
    if (url === `${location.pathname}${location.hash}`) return;
    if (continuing) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  private async share() {
    const note = this.querySelector<HTMLElement>('[data-lookup-share-note]');
    const field = this.querySelector<HTMLInputElement>('[data-lookup-share-link]');
    if (!note) return;
    const query = this.input.value;
    if (!query.trim()) {
      note.textContent = 'Type or paste something first: there is nothing to share yet.';
      return;
    }
    const { text, found } = redact(query);
    const fragment = fragmentFor(text);
    if (fragment.length > MAX_FRAGMENT) {
      note.textContent = `The input is too long for a link (over ${MAX_FRAGMENT / 1024} KB once encoded). Share the code or the message instead.`;
      return;
    }
    const url = `${location.origin}${location.pathname}${fragment}`;
    const redacted = found.length
      ? ` Redacted before sharing: ${describeRedaction(found)}.`
      : ' Nothing in it looked like a secret, so nothing was redacted.';
    if (field) {
      field.value = url;
      field.hidden = false;
    }
    try {
      await navigator.clipboard.writeText(url);
      note.textContent = `Link copied.${redacted}`;
    } catch {
      field?.select();
      note.textContent = `Copy the link from the box below.${redacted}`;
    }
  }
}

define('error-catalog-lookup', ErrorLookup);
