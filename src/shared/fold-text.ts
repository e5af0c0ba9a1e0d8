/**
 * Text folding for matching by people's words: one place for the rules the table filters, slugs,
 * the search dialog's exact matches and the lookup's reason phrases use. (The lookup engine's own
 * `normalise` in src/lookup/text.ts keeps each character's position in the pasted text, and its
 * index is built with it; it folds case and punctuation the same way but keeps accents.)
 */

/** Lower case, accents removed, runs of whitespace collapsed: "Café  Déclinée" → "cafe declinee". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Only the words, folded: case, accents, punctuation and underscores ignored, so
 * `CUSTOMER_NOT_FOUND` ~ `Customer not found.` and `Non-Authoritative` ~ `non authoritative`.
 */
export function comparableText(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A URL slug for free text: `Rate limits` → `rate-limits` (empty when nothing is left). */
export function slugOf(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
