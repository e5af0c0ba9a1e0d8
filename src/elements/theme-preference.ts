/**
 * The reader's theme choice: `system` (follow the operating system, the default), `light` or
 * `dark`. Shared by the toggle (src/elements/theme-toggle.ts) and the early theme script
 * (src/pages/theme-init.js.ts), so both read and write the same storage key and attribute.
 */

/** localStorage key of the choice; absent means `system`. */
export const THEME_STORAGE_KEY = 'error-catalog-theme';

/** The choices, in the order the toggle offers them. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** True for a value that names a choice (storage may hold anything, e.g. from an old version). */
export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/**
 * The stored choice, `system` when nothing (or nothing valid) is stored or storage is blocked
 * (private modes and strict cookie settings throw on access).
 */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Remembers the choice; `system` removes the entry so the system setting applies again. */
export function writeThemeChoice(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  choice: ThemeChoice,
): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the choice still applies to this page, it just is not remembered.
  }
}

/**
 * Applies a choice to the document root. `system` removes `data-theme`, so global.css falls back
 * to `prefers-color-scheme`; `light`/`dark` set it, and the `:root[data-theme=…]` rules win.
 */
export function applyThemeChoice(root: HTMLElement, choice: ThemeChoice): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/**
 * Source of the render-blocking script served as `theme-init.js`. It must run before the first
 * paint, so it cannot be a bundled module (those are deferred) and, under a CSP without
 * 'unsafe-inline', it cannot be inline either: it is a classic external script in <head>.
 * It is plain ES5 built from the constants above, so there is no second copy of the rule to drift.
 */
export function themeInitSource(): string {
  const key = JSON.stringify(THEME_STORAGE_KEY);
  const explicit = JSON.stringify(THEME_CHOICES.filter((choice) => choice !== 'system'));
  return [
    '/* Applies the remembered theme before the first paint; see src/elements/theme-preference.ts. */',
    '(function () {',
    '  try {',
    `    var choice = window.localStorage.getItem(${key});`,
    `    if (${explicit}.indexOf(choice) >= 0) document.documentElement.setAttribute('data-theme', choice);`,
    '  } catch (error) {',
    '    /* Storage blocked: follow the system setting. */',
    '  }',
    '})();',
    '',
  ].join('\n');
}
