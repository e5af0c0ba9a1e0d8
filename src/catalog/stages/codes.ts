/**
 * Stage: business codes — unique in their space, with a declared status, a sound template, inside
 * an active range of a ranged space, sent by surfaces of their space. References wait for
 * `resolveCodeReferences`, once every code is known.
 */
import type { CodeData } from '../../schemas/code';
import { codeKey, codeSlug, isNumericCode } from '../codes';
import { checkTemplate } from '../cross-check';
import type { Code, CodeSpace, CodeStatus, Range } from '../model';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { codeRetry } from '../retry-defaults';
import { suggestName } from '../suggest';
import { describeOrigin, originOf, type ModelContext } from './context';
import { checkStatusDeclared } from './statuses';
import { spaceFor } from './surfaces';

export function collectCodes(context: ModelContext): void {
  const { files, codes, codeSources, slugs, pendingReferences, report, dropped } = context;
  for (const { data, entries, source } of files.codes) {
    const space = spaceFor(context, source, ['codeSpace'], data.codeSpace);
    if (!space) {
      dropped.push({ kind: 'codes', scope: data.codeSpace });
      continue;
    }
    for (const { value: entry, path } of entries) {
      const key = codeKey(space.id, entry.code);
      const earlier = codeSources.get(key);
      if (earlier) {
        report(
          source,
          [...path, 'code'],
          `code ${entry.code} is declared twice in code space "${space.id}" (first at ${earlier.source.file}:${earlier.source.lineOf(earlier.path) ?? '?'})`,
          'give one of them a new code; codes are permanent, so deprecate an old one instead of reusing it',
        );
        continue;
      }
      const slug = codeSlug(entry.code);
      const slugOwner = slugs.get(`${space.id}/${slug}`);
      if (slugOwner) {
        report(
          source,
          [...path, 'code'],
          `code "${entry.code}" has the same page address (${slug}) as code "${slugOwner}"`,
          'codes of one space must differ in letters or digits, not only in punctuation',
        );
        continue;
      }
      slugs.set(`${space.id}/${slug}`, entry.code);
      codeSources.set(key, { source, path });
      const placeholderNames = checkTemplate(entry.message, entry.placeholders, source, [...path, 'message'], report);
      const range = rangeOf(context, space, entry, source, path);
      checkCodeSurfaces(context, space, entry, source, path);
      const surfaces = entry.surfaces ? space.surfaces.filter((id) => entry.surfaces!.includes(id)) : space.surfaces;
      const codeStatuses = collectCodeStatuses(context, entry, surfaces, source, path);
      if (codeStatuses.length === 0) continue;
      const { status: _status, statuses: _statuses, ...rest } = entry;
      const code: Code = {
        ...rest,
        key,
        codeSpace: space.id,
        slug,
        status: codeStatuses[0]!.status,
        statuses: codeStatuses,
        surfaces,
        range: range?.slug,
        retry: codeStatuses[0]!.retry,
        retryInherited: codeStatuses[0]!.retryInherited,
        placeholderNames,
        related: [],
        referencedBy: [],
        deprecated: entry.deprecated ? { since: entry.deprecated.since, note: entry.deprecated.note } : undefined,
        formerly: entry.formerly.map((ref) => (ref.includes(':') ? ref : codeKey(space.id, ref))),
        origin: originOf(source, path),
      };
      codes.set(key, code);
      range?.codes.push(key);
      space.codes.push(key);
      entry.related.forEach((ref, refIndex) =>
        pendingReferences.push({ key, source, path: [...path, 'related', refIndex], ref, kind: 'related' }),
      );
      if (entry.deprecated?.replacedBy !== undefined)
        pendingReferences.push({
          key,
          source,
          path: [...path, 'deprecated', 'replacedBy'],
          ref: entry.deprecated.replacedBy,
          kind: 'replacedBy',
        });
    }
  }
}

/**
 * The statuses a code comes with, each in its context: `status:` (one, with the code's advice) or
 * `statuses:` (several; each status once, each declared, its surfaces among the code's). Empty, after
 * a report, when the code names none.
 */
