/**
 * `<theme-toggle>`: a select of System / Light / Dark. The server renders it disabled (it needs
 * JavaScript to do anything); this element enables it, shows the remembered choice, applies and
 * remembers a new one, and follows choices made in other tabs. The choice was already applied
 * before the first paint by theme-init.js (see src/elements/theme-preference.ts).
 */
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

class ThemeToggle extends HTMLElement {
  #select: HTMLSelectElement | null = null;
  #onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    this.#show(readThemeChoice(safeLocalStorage()));
  };

  connectedCallback(): void {
    this.#select = this.querySelector('select');
    if (!this.#select) return;
    this.#show(readThemeChoice(safeLocalStorage()));
    this.#select.addEventListener('change', () => {
      const choice = this.#select?.value;
      if (!isThemeChoice(choice)) return;
      applyThemeChoice(document.documentElement, choice);
      writeThemeChoice(safeLocalStorage(), choice);
    });
    this.#select.disabled = false;
    window.addEventListener('storage', this.#onStorage);
  }

  disconnectedCallback(): void {
    window.removeEventListener('storage', this.#onStorage);
  }

  #show(choice: ReturnType<typeof readThemeChoice>): void {
    applyThemeChoice(document.documentElement, choice);
    if (this.#select) this.#select.value = choice;
  }
}

if (!customElements.get('theme-toggle')) customElements.define('theme-toggle', ThemeToggle);
