/** Stage: the ranges of each code space (sorted, never overlapping). */
import { checkRanges } from '../cross-check';
import type { Range } from '../model';
import { originOf, type ModelContext } from './context';
import { spaceFor } from './surfaces';

export function collectRanges(context: ModelContext): void {
  const { files, spaces, rangeLocations, report } = context;
  for (const { data, entries, source } of files.ranges) {
    const space = spaceFor(context, source, ['codeSpace'], data.codeSpace);
    if (!space) continue;
    if (data.name) space.name = data.name;
    if (data.description) space.description = data.description;
    space.origin ??= originOf(source, []);
    for (const { value: range, path } of entries) {
      const entry: Range = {
        ...range,
        slug: `${range.from}-${range.to}`,
        codeSpace: space.id,
        codes: [],
        origin: originOf(source, path),
      };
      space.ranges.push(entry);
      rangeLocations.set(entry, { source, path });
    }
  }
  for (const space of spaces.values()) {
    space.ranges.sort((a, b) => a.from - b.from);
    checkRanges(space, (range) => rangeLocations.get(range), report);
  }
}
