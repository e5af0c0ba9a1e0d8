/**
 * The search dialog's keyboard shortcut, shared by the header's small first script
 * (./search-entry.ts) and the dialog itself (./search-dialog.ts).
 */

/** The keys of a keydown that matter for the open shortcut. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The event came from a text field, select or editable element. */
  inField: boolean;
}

/**
 * `/` opens search except while typing in a field (where it is a character); Ctrl+K and Cmd+K
 * open it everywhere, since they type nothing.
 */
export function isSearchShortcut(event: ShortcutKey): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.inField;
}

/** Whether a keydown came from a text field, select or editable element (where `/` types). */
export function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The parts of a keydown the shortcut looks at. */
export function shortcutOf(event: KeyboardEvent): ShortcutKey {
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    inField: isField(event.target),
  };
}
