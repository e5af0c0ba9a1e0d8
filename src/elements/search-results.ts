/**
 * The search dialog's pure parts: the result shape it renders, safe excerpt parsing (Pagefind
 * excerpts are HTML with <mark>), exact lookup matches turned into results and merged ahead of
 * Pagefind's, and the keyboard shortcut rule. No DOM, so all of it is unit-tested.
 */
import type { Explanation, LookupAnswer } from '../lookup/types';
import { PAGE_TYPES, rangeLabel } from '../view/search-meta';
import { AUDIENCE_LABELS } from '../view/support-text';
import { comparableText } from '../shared/fold-text';
import { statusClassOf } from '../shared/status-class';

/** One piece of an excerpt: plain text, highlighted or not. */
export interface ExcerptSegment {
  text: string;
  mark: boolean;
}

/** One row of the results list. */
export interface SearchHit {
  /** Link target, already under the site's base path. */
  url: string;
  title: string;
  /** Business code or HTTP status, shown first. */
  code?: string;
  /** Short labels: surface names, "404 Not Found". */
  labels: string[];
  excerpt: ExcerptSegment[];
  /** Came from the lookup index (an exact code, name, status or message): listed first. */
  exact: boolean;
  /** Why it is listed first, e.g. "Exact match". */
  badge?: string;
  /** For a deprecated code: since when, shown as a badge. */
  deprecated?: string;
  /** Sections of the page that matched (anchored links), at most a few. */
  sections: Array<{ url: string; title: string }>;
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an HTML-escaped text can hold, without an HTML parser (so nothing can execute). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
        ? String.fromCodePoint(codePoint)
        : whole;
    }
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt ("…the <mark>customer</mark> id…") into text segments. Any other
 * tag is dropped, not rendered: the segments are set with textContent by the dialog.
 */
export function excerptSegments(html: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark\b[^>]*>)/i)) {
    if (/^<mark\b/i.test(part)) mark = true;
    else if (/^<\/mark/i.test(part)) mark = false;
    else {
      const text = decodeEntities(part.replace(/<[^>]*>/g, ''));
      if (!text) continue;
      const last = segments[segments.length - 1];
      if (last && last.mark === mark) last.text += text;
      else segments.push({ text, mark });
    }
  }
  return segments;
}

/** One Pagefind result as its `data()` resolves (the fields this site uses). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: Array<{ title: string; url: string; excerpt: string }>;
}

/** Most section links under one result: more would push the next results out of view. */
const MAX_SECTIONS = 3;

/**
 * A Pagefind result as a row. A page about one entry (it has a `code`) is shown as that entry:
 * its title without the repeated code, no section links (its headings are Cause, Retry…). A page
 * listing many entries (messages, ranges, guides) links to the sections that matched.
 */
export function hitFromPagefind(data: PagefindResultData, query = ''): SearchHit {
  const code = data.meta['code'];
  let title = data.meta['title'] ?? data.url;
  if (code && title.startsWith(`${code} `)) title = title.slice(code.length + 1);
  const labels = [data.meta['surface'], data.meta['status']].filter((label): label is string => Boolean(label));
  const hit: SearchHit = {
    url: data.url,
    title,
    // A status page's code is its status: "429 · 429 Too Many Requests" would say it twice.
    labels: code && !data.meta['surface'] && data.meta['status']?.startsWith(code) ? [] : labels,
    // A code's snippet is its cause (stored with the page), not the words Pagefind found around the match.
    excerpt: data.meta['summary'] ? markWords(data.meta['summary'], query) : excerptSegments(data.excerpt),
    exact: false,
    sections: code
      ? []
      : (data.sub_results ?? [])
          .filter((sub) => urlKey(sub.url) !== urlKey(data.url))
          .slice(0, MAX_SECTIONS)
          .map((sub) => ({ url: sub.url, title: sub.title })),
  };
  if (code) hit.code = code;
  if (data.meta['deprecated']) hit.deprecated = data.meta['deprecated'];
  return hit;
}

/** `text` with the words of `query` (two letters or more) marked, case- and accent-insensitively. */
export function markWords(text: string, query: string): ExcerptSegment[] {
  const words = new Set(
    comparableText(query)
      .split(/[^\p{L}\p{N}_]+/u)
      .filter((word) => word.length >= 2),
  );
  if (!words.size) return [{ text, mark: false }];
  const segments: ExcerptSegment[] = [];
  for (const part of text.split(/([\p{L}\p{N}_]+)/u)) {
    if (!part) continue;
    const mark = words.has(comparableText(part));
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += part;
    else segments.push({ text: part, mark });
  }
  return segments;
}

