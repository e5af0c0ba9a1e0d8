/**
 * Finds, by walking an error response's JSON Schema, where each part of an error lives: the
 * business code, the message, a title and detail, the HTTP status repeated in the body, per-field
 * errors and a request id. The result is an envelope's field paths (`errors[].code`,
 * `error.message`, `errors.<field>[]`), plus the schema of the code property (for its enum).
 */
import type { EnvelopeFields } from '../../schemas/envelope';

export type Schema = Record<string, unknown>;

/** How deep the walk goes into nested objects and arrays (error bodies are shallow). */
const MAX_DEPTH = 4;

/**
 * Property names of each part, normalised (lower case, no `_` or `-`), best first. Named in one
 * table so the heuristic can be read and extended in one place.
 */
const NAMES: Record<keyof EnvelopeFields, string[]> = {
  code: ['code', 'errorcode', 'errcode', 'error', 'reason', 'errortype', 'type'],
  message: ['message', 'errormessage', 'msg', 'errordescription', 'detail', 'description', 'error'],
  title: ['title', 'error', 'summary'],
  detail: ['detail', 'details', 'description'],
  // RFC 9457's type URI and instance. A body whose only candidate for the code is `type` keeps it
  // as its code (the code is chosen first and a path serves one part).
  type: ['type'],
  instance: ['instance'],
  status: ['status', 'statuscode', 'httpstatus', 'httpcode', 'httpstatuscode'],
  field: ['field', 'pointer', 'path', 'param', 'parameter', 'property', 'attribute', 'location'],
  // Any map of field name → message(s) is taken, whatever its name.
  fieldErrors: [],
  requestId: ['requestid', 'traceid', 'correlationid', 'xrequestid', 'instanceid', 'errorid', 'incidentid'],
  // GraphQL's parts are not guessed from an OpenAPI description (GraphQL APIs rarely have one).
  path: [],
  locations: [],
  extensions: [],
};

export interface WalkResult {
  fields: EnvelopeFields;
  /** The schema of the property holding the code, when there is one (its enum lists the codes). */
  codeSchema?: Schema;
}

/** Merges allOf parts into one object schema; leaves oneOf/anyOf to `alternativesOf`. */
export function flatten(schema: Schema | undefined, seen = new Set<object>()): Schema {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return {};
  seen.add(schema);
  const parts = Array.isArray(schema['allOf']) ? (schema['allOf'] as Schema[]) : [];
  if (parts.length === 0) return schema;
  const merged: Schema = {
    ...schema,
    properties: { ...(schema['properties'] as object) },
    required: [...((schema['required'] as string[]) ?? [])],
  };
  delete merged['allOf'];
  for (const part of parts.map((p) => flatten(p, seen))) {
    Object.assign(merged['properties'] as object, part['properties'] ?? {});
    (merged['required'] as string[]).push(...((part['required'] as string[]) ?? []));
    for (const key of ['type', 'description', 'title', 'example', 'additionalProperties', 'items', 'enum']) {
      if (merged[key] === undefined && part[key] !== undefined) merged[key] = part[key];
    }
  }
  return merged;
}

/**
 * The alternative bodies of a schema: each branch of oneOf/anyOf (allOf merged), or the schema
 * itself; `origin` is the object the description wrote (a named component keeps its name).
 */
export function alternativesOf(schema: Schema): Array<{ schema: Schema; origin: Schema }> {
  const flat = flatten(schema);
  const branches = (flat['oneOf'] ?? flat['anyOf']) as Schema[] | undefined;
  if (!Array.isArray(branches) || branches.length === 0) return [{ schema: flat, origin: schema }];
  const { oneOf: _oneOf, anyOf: _anyOf, ...shared } = flat;
  return branches.flatMap((branch) =>
    alternativesOf({ ...shared, ...flatten(branch) }).map((alternative) => ({
      schema: alternative.schema,
      origin: branch,
    })),
  );
}

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function typeOf(schema: Schema): string | undefined {
  const type = schema['type'];
  if (Array.isArray(type)) return (type as string[]).find((t) => t !== 'null');
  if (typeof type === 'string') return type;
  if (schema['properties']) return 'object';
  if (schema['items']) return 'array';
  if (Array.isArray(schema['enum'])) return typeof (schema['enum'] as unknown[])[0];
  return undefined;
}

