/**
 * Stage: code references (`related`, `deprecated.replacedBy`) resolved to keys once every code is
 * known, and the rules for resolving a reference and for saying what to write instead when it
 * names nothing, which messages and guide links share.
 */
import { codeKey, compareCodes } from '../codes';
import { closest, nearestCodes, suggestName } from '../suggest';
import type { ModelContext } from './context';
import { codeFormerlyKnownAs } from './replacements';

/** The code space prefix of a reference (or `fromSpace` for a bare one) and its code. */
export function splitReference(ref: string, fromSpace: string): [prefix: string, code: string] {
  const colon = ref.indexOf(':');
  return colon < 0 ? [fromSpace, ref] : [ref.slice(0, colon), ref.slice(colon + 1)];
}

/** The code space a prefix names: a space id, or a surface id standing for its space. */
function spaceOfPrefix({ spaces, surfaces }: ModelContext, prefix: string): string | undefined {
  return spaces.has(prefix) ? prefix : surfaces.get(prefix)?.codeSpace;
}

/** The key a reference written in code space `fromSpace` names, when that code exists. */
export function resolveReference(context: ModelContext, fromSpace: string, ref: string): string | undefined {
  const [prefix, value] = splitReference(ref, fromSpace);
  const space = spaceOfPrefix(context, prefix);
  const key = space ? codeKey(space, value) : undefined;
  return key && context.codes.has(key) ? key : undefined;
}

/**
 * How to fix a reference that resolved to nothing: the key it moved to, the space its prefix was
 * meant to be, or the nearest codes of the space it points into. Without `fromSpace` (a common
 * message, which belongs to no space) a bare code is looked for in every space.
 */
export function referenceFix(context: ModelContext, ref: string, fromSpace?: string): string {
  const { codes, spaces, surfaces } = context;
  const bare = !ref.includes(':');
  const [prefix, value] = splitReference(ref, fromSpace ?? '');
  const spaceId = spaceOfPrefix(context, prefix);
  // A message's bare code may be the old key of a code in any space.
  const oldKeys = spaceId ? [codeKey(spaceId, value)] : bare ? [...spaces.keys()].map((id) => codeKey(id, value)) : [];
  const moved = oldKeys.map((key) => codeFormerlyKnownAs(context, key)).find(Boolean);
  if (moved) {
    const now = bare && moved.codeSpace === fromSpace ? moved.code : moved.key;
    return `${ref} has moved: code ${moved.key} lists it under formerly; write "${now}"`;
  }
  const written = (space: string, code: string) =>
    bare && fromSpace !== undefined && space === fromSpace ? `"${code}"` : `"${space}:${code}"`;
  if (bare && fromSpace === undefined) {
    const holders = new Map<string, string[]>();
    for (const space of spaces.values())
      for (const key of space.codes)
        holders.set(codes.get(key)!.code, [...(holders.get(codes.get(key)!.code) ?? []), space.id]);
    const near = nearestCodes(value, [...holders.keys()]).flatMap((code) =>
      holders.get(code)!.map((space) => (spaces.size === 1 ? `"${code}"` : `"${space}:${code}"`)),
    );
    return near.length
      ? `no code space has a code ${value}; name a declared code, e.g. ${near.join(', ')}`
      : 'no code space has codes yet';
  }
  if (!spaceId) {
    const prefixes = [...spaces.keys(), ...[...surfaces.keys()].filter((id) => !spaces.has(id))];
    const near = closest(prefix, prefixes);
    return near
      ? `"${prefix}" is neither a code space nor a surface; did you mean "${near}:${value}"?`
      : `"${prefix}" is neither a code space nor a surface; ${suggestName(prefix, [...spaces.keys()], 'code spaces')}`;
  }
  const space = spaces.get(spaceId)!;
  const near = nearestCodes(
    value,
    space.codes.map((key) => codes.get(key)!.code),
  );
  return near.length
    ? `name a declared code of code space "${space.id}", e.g. ${near.map((code) => written(space.id, code)).join(', ')}; write "<space>:<code>" for a code of another space`
    : `code space "${space.id}" has no codes yet`;
}

/** Resolves `related` and `replacedBy`, fills in `referencedBy`, and sorts each space's codes. */
export function resolveCodeReferences(context: ModelContext): void {
  const { codes, spaces, pendingReferences, report, mayHold } = context;
  for (const pending of pendingReferences) {
    const code = codes.get(pending.key)!;
    const target = resolveReference(context, code.codeSpace, pending.ref);
    if (!target) {
      const [prefix, value] = splitReference(pending.ref, code.codeSpace);
      if (!mayHold('codes', value, spaceOfPrefix(context, prefix) ?? prefix))
        report(
          pending.source,
          pending.path,
          `${pending.kind === 'related' ? 'related code' : 'replacement code'} "${pending.ref}" does not exist`,
          referenceFix(context, pending.ref, code.codeSpace),
        );
      continue;
    }
    if (target === code.key) {
      report(
        pending.source,
        pending.path,
        `code ${code.code} names itself as ${pending.kind === 'related' ? 'related' : 'its replacement'}`,
        'name a different code',
      );
      continue;
    }
    if (pending.kind === 'related') code.related.push(target);
    else code.deprecated = { ...code.deprecated!, replacedBy: target };
    codes.get(target)!.referencedBy.push(code.key);
  }
  for (const space of spaces.values()) {
    space.codes.sort((a, b) => compareCodes(codes.get(a)!.code, codes.get(b)!.code));
    for (const range of space.ranges) range.codes.sort((a, b) => compareCodes(codes.get(a)!.code, codes.get(b)!.code));
  }
}
