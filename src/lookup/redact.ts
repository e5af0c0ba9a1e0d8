/**
 * Redacts secrets and personal data from a lookup input before it goes into a share link:
 * bearer and basic credentials, JWTs, API keys (`pjk_live_…`, `sk_live_…`, GitHub, AWS, Slack,
 * Google), `password=`/`api_key:`-style values, cookies, card numbers (Luhn-checked) and e-mail
 * addresses. Says what it replaced, so the user can be told. Linear time on any input: the
 * patterns have no nested quantifiers and e-mails are found by scanning around each "@".
 */

export type RedactionKind =
  | 'bearer token'
  | 'basic credentials'
  | 'credentials'
  | 'cookie'
  | 'secret value'
  | 'JWT'
  | 'API key'
  | 'card number'
  | 'e-mail address';

export interface Redaction {
  text: string;
  /** What was replaced, in the order first met, with counts. */
  found: Array<{ kind: RedactionKind; count: number }>;
}

const PLURALS: Record<RedactionKind, string> = {
  'bearer token': 'bearer tokens',
  'basic credentials': 'basic credentials',
  credentials: 'credentials',
  cookie: 'cookies',
  'secret value': 'secret values',
  JWT: 'JWTs',
  'API key': 'API keys',
  'card number': 'card numbers',
  'e-mail address': 'e-mail addresses',
};

