/** The class of an HTTP status: one rule for the model, pages, search filters and the lookup widget. */

/** `1xx` … `5xx`. */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/** `404` → `4xx`. */
export function statusClassOf(status: number): StatusClass {
  return `${Math.floor(status / 100)}xx` as StatusClass;
}
