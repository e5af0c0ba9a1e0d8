/**
 * Builds the error body an envelope would carry for one code, from the envelope's field paths
 * (where the status, code, message… live) and its example bodies (value types, key order, realistic
 * request ids). Used by the code pages and by the lookup widget; pure, no DOM, no Astro.
 */
import type { EnvelopeData as Envelope, EnvelopeFields } from '../schemas/envelope';
import { evaluateFieldPath } from '../schemas/field-path';
import { placeholderNames, splitTemplate } from '../catalog/placeholders';

/** What the body should say. */
export interface ExampleBodyInput {
  /** The business code as sent, e.g. `1101` or `not_found`. */
  code: string;
  /** Short title of the code, e.g. "Customer not found". */
  title: string;
  /** HTTP status. */
  status: number;
  /** Reason phrase of the status, e.g. "Not Found". */
  reason?: string;
  /** Message template, e.g. `Customer {customerId} not found.` */
  message: string;
  /** Placeholder descriptions; an `e.g. value` in one is used as the sample value. */
  placeholders?: Record<string, string>;
  /** Longer explanation for envelopes with a separate detail member. */
  detail?: string;
}

/** Catalog facts the builder may consult. */
export interface ExampleBodyOptions {
  /** Reason phrase of a status, used to tell whether the envelope's title member holds reason phrases. */
  reasonOf?: (status: number) => string | undefined;
  /**
   * The code's permanent URL, written at the envelope's `type` part (RFC 9457 `type`): the body on
   * a code page points at that page. An `application/problem+json` envelope that declares no
   * `type` part gets it at the top-level `type` member, where RFC 9457 puts it.
   */
  typeUri?: string;
}

/** Placeholder names that hold the name of the field a validation error is about. */
const FIELD_PLACEHOLDERS = ['field', 'fieldName', 'param', 'parameter', 'property', 'attribute', 'path'];

/**
 * The sample value of a placeholder: the `e.g.` value of its description, else `{name}` itself.
 * A quoted example is taken whole (`e.g. "must be a positive integer"`); otherwise the example
 * ends at a comma, a semicolon, an "or" between alternatives or the end of the sentence
 * (`e.g. Idempotency-Key or Pajaro-Version.` gives `Idempotency-Key`, `e.g. 60 seconds.` gives
 * `60 seconds`).
 */
export function placeholderSample(name: string, description: string | undefined): string {
  const after = description?.match(/\be\.g\.,?\s+(.+)$/)?.[1];
  if (!after) return `{${name}}`;
  const quoted = /^["“'`](.+?)["”'`](?=$|[\s.,;)])/.exec(after);
  if (quoted) return quoted[1]!;
  const plain = after.split(/[,;]\s|\s+or\s+|\.(?:\s|$)|\)/)[0]!.trim();
  return plain.replace(/[.)]+$/, '') || `{${name}}`;
}

