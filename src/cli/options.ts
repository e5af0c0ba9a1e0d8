/** Parsers for option values, so a wrong value is refused by commander with the option's name (exit 2). */
import { InvalidArgumentError } from 'commander';

export function parseStatus(value: string): number {
  const status = Number(value);
  if (!/^\d{3}$/.test(value) || status < 100 || status > 599)
    throw new InvalidArgumentError('an HTTP status is a number from 100 to 599, e.g. 404.');
  return status;
}

export function parseCodeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('write a whole number, e.g. 1100.');
  return Number(value);
}

/** `a,b, c` → [a, b, c]. */
export function parseList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ];
}

/** Repeated `name=text` options → { name: text }. */
export function parsePair(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const equals = value.indexOf('=');
  if (equals <= 0) throw new InvalidArgumentError(`write name=text, e.g. customerId="The customer id you sent".`);
  return { ...previous, [value.slice(0, equals).trim()]: value.slice(equals + 1).trim() };
}
