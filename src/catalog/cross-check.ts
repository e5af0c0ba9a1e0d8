/** Cross-checks that look at more than one field: range overlaps, templates, envelope examples. */
import { evaluateFieldPath } from '../schemas/field-path';
import { isJsonMediaType } from '../shared/media-type';
import type { EnvelopeData } from '../schemas/envelope';
import type { CodeSpace, Range } from './model';
import { placeholderNames, templateProblems } from './placeholders';
import type { SourceFile } from './read-catalog';

type Path = ReadonlyArray<string | number>;
export type Report = (source: SourceFile, path: Path, message: string, fix: string) => void;

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
      const otherAt = other ? ` (${other.source.file === where?.source.file ? `line ${otherLine}` : `${other.source.file}:${otherLine}`})` : '';
      if (where)
        report(where.source, [...where.path, 'from'],
          `range ${range.slug} (${range.name}) overlaps range ${reach.slug} (${reach.name})${otherAt} in code space "${space.id}"`,
          reach.to < range.to
            ? `start it after ${reach.to} (from: ${reach.to + 1}), or end ${reach.slug} before ${range.from} (to: ${range.from - 1})`
            : `${reach.slug} already covers it: remove one of the two, or end ${reach.slug} before ${range.from} (to: ${range.from - 1})`);
    }
    if (!reach || range.to > reach.to) reach = range;
  }
}

/**
 * Checks a message template and its declared placeholders; returns the placeholder names.
 * Declared placeholders must appear in the template, so their descriptions never go stale.
 */
export function checkTemplate(template: string, declared: Record<string, string>, source: SourceFile, path: Path, report: Report): string[] {
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
      report(source, [...path.slice(0, -1), 'placeholders', name], `placeholder "${name}" is described but the message has no {${name}}`,
        names.length ? `describe only ${names.map((n) => `{${n}}`).join(', ')}, or add {${name}} to the message` : `add {${name}} to the message or remove the description`);
    }
  }
  return names;
}

/** JSON examples must parse, and each declared field path must reach a value in some example. */
export function checkEnvelopeExamples(envelope: EnvelopeData, source: SourceFile, report: Report): void {
  if (!isJsonMediaType(envelope.mediaType)) return;
  const bodies: unknown[] = [];
  envelope.examples.forEach((example, index) => {
    try {
      const body: unknown = JSON.parse(example.body);
      if (example.kind !== 'success') bodies.push(body);
    } catch (error) {
      report(source, ['examples', index, 'body'], `example "${example.title}" is not valid JSON: ${jsonErrorText(error as Error, example.body)}`,
        'paste the body exactly as the API sends it: keys in double quotes, no trailing commas, no comments, e.g. { "error": "Not found" }');
    }
  });
  if (bodies.length === 0) return;
  for (const [part, path] of Object.entries(envelope.fields)) {
    if (path && !bodies.some((body) => evaluateFieldPath(body, path).length > 0)) {
      report(source, ['fields', part], `field path ${path} (${part}) reaches nothing in any of the ${bodies.length} error example(s)`,
        'correct the path (e.g. errors[].code, error.ownCode, errors.<field>[]) or add an example body that has this field');
    }
  }
}

/** JSON.parse's message with its character position turned into a line and column of the body. */
function jsonErrorText(error: Error, body: string): string {
  const match = /^(.*?)(?: in JSON)? at position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const before = body.slice(0, Number(match[2]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${match[1]!.charAt(0).toLowerCase()}${match[1]!.slice(1)} at line ${line}, column ${column} of the body`;
}
