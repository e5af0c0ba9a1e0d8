/**
 * Text rules of the lookup: how words are cut, how text is normalised so that case and
 * punctuation do not matter, and how a concrete message is matched to its `{placeholder}`
 * template to read the values. Every function here runs in time linear in its input (no
 * backtracking regular expressions), because the input is whatever a user pasted.
 */

/** Longest text a template is matched against; longer messages are cut (values sit near the start). */
export const MAX_TEMPLATE_TEXT = 4000;
/** Longest value read for one placeholder. */
const MAX_VALUE_LENGTH = 300;

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The lowercase words of `text`, in order, at most `max` of them (duplicates kept). */
export function words(text: string, max = Number.POSITIVE_INFINITY): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(WORD)) {
    found.push(match[0].toLowerCase());
    if (found.length >= max) break;
  }
  return found;
}

/** Distinct lowercase words of `text`, at most `max`, each cut to 40 characters. */
export function distinctWords(text: string, max = 64): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    seen.add(match[0].toLowerCase().slice(0, 40));
    if (seen.size >= max) break;
  }
  return [...seen];
}

/** Text lowercased with every run of non-word characters turned into one space, and where each character came from. */
export interface NormalisedText {
  text: string;
  /** `origin[i]` is the index in the original text of `text[i]`. */
  origin: number[];
}

/** Lowercases, turns punctuation and spaces into single spaces, trims; remembers positions. */
export function normalise(text: string): NormalisedText {
  let out = '';
  const origin: number[] = [];
  let pendingSpace = -1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (WORD_CHAR.test(char)) {
      if (pendingSpace >= 0 && out.length > 0) {
        out += ' ';
        origin.push(pendingSpace);
      }
      pendingSpace = -1;
      out += char.toLowerCase();
      origin.push(index);
    } else if (pendingSpace < 0) {
      pendingSpace = index;
    }
  }
  return { text: out, origin };
}

/** Just the normalised string (see `normalise`). */
export function normaliseText(text: string): string {
  return normalise(text).text;
}

/** A template cut into its literal parts and placeholder names, alternating, starting with a literal. */
export interface TemplateParts {
  /** Normalised literals; `literals.length === placeholders.length + 1`. */
  literals: string[];
  placeholders: string[];
}

/** Splits `Customer {customerId} not found.` into literals `['customer', 'not found']` and `['customerId']`. */
export function templateParts(template: string): TemplateParts {
  const literals: string[] = [];
  const placeholders: string[] = [];
  let rest = template;
  for (;;) {
    const open = rest.indexOf('{');
    const close = open >= 0 ? rest.indexOf('}', open) : -1;
    if (open < 0 || close < 0) {
      literals.push(normaliseText(rest));
      break;
    }
    literals.push(normaliseText(rest.slice(0, open)));
    placeholders.push(rest.slice(open + 1, close).trim());
    rest = rest.slice(close + 1);
  }
  return { literals, placeholders };
}

/** How a concrete text matched a template. */
export interface TemplateMatch {
  /** Values read for the placeholders. */
  values: Record<string, string>;
  /** Share of the (normalised) text the template accounts for, 0–1: 1 means nothing else was around it. */
  coverage: number;
  /**
   * Share of the text matched by the template's own words rather than by values, 0–1. Of two
   * templates that both match, the one with more words of its own is the more specific.
   */
  literalShare: number;
}

/** Finds `needle` in `haystack` at or after `from`, starting and ending on word boundaries. */
function findWords(haystack: string, needle: string, from: number): number {
  let at = haystack.indexOf(needle, from);
  while (at >= 0) {
    const startOk = at === 0 || haystack[at - 1] === ' ';
    const end = at + needle.length;
    const endOk = end === haystack.length || haystack[end] === ' ';
    if (startOk && endOk) return at;
    at = haystack.indexOf(needle, at + 1);
  }
  return -1;
}

/**
 * Matches `text` against a template, case- and punctuation-insensitively, and reads the value of
 * each placeholder from the original text: `Migration run 8f3a-22 not found` against
 * `Migration run {id} not found` gives `{ id: '8f3a-22' }`. Returns undefined when the
 * template's literal words do not all appear in order, or when the template has no literal word
 * at all (`{field} {problem}` would match anything).
 */
