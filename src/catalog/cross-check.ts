/** Cross-checks that look at more than one field: range overlaps, templates, envelope examples. */
import { evaluateFieldPath } from '../schemas/field-path';
import type { EnvelopeData } from '../schemas/envelope';
import type { CodeSpace } from './model';
import { placeholderNames, templateProblems } from './placeholders';
import type { SourceFile } from './read-catalog';

type Path = ReadonlyArray<string | number>;
export type Report = (source: SourceFile, path: Path, message: string, fix: string) => void;

/** Ranges of one code space must not overlap. `space.ranges` is sorted by `from`. */
export function checkRanges(space: CodeSpace, rangeFiles: ReadonlyArray<{ source: SourceFile; data: { codeSpace: string } }>, report: Report): void {
  for (let i = 1; i < space.ranges.length; i += 1) {
    const previous = space.ranges[i - 1]!;
    const range = space.ranges[i]!;
    if (range.from <= previous.to) {
      const source = rangeFiles.find((file) => file.source.file === range.origin.file)?.source;
      if (!source) continue;
      const index = findIndexByLine(source, range.origin.line);
      report(source, index === undefined ? [] : ['ranges', index, 'from'],
        `range ${range.slug} (${range.name}) overlaps range ${previous.slug} (${previous.name}) in code space "${space.id}"`,
        `start it after ${previous.to} (from: ${previous.to + 1}) or end ${previous.slug} before ${range.from}`);
    }
  }
}

function findIndexByLine(source: SourceFile, line: number | undefined): number | undefined {
  for (let index = 0; index < 10_000; index += 1) {
    const at = source.lineOf(['ranges', index]);
    if (at === undefined || at === source.lineOf(['ranges'])) return undefined;
    if (at === line) return index;
  }
  return undefined;
}

/**
 * Checks a message template and its declared placeholders; returns the placeholder names.
 * Declared placeholders must appear in the template, so their descriptions never go stale.
 */
export function checkTemplate(template: string, declared: Record<string, string>, source: SourceFile, path: Path, report: Report): string[] {
  for (const problem of templateProblems(template)) {
    const [message, fix] = problem.split('; ');
    report(source, path, message!, fix ?? 'write placeholders as {name}');
  }
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
  if (!/json/i.test(envelope.mediaType)) return;
  const bodies: unknown[] = [];
  envelope.examples.forEach((example, index) => {
    try {
      const body: unknown = JSON.parse(example.body);
      if (example.kind !== 'success') bodies.push(body);
    } catch (error) {
      report(source, ['examples', index, 'body'], `example "${example.title}" is not valid JSON (${(error as Error).message})`,
        'paste the body exactly as the API sends it, e.g. { "error": "Not found" }');
    }
  });
  if (bodies.length === 0) return;
  for (const [part, path] of Object.entries(envelope.fields)) {
    if (path && !bodies.some((body) => evaluateFieldPath(body, path).length > 0)) {
      report(source, ['fields', part], `field path ${path} (${part}) reaches nothing in any example body`,
        'correct the path (e.g. errors[].code, error.ownCode, errors.<field>[]) or add an example that has this field');
    }
  }
}