/** `1 bearer token and 2 e-mail addresses`. */
export function describeRedaction(found: Redaction['found']): string {
  const parts = found.map(({ kind, count }) => `${count} ${count === 1 ? kind : PLURALS[kind]}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const mark = (kind: RedactionKind) => `[redacted ${kind}]`;

interface Rule {
  kind: RedactionKind;
  pattern: RegExp;
  /** Builds the replacement from the match; return the match itself to keep it. */
  replace: (match: string, ...groups: string[]) => string;
}

/** A value already redacted starts with "[redacted"; rules leave those alone. */
const RULES: Rule[] = [
  {
    kind: 'bearer token',
    pattern: /\b(Bearer)([ \t]+)(?!\[redacted)([A-Za-z0-9\-._~+/]{8,}=*)/gi,
    replace: (_, scheme, space) => `${scheme}${space}${mark('bearer token')}`,
  },
  {
    kind: 'basic credentials',
    pattern: /\b(Basic)([ \t]+)(?!\[redacted)([A-Za-z0-9+/]{8,}={0,2})/g,
    replace: (_, scheme, space) => `${scheme}${space}${mark('basic credentials')}`,
  },
  // Any other Authorization scheme (Token, Digest, AWS4-HMAC-SHA256…): the whole value goes.
  {
    kind: 'credentials',
    pattern: /^([ \t]*(?:proxy-)?authorization:[ \t]*)(\S[^\r\n]*)$/gim,
    replace: (match, name, value) => (value.includes('[redacted') ? match : `${name}${mark('credentials')}`),
  },
  {
    kind: 'cookie',
    pattern: /^([ \t]*(?:set-)?cookie:[ \t]*)(?!\[redacted)(\S[^\r\n]*)$/gim,
    replace: (_, name) => `${name}${mark('cookie')}`,
  },
  // Request headers written as JSON: a HAR file's { "name": "Cookie", "value": "…" } and a
  // "Copy as fetch" headers object's "authorization": "…".
  {
    kind: 'credentials',
    pattern:
      /("name"\s*:\s*"(?:authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token)"\s*,\s*"value"\s*:\s*")(?!\[redacted)((?:[^"\\\r\n]|\\.){1,4000})"/gi,
    replace: (_, head) => `${head}${mark('credentials')}"`,
  },
  {
    kind: 'cookie',
    pattern: /("name"\s*:\s*"(?:set-)?cookie"\s*,\s*"value"\s*:\s*")(?!\[redacted)((?:[^"\\\r\n]|\\.){1,8000})"/gi,
    replace: (_, head) => `${head}${mark('cookie')}"`,
  },
  {
    kind: 'credentials',
    pattern:
      /("(?:authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token)"\s*:\s*")(?!\[redacted)((?:[^"\\\r\n]|\\.){1,4000})"/gi,
    replace: (_, head) => `${head}${mark('credentials')}"`,
  },
  {
    kind: 'cookie',
    pattern: /("(?:set-)?cookie"\s*:\s*")(?!\[redacted)((?:[^"\\\r\n]|\\.){1,8000})"/gi,
    replace: (_, head) => `${head}${mark('cookie')}"`,
  },
  // curl's -u user:password and -b cookies, and user:password@ in a URL.
  {
    kind: 'basic credentials',
    pattern: /((?:^|\s)(?:-u|--user)[ \t=]+)(?!\[redacted)('[^'\r\n]{1,400}'|"[^"\r\n]{1,400}"|[^\s'"]{1,400})/g,
    replace: (_, option) => `${option}${mark('basic credentials')}`,
  },
  {
    kind: 'cookie',
    pattern: /((?:^|\s)(?:-b|--cookie)[ \t=]+)(?!\[redacted)('[^'\r\n]{1,8000}'|"[^"\r\n]{1,8000}"|[^\s'"]{1,8000})/g,
    replace: (_, option) => `${option}${mark('cookie')}`,
  },
  {
    kind: 'basic credentials',
    pattern: /(\b[a-z][a-z0-9+.-]{1,20}:\/\/)(?!\[redacted)([^\s/@:"'<>]{1,200}:[^\s/@"'<>]{1,200})@/gi,
    replace: (_, scheme) => `${scheme}${mark('basic credentials')}@`,
  },
  {
    kind: 'secret value',
    pattern:
      /\b(api[_-]?key|apikey|x-api-key|access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|secret|password|passwd|pwd|token|cvv|cvc)(\\?"?[ \t]*[:=][ \t]*\\?"?)(?!\[redacted)([^\s"'\\,;&}\]]{3,})/gi,
    replace: (_, name, separator) => `${name}${separator}${mark('secret value')}`,
  },
  { kind: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, replace: () => mark('JWT') },
  {
    kind: 'API key',
    pattern:
      /\b(?:[a-z]{1,10}_(?:live|test|prod|sandbox)_[A-Za-z0-9_]{6,}|gh[pousr]_[A-Za-z0-9]{30,}|AKIA[0-9A-Z]{16}|xox[abpr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})/gi,
    replace: () => mark('API key'),
  },
  {
    kind: 'card number',
    // Card numbers start with 2–6 (so 13-digit millisecond timestamps, starting with 1, are left alone).
    pattern: /\b[2-6](?:[ -]?\d){12,18}\b/g,
    replace: (match) => redactCardPrefix(match),
  },
];

/**
 * The match may run on into a following number ("4242 4242 4242 4242 0"): redact the longest
 * leading part that is a card number (13–19 digits passing Luhn) and keep the rest.
 */
function redactCardPrefix(match: string): string {
  const digitEnds: number[] = [];
  for (let index = 0; index < match.length; index += 1) if (/\d/.test(match[index]!)) digitEnds.push(index + 1);
  for (let count = Math.min(19, digitEnds.length); count >= 13; count -= 1) {
    const end = digitEnds[count - 1]!;
    // A part ends where the digits do, or at a space or dash: never inside a run of digits.
    if (end < match.length && /\d/.test(match[end]!)) continue;
    if (luhnValid(match.slice(0, end).replace(/\D/g, ''))) return `${mark('card number')}${match.slice(end)}`;
  }
  return match;
}

/** The Luhn checksum every payment card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Characters of the local part (RFC 5322 atext and dots). */
const LOCAL_CHAR = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

/** Replaces e-mail addresses, found by scanning out from each "@" (no backtracking). */
function redactEmails(text: string): { text: string; count: number } {
  let out = '';
  let copied = 0;
  let count = 0;
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > copied && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start -= 1;
    // A local part does not start with a dot: "….jane@x.io" keeps the dots before jane.
    while (start < at && text[start] === '.') start += 1;
    let end = at + 1;
    while (end < text.length && end - at < 255 && DOMAIN_CHAR.test(text[end]!)) end += 1;
    // The domain ends on a letter-only label of two or more letters: trim trailing dots and dashes.
    while (end > at + 1 && /[.-]/.test(text[end - 1]!)) end -= 1;
    const domain = text.slice(at + 1, end);
    const valid = start < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain);
    if (valid) {
      out += text.slice(copied, start) + mark('e-mail address');
      copied = end;
      count += 1;
    }
    at = text.indexOf('@', Math.max(at + 1, copied));
  }
  return { text: out + text.slice(copied), count };
}

export function redact(input: string): Redaction {
  const found: Redaction['found'] = [];
  const note = (kind: RedactionKind, count: number) => {
    if (!count) return;
    const existing = found.find((entry) => entry.kind === kind);
    if (existing) existing.count += count;
    else found.push({ kind, count });
  };
  let text = input;
  for (const rule of RULES) {
    let count = 0;
    text = text.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
      const replacement = rule.replace(match, ...(groups.filter((group) => typeof group === 'string') as string[]));
      if (replacement !== match) count += 1;
      return replacement;
    });
    note(rule.kind, count);
  }
  const emails = redactEmails(text);
  note('e-mail address', emails.count);
  return { text: emails.text, found };
}
