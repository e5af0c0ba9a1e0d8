/**
 * Stages: where a retired or moved code leads. A chain of replacements must end at a code to use
 * (no circle, no dead end at a code that is itself retired without saying what replaces it), and
 * a former key (`formerly`) must be free to become a redirect: not a code that still exists, not
 * claimed by two codes, and not what a `replacedBy` points at.
 */
import type { Code } from '../model';
import type { Path } from '../problems';
import { describeOrigin, type ModelContext } from './context';

/** A code as a reader of `fromSpace` would write it: bare in its own space, qualified elsewhere. */
function label(code: Code, fromSpace: string): string {
  return code.codeSpace === fromSpace ? code.code : code.key;
}

export function checkReplacementChains(context: ModelContext): void {
  const { codes, codeSources, pendingReferences, report } = context;
  const written = new Set(
    pendingReferences.filter((pending) => pending.kind === 'replacedBy').map((pending) => pending.key),
  );
  const replacedByPath = (code: Code): Path => [...codeSources.get(code.key)!.path, 'deprecated', 'replacedBy'];
  const inCircle = new Set<string>();
  for (const code of codes.values()) {
    const first = code.deprecated?.replacedBy;
    if (!first || inCircle.has(code.key)) continue;
    const chain = [code.key];
    let next: string | undefined = first;
    while (next && !chain.includes(next)) {
      chain.push(next);
      next = codes.get(next)?.deprecated?.replacedBy;
    }
    if (next) {
      // `next` closes a circle; the codes before it in the chain only lead into it.
      const circle = chain.slice(chain.indexOf(next));
      if (circle.some((key) => inCircle.has(key))) continue;
      circle.forEach((key) => inCircle.add(key));
      const at = codes.get(circle[0]!)!;
      const names = [...circle, circle[0]!].map((key) => label(codes.get(key)!, at.codeSpace));
      report(
        codeSources.get(at.key)!.source,
        replacedByPath(at),
        `the replacement chain ${names.join(' → ')} goes round in a circle, so it never reaches a code to use`,
        'point one replacedBy of the circle at a code that is not deprecated, or remove it',
      );
      continue;
    }
    const target = codes.get(first)!;
    if (target.deprecated && !written.has(target.key)) {
      const where = describeOrigin(target.origin);
      report(
        codeSources.get(code.key)!.source,
        replacedByPath(code),
        `code ${code.code} is replaced by ${label(target, code.codeSpace)}, which is deprecated too (since ${target.deprecated.since}, ${where}) and names no replacement, so the chain ends at a retired code`,
        `point replacedBy at the code clients should use now; if nothing replaces ${code.code}, remove replacedBy and say so in its deprecated.note`,
      );
    }
  }
}

/** Old keys listed under `formerly` become redirects, so each must be free and claimed once. */
export function checkFormerKeys(context: ModelContext): void {
  const { codes, codeSources, report } = context;
  const claimedBy = new Map<string, Code>();
  for (const code of codes.values()) {
    const { source, path } = codeSources.get(code.key)!;
    code.formerly.forEach((former, index) => {
      const at = [...path, 'formerly', index];
      const live = codes.get(former);
      const earlier = claimedBy.get(former);
      if (former === code.key) {
        report(
          source,
          at,
          `code ${code.code} lists its own key "${former}" under formerly`,
          `remove "${former}" from formerly`,
        );
      } else if (live?.deprecated?.replacedBy === code.key) {
        report(
          source,
          at,
          `"${former}" is listed as a former key of ${code.key}, but ${live.key} is still declared (${describeOrigin(live.origin)}), deprecated and replaced by ${code.key}: a code either moved or was retired, not both`,
          `if it moved, delete the entry of ${live.key} (its old URL then redirects here); if it was retired, keep it and remove "${former}" from formerly`,
        );
      } else if (live) {
        report(
          source,
          at,
          `"${former}" is listed as a former key of ${code.key}, but it is still a code (${describeOrigin(live.origin)}), so its page cannot become a redirect`,
          `remove "${former}" from formerly (a code that still exists is not a former name), or name its replacement with deprecated: { replacedBy: "${code.key}" } on ${live.key}`,
        );
      } else if (earlier && earlier !== code) {
        report(
          source,
          at,
          `"${former}" is listed as a former key of both ${earlier.key} (${describeOrigin(earlier.origin)}) and ${code.key}, and its old URL can redirect to one code only`,
          `keep "${former}" under formerly of the code that really took its place`,
        );
      } else {
        claimedBy.set(former, code);
      }
    });
  }
}

/** The code that lists `key` under `formerly`, if any: a reference to an old key should name the new one. */
export function codeFormerlyKnownAs(context: ModelContext, key: string): Code | undefined {
  for (const code of context.codes.values()) if (code.formerly.includes(key)) return code;
  return undefined;
}
