/** Stage: headers — one entry per name (names ignore case), each status and surface it names declared. */
import { suggestName } from '../suggest';
import { describeOrigin, originOf, type ModelContext } from './context';
import { checkStatusDeclared } from './statuses';

export function collectHeaders(context: ModelContext): void {
  const { files, headers, surfaces, report, mayHold } = context;
  for (const { entries, source } of files.headers) {
    for (const { value: header, path } of entries) {
      const earlier = headers.find((other) => other.name.toLowerCase() === header.name.toLowerCase());
      if (earlier) {
        report(
          source,
          [...path, 'name'],
          `header ${header.name} is declared twice (first as ${earlier.name} at ${describeOrigin(earlier.origin)}; header names ignore case)`,
          'keep one entry per header',
        );
        continue;
      }
      header.statuses.forEach((status, statusIndex) =>
        checkStatusDeclared(context, source, [...path, 'statuses', statusIndex], status),
      );
      (header.surfaces ?? []).forEach((surfaceId, surfaceIndex) => {
        if (!surfaces.has(surfaceId) && !mayHold('surfaces', surfaceId))
          report(
            source,
            [...path, 'surfaces', surfaceIndex],
            `surface "${surfaceId}" does not exist`,
            suggestName(surfaceId, [...surfaces.keys()], 'surface ids (file names in surfaces/)'),
          );
      });
      headers.push({ ...header, origin: originOf(source, path) });
    }
  }
}
