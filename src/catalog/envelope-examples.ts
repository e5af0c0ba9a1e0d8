/**
 * An envelope's example bodies: JSON ones must parse (an error is placed on the line of the YAML
 * file where it is, not of the body), and each field path must reach a value in some error
 * example — when one reaches nothing, the paths the examples do have are suggested.
 */
import type { EnvelopeData, EnvelopeExample } from '../schemas/envelope';
import { evaluateFieldPath } from '../schemas/field-path';
import type { CatalogProblem, Path } from './problems';
import type { SourceFile } from './source-file';
import { closest } from './suggest';

/** An example body that parsed, with where it is. */
export interface ExampleBody {
  example: EnvelopeExample;
  path: Path;
  body: unknown;
}

/** Checks the examples of `envelope`; returns the bodies that parsed (none for a non-JSON media type). */
export function checkEnvelopeExamples(
  envelope: EnvelopeData,
  source: SourceFile,
  problems: CatalogProblem[],
): ExampleBody[] {
  if (!/json/i.test(envelope.mediaType)) return [];
  const parsed: ExampleBody[] = [];
  envelope.examples.forEach((example, index) => {
    const path = ['examples', index, 'body'];
    try {
      parsed.push({ example, path: ['examples', index], body: JSON.parse(example.body) as unknown });
    } catch (error) {
      const place = jsonErrorPlace(error as Error, example.body, source, path);
      problems.push({
        file: source.file,
        line: place.line ?? source.lineOf(path),
        field: `examples[${index}].body`,
        message: `example "${example.title}" is not valid JSON: ${place.what}`,
        fix: 'paste the body exactly as the API sends it: keys in double quotes, no trailing commas, no comments, e.g. { "error": "Not found" }',
      });
    }
  });
  const errorBodies = parsed.filter((entry) => entry.example.kind !== 'success').map((entry) => entry.body);
  if (errorBodies.length === 0) return parsed;
  const available = [...new Set(errorBodies.flatMap((body) => bodyPaths(body)))];
  for (const [part, fieldPath] of Object.entries(envelope.fields)) {
    if (!fieldPath || errorBodies.some((body) => evaluateFieldPath(body, fieldPath).length > 0)) continue;
    const wanted = [fieldPath.split('.').pop()!, part];
    const near = available.find((candidate) => wanted.some((word) => sameWord(lastKey(candidate), word)));
    const close = near ?? closest(lastKey(fieldPath), available.map(lastKey));
    const suggestion = near ?? available.find((candidate) => lastKey(candidate) === close);
    const listed = available.length > 8 ? `${available.slice(0, 8).join(', ')}…` : available.join(', ');
    problems.push({
      file: source.file,
      line: source.lineOf(['fields', part]),
      field: `fields.${part}`,
      message: `field path ${fieldPath} (${part}) reaches nothing in any of the ${errorBodies.length} error example(s)`,
      fix: `${suggestion ? `did you mean ${suggestion}? ` : ''}The error examples have: ${listed}; correct the path, or add an example body that has this field`,
    });
  }
  return parsed;
}

/** Where in the YAML file JSON.parse stopped, and what it said. */
function jsonErrorPlace(error: Error, body: string, source: SourceFile, path: Path): { what: string; line?: number } {
  const match = /^(.*?)(?: in JSON)? at position (\d+)/.exec(error.message);
  const reason = lowerFirst(match ? match[1]! : error.message.replace(/^JSON\.parse: /, ''));
  const offset = match ? Number(match[2]) : body.trimEnd().length;
  const fileOffset = offsetInFile(body, offset, source, path);
  if (fileOffset === undefined || !source.position) {
    const before = body.slice(0, offset);
    return {
      what: `${reason} at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')} of the body`,
    };
  }
  const { line, col } = source.position(fileOffset);
  return { what: `${reason} at line ${line}, column ${col}`, line };
}

/**
 * The offset in the file of character `offset` of a body, found by looking for the text around
 * it inside the body's YAML value (a block scalar's indentation and a quoted value's escapes make
 * the two differ, so positions are not simply shifted).
 */
function offsetInFile(body: string, offset: number, source: SourceFile, path: Path): number | undefined {
  const range = source.nodeAt?.(path)?.range;
  if (!range || source.text === undefined) return undefined;
  const value = source.text.slice(range[0], range[1]);
  const lineEnd = body.indexOf('\n', offset);
  let needle = body.slice(offset, lineEnd < 0 ? body.length : lineEnd).slice(0, 16);
  let shift = 0;
  if (needle.trim() === '') {
    // At the end of a line or of the body: look for the text before the position instead.
    const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
    needle = body.slice(Math.max(lineStart, offset - 16), offset);
    shift = needle.length;
    if (needle.trim() === '') return undefined;
  }
  // The same text may occur earlier in the body: take the occurrence with the same rank.
  let rank = 0;
  for (let at = body.indexOf(needle); at >= 0 && at < offset - shift; at = body.indexOf(needle, at + 1)) rank += 1;
  let found = -1;
  for (let count = 0; count <= rank; count += 1) {
    found = value.indexOf(needle, found + 1);
    if (found < 0) return undefined;
  }
  return range[0] + found + shift;
}

/** Every leaf path of a parsed body, written in field path grammar (`error.code`, `errors[].field`). */
function bodyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    const each = `${prefix}[]`;
    const inner = value.flatMap((item) => bodyPaths(item, each));
    return inner.length ? inner : prefix ? [each] : [];
  }
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    /^[A-Za-z_$][\w$-]*$/.test(key) ? bodyPaths(inner, prefix ? `${prefix}.${key}` : key) : [],
  );
}

function lastKey(path: string): string {
  return path.split('.').pop()!.replace(/\[\]$/, '');
}

/** `request_id`, `requestId` and `RequestID` are the same word. */
function sameWord(a: string, b: string): boolean {
  const fold = (word: string) => word.toLowerCase().replace(/[^a-z0-9]/g, '');
  return fold(a) === fold(b);
}

function lowerFirst(text: string): string {
  return text.replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase());
}
