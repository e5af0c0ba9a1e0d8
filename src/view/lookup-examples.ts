/**
 * Inputs to suggest in the lookup, quoted from the catalog being built: the form's placeholder,
 * the lookup page's "try an example" links and the engine's "try …" suggestions all name the same
 * real entries, and never a code of another catalog.
 */
import { isNumericCode } from '../catalog/codes';
import type { Catalog } from '../catalog/model';

/** Real entries of the catalog to quote; each is left out when the catalog has none. */
export interface LookupExamples {
  /** A documented code, numeric when the catalog has one (`3001`), else symbolic (`order_not_found`). */
  code?: string;
  /** A constant name (`INVOICE_NOT_FOUND`), when some code has one. */
  name?: string;
  /** A message without placeholders, at least three words long. */
  message?: string;
  /** An error status the catalog declares, 429 when it does. */
  status?: number;
  /** A request line of a live operation, a POST when there is one (`POST /v1/charges`). */
  request?: string;
}

/** The entries to quote: live (not deprecated) codes first. */
export function lookupExamples(catalog: Pick<Catalog, 'codes' | 'statuses' | 'operations'>): LookupExamples {
  const live = catalog.codes.filter((code) => !code.deprecated);
  const pool = live.length ? live : catalog.codes;
  const named = pool.find((code) => code.name);
  const code = pool.find((entry) => isNumericCode(entry.code)) ?? pool.find((entry) => entry !== named) ?? named;
  const status =
    catalog.statuses.find((entry) => entry.status === 429) ?? catalog.statuses.find((entry) => entry.status >= 400);
  const message = pool.find((entry) => !entry.message.includes('{') && entry.message.split(' ').length >= 3)?.message;
  const operations = catalog.operations.filter((entry) => !entry.deprecated);
  const operation = operations.find((entry) => entry.method === 'POST') ?? operations[0];
  return {
    ...(code ? { code: code.code } : {}),
    ...(named?.name ? { name: named.name } : {}),
    ...(message ? { message } : {}),
    ...(status ? { status: status.status } : {}),
    ...(operation ? { request: `${operation.method} ${operation.path}` } : {}),
  };
}

/**
 * The lookup form's placeholder, naming the catalog's own entries: compact, `e.g. 3001,
 * INVOICE_NOT_FOUND, 429 or a message`; full, `Paste an error body, … — or type a code such as 3001`.
 */
export function lookupPlaceholder(examples: LookupExamples, compact: boolean): string {
  if (compact) {
    const quoted = [examples.code, examples.name, examples.status?.toString()].filter(
      (entry): entry is string => entry !== undefined,
    );
    return quoted.length ? `e.g. ${quoted.join(', ')} or a message` : 'A code, a status or a message';
  }
  const typed = examples.code ? ` — or type a code such as ${examples.code}` : ' — or type a code';
  return `Paste an error body, a raw HTTP response, headers, a message${typed}`;
}
