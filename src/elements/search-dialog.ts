/**
 * `<error-catalog-search>`: the header's search. A modal <dialog> (focus kept inside, given back on
 * close) over Pagefind's JS API, loaded lazily from the built site, with the lookup engine's
 * exact matches listed first. Opens with `/` or Ctrl/Cmd+K; arrows move through the results.
 * Loaded on intent by ./search-entry.ts, the small script every page loads; defining the element
 * upgrades the header's `<error-catalog-search>` in place.
 */
import type { Explanation } from '../lookup/types';
import { CatalogElement, define } from './catalog-element';
import {
  explanationPassesFilters,
  hitFromExplanation,
  hitFromPagefind,
  mergeHits,
  resultCountLabel,
  type PagefindResultData,
  type SearchHit,
} from './search-results';
import { findExactMatches, preloadExactMatches } from './search-exact';
import { isSearchShortcut, shortcutOf } from './search-shortcut';
import { redact } from '../lookup/redact';
import { routes } from '../view/routes';

/** A query that is a pasted response (a JSON body or a status line), not words to search for. */
function looksLikeResponse(query: string): boolean {
  return /^\s*HTTP\/\d/.test(query) || /\{\s*"[^"]+"\s*:/.test(query);
}

/** The part of Pagefind's browser API (`pagefind/pagefind.js`) this dialog uses. */
interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
}
interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** Filter names the site's pages declare (src/view/search-meta.ts), in display order. */
const filterLabels: Record<string, string> = {
  type: 'Kind',
  surface: 'Surface',
  status: 'Status class',
  method: 'Method',
  range: 'Range',
  area: 'Message area',
  audience: 'Who acts',
};
const PAGE_SIZE = 10;
/** Pagefind answers in a few ms; the pause only spares it the keystrokes of a fast typist. */
const SEARCH_DEBOUNCE_MS = 60;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class SearchDialog extends CatalogElement {
  private base = '/';
  private dialog!: HTMLDialogElement;
  private openButton!: HTMLButtonElement;
  private input!: HTMLInputElement;
  private list!: HTMLOListElement;
  private count!: HTMLElement;
  private filterBox!: HTMLElement;
  private moreButton!: HTMLButtonElement;
  private pagefind: Promise<PagefindApi> | undefined;
  private filters: Record<string, string> = {};
  /** Number of the newest query; answers to older ones are dropped. */
  private ticket = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private returnFocusTo: HTMLElement | null = null;
  private shown: SearchHit[] = [];
  private pending: PagefindSearch['results'] = [];

  protected connected(): void {
    const dialog = this.querySelector('dialog');
    const openButton = this.querySelector<HTMLButtonElement>('[data-search-open]');
    const input = this.querySelector<HTMLInputElement>('[data-search-input]');
    const list = this.querySelector<HTMLOListElement>('[data-search-results]');
    const count = this.querySelector<HTMLElement>('[data-search-count]');
    const filterBox = this.querySelector<HTMLElement>('[data-search-filters]');
    const moreButton = this.querySelector<HTMLButtonElement>('[data-search-more]');
    if (!dialog || !openButton || !input || !list || !count || !filterBox || !moreButton) return;
    Object.assign(this, { dialog, openButton, input, list, count, filterBox, moreButton });
    this.base = this.dataset['base'] ?? '/';

    this.listen(openButton, 'click', () => this.open());
    // Start fetching on intent, so the index is usually there by the time the dialog opens.
    this.listen(openButton, 'pointerenter', () => this.warmUp(), { once: true });
    this.listen(openButton, 'focus', () => this.warmUp(), { once: true });
    this.listen(document, 'keydown', (event) => {
      if (event.defaultPrevented) return;
      if (!isSearchShortcut(shortcutOf(event))) return;
      event.preventDefault();
      // Pressed again while open: back to the search box (and not the browser's own Ctrl+K).
      if (this.dialog.open) this.input.focus();
      else this.open();
    });
    const close = this.querySelector('[data-search-close]');
    if (close) this.listen(close, 'click', () => dialog.close());
    const form = this.querySelector('[data-search-form]');
    if (form)
      this.listen(form, 'submit', (event) => {
        event.preventDefault();
        this.links()[0]?.click();
      });
    // A click on the backdrop lands on the <dialog> itself (its frame fills the box).
    this.listen(dialog, 'click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    this.listen(dialog, 'close', () => this.restoreFocus());
    // Following a result closes the dialog, also for a section of the current page (#anchor);
    // focus then stays with the browser's navigation instead of going back to the header.
    this.listen(list, 'click', (event) => {
      if (!(event.target instanceof Element) || !event.target.closest('a[href]')) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // opened elsewhere: stay
      this.returnFocusTo = null;
      dialog.close();
    });
    this.listen(dialog, 'keydown', (event) => this.onDialogKey(event));
    this.listen(input, 'input', () => {
      this.list.setAttribute('aria-busy', 'true');
      this.cancel(this.debounceTimer);
      this.debounceTimer = this.later(() => void this.runSearch(), SEARCH_DEBOUNCE_MS);
    });
    // The filter selects are made once the index is loaded; one listener serves them all.
    this.listen(filterBox, 'change', (event) => {
      const select = event.target;
      const name = select instanceof HTMLSelectElement ? select.dataset['filter'] : undefined;
      if (!(select instanceof HTMLSelectElement) || !name) return;
      if (select.value) this.filters[name] = select.value;
      else delete this.filters[name];
      const active = Object.keys(this.filters).length;
      const count = this.querySelector('[data-search-filters-count]');
      if (count) count.textContent = active ? `(${active} on)` : '';
      void this.runSearch();
    });
    this.listen(moreButton, 'click', () => void this.showMore());
    openButton.disabled = false;
  }

  private warmUp(): void {
    void this.loadPagefind().catch(() => undefined);
    preloadExactMatches();
  }

  private open(): void {
    if (this.dialog.open) return;
    const active = document.activeElement;
    this.returnFocusTo = active instanceof HTMLElement && active !== document.body ? active : this.openButton;
    this.dialog.showModal();
    this.input.focus();
    this.input.select();
    this.warmUp();
    void this.loadFilters();
    if (this.input.value) void this.runSearch();
  }

  private restoreFocus(): void {
    this.cancel(this.debounceTimer);
    this.ticket++;
    this.list.removeAttribute('aria-busy');
    if (!this.returnFocusTo) return;
    const target = this.returnFocusTo.isConnected ? this.returnFocusTo : this.openButton;
    target.focus();
  }

  private loadPagefind(): Promise<PagefindApi> {
    this.pagefind ??= (async () => {
      const url = `${this.base}pagefind/pagefind.js`;
      const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
      await api.options({ baseUrl: this.base, excerptLength: 22 });
      await api.init();
      return api;
    })();
    this.pagefind.catch(() => {
      this.pagefind = undefined;
    });
    return this.pagefind;
  }

  /** Builds one select per filter the index holds, once. */
  private async loadFilters(): Promise<void> {
    if (this.filterBox.childElementCount > 0) return;
    let available: Record<string, Record<string, number>>;
    try {
      available = await (await this.loadPagefind()).filters();
    } catch {
      return;
    }
    if (this.filterBox.childElementCount > 0) return;
    const names = Object.keys(available).sort((a, b) => {
      const order = Object.keys(filterLabels);
      return (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b);
    });
    for (const name of names) {
      const values = Object.entries(available[name] ?? {}).sort(([a], [b]) =>
        a.localeCompare(b, 'en', { numeric: true }),
      );
      if (values.length < 2) continue;
      const field = element('span', 'search-dialog__filter');
      const label = element('label', '', filterLabels[name] ?? name);
      const select = element('select', '');
      select.id = `search-filter-${name.replace(/[^a-z0-9]+/gi, '-')}`;
      label.htmlFor = select.id;
      select.dataset['filter'] = name;
      select.append(element('option', '', 'All'));
      for (const [value, pages] of values) {
        const option = element('option', '', `${value} (${pages})`);
        option.value = value;
        select.append(option);
      }
      select.firstElementChild?.setAttribute('value', '');
      field.append(label, select);
      this.filterBox.append(field);
    }
    const toggle = this.filterBox.closest<HTMLElement>('[data-search-filters-toggle]');
    if (toggle) toggle.hidden = this.filterBox.childElementCount === 0;
    else this.filterBox.hidden = this.filterBox.childElementCount === 0;
  }

  private async runSearch(): Promise<void> {
    this.cancel(this.debounceTimer);
    const ticket = ++this.ticket;
    const query = this.input.value.trim();
    const filters = { ...this.filters };
    const filtered = Object.keys(filters).length > 0;
    this.pending = [];
    if (!query && !filtered) {
      this.render([], '', false);
      return;
    }
    // Busy until this query's answer is shown: assistive technology (and tests) can tell a
    // settled list from one about to be replaced.
    this.list.setAttribute('aria-busy', 'true');
    const exactAnswer = query ? findExactMatches(query).catch((): Explanation[] => []) : Promise.resolve([]);
    const exactHitsOf = (exact: Explanation[]) =>
      exact
        .filter((explanation) => explanationPassesFilters(explanation, filters))
        .map((explanation) => hitFromExplanation(explanation, this.base));
    let api: PagefindApi;
    try {
      api = await this.loadPagefind();
    } catch {
      // No full-text index (e.g. `astro dev`, which does not run Pagefind): exact matches still help.
      const exactHits = exactHitsOf(await exactAnswer);
      if (ticket !== this.ticket) return;
      this.render(exactHits, query, filtered);
      this.count.textContent =
        `${this.count.textContent} Full-text search is unavailable: its index could not be loaded.`.trim();
      return;
    }
    const [exact, search] = await Promise.all([exactAnswer, api.search(query || null, { filters })]);
    if (ticket !== this.ticket) return;
    const exactHits = exactHitsOf(exact);
    if (!search) {
      this.render(exactHits, query, filtered);
      return;
    }
    const firstPage = await Promise.all(search.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (ticket !== this.ticket) return;
    this.pending = search.results.slice(PAGE_SIZE);
    const hits = mergeHits(
      exactHits,
      firstPage.map((data) => hitFromPagefind(data, query)),
    );
    const extraExact = hits.length - firstPage.length;
    this.render(hits, query, filtered, search.results.length + Math.max(0, extraExact));
  }

  private async showMore(): Promise<void> {
    const ticket = this.ticket;
    const next = this.pending.slice(0, PAGE_SIZE);
    this.pending = this.pending.slice(PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (ticket !== this.ticket) return;
    const before = this.shown.length;
    const hits = mergeHits(
      this.shown,
      data.map((entry) => hitFromPagefind(entry, this.input.value)),
    );
    this.appendHits(hits.slice(before));
    this.shown = hits;
    this.moreButton.hidden = this.pending.length === 0;
    this.links()[before]?.focus();
  }

  private render(hits: SearchHit[], query: string, filtered: boolean, total = hits.length): void {
    // A result that had focus is about to go: focus returns to the box, not to the page behind.
    const focusWasInList = this.list.contains(document.activeElement);
    this.list.replaceChildren();
    this.shown = hits;
    if (looksLikeResponse(query)) this.list.append(this.explainInLookup(query));
    this.appendHits(hits);
    this.list.removeAttribute('aria-busy');
    if (focusWasInList) this.input.focus();
    this.moreButton.hidden = this.pending.length === 0 || hits.length === 0;
    this.count.textContent = query || filtered ? resultCountLabel(total, query, filtered) : '';
  }

  /** A pasted response is the lookup's job: the first result opens it there, secrets redacted. */
  private explainInLookup(query: string): HTMLLIElement {
    const item = element('li', 'search-hit search-hit--lookup');
    const link = element('a', 'search-hit__link');
    link.href = `${this.base}${routes.lookup()}#${new URLSearchParams({ q: redact(query).text }).toString()}`;
    link.append(
      element('span', 'search-hit__title', 'Explain in the lookup'),
      element(
        'span',
        'search-hit__excerpt',
        'This looks like an error response: the lookup reads its status, codes and request id.',
      ),
    );
    item.append(link);
    return item;
  }

  private appendHits(hits: SearchHit[]): void {
    for (const hit of hits) {
      const item = element('li', 'search-hit');
      const link = element('a', 'search-hit__link');
      link.href = hit.url;
      const head = element('span', 'search-hit__head');
      if (hit.code) head.append(element('code', 'search-hit__code', hit.code));
      head.append(element('span', 'search-hit__title', hit.title));
      if (hit.badge) head.append(element('span', 'search-hit__badge', hit.badge));
      if (hit.deprecated) head.append(element('span', 'badge badge--deprecated', `Deprecated since ${hit.deprecated}`));
      link.append(head);
      if (hit.labels.length) link.append(element('span', 'search-hit__labels', hit.labels.join(' · ')));
      const excerpt = element('span', 'search-hit__excerpt');
      for (const segment of hit.excerpt)
        excerpt.append(segment.mark ? element('mark', '', segment.text) : document.createTextNode(segment.text));
      link.append(excerpt);
      item.append(link);
      if (hit.sections.length) {
        const sections = element('ul', 'search-hit__sections');
        for (const section of hit.sections) {
          const sectionLink = element('a', '', section.title);
          sectionLink.href = section.url;
          const entry = element('li', '');
          entry.append(sectionLink);
          sections.append(entry);
        }
        item.append(sections);
      }
      this.list.append(item);
    }
  }

  private links(): HTMLAnchorElement[] {
    return [...this.list.querySelectorAll<HTMLAnchorElement>('a[href]')];
  }

  /** Arrow keys walk input → results and back; Home/End jump within the results. */
  private onDialogKey(event: KeyboardEvent): void {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) || event.altKey || event.ctrlKey || event.metaKey)
      return;
    const links = this.links();
    const active = document.activeElement;
    const position = active instanceof HTMLAnchorElement ? links.indexOf(active) : -1;
    const inInput = active === this.input;
    if (!inInput && position === -1) return;
    if (inInput && (event.key === 'Home' || event.key === 'End')) return;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = inInput ? links[0] : links[Math.min(position + 1, links.length - 1)];
    else if (event.key === 'ArrowUp') next = inInput ? undefined : position === 0 ? this.input : links[position - 1];
    else if (event.key === 'Home') next = links[0];
    else next = links[links.length - 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
    if (next !== this.input) next.scrollIntoView({ block: 'nearest' });
  }
}

define('error-catalog-search', SearchDialog);
