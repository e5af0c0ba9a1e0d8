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

/**
 * Initialisms a title keeps in capitals (`API_KEY_INVALID` → `API key invalid`, not `Api key
 * invalid`): the ones error names commonly hold.
 */
const INITIALISMS = new Set([
  'api',
  'url',
  'uri',
  'id',
  'ids',
  'http',
  'https',
  'json',
  'xml',
  'csv',
  'pdf',
  'ip',
  'tls',
  'ssl',
  'dns',
  'sql',
  'jwt',
  'sso',
  'mfa',
  'otp',
  'pin',
  'iban',
  'bic',
  'swift',
  'vat',
  'sku',
  'cvc',
  'cvv',
  'ssn',
  'utf',
  'oauth',
  'saml',
  'smtp',
  'sms',
  'cors',
  'csrf',
  'uuid',
  'ach',
  'sepa',
  'kyc',
  'aml',
  'pci',
]);
/** Spelt as their owners spell them. */
const SPECIAL_SPELLINGS: Record<string, string> = { oauth: 'OAuth', ids: 'IDs' };

/** `USER_NOT_FOUND` → `User not found`; `WEBHOOK_URL_REJECTED` → `Webhook URL rejected`. */
export function nameToTitle(name: string): string {
  const words = name
    .replace(/[_.]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => SPECIAL_SPELLINGS[word] ?? (INITIALISMS.has(word) ? word.toUpperCase() : word));
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** A slug for free text such as an area name: `Rate limits` → `rate-limits`. */
export function textSlug(text: string): string {
  return slugOf(text) || 'area';
}
