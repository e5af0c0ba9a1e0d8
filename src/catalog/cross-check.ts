/** Cross-checks that look at more than one field: range overlaps and message templates. */
import type { CodeSpace, Range } from './model';
import { placeholderNames, templateProblems } from './placeholders';
import type { Path } from './problems';
import type { SourceFile } from './read-catalog';
import type { Report } from './stages/context';

/** Where a range was declared: its file and its path in that file. */
export type RangeLocator = (range: Range) => { source: SourceFile; path: Path } | undefined;

/**
 * Ranges of one code space must not overlap. `space.ranges` is sorted by `from`; each range is
 * compared with the furthest-reaching range before it, so a long range that swallows several
 * later ones is reported against each of them.
 */
export function checkRanges(space: CodeSpace, locate: RangeLocator, report: Report): void {
  let reach: Range | undefined;
  for (const range of space.ranges) {
    if (reach && range.from <= reach.to) {
      const where = locate(range);
      const other = locate(reach);
      const otherLine = other?.source.lineOf(other.path) ?? '?';
      const otherAt = other
        ? ` (${other.source.file === where?.source.file ? `line ${otherLine}` : `${other.source.file}:${otherLine}`})`
        : '';
      if (where)
        report(
          where.source,
          [...where.path, 'from'],
          `range ${range.slug} (${range.name}) overlaps range ${reach.slug} (${reach.name})${otherAt} in code space "${space.id}"`,
          reach.to < range.to
            ? `start it after ${reach.to} (from: ${reach.to + 1}), or end ${reach.slug} before ${range.from} (to: ${range.from - 1})`
            : `${reach.slug} already covers it: remove one of the two, or end ${reach.slug} before ${range.from} (to: ${range.from - 1})`,
        );
    }
    if (!reach || range.to > reach.to) reach = range;
  }
}

/**
 * Checks a message template and its declared placeholders; returns the placeholder names.
 * Declared placeholders must appear in the template, so their descriptions never go stale.
 */
export function checkTemplate(
  template: string,
  declared: Record<string, string>,
  source: SourceFile,
  path: Path,
  report: Report,
): string[] {
  const broken = templateProblems(template);
  for (const problem of broken) {
    const [message, fix] = problem.split('; ');
    report(source, path, message!, fix ?? 'write placeholders as {name}');
  }
  // A broken template's placeholder names are guesses; comparing them with the described ones
  // would only repeat the problem above.
  if (broken.length > 0) return [];
  const names = placeholderNames(template);
  for (const name of Object.keys(declared)) {
    if (!names.includes(name)) {
      report(
        source,
        [...path.slice(0, -1), 'placeholders', name],
        `placeholder "${name}" is described but the message has no {${name}}`,
        names.length
          ? `describe only ${names.map((n) => `{${n}}`).join(', ')}, or add {${name}} to the message`
          : `add {${name}} to the message or remove the description`,
      );
    }
  }
  return names;
}
