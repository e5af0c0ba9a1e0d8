/** Stages: HTTP statuses (unique, per-surface overrides of real surfaces) and the statuses they relate. */
import { statusClassOf } from '../../shared/status-class';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { defaultRetryAdvice } from '../retry-defaults';
import { suggestName } from '../suggest';
import { describeOrigin, isUnreadable, originOf, type ModelContext } from './context';

/** Statuses by number, with the general-practice retry advice filled in where none is stated. */
export function collectStatuses({ files, surfaces, statuses, report }: ModelContext): void {
  for (const { data, source } of files.statuses) {
    data.statuses.forEach((status, index) => {
      const path = ['statuses', index];
      if (statuses.has(status.status)) {
        report(
          source,
          [...path, 'status'],
          `status ${status.status} is declared twice (first at ${describeOrigin(statuses.get(status.status)!.origin)})`,
          'keep one entry per status; put what differs on one surface under surfaces: <surface id>',
        );
        return;
      }
      for (const surfaceId of Object.keys(status.surfaces)) {
        if (!surfaces.has(surfaceId) && !isUnreadable(files, 'surfaces'))
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
    });
  }
}

/** Related statuses can point forward in the file, so they are checked once all are known. */
export function checkRelatedStatuses({ files, statuses, report }: ModelContext): void {
  for (const { data, source } of files.statuses) {
    data.statuses.forEach((status, index) => {
      status.related.forEach((related, relatedIndex) => {
        const path = ['statuses', index, 'related', relatedIndex];
        if (related === status.status)
          report(
            source,
            path,
            `status ${status.status} names itself as related`,
            'name a different status or remove it',
          );
        else if (!statuses.has(related))
          report(
            source,
            path,
            `related status ${related} is not declared`,
            `declare status ${related} (e.g. in ${source.file}) or remove it from related:`,
          );
      });
    });
  }
}

/** Reports `status` at `path` when the catalog does not declare it. */
export function checkStatusDeclared(
  { files, statuses, report }: ModelContext,
  source: SourceFile,
  path: Path,
  status: number | undefined,
): void {
  if (status !== undefined && !statuses.has(status) && !isUnreadable(files, 'statuses'))
    report(
      source,
      path,
      `HTTP status ${status} is not declared`,
      `add it to ${files.statuses[0]?.source.file ?? `${files.root}/statuses/statuses.yaml`} (status: ${status}, reason:, meaning:, action:) or use one of: ${[...statuses.keys()].sort().join(', ')}`,
    );
}