/** The template with each placeholder replaced by its sample value. */
export function fillTemplate(template: string, placeholders: Record<string, string> = {}): string {
  return splitTemplate(template)
    .map((part) =>
      !part.placeholder
        ? part.text
        : part.text in placeholders
          ? placeholderSample(part.text, placeholders[part.text])
          : `{${part.text}}`,
    )
    .join('');
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The example body of `input` in `envelope`, as a value and as indented JSON. Parts without a field
 * path are left out; field-level parts (`field`, `fieldErrors`) appear only when the message names
 * a field (a placeholder such as `{field}`).
 */
export function buildExampleBody(
  envelope: Pick<Envelope, 'fields' | 'examples'> & { mediaType?: string },
  input: ExampleBodyInput,
  options: ExampleBodyOptions = {},
): { body: Json; json: string } {
  const samples = parsedExamples(envelope);
  const fields: EnvelopeFields = envelope.fields;
  const message = fillTemplate(input.message, input.placeholders);
  const fieldName = fieldOf(input);
  const body: Record<string, Json> = {};

  // Constant flags such as `"success": false` make the example look like the real thing.
  const reference = samples.find((sample) => sample.kind !== 'success')?.body;
  if (isObject(reference)) {
    for (const [key, value] of Object.entries(reference)) if (typeof value === 'boolean') body[key] = value;
  }

  const set = (path: string | undefined, value: Json, bindings: Record<string, string> = {}) => {
    if (path) setAtPath(body, path, value, bindings);
  };
  // RFC 9457: `type` is a URI identifying the problem; here, the code's own page.
  const typePath = fields.type ?? (envelope.mediaType === 'application/problem+json' ? 'type' : undefined);
  if (options.typeUri) set(typePath, options.typeUri);
  set(fields.status, typed(samples, fields.status, input.status));
  set(fields.code, typed(samples, fields.code, input.code));
  if (fields.message) set(fields.message, messageShape(samples, fields.message, message));
  if (fields.title) set(fields.title, titleFor(samples, fields.title, input, options.reasonOf));
  if (fields.detail && fields.detail !== fields.message) {
    if (!isFieldLevel(fields, fields.detail)) set(fields.detail, fields.message ? (input.detail ?? message) : message);
    else if (fieldName !== undefined) set(fields.detail, message);
  }
  if (fieldName !== undefined) {
    set(fields.field, fieldName);
    set(fields.fieldErrors, message, { field: fieldName, name: fieldName, key: fieldName });
  }
  if (fields.requestId) set(fields.requestId, sampleValue(samples, fields.requestId) ?? 'req_example');
  // The occurrence is the example's own: its value is shown as the envelope's examples send it.
  if (fields.instance) set(fields.instance, sampleValue(samples, fields.instance) ?? '/{instance}');
  // GraphQL: where the error happened, in the response (`path`) and in the request document
  // (`locations`), as the envelope's own error examples show them, and the top-level `data` they
  // send (null, or the partial data) — never a made-up path.
  for (const part of [fields.path, fields.locations]) {
    const shown = part ? sampleStructure(samples, part) : undefined;
    if (shown !== undefined) set(part, shown);
  }
  if (isObject(reference) && 'data' in reference && !('data' in body)) body['data'] = reference['data'] as Json;

  const ordered = isObject(reference) ? orderLike(body, reference) : body;
  return { body: ordered, json: JSON.stringify(ordered, null, 2) };
}

/**
 * Whether an envelope is one this code can come in. An envelope whose examples are all validation
 * errors (a form-error body) only carries codes about a field or with one of those examples'
 * statuses; any other envelope carries every code of its surfaces.
 */
export function envelopeFitsCode(
  envelope: Pick<Envelope, 'examples'>,
  input: Pick<ExampleBodyInput, 'message' | 'status' | 'placeholders'>,
): boolean {
  const examples = envelope.examples;
  if (examples.length === 0 || examples.some((example) => example.kind !== 'validation')) return true;
  if (fieldOf({ ...input, code: '', title: '' }) !== undefined) return true;
  return examples.some((example) => example.status === input.status);
}

interface ParsedExample {
  kind: string;
  status?: number;
  body: unknown;
}

/** Parsed examples by envelope example list: thousands of code pages share a few envelopes. */
const parsedByExamples = new WeakMap<object, ParsedExample[]>();

function parsedExamples(envelope: Pick<Envelope, 'examples'>): ParsedExample[] {
  const cached = parsedByExamples.get(envelope.examples);
  if (cached) return cached;
  const parsed: ParsedExample[] = [];
  for (const example of envelope.examples) {
    try {
      parsed.push({ kind: example.kind, status: example.status, body: JSON.parse(example.body) });
    } catch {
      // A non-JSON example gives no hints; the body is still built from the field paths alone.
    }
  }
  parsedByExamples.set(envelope.examples, parsed);
  return parsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function valuesAt(samples: ParsedExample[], path: string): unknown[] {
  return samples.flatMap((sample) => evaluateFieldPath(sample.body, path).map((match) => match.value));
}

function sampleValue(samples: ParsedExample[], path: string): Json | undefined {
  const value = valuesAt(samples, path).find(
    (candidate) => typeof candidate === 'string' || typeof candidate === 'number',
  );
  return value as Json | undefined;
}

/** A list value (GraphQL's `path`, `locations`) as the envelope's error examples show it. */
function sampleStructure(samples: ParsedExample[], path: string): Json | undefined {
  const errors = samples.filter((sample) => sample.kind !== 'success');
  return valuesAt(errors, path).find((candidate) => Array.isArray(candidate)) as Json | undefined;
}

/** Numbers stay numbers only where the examples send numbers (codes are often strings on the wire). */
function typed(samples: ParsedExample[], path: string | undefined, value: string | number): Json {
  if (!path) return value;
  const seen = valuesAt(samples, path);
  const numeric = /^\d+$/.test(String(value));
  if (seen.some((candidate) => typeof candidate === 'number') && numeric) return Number(value);
  if (seen.some((candidate) => typeof candidate === 'string')) return String(value);
  return typeof value === 'number' ? value : String(value);
}

/** Some envelopes send the message as an array of strings; follow the examples. */
function messageShape(samples: ParsedExample[], path: string, message: string): Json {
  const seen = valuesAt(samples, path);
  const arrays = seen.filter(Array.isArray).length;
  return seen.length > 0 && arrays === seen.length ? [message] : message;
}

/**
 * A title member holds either the status's reason phrase ("Bad Request") or the error's own title
 * ("Insufficient balance"); the envelope's examples tell which, when their statuses' reasons are known.
 */
function titleFor(
  samples: ParsedExample[],
  path: string,
  input: ExampleBodyInput,
  reasonOf?: (status: number) => string | undefined,
): string {
  const holdsReason = samples.some((sample) => {
    const reason = sample.status !== undefined ? reasonOf?.(sample.status) : undefined;
    return reason !== undefined && evaluateFieldPath(sample.body, path).some((match) => sameText(match.value, reason));
  });
  return holdsReason && input.reason ? input.reason : input.title;
}

function sameText(value: unknown, text: string): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === text.trim().toLowerCase();
}

/** The path up to its first `[]` or `<name>` segment, e.g. `errors[]` of `errors[].detail`. */
function collectionPrefix(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const segments = path.split('.');
  const end = segments.findIndex((segment) => segment.endsWith('[]') || segment.startsWith('<'));
  return end < 0 ? undefined : segments.slice(0, end + 1).join('.');
}

/**
 * A member is field-level when it lives in the same list as the `field` member but not in the list
 * holding the code, e.g. `errors[].detail` beside `errors[].pointer` in problem details whose
 * `code` sits at the top.
 */
function isFieldLevel(fields: EnvelopeFields, path: string): boolean {
  const prefix = collectionPrefix(path);
  return prefix !== undefined && prefix === collectionPrefix(fields.field) && prefix !== collectionPrefix(fields.code);
}

function fieldOf(input: ExampleBodyInput): string | undefined {
  const placeholders = input.placeholders ?? {};
  const name = placeholderNames(input.message).find((candidate) => FIELD_PLACEHOLDERS.includes(candidate));
  return name === undefined ? undefined : placeholderSample(name, placeholders[name]);
}

/**
 * Writes `value` at a field path, creating objects and one-element arrays on the way. Paths that
 * share a prefix (`errors[].code`, `errors[].message`) share the same array element. A `<name>`
 * segment becomes the key bound to `name`. A path that runs into an existing non-object is skipped.
 */
export function setAtPath(
  target: Record<string, Json>,
  path: string,
  value: Json,
  bindings: Record<string, string> = {},
): void {
  const segments = path.split('.');
  let current = target;
  for (const [index, segment] of segments.entries()) {
    const each = segment.endsWith('[]');
    const raw = each ? segment.slice(0, -2) : segment;
    const key = raw.startsWith('<') ? (bindings[raw.slice(1, -1)] ?? raw.slice(1, -1)) : raw;
    const existing = current[key];
    if (index === segments.length - 1) {
      current[key] = each ? [...(Array.isArray(existing) ? existing : []), value] : value;
      return;
    }
    let next: Json | undefined = existing;
    if (each) {
      const list = Array.isArray(existing) ? existing : (current[key] = []);
      if (!isObject(list[0])) list[0] = {};
      next = list[0];
    } else if (existing === undefined) {
      next = current[key] = {};
    }
    if (!isObject(next)) return;
    current = next as Record<string, Json>;
  }
}

/** Reorders object keys to follow a reference body (the envelope's own example), recursively. */
function orderLike(value: Json, reference: unknown): Json {
  if (Array.isArray(value)) {
    const first = Array.isArray(reference) ? reference[0] : undefined;
    return value.map((item) => orderLike(item, first));
  }
  if (!isObject(value)) return value;
  const source = value as Record<string, Json>;
  const known = isObject(reference) ? Object.keys(reference) : [];
  const keys = [...known.filter((key) => key in source), ...Object.keys(source).filter((key) => !known.includes(key))];
  const ordered: Record<string, Json> = {};
  for (const key of keys) ordered[key] = orderLike(source[key]!, isObject(reference) ? reference[key] : undefined);
  return ordered;
}
