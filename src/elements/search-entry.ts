/**
 * The header search's first script, the only part every page loads. It enables the Search button
 * and loads the dialog (./search-dialog.ts, with the search result wording and the lookup's exact
 * matches) only on intent: a pointer over the button or focus on it starts the download, a click
 * or the shortcut opens the dialog as soon as it is there. Defining the dialog's element upgrades
 * `<error-catalog-search>` in place, and from then on it handles the button and the shortcut
 * itself, so these listeners are removed. Keeps a code page's scripts small (issue 15).
 */
import { isSearchShortcut, shortcutOf } from './search-shortcut';

const early = new AbortController();
let loading: Promise<void> | undefined;

/** Loads the dialog once; a failed download (offline) is tried again on the next intent. */
function loadDialog(): Promise<void> {
  loading ??= import('./search-dialog').then(
    () => early.abort(),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function openWhenLoaded(button: HTMLButtonElement): void {
  // Once defined, the dialog's element listens to the button: the click opens it.
  loadDialog().then(
    () => button.click(),
    () => undefined,
  );
}

const buttons = [...document.querySelectorAll<HTMLButtonElement>('error-catalog-search [data-search-open]')];
const { signal } = early;
for (const button of buttons) {
  const warm = () => void loadDialog().catch(() => undefined);
  button.addEventListener('pointerenter', warm, { once: true, signal });
  button.addEventListener('focus', warm, { once: true, signal });
  button.addEventListener('click', () => openWhenLoaded(button), { signal });
  button.disabled = false;
}
if (buttons[0]) {
  const first = buttons[0];
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.defaultPrevented || !isSearchShortcut(shortcutOf(event))) return;
      event.preventDefault();
      openWhenLoaded(first);
    },
    { signal },
  );
}
