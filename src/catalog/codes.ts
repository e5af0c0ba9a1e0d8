/** Small rules about code values shared by the model builder, pages and the lookup index. */
import { slugOf } from '../shared/fold-text';

/** True for codes made only of digits, which sort numerically and can sit in ranges. */
export function isNumericCode(code: string): boolean {
  return /^\d+$/.test(code);
}

/** Sorts numeric codes numerically first, then symbolic codes alphabetically. */
export function compareCodes(a: string, b: string): number {
  const numericA = isNumericCode(a);
  const numericB = isNumericCode(b);
  if (numericA && numericB) return Number(a) - Number(b) || a.localeCompare(b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a.localeCompare(b);
}

/** URL-safe form of a code: `7100` stays, `Not Found!` becomes `not-found`. */
export function codeSlug(code: string): string {
  const slug = code.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'code';
}

/** Key of a code across the catalog. */
export function codeKey(codeSpace: string, code: string): string {
  return `${codeSpace}:${code}`;
}

/** `USER_NOT_FOUND` → `User not found`. */
export function nameToTitle(name: string): string {
  const words = name
    .replace(/[_.]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A slug for free text such as an area name: `Rate limits` → `rate-limits`. */
export function textSlug(text: string): string {
  return slugOf(text) || 'area';
}