export function matchTemplate(template: string | TemplateParts, text: string): TemplateMatch | undefined {
  const parts = typeof template === 'string' ? templateParts(template) : template;
  if (!parts.literals.some((literal) => literal.length > 0)) return undefined;
  const { text: norm, origin } = normalise(text.length > MAX_TEMPLATE_TEXT ? text.slice(0, MAX_TEMPLATE_TEXT) : text);
  if (!norm) return undefined;
  const first = parts.literals[0]!;
  if (!first) {
    const match = matchFrom(parts, text, norm, origin, -1);
    return match === 'crosses' ? undefined : match;
  }
  // The first literal may occur in the prose before the message ("the customer: … Customer cus_1
  // not found"): a value running across a string's end is wrong, so try the next occurrence.
  let at = findWords(norm, first, 0);
  for (let tries = 0; at >= 0 && tries < MAX_TEMPLATE_STARTS; tries += 1) {
    const match = matchFrom(parts, text, norm, origin, at);
    if (match !== 'crosses') return match;
    at = findWords(norm, first, at + 1);
  }
  return undefined;
}

/** Occurrences of a template's first literal tried before giving up. */
const MAX_TEMPLATE_STARTS = 8;
/** Where a quoted string or a line ends: a value read from a message never runs past it. */
const STRING_END = /["“”\r\n]/;

/** Matches from the first literal at `firstAt` (-1 when the template opens with a placeholder). */
function matchFrom(
  parts: TemplateParts,
  text: string,
  norm: string,
  origin: number[],
  firstAt: number,
): TemplateMatch | undefined | 'crosses' {
  const values: Record<string, string> = {};
  let cursor = 0;
  let spanStart = -1;
  const first = parts.literals[0]!;
  if (firstAt >= 0) {
    spanStart = firstAt;
    cursor = firstAt + first.length;
  }
  for (let index = 0; index < parts.placeholders.length; index += 1) {
    const literal = parts.literals[index + 1]!;
    // A value holds at least one character, so the next literal starts after a space and a character.
    const valueStart = cursor === 0 && spanStart < 0 ? 0 : cursor + 1;
    if (valueStart >= norm.length) return undefined;
    let valueEnd: number;
    let next: number;
    const last = !literal && index === parts.placeholders.length - 1;
    if (literal) {
      const at = findWords(norm, literal, valueStart + 1);
      if (at < 0) return undefined;
      valueEnd = at - 1;
      next = at + literal.length;
    } else if (last) {
      valueEnd = norm.length;
      next = norm.length;
    } else {
      // Two placeholders side by side: the first takes one word.
      const space = norm.indexOf(' ', valueStart);
      valueEnd = space < 0 ? norm.length : space;
      next = valueEnd;
    }
    if (spanStart < 0) spanStart = valueStart;
    let value = originalSlice(text, origin, valueStart, valueEnd);
    const end = value.search(STRING_END);
    if (end >= 0) {
      // A closing value stops at the end of its string; any other value crossing one is no match here.
      if (!last) return 'crosses';
      value = value
        .slice(0, end)
        .trim()
        .replace(/[.,;:!?]+$/, '');
      next = Math.min(norm.length, valueStart + value.length);
    }
    if (!value || value.length > MAX_VALUE_LENGTH) return undefined;
    const name = parts.placeholders[index]!;
    if (!(name in values)) values[name] = value;
    cursor = next;
  }
  const span = cursor - Math.max(spanStart, 0);
  const literalLength = parts.literals.reduce((sum, literal) => sum + literal.length, 0);
  return { values, coverage: Math.min(1, span / norm.length), literalShare: Math.min(1, literalLength / norm.length) };
}

/** The original text behind normalised positions `[start, end)`, without surrounding spaces or closing punctuation. */
function originalSlice(text: string, origin: number[], start: number, end: number): string {
  if (end <= start) return '';
  const from = origin[start]!;
  const to = origin[end - 1]! + 1;
  return text
    .slice(from, to)
    .trim()
    .replace(/^["'“‘(\[]+|["'”’)\].,;:!?]+$/g, '');
}

/**
 * Levenshtein distance of two short strings, giving up (returning `limit + 1`) once it exceeds
 * `limit`; used for "did you mean" on names. O(a × b) on strings cut to 64 characters.
 */
export function editDistance(a: string, b: string, limit = 3): number {
  const left = a.slice(0, 64);
  const right = b.slice(0, 64);
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length]!;
}
