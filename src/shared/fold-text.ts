/** Text folding for matching by people's words: one rule for table filters, slugs and search. */

/** Lower case, accents removed, runs of whitespace collapsed: "Café  Déclinée" → "cafe declinee". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A URL slug for free text: `Rate limits` → `rate-limits` (empty when nothing is left). */
export function slugOf(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
