/**
 * An <error-catalog-copy> for DOM built in the browser (the lookup's answers). Only builds the
 * tag: the page loads src/elements/copy-text.ts, which defines what it does, so modules that
 * render answers stay importable where no DOM exists (unit tests of their wording).
 */

/** A copy button for `text`, announced as "Copy {label}". */
export function copyElement(text: string, label: string): HTMLElement {
  const element = document.createElement('error-catalog-copy');
  element.dataset.text = text;
  element.dataset.label = label;
  element.className = 'copy';
  return element;
}
