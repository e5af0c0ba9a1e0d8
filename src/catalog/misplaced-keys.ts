/**
 * Unknown fields that are really something else, told as what they are: text cut off a value by
 * a comma in a one-line `{ … }` mapping (quote the value), or a field that belongs one level
 * deeper and lost its indentation (indent it). "Remove it" would be the wrong fix for both.
 */
import { isMap, isScalar, type Pair } from 'yaml';
import { placeholderNames } from './placeholders';
import type { Path } from './problems';
import type { SourceFile } from './source-file';

/** What an unknown key at `path` really is, when it is one of the slips above. */
export interface Misplaced {
  message: string;
  fix: string;
  /** Other unknown keys of the same slip (the rest of a value cut by several commas): not reported again. */
  alsoCovers: string[];
  /** The field the problem is about, when it is not the unknown key (the value a comma cut short). */
  field?: string;
}

/**
 * The unknown `key` of the mapping at `path`. `nestedOwners` are the fields of that mapping whose
 * own fields include `key` (from the schema).
 */
export function misplacedKey(
  source: SourceFile,
  path: Path,
  key: string,
  nestedOwners: string[],
): Misplaced | undefined {
  return cutByComma(source, path, key) ?? dedented(source, path, key, nestedOwners);
}

/** `{ meaning: Orders, refunds and disputes. }` reads as `meaning: Orders` and a key "refunds and disputes.". */
function cutByComma(source: SourceFile, path: Path, key: string): Misplaced | undefined {
  const map = source.nodeAt?.(path);
  if (!isMap(map) || !map.flow || source.text === undefined) return undefined;
  const items = map.items as Pair[];
  const index = items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  if (index <= 0 || items[index]!.value !== null) return undefined;
  let owner = index - 1;
  while (owner >= 0 && items[owner]!.value === null) owner -= 1;
  const ownerPair = items[owner];
  if (!ownerPair || !isScalar(ownerPair.value) || !isScalar(ownerPair.key) || !ownerPair.value.range) return undefined;
  // The whole run of cut-off keys after the owner is one value.
  let last = owner + 1;
  while (last + 1 < items.length && items[last + 1]!.value === null) last += 1;
  if (index !== owner + 1) return undefined;
  const lastKey = items[last]!.key;
  if (!isScalar(lastKey) || !lastKey.range) return undefined;
  const written = source.text.slice(ownerPair.value.range[0], lastKey.range[1]).trim();
  const ownerName = String(ownerPair.key.value);
  const firstPart = String(ownerPair.value.value);
  return {
    message: `the comma after "${firstPart}" ends the value of ${ownerName}: in a one-line { … } mapping, so "${key}" became a field of its own`,
    fix: `quote the value: ${ownerName}: "${written.replace(/^["']|["']$/g, '').replace(/["\\]/g, '\\$&')}"`,
    field: ownerName,
    alsoCovers: items
      .slice(owner + 2, last + 1)
      .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))
      .filter(Boolean),
  };
}

/** A field of a nested mapping written at the level of its parent: a placeholder description, a retry field… */
function dedented(source: SourceFile, path: Path, key: string, nestedOwners: string[]): Misplaced | undefined {
  const message = source.valueAt([...path, 'message']);
  const placeholders = source.valueAt([...path, 'placeholders']);
  const described = placeholders !== null && typeof placeholders === 'object' && key in placeholders;
  if (typeof message === 'string' && placeholderNames(message).includes(key) && !described) {
    return {
      message: `"${key}" is not a field of this entry, but the message has {${key}}: this looks like the description of that placeholder, written outside placeholders:`,
      fix:
        placeholders === undefined
          ? `write it under a "placeholders:" line, indented by two more spaces`
          : `indent it under placeholders:, in line with the other placeholder descriptions`,
      alsoCovers: [],
    };
  }
  // Prefer a nested mapping the entry already has: the author was writing inside it.
  const owner = nestedOwners.find((name) => source.valueAt([...path, name]) !== undefined) ?? nestedOwners[0];
  if (!owner) return undefined;
  const present = source.valueAt([...path, owner]) !== undefined;
  return {
    message: `"${key}" is not a field here, but it is a field of ${owner}:`,
    fix: present
      ? `indent it under ${owner}:, in line with the fields already there`
      : `write it under an "${owner}:" line, indented by two more spaces`,
    alsoCovers: [],
  };
}
