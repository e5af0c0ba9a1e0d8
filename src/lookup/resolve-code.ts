/** Finds the documented codes a code or name written by someone refers to, in every code space or in preferred ones. */
import { isNumericCode } from '../catalog/codes';
import type { IndexReader } from './index-reader';
import type { CodeRecord } from './index-format';

export interface ResolvedCode {
  record: CodeRecord;
  /** Whether the value was the code itself or the code's name. */
  by: 'code' | 'name';
}

/** `USER-NOT-FOUND`, `user.not.found` and `user not found` are all written for `user_not_found`. */
function tokenVariants(value: string): string[] {
  const lower = value.trim().toLowerCase();
  const underscored = lower.replace(/[-.\s]+/g, '_');
  return underscored === lower ? [lower] : [lower, underscored];
}

/**
 * The code records `value` names: a numeric code by number, anything else by symbolic code or
 * name, case-insensitively. With `preferredSpaces`, matches in those spaces win when there are
 * any (a body read with an envelope names the spaces of its surfaces). Records still loading are
 * left out; the reader notes their shards.
 */
export function resolveCode(
  reader: IndexReader,
  value: string,
  preferredSpaces: readonly string[] = [],
): ResolvedCode[] {
  const found: ResolvedCode[] = [];
  const trimmed = value.trim();
  if (isNumericCode(trimmed) && trimmed.length <= 15) {
    for (const { position } of reader.numericPositions(Number(trimmed))) {
      const record = reader.record(position);
      if (record?.t === 'c') found.push({ record, by: 'code' });
    }
  } else if (trimmed.length <= 100) {
    const seen = new Set<number>();
    for (const token of tokenVariants(trimmed)) {
      for (const position of reader.tokenPositions(token)) {
        if (seen.has(position)) continue;
        seen.add(position);
        const record = reader.record(position);
        if (record?.t !== 'c') continue;
        if (record.code.toLowerCase() === token) found.push({ record, by: 'code' });
        else if (record.name?.toLowerCase() === token) found.push({ record, by: 'name' });
      }
    }
  }
  if (!preferredSpaces.length) return found;
  const preferred = found.filter((entry) => preferredSpaces.includes(entry.record.space));
  return preferred.length ? preferred : found;
}
