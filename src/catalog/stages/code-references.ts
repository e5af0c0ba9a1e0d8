/**
 * Stage: code references (`related`, `deprecated.replacedBy`) resolved to keys once every code is
 * known, and the rule for resolving a reference that messages share.
 */
import { codeKey, compareCodes } from '../codes';
import { nearestCodes, suggestName } from '../suggest';
import type { ModelContext } from './context';

/** The key a reference written in code space `fromSpace` names, when that code exists. */
export function resolveReference(
  { codes, spaces, surfaces }: ModelContext,
  fromSpace: string,
  ref: string,
): string | undefined {
  const colon = ref.indexOf(':');
  if (colon < 0) return codes.has(codeKey(fromSpace, ref)) ? codeKey(fromSpace, ref) : undefined;
  const prefix = ref.slice(0, colon);
  const space = spaces.has(prefix) ? prefix : surfaces.get(prefix)?.codeSpace;
  const key = space ? codeKey(space, ref.slice(colon + 1)) : undefined;
  return key && codes.has(key) ? key : undefined;
}

/** How to fix a reference that resolved to nothing: the nearest codes of the space it points into. */
export function referenceFix({ codes, spaces, surfaces }: ModelContext, ref: string, fromSpace: string): string {
  const colon = ref.indexOf(':');
  const prefix = colon < 0 ? fromSpace : ref.slice(0, colon);
  const spaceId = spaces.has(prefix) ? prefix : surfaces.get(prefix)?.codeSpace;
  const space = spaceId ? spaces.get(spaceId) : undefined;
  if (!space) return `"${prefix}" is no code space; ${suggestName(prefix, [...spaces.keys()], 'code spaces')}`;
  const near = nearestCodes(
    colon < 0 ? ref : ref.slice(colon + 1),
    space.codes.map((key) => codes.get(key)!.code),
  );
  const qualify = (value: string) => (space.id === fromSpace && colon < 0 ? value : `${space.id}:${value}`);
  return near.length
    ? `name a declared code of code space "${space.id}", e.g. ${near.map((value) => `"${qualify(value)}"`).join(', ')}; write "<space>:<code>" for a code of another space`
    : `code space "${space.id}" has no codes yet`;
}

/** Resolves `related` and `replacedBy`, fills in `referencedBy`, and sorts each space's codes. */
export function resolveCodeReferences(context: ModelContext): void {
  const { codes, spaces, pendingReferences, report } = context;
  for (const pending of pendingReferences) {
    const code = codes.get(pending.key)!;
    const target = resolveReference(context, code.codeSpace, pending.ref);
    if (!target) {
      if (!context.codesUnknown)
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