/** Comparable form of a link: path and fragment, no origin, no `index.html`, no trailing-slash difference. */
export function urlKey(url: string): string {
  const parsed = new URL(url, 'https://site.invalid/');
  const path = parsed.pathname.replace(/index\.html$/, '').replace(/\/?$/, '/');
  return `${path}${parsed.hash}`;
}

/** Exact lookup matches first, then Pagefind's results without the pages already listed. */
export function mergeHits(exact: readonly SearchHit[], found: readonly SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  const merged: SearchHit[] = [];
  for (const hit of [...exact, ...found]) {
    const key = urlKey(hit.url);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(hit);
  }
  return merged;
}

/** The message template without its placeholders, comparable: `Customer {id} not found.` → `customer not found`. */
function templateWords(template: string): string {
  return comparableText(template.replace(/\{[^}]*\}/g, ' '));
}

/**
 * The lookup's explanations that answer the query as a whole and so go before Pagefind's
 * results: those the engine marks exact (a code, a name, a status); an entry whose title,
 * name, status reason or message (placeholders aside) is the query itself; a concrete message
 * the engine matched to its template; and for a code nobody documented, its range. The engine
 * ranks; this only decides which of its answers are certain enough to pin.
 */
export function pinnedExplanations(answer: LookupAnswer, query: string): Explanation[] {
  const wanted = comparableText(query);
  if (!wanted) return [];
  return answer.explanations.filter((explanation) => {
    if (explanation.exact) return true;
    if (explanation.kind === 'range') return answer.kind === 'code';
    if (explanation.values && Object.keys(explanation.values).length > 0) return true;
    const names = [
      explanation.title,
      explanation.name,
      explanation.kind === 'status' ? explanation.statusReason : undefined,
    ];
    if (names.some((name) => name !== undefined && comparableText(name) === wanted)) return true;
    return explanation.message !== undefined && templateWords(explanation.message) === wanted;
  });
}

/** The `type` filter value the site's pages carry for each kind of lookup match. */
export const pageTypeOfExplanation: Partial<Record<Explanation['kind'], string>> = {
  code: PAGE_TYPES.code,
  status: PAGE_TYPES.status,
  message: PAGE_TYPES.message,
  range: PAGE_TYPES.range,
};

/**
 * Whether an exact match belongs under the filters chosen in the dialog, by the same rules as
 * the filters its page carries (src/view/search-meta.ts): a status page has no surface,
 * and a filter the explanation carries no facts for (a message area) excludes it, since a
 * filtered list must not show what the filter may rule out.
 */
export function explanationPassesFilters(explanation: Explanation, filters: Record<string, string>): boolean {
  for (const [name, value] of Object.entries(filters)) {
    if (name === 'type') {
      if (pageTypeOfExplanation[explanation.kind] !== value) return false;
    } else if (name === 'surface') {
      if (explanation.kind === 'status') return false;
      if (!explanation.surfaces.some((surface) => surface.name === value || surface.id === value)) return false;
    } else if (name === 'status') {
      if (explanation.status === undefined || statusClassOf(explanation.status) !== value) return false;
    } else if (name === 'range') {
      if (!explanation.range || rangeLabel(explanation.range) !== value) return false;
    } else if (name === 'audience') {
      if (!explanation.support?.audience?.some((audience) => AUDIENCE_LABELS[audience] === value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** An exact lookup match as a result row; `base` is the site's base path ending in `/`. */
export function hitFromExplanation(explanation: Explanation, base: string): SearchHit {
  const labels = explanation.surfaces.map((surface) => surface.name);
  if (explanation.status !== undefined) {
    labels.push([explanation.status, explanation.statusReason].filter(Boolean).join(' '));
  }
  const code =
    explanation.code ??
    (explanation.kind === 'status' && explanation.status !== undefined ? String(explanation.status) : undefined);
  const hit: SearchHit = {
    url: `${base}${explanation.url.replace(/^\/+/, '')}`,
    title:
      explanation.name && explanation.name !== explanation.title
        ? `${explanation.title} (${explanation.name})`
        : explanation.title,
    labels: explanation.kind === 'status' ? [] : labels,
    excerpt: [{ text: explanation.meaning, mark: false }],
    exact: true,
    badge:
      explanation.kind === 'range' ? 'Range of this code' : explanation.values ? 'Matching message' : 'Exact match',
    sections: [],
  };
  if (code) hit.code = code;
  if (explanation.deprecated) hit.deprecated = explanation.deprecated.since;
  return hit;
}

export { isSearchShortcut, type ShortcutKey } from './search-shortcut';

/** "3 results for “429”" — the live count's words. */
export function resultCountLabel(count: number, query: string, filtered: boolean): string {
  const noun = count === 1 ? 'result' : 'results';
  const scope = query.trim() ? ` for “${query.trim()}”` : filtered ? ' in the chosen filters' : '';
  return `${count === 0 ? 'No' : count} ${noun}${scope}`;
}