/** A property that holds the HTTP status rather than a business code: an integer described as, or bounded like, a status. */
function looksLikeHttpStatus(schema: Schema): boolean {
  const text = `${schema['description'] ?? ''} ${schema['title'] ?? ''}`;
  return /\bhttp\b|status code/i.test(text) || (schema['minimum'] === 100 && schema['maximum'] === 599);
}

interface Candidate {
  part: keyof EnvelopeFields;
  path: string;
  depth: number;
  rank: number;
  schema: Schema;
}

/** The field paths of one alternative body. */
export function walkErrorSchema(schema: Schema): WalkResult {
  const candidates: Candidate[] = [];
  visit(flatten(schema), '', 0, false, candidates, new Set());
  const fields: EnvelopeFields = {};
  let codeSchema: Schema | undefined;
  const taken = new Set<string>();
  // The code and the message first, then the rest; a path serves one part only.
  for (const part of [
    'code',
    'status',
    'message',
    'title',
    'detail',
    'type',
    'instance',
    'field',
    'fieldErrors',
    'requestId',
  ] as const) {
    const best = candidates
      .filter((candidate) => candidate.part === part && !taken.has(candidate.path))
      .sort((a, b) => a.depth - b.depth || a.rank - b.rank)[0];
    if (!best) continue;
    fields[part] = best.path;
    taken.add(best.path);
    if (part === 'code') codeSchema = best.schema;
  }
  return codeSchema ? { fields, codeSchema } : { fields };
}

function visit(
  schema: Schema,
  prefix: string,
  depth: number,
  inArray: boolean,
  out: Candidate[],
  seen: Set<object>,
): void {
  if (depth > MAX_DEPTH || seen.has(schema)) return;
  seen.add(schema);
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  for (const [name, raw] of Object.entries(properties)) {
    if (!raw || typeof raw !== 'object' || '$ref' in raw) continue;
    const property = flatten(raw);
    const key = normal(name);
    const path = `${prefix}${name}`;
    const type = typeOf(property);
    const scalar = type === 'string' || type === 'integer' || type === 'number' || type === 'boolean';
    const add = (part: keyof EnvelopeFields) => {
      const rank = NAMES[part].indexOf(key);
      if (rank >= 0) out.push({ part, path, depth, rank, schema: property });
    };
    if (scalar) {
      if (type === 'integer' || type === 'number') {
        if (NAMES.status.includes(key) || (key === 'code' && looksLikeHttpStatus(property))) add('status');
        else if (key !== 'status') add('code');
      } else {
        // `error` is a code when it is an enumeration or has an error_description beside it (OAuth 2);
        // `type` only when it is an enumeration (in problem details it is a URI).
        const siblings = Object.keys(properties).map(normal);
        const values = Array.isArray(property['enum'])
          ? (property['enum'] as unknown[])
          : property['const'] !== undefined
            ? [property['const']]
            : [];
        // A one-value enum on `type` ("type": "error") tells bodies apart; it is no business code.
        const enumerated =
          key === 'type'
            ? values.length > 1 || /\bcode\b/i.test(String(property['description'] ?? ''))
            : values.length > 0;
        if (
          (key !== 'error' && key !== 'type') ||
          enumerated ||
          (key === 'error' && siblings.includes('errordescription'))
        )
          add('code');
        // `id` is a code when it names the error (example "not_found"), not an instance (a UUID).
        if (key === 'id' && (enumerated || /^[a-z]+(?:_[a-z]+)+$/i.test(String(property['example'] ?? ''))))
          out.push({ part: 'code', path, depth, rank: NAMES.code.length, schema: property });
        if (key === 'status' && type === 'string' && /^\d+$/.test(String(property['example'] ?? ''))) add('status');
        add('message');
        add('title');
        add('detail');
        add('requestId');
        if (inArray) add('field');
      }
    } else if (type === 'array') {
      const items = flatten(property['items'] as Schema | undefined);
      if (typeOf(items) === 'object') visit(items, `${path}[].`, depth + 1, true, out, seen);
      else if (typeOf(items) === 'string') add('message');
    } else if (type === 'object') {
      const extra = property['additionalProperties'];
      if (extra && typeof extra === 'object' && !property['properties']) {
        // A map of field → messages, e.g. { "errors": { "title": ["is required"] } }.
        const value = flatten(extra as Schema);
        const each = typeOf(value) === 'array' ? '[]' : '';
        if (typeOf(value) === 'string' || each)
          out.push({ part: 'fieldErrors', path: `${path}.<field>${each}`, depth, rank: 0, schema: value });
      } else {
        visit(property, `${path}.`, depth + 1, inArray, out, seen);
      }
    }
  }
}
