/**
 * The base class of the site's custom elements: every listener an element adds through `listen()`
 * (on itself, its children, `document` or `window`) and every timer it starts through `later()` is
 * removed when the element leaves the page, and added again by `connected()` when it comes back,
 * so a moved or re-inserted element never answers an event twice and a removed one holds nothing.
 * Like pagefind's `base-element`. Element names share the `error-catalog-` prefix (`define()`).
 */

/** The events a target can fire, for typed listeners (other targets and custom events: plain `Event`). */
type EventsOf<T> = T extends Window
  ? WindowEventMap
  : T extends Document
    ? DocumentEventMap
    : T extends HTMLElement
      ? HTMLElementEventMap
      : Record<string, Event>;

/** The prefix every custom element name of the site starts with. */
export const ELEMENT_PREFIX = 'error-catalog-';

export abstract class CatalogElement extends HTMLElement {
  /** Aborted on disconnect: every listener added through `listen()` holds its signal. */
  #connection: AbortController | undefined;
  #timers = new Set<ReturnType<typeof setTimeout>>();

  connectedCallback(): void {
    this.#connection?.abort();
    this.#connection = new AbortController();
    this.connected();
  }

  disconnectedCallback(): void {
    this.#connection?.abort();
    this.#connection = undefined;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.disconnected();
  }

  /** Sets the element up each time it is inserted into the page; listen with `listen()`. */
  protected abstract connected(): void;

  /** Anything else to undo when the element leaves the page (listeners and timers go by themselves). */
  protected disconnected(): void {}

  /** True between insertion and removal. */
  protected get isListening(): boolean {
    return this.#connection !== undefined;
  }

  /**
   * Adds `listener` for `type` on `target` until the element is disconnected. Called while the
   * element is not in the page (an answer that arrives after it left), it adds nothing.
   */
  protected listen<T extends EventTarget, K extends string>(
    target: T,
    type: K,
    listener: (event: K extends keyof EventsOf<T> ? EventsOf<T>[K] : Event) => void,
    options: Omit<AddEventListenerOptions, 'signal'> = {},
  ): void {
    if (!this.#connection) return;
    target.addEventListener(type, listener as EventListener, { ...options, signal: this.#connection.signal });
  }

  /** `setTimeout` that is cancelled when the element is disconnected; returns the timer to clear. */
  protected later(callback: () => void, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      callback();
    }, ms);
    this.#timers.add(timer);
    return timer;
  }

  /** Cancels a timer from `later()`. */
  protected cancel(timer: ReturnType<typeof setTimeout> | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(timer);
  }
}

/**
 * Registers `element` under `tag`, which must start with the site's prefix; once, so that a
 * module bundled into two scripts does not throw on its second definition.
 */
export function define(tag: `${typeof ELEMENT_PREFIX}${string}`, element: CustomElementConstructor): void {
  if (!tag.startsWith(ELEMENT_PREFIX)) throw new Error(`custom element names start with ${ELEMENT_PREFIX}: ${tag}`);
  if (!customElements.get(tag)) customElements.define(tag, element);
}
