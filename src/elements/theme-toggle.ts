/**
 * `<error-catalog-theme-toggle>`: a select of System / Light / Dark. The server renders it disabled (it needs
 * JavaScript to do anything); this element enables it, shows the remembered choice, applies and
 * remembers a new one, and follows choices made in other tabs. The choice was already applied
 * before the first paint by theme-init.js (see src/elements/theme-preference.ts).
 */
import { CatalogElement, define } from './catalog-element';
import {
  applyThemeChoice,
  isThemeChoice,
  readThemeChoice,
  THEME_STORAGE_KEY,
  writeThemeChoice,
} from './theme-preference';

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

class ThemeToggle extends CatalogElement {
  #select: HTMLSelectElement | null = null;

  protected connected(): void {
    const select = this.querySelector('select');
    this.#select = select;
    if (!select) return;
    this.#show(readThemeChoice(safeLocalStorage()));
    this.listen(select, 'change', () => {
      if (!isThemeChoice(select.value)) return;
      applyThemeChoice(document.documentElement, select.value);
      writeThemeChoice(safeLocalStorage(), select.value);
    });
    // A choice made in another tab.
    this.listen(window, 'storage', (event) => {
      if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
      this.#show(readThemeChoice(safeLocalStorage()));
    });
    select.disabled = false;
  }

  #show(choice: ReturnType<typeof readThemeChoice>): void {
    applyThemeChoice(document.documentElement, choice);
    if (this.#select) this.#select.value = choice;
  }
}

define('error-catalog-theme-toggle', ThemeToggle);
