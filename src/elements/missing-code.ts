/**
 * <error-catalog-missing-code data-codes="/codes/">: on the not-found page, when the missing
 * address is a code's page (`/codes/core/9999/`), says so and asks the lookup inside it about that
 * code, so the reader sees what the range it falls in is for and the nearest documented codes.
 * Without JavaScript the page keeps its plain lookup form.
 */
import { CatalogElement, define } from './catalog-element';

/** The code a missing address names, read from `/codes/<space>/<code>/` under the site's base. */
export function codeOfMissingPath(pathname: string, codesPrefix: string): { space: string; code: string } | undefined {
  if (!pathname.startsWith(codesPrefix)) return undefined;
  const match = /^([^/]+)\/([^/]+)\/?$/.exec(pathname.slice(codesPrefix.length));
  if (!match) return undefined;
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  return { space: decode(match[1]!).slice(0, 60), code: decode(match[2]!).slice(0, 60) };
}

class MissingCode extends CatalogElement {
  protected connected(): void {
    const missing = codeOfMissingPath(location.pathname, this.dataset.codes ?? '/codes/');
    const note = this.querySelector<HTMLElement>('[data-missing-note]');
    if (!missing || !note) return;
    note.textContent = `There is no page for code ${missing.code} in the ${missing.space} code space. What the lookup knows of ${missing.code}:`;
    note.hidden = false;
    void customElements.whenDefined('error-catalog-lookup').then(() => {
      const input = this.querySelector<HTMLInputElement>('[data-lookup-input]');
      if (!input || !this.isListening) return;
      input.value = missing.code;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
}

define('error-catalog-missing-code', MissingCode);
