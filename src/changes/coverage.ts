/**
 * Coverage of a catalog by the codes a running API actually sent: a tally of observed codes (and
 * the statuses they came with) held per distinct code, never per line, then compared with the
 * catalog: codes seen but not documented (with the range each falls in), documented codes never
 * seen, and codes seen with another status than the documented one. Pure: the CLI feeds it lines.
 */
import type { Catalog, Code, Range } from '../catalog/model';
import { codeTitle } from '../catalog/queries';

/** What the log held, per distinct code as written. */
export class ObservedCodes {
  readonly codes = new Map<string, { count: number; statuses: Map<number, number> }>();
  /** Occurrences counted. */
  total = 0;

  add(code: string, status?: number): void {
    let entry = this.codes.get(code);
    if (!entry) this.codes.set(code, (entry = { count: 0, statuses: new Map() }));
    entry.count += 1;
    this.total += 1;
    if (status !== undefined) entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
  }
}

export interface UndocumentedCode {
  code: string;
  count: number;
  /** The range it falls in (`core 1100-1199 (Customers)`), when one does. */
  range?: { codeSpace: string; slug: string; name: string; state: Range['state'] };
}

export interface NeverSeenCode {
  key: string;
  label: string;
  deprecated: boolean;
}

export interface StatusMismatch {
  key: string;
  label: string;
  documented: number;
  /** Every status it was seen with, most frequent first (the documented one included). */
  seen: Array<{ status: number; count: number }>;
}

export interface CoverageReport {
  /** Documented codes in scope, and how many of them were seen. */
  documented: number;
  seenDocumented: number;
  undocumented: UndocumentedCode[];
  never: NeverSeenCode[];
  mismatch: StatusMismatch[];
}

/**
 * Compares the tally with the catalog's codes (of `space` only, when given). An observed code
 * matches a documented one written the same way, or, for numbers, of the same value (`0042` = `42`).
 */
export function coverageOf(catalog: Catalog, observed: ObservedCodes, space?: string): CoverageReport {
  const codes = catalog.codes.filter((code) => !space || code.codeSpace === space);
  const byText = new Map<string, Code[]>();
  const add = (text: string, code: Code) => byText.set(text, [...(byText.get(text) ?? []), code]);
  for (const code of codes) {
    add(code.code, code);
    if (/^\d+$/.test(code.code) && String(Number(code.code)) !== code.code) add(String(Number(code.code)), code);
  }
  const ranges = catalog.codeSpaces.filter((s) => !space || s.id === space).flatMap((s) => s.ranges);
  const seen = new Set<string>();
  const undocumented: UndocumentedCode[] = [];
  const mismatch: StatusMismatch[] = [];
  for (const [text, { count, statuses }] of observed.codes) {
    const matches = byText.get(text) ?? (/^\d+$/.test(text) ? byText.get(String(Number(text))) : undefined);
    if (!matches) {
      const number = /^\d+$/.test(text) ? Number(text) : undefined;
      const range = number === undefined ? undefined : ranges.find((r) => r.from <= number && number <= r.to);
      undocumented.push({
        code: text,
        count,
        ...(range
          ? { range: { codeSpace: range.codeSpace, slug: range.slug, name: range.name, state: range.state } }
          : {}),
      });
      continue;
    }
    for (const code of matches) seen.add(code.key);
    // A code that several spaces share is a mismatch only when no space documents the status seen.
    const documentedStatuses = new Set(matches.map((code) => code.status));
    if ([...statuses.keys()].some((status) => !documentedStatuses.has(status))) {
      const code = matches[0]!;
      mismatch.push({
        key: code.key,
        label: labelOf(code),
        documented: code.status,
        seen: [...statuses]
          .map(([status, n]) => ({ status, count: n }))
          .sort((a, b) => b.count - a.count || a.status - b.status),
      });
    }
  }
  undocumented.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'en', { numeric: true }));
  return {
    documented: codes.length,
    seenDocumented: seen.size,
    undocumented,
    never: codes
      .filter((code) => !seen.has(code.key))
      .map((code) => ({ key: code.key, label: labelOf(code), deprecated: code.deprecated !== undefined })),
    mismatch,
  };
}

function labelOf(code: Code): string {
  const title = codeTitle(code);
  return `${code.key}${code.name ? ` ${code.name}` : title !== code.code ? ` (${title})` : ''}`;
}
