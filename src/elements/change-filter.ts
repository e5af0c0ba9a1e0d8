/**
 * `<error-catalog-changes>`: the filter of the changes page. The page is a plain list that works
 * without JavaScript; this element shows the filter form (hidden in the HTML), hides the lines,
 * groups and versions the chosen kind of change, kind of entry and code space leave out, counts
 * what is left, and keeps the choice in the URL (`?kind=deprecated&space=core`). It also folds
 * the changes of older versions (marked `data-foldable`) so the page opens on the newest ones: a
 * filter unfolds every version with a match, and a link to a version (`#v-2024-02`) unfolds it.
 */
import { CatalogElement, define } from './catalog-element';

const FILTERS = ['kind', 'concept', 'space'] as const;

class ChangeFilter extends CatalogElement {
  protected connected(): void {
    const form = this.querySelector('form');
    if (!form) return;
    const params = new URLSearchParams(window.location.search);
    for (const name of FILTERS) {
      const select = form.elements.namedItem(name);
      const value = params.get(name);
      if (select instanceof HTMLSelectElement && value && [...select.options].some((option) => option.value === value))
        select.value = value;
    }
    form.hidden = false;
    this.listen(form, 'change', () => this.apply(form, true));
    this.listen(form, 'submit', (event) => event.preventDefault());
    this.listen(window, 'hashchange', () => this.unfoldTarget());
    this.apply(form, false);
    this.unfoldTarget();
  }

  /** The version the address points at (`#v-2024-02`) shows its changes. */
  private unfoldTarget(): void {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const changes = target?.closest('[data-release]')?.querySelector('details');
    if (changes) changes.open = true;
  }

  private apply(form: HTMLFormElement, remember: boolean): void {
    const chosen = Object.fromEntries(
      FILTERS.map((name) => {
        const select = form.elements.namedItem(name);
        return [name, select instanceof HTMLSelectElement ? select.value : ''];
      }),
    ) as Record<(typeof FILTERS)[number], string>;
    let shown = 0;
    let total = 0;
    for (const release of this.querySelectorAll<HTMLElement>('[data-release]')) {
      // A version listed on pages of its own stays: its link leads to its changes.
      if (release.hasAttribute('data-paged')) continue;
      let inRelease = 0;
      for (const group of release.querySelectorAll<HTMLElement>('[data-group]')) {
        let inGroup = 0;
        for (const line of group.querySelectorAll<HTMLElement>('li[data-kind]')) {
          total++;
          const match = FILTERS.every((name) => !chosen[name] || line.dataset[name] === chosen[name]);
          line.hidden = !match;
          if (match) inGroup++;
        }
        group.hidden = inGroup === 0;
        inRelease += inGroup;
      }
      const filtering = FILTERS.some((name) => chosen[name]);
      release.hidden = filtering && inRelease === 0;
      // Filtered, every version with a match shows it; unfiltered, older versions fold again.
      const changes = release.querySelector('details');
      if (changes) changes.open = filtering ? inRelease > 0 : !release.hasAttribute('data-foldable');
      shown += inRelease;
    }
    const output = form.querySelector('output');
    if (output) output.textContent = shown === total ? `${total} changes` : `${shown} of ${total} changes`;
    const empty = this.querySelector<HTMLElement>('.change-filter__empty');
    if (empty) empty.hidden = shown > 0 || total === 0;
    if (remember) {
      const url = new URL(window.location.href);
      for (const name of FILTERS) {
        if (chosen[name]) url.searchParams.set(name, chosen[name]);
        else url.searchParams.delete(name);
      }
      window.history.replaceState(window.history.state, '', url);
    }
  }
}

define('error-catalog-changes', ChangeFilter);