function collectCodeStatuses(
  context: ModelContext,
  entry: CodeData,
  surfaces: string[],
  source: SourceFile,
  path: Path,
): CodeStatus[] {
  const { statuses, report, mayHold } = context;
  const withStatus = (status: number) => statuses.get(status)?.retry;
  if (entry.status !== undefined) {
    checkStatusDeclared(context, source, [...path, 'status'], entry.status);
    return [
      {
        status: entry.status,
        surfaces,
        ...codeRetry(entry.status, entry.retry, withStatus(entry.status)),
        errorsWithSuccess: entry.status < 300,
      },
    ];
  }
  // The schema requires one of status: and statuses:.
  if (entry.statuses === undefined) return [];
  const seen = new Map<number, number>();
  const result: CodeStatus[] = [];
  entry.statuses.forEach((item, index) => {
    const itemPath = [...path, 'statuses', index];
    const first = seen.get(item.status);
    if (first !== undefined) {
      report(
        source,
        [...itemPath, 'status'],
        `status ${item.status} is listed twice for code ${entry.code} (first as statuses[${first}])`,
        'list each status once; say what differs between contexts (surfaces, when:) in that one entry, or use another code',
      );
      return;
    }
    seen.set(item.status, index);
    checkStatusDeclared(context, source, [...itemPath, 'status'], item.status);
    (item.surfaces ?? []).forEach((surfaceId, surfaceIndex) => {
      if (!surfaces.includes(surfaceId) && !mayHold('surfaces', surfaceId))
        report(
          source,
          [...itemPath, 'surfaces', surfaceIndex],
          `surface "${surfaceId}" does not send code ${entry.code}`,
          `name only surfaces the code comes from (${surfaces.join(', ')})`,
        );
    });
    result.push({
      status: item.status,
      ...(item.layer ? { layer: item.layer } : {}),
      surfaces: item.surfaces ? surfaces.filter((id) => item.surfaces!.includes(id)) : surfaces,
      ...(item.when ? { when: item.when } : {}),
      ...(item.cause ? { cause: item.cause } : {}),
      ...codeRetry(item.status, item.retry ?? entry.retry, withStatus(item.status)),
      errorsWithSuccess: item.status < 300,
    });
  });
  return result;
}

/**
 * The range holding a code of a ranged space. A space with ranges holds only numeric codes, each
 * inside an active range.
 */
function rangeOf(
  { files, report, mayHold }: ModelContext,
  space: CodeSpace,
  entry: CodeData,
  source: SourceFile,
  path: Path,
): Range | undefined {
  if (space.ranges.length === 0) return undefined;
  if (!isNumericCode(entry.code)) {
    report(
      source,
      [...path, 'code'],
      `code "${entry.code}" is not numeric, but code space "${space.id}" is divided into numeric ranges`,
      'use a numeric code, or put symbolic codes in a code space without ranges',
    );
    return undefined;
  }
  const value = Number(entry.code);
  const range = space.ranges.find((candidate) => value >= candidate.from && value <= candidate.to);
  if (!range) {
    // A range that failed its schema may be the one that holds it.
    if (mayHold('ranges', undefined, space.id)) return undefined;
    const rangesFile =
      files.ranges.find((file) => file.data.codeSpace === space.id)?.source.file ??
      `${files.root}/ranges/${space.id}.yaml`;
    const active = space.ranges.filter((r) => r.state === 'active').map((r) => r.slug);
    report(
      source,
      [...path, 'code'],
      `code ${entry.code} of code space "${space.id}" lies in no declared range`,
      `add a range that holds it to ${rangesFile}${active.length ? `, or renumber the code into one of the active ranges: ${active.join(', ')}` : ''}`,
    );
  } else if (range.state !== 'active') {
    report(
      source,
      [...path, 'code'],
      `code ${entry.code} lies in range ${range.slug} (${range.name}), which is marked ${range.state}`,
      `set state: active on range ${range.slug} (${describeOrigin(range.origin)}) if the range is now in use, or renumber the code into an active range`,
    );
  }
  return range;
}

/** A code that names its surfaces may name only surfaces of its own code space. */
function checkCodeSurfaces(
  { surfaces, report, mayHold }: ModelContext,
  space: CodeSpace,
  entry: CodeData,
  source: SourceFile,
  path: Path,
): void {
  (entry.surfaces ?? []).forEach((surfaceId, surfaceIndex) => {
    if (!space.surfaces.includes(surfaceId) && !mayHold('surfaces', surfaceId))
      report(
        source,
        [...path, 'surfaces', surfaceIndex],
        `surface "${surfaceId}" does not send codes of code space "${space.id}"`,
        surfaces.has(surfaceId)
          ? `name only surfaces of code space "${space.id}" (${space.surfaces.join(', ')}); a code that ${surfaceId} sends belongs in the codes of its space "${surfaces.get(surfaceId)!.codeSpace}"`
          : suggestName(surfaceId, space.surfaces, `surfaces of code space "${space.id}"`),
      );
  });
}
