/** Stages: HTTP statuses (unique, per-surface overrides of real surfaces) and the statuses they relate. */
import { evaluateFieldPath } from '../../schemas/field-path';
import { statusClassOf } from '../../shared/status-class';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { defaultRetryAdvice } from '../retry-defaults';
import { suggestName } from '../suggest';
import { describeOrigin, originOf, type ModelContext } from './context';

/** Statuses by number, with the general-practice retry advice filled in where none is stated. */
export function collectStatuses({ files, surfaces, statuses, report, mayHold }: ModelContext): void {
  for (const { entries, source } of files.statuses) {
    for (const { value: status, path } of entries) {
      if (statuses.has(status.status)) {
        report(
          source,
          [...path, 'status'],
          `status ${status.status} is declared twice (first at ${describeOrigin(statuses.get(status.status)!.origin)})`,
          'keep one entry per status; put what differs on one surface under surfaces: <surface id>',
        );
        continue;
      }
      for (const surfaceId of Object.keys(status.surfaces)) {
        if (!surfaces.has(surfaceId) && !mayHold('surfaces', surfaceId))
          report(
            source,
            [...path, 'surfaces', surfaceId],
            `surface "${surfaceId}" does not exist`,
            suggestName(surfaceId, [...surfaces.keys()], 'surface ids (file names in surfaces/)'),
          );
      }
      statuses.set(status.status, {
        ...status,
        statusClass: statusClassOf(status.status),
        retry: status.retry ?? defaultRetryAdvice(status.status),
        retryInherited: status.retry === undefined,
        origin: originOf(source, path),
      });
    }
  }
}

/** Related statuses can point forward in the file, so they are checked once all are known. */
export function checkRelatedStatuses({ files, statuses, report, mayHold }: ModelContext): void {
  for (const { entries, source } of files.statuses) {
    for (const { value: status, path: statusPath } of entries) {
      status.related.forEach((related, relatedIndex) => {
        const path = [...statusPath, 'related', relatedIndex];
        if (related === status.status)
          report(
            source,
            path,
            `status ${status.status} names itself as related`,
            'name a different status or remove it',
          );
        else if (!statuses.has(related) && !mayHold('statuses', String(related)))
          report(
            source,
            path,
            `related status ${related} is not declared`,
            `declare status ${related} (e.g. in ${source.file}) or remove it from related:`,
          );
      });
    }
  }
}

/** Reports `status` at `path` when the catalog does not declare it. */
export function checkStatusDeclared(
  { files, statuses, report, mayHold }: ModelContext,
  source: SourceFile,
  path: Path,
  status: number | undefined,
): void {
  if (status !== undefined && !statuses.has(status) && !mayHold('statuses', String(status)))
    report(
      source,
      path,
      `HTTP status ${status} is not declared`,
      `add it to ${files.statuses[0]?.source.file ?? `${files.root}/statuses/statuses.yaml`} (status: ${status}, reason:, meaning:, action:) or use one of: ${[...statuses.keys()].sort().join(', ')}`,
    );
}

/**
 * The statuses an envelope's examples come with, and those their bodies repeat (at the envelope's
 * `status` path), are declared and agree with each other.
 */
export function checkExampleStatuses(context: ModelContext): void {
  const { envelopes, exampleBodies, report } = context;
  for (const [id, { source, bodies }] of exampleBodies) {
    const statusPath = envelopes.get(id)?.fields.status;
    for (const { example, path, body } of bodies) {
      checkStatusDeclared(context, source, [...path, 'status'], example.status);
      if (!statusPath) continue;
      for (const { value } of evaluateFieldPath(body, statusPath)) {
        const said = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
        if (typeof said !== 'number' || !Number.isInteger(said) || said < 100 || said > 599) continue;
        if (example.status !== undefined && said !== example.status)
          report(
            source,
            [...path, 'body'],
            `example "${example.title}" comes with status ${example.status}, but its body says ${said} (at ${statusPath})`,
            `make the two agree: status: is the HTTP status this body is sent with`,
          );
        else if (example.status === undefined) checkStatusDeclared(context, source, [...path, 'body'], said);
      }
    }
  }
}
