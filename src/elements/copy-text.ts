/**
 * <error-catalog-copy data-text="…" data-label="the constant name">: a "Copy" button for one
 * value (a constant name, a message template, an example body, a request id). The server renders
 * the empty element; the button exists only once this script runs, so a page without JavaScript
 * shows no button that cannot work. Copying needs no clipboard permission (a write on a click) and
 * is announced to screen readers. `data-from` names an element whose text is copied instead.
 */
import { CatalogElement, define } from './catalog-element';

/** How long the button says "Copied" before it reads "Copy" again. */
const CONFIRM_MS = 2000;

/** Copies `text`: the Clipboard API when the page may use it, else a selected hidden textarea. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    // execCommand is deprecated but is the one copy path left when the Clipboard API is refused.
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

class CopyText extends CatalogElement {
  #button: HTMLButtonElement | undefined;
  #note: HTMLElement | undefined;

  protected connected(): void {
    if (!this.#button) {
      const label = this.dataset.label ?? 'this value';
      this.#button = document.createElement('button');
      this.#button.type = 'button';
      this.#button.className = 'copy-button';
      this.#button.textContent = 'Copy';
      this.#button.setAttribute('aria-label', `Copy ${label}`);
      this.#note = document.createElement('span');
      this.#note.className = 'visually-hidden';
      this.#note.setAttribute('role', 'status');
      this.append(this.#button, this.#note);
    }
    const button = this.#button;
    this.listen(button, 'click', () => void this.copy());
  }

  private text(): string {
    const from = this.dataset.from ? document.getElementById(this.dataset.from) : null;
    return from ? (from.textContent ?? '').trim() : (this.dataset.text ?? '');
  }

  private async copy() {
    const button = this.#button!;
    const note = this.#note!;
    const copied = await copyText(this.text());
    const label = this.dataset.label ?? 'the value';
    button.textContent = copied ? 'Copied' : 'Copy failed';
    note.textContent = copied ? `Copied ${label}.` : `Could not copy ${label}; select it and copy it by hand.`;
    this.later(() => {
      button.textContent = 'Copy';
      note.textContent = '';
    }, CONFIRM_MS);
  }
}

define('error-catalog-copy', CopyText);
