/**
 * Reads the errors out of a pasted JSON body. The catalog's own envelopes are tried by their field
 * paths (with `evaluateFieldPath`, the one path evaluator), beside the common public shapes that
 * no catalog declares — RFC 9457 problem details, JSON:API `errors[]`, Google `error.status` +
 * `details[].reason`, Microsoft `error.code` + `innererror`, `{statusCode, message[], error}`,
 * `{error, errors{field:[…]}}`, OAuth `{error, error_description}` — written as the same kind of
 * field paths. A declared envelope that fits the body wins over every public shape; otherwise the
 * shape that explains most of the body wins. A bounded walk is the last resort.
 */
import type { EnvelopeFields } from '../schemas/envelope';
import { evaluateFieldPath, type FieldPathMatch } from '../schemas/field-path-grammar';
import type { EnvelopeEntry } from './index-format';

/** One error read from a body. */
export interface BodyItem {
  /** Candidate business codes, most specific first. */
  codes: string[];
  /** Where the first code was found, for people: `errors[1].code`. */
  codeAt?: string;
  message?: string;
  /** Where the message was found. */
  messageAt?: string;
  title?: string;
  detail?: string;
  status?: number;
  fieldErrors: Array<{ field: string; messages: string[] }>;
  /** An RFC 9457 `type` URI. */
  typeUrl?: string;
  /** GraphQL's response path of the error, in words: `viewer.customer.email`, `orders[0].total`. */
  responsePath?: string;
  /** GraphQL's locations of the error in the request document: `line 2, column 3`. */
  locations?: string;
  /** Where the error sits in the body (the indexes and keys of its `[]` and `<name>` segments), to read more of it later. */
  trail: ReadonlyArray<number | string>;
}

export interface BodyReading {
  /** The envelope or public shape the body was read as. */
  shape: { id: string; name: string; declared: boolean; surfaces: string[] };
  items: BodyItem[];
  status?: number;
  requestId?: string;
  /** An RFC 9457 `instance`: the occurrence, often the resource, the problem is about. */
  instance?: string;
}

/** Field paths of one part of a shape; extends the envelope's fields with what public shapes need. */
interface ShapePart extends EnvelopeFields {
  /** More places a code may sit (Google `details[].reason`, Microsoft `innererror.code`). */
  extraCodes?: string[];
  /** The message of each `field` entry, when it is not `message` or `detail` at the same place. */
  fieldMessage?: string;
}

interface Shape {
  id: string;
  name: string;
  declared: boolean;
  surfaces: string[];
  mediaType?: string;
  /** The statuses a declared envelope is limited to, when it is. */
  statuses?: readonly number[];
  parts: ShapePart[];
  /** A cheap test that the body is this shape at all. */
  detect?: (body: Record<string, unknown>) => boolean;
}

const MAX_ITEMS = 100;
const MAX_TEXT = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/** The common public error shapes, in order of preference when they fit equally well. */
const PUBLIC_SHAPES: Shape[] = [
  {
    id: 'graphql',
    name: 'GraphQL response',
    declared: false,
    surfaces: [],
    detect: (body) =>
      Array.isArray(body.errors) &&
      body.errors.some(
        (entry) =>
          isRecord(entry) &&
          isString(entry.message) &&
          ('extensions' in entry || 'path' in entry || 'locations' in entry),
      ),
    parts: [
      {
        code: 'errors[].extensions.code',
        message: 'errors[].message',
        path: 'errors[].path',
        locations: 'errors[].locations',
        extensions: 'errors[].extensions',
      },
    ],
  },
  {
    id: 'problem-details',
    name: 'RFC 9457 problem details',
    declared: false,
    surfaces: [],
    mediaType: 'application/problem+json',
    detect: (body) =>
      (isString(body.type) || isString(body.title)) && (body.status !== undefined || isString(body.detail)),
    parts: [
      {
        status: 'status',
        code: 'code',
        title: 'title',
        message: 'detail',
        type: 'type',
        instance: 'instance',
        field: 'errors[].pointer',
        fieldMessage: 'errors[].detail',
        // ASP.NET Core's problem details carry the request's trace id as the `traceId` extension.
        requestId: 'traceId',
      },
    ],
  },
  {
    id: 'json-api',
    name: 'JSON:API errors',
    declared: false,
    surfaces: [],
    mediaType: 'application/vnd.api+json',
    detect: (body) =>
      Array.isArray(body.errors) &&
      body.errors.some((entry) => isRecord(entry) && ('detail' in entry || 'title' in entry || 'source' in entry)),
    parts: [
      {
        code: 'errors[].code',
        status: 'errors[].status',
        title: 'errors[].title',
        message: 'errors[].detail',
        field: 'errors[].source.pointer',
        requestId: 'meta.requestId',
      },
    ],
  },
  {
    id: 'google',
    name: 'Google API error',
    declared: false,
    surfaces: [],
    detect: (body) => isRecord(body.error) && isString(body.error.status) && /^[A-Z_]+$/.test(body.error.status),
    parts: [
      {
        status: 'error.code',
        code: 'error.details[].reason',
        extraCodes: ['error.status'],
        message: 'error.message',
        field: 'error.details[].fieldViolations[].field',
        fieldMessage: 'error.details[].fieldViolations[].description',
      },
    ],
  },
  {
    id: 'microsoft',
    name: 'Microsoft REST error',
    declared: false,
    surfaces: [],
    detect: (body) =>
      isRecord(body.error) &&
      isString(body.error.code) &&
      ('innererror' in body.error || 'details' in body.error || 'target' in body.error || isString(body.error.message)),
    parts: [
      {
        code: 'error.innererror.innererror.innererror.code',
        extraCodes: ['error.innererror.innererror.code', 'error.innererror.code', 'error.code'],
        message: 'error.message',
        field: 'error.target',
        requestId: 'error.innererror.request-id',
      },
      { code: 'error.details[].code', message: 'error.details[].message', field: 'error.details[].target' },
    ],
  },
  {
    id: 'status-code-message',
    name: '{ statusCode, message, error } body',
    declared: false,
    surfaces: [],
    detect: (body) =>
      typeof body.statusCode === 'number' || (typeof body.statusCode === 'string' && /^\d{3}$/.test(body.statusCode)),
    parts: [{ status: 'statusCode', code: 'code', message: 'message', title: 'error' }],
  },
  {
    id: 'field-map',
    name: '{ error, errors: { field: [messages] } } body',
    declared: false,
    surfaces: [],
    detect: (body) => isRecord(body.errors) && (isString(body.error) || isString(body.message)),
    parts: [
      { message: 'error', fieldErrors: 'errors.<field>[]', code: 'code' },
      { message: 'message', fieldErrors: 'errors.<field>[]' },
    ],
  },
  {
    id: 'oauth',
    name: 'OAuth 2.0 error',
    declared: false,
    surfaces: [],
    detect: (body) => isString(body.error) && /^[a-z_]+$/.test(body.error) && isString(body.error_description),
    parts: [{ code: 'error', message: 'error_description' }],
  },
  {
    id: 'errors-list',
    name: 'errors[] list',
    declared: false,
    surfaces: [],
    detect: (body) => Array.isArray(body.errors),
    parts: [{ code: 'errors[].code', message: 'errors[].message', field: 'errors[].field', status: 'status' }],
  },
  {
    id: 'nested-error',
    name: '{ error: { code, message } } body',
    declared: false,
    surfaces: [],
    detect: (body) => isRecord(body.error),
    parts: [
      {
        code: 'error.ownCode',
        extraCodes: ['error.code', 'error.type'],
        message: 'error.message',
        status: 'error.status',
      },
    ],
  },
  {
    id: 'flat',
    name: '{ code, message } body',
    declared: false,
    surfaces: [],
    parts: [
      {
        code: 'code',
        extraCodes: ['errorCode', 'error_code', 'error.code', 'type'],
        message: 'message',
        title: 'error',
        status: 'status',
      },
      { message: 'error' },
    ],
  },
];

/** Shapes from the catalog's envelopes. */
function declaredShapes(envelopes: readonly EnvelopeEntry[]): Shape[] {
  return envelopes.map((envelope) => ({
    id: envelope.id,
    name: envelope.name,
    declared: true,
    surfaces: envelope.surfaces,
    mediaType: envelope.mediaType,
    ...(envelope.statuses ? { statuses: envelope.statuses } : {}),
    parts: [envelope.fields],
  }));
}

/** `['errors', 1, 'code']`-like display of where a value was found: `errors[1].code`. */
function describeAt(path: string, match: FieldPathMatch): string {
  let trailIndex = 0;
  return path
    .split('.')
    .map((segment) => {
      if (segment.startsWith('<')) {
        const key = match.trail[trailIndex++];
        return `${typeof key === 'string' ? key : segment}${segment.endsWith('[]') ? `[${match.trail[trailIndex++] ?? ''}]` : ''}`;
      }
      if (segment.endsWith('[]')) return `${segment.slice(0, -2)}[${match.trail[trailIndex++] ?? 0}]`;
      return segment;
    })
    .join('.');
}

/** True when one trail is a prefix of the other: the two values belong to the same error. */
function related(a: readonly (number | string)[], b: readonly (number | string)[]): boolean {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function sameTrail(a: readonly (number | string)[], b: readonly (number | string)[]): boolean {
  return a.length === b.length && related(a, b);
}

/** A short code-like value: a string or a number, at most 100 characters. */
function asCode(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isString(value) && value.trim() && value.length <= 100) return value.trim();
  return undefined;
}

function asText(value: unknown): string | undefined {
  return isString(value) && value.trim() ? value.trim().slice(0, MAX_TEXT) : undefined;
}

function asStatus(value: unknown): number | undefined {
  const number =
    typeof value === 'number' ? value : isString(value) && /^\d{3}$/.test(value.trim()) ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 100 && number <= 599 ? number : undefined;
}

/** GraphQL's `["orders", 0, "total"]` → `orders[0].total`; undefined for anything else. */
function responsePathText(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) return undefined;
  if (!value.every((segment) => isString(segment) || (typeof segment === 'number' && Number.isInteger(segment))))
    return undefined;
  return value
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${segment.slice(0, 100)}`,
    )
    .join('');
}

/** GraphQL's `[{ "line": 2, "column": 3 }]` → `line 2, column 3`; undefined for anything else. */
function locationsText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const places = value
    .slice(0, 5)
    .filter(
      (entry): entry is { line: number; column: number } =>
        isRecord(entry) && Number.isInteger(entry.line) && Number.isInteger(entry.column),
    )
    .map((entry) => `line ${entry.line}, column ${entry.column}`);
  return places.length ? places.join('; ') : undefined;
}

/** `#/lines/1/account` → `lines[1].account`; `/data/attributes/title` → `title`. */
export function pointerToField(pointer: string): string {
  const trimmed = pointer.replace(/^#?\/?/, '').replace(/^data\/attributes\//, '');
  if (!trimmed.includes('/')) return trimmed;
  return trimmed
    .split('/')
    .map((segment, index) =>
      /^\d+$/.test(segment) ? `[${segment}]` : `${index ? '.' : ''}${segment.replace(/~1/g, '/').replace(/~0/g, '~')}`,
    )
    .join('');
}

/** The field a NestJS-style validation message is about: its first word, when that looks like a field name. */
function fieldOfSentence(message: string): string {
  const first = /^([A-Za-z_$][\w$.[\]-]{0,60})\s/.exec(message);
  return first ? first[1]! : '(request)';
}

function evaluate(body: unknown, path: string | undefined): FieldPathMatch[] {
  if (!path) return [];
  return evaluateFieldPath(body, path).slice(0, MAX_ITEMS * 4);
}

function addFieldError(list: BodyItem['fieldErrors'], field: string, message: string) {
  const existing = list.find((entry) => entry.field === field);
  if (existing) {
    if (!existing.messages.includes(message)) existing.messages.push(message);
  } else list.push({ field, messages: [message] });
}

interface PartReading {
  items: BodyItem[];
  status?: number;
  requestId?: string;
  instance?: string;
  /** How many kinds of field the part found: the shape's fit. */
  fit: number;
  /** Where each value the part's paths reached sits in the body (`error.code`, `errors[1].detail`), and as which part. */
  covered: Map<string, PartName>;
}

/** The parts of an error an envelope can declare. */
type PartName = keyof EnvelopeFields;

/** Reads the items one part of a shape finds in `body`. */
function readPart(body: unknown, part: ShapePart): PartReading {
  const codes = evaluate(body, part.code).filter((match) => asCode(match.value) !== undefined);
  const extra = (part.extraCodes ?? []).flatMap((path) =>
    evaluate(body, path)
      .filter((match) => asCode(match.value) !== undefined)
      .map((match) => ({ path, match })),
  );
  const rawMessages = evaluate(body, part.message);
  const messages = rawMessages.flatMap((match) =>
    Array.isArray(match.value)
      ? match.value.filter(isString).map((value, index) => ({ ...match, value, trail: [...match.trail, index] }))
      : asText(match.value) !== undefined
        ? [match]
        : [],
  );
  const titles = evaluate(body, part.title).filter((match) => asText(match.value) !== undefined);
  const details = evaluate(body, part.detail).filter((match) => asText(match.value) !== undefined);
  const statuses = evaluate(body, part.status).filter((match) => asStatus(match.value) !== undefined);
  const fields = evaluate(body, part.field).filter((match) => asText(match.value) !== undefined);
  const fieldMessages = evaluate(body, part.fieldMessage).filter((match) => asText(match.value) !== undefined);
  const fieldMap = evaluate(body, part.fieldErrors).filter(
    (match) => asText(match.value) !== undefined && match.bindings.field !== undefined,
  );
  const requestIds = evaluate(body, part.requestId).filter((match) => asCode(match.value) !== undefined);
  const typeUrls = evaluate(body, part.type).filter((match) => asText(match.value) !== undefined);
  const instances = evaluate(body, part.instance).filter((match) => asText(match.value) !== undefined);
  const responsePaths = evaluate(body, part.path).filter((match) => responsePathText(match.value) !== undefined);
  const locations = evaluate(body, part.locations).filter((match) => locationsText(match.value) !== undefined);
  const covered = new Map<string, PartName>();
  const cover = (name: PartName, path: string | undefined, matches: readonly FieldPathMatch[]) => {
    if (path) for (const match of matches) covered.set(describeAt(path, match), name);
  };
  cover('code', part.code, codes);
  for (const { path, match } of extra) cover('code', path, [match]);
  cover('message', part.message, messages);
  cover('title', part.title, titles);
  cover('detail', part.detail, details);
  cover('status', part.status, statuses);
  cover('field', part.field, fields);
  cover('field', part.fieldMessage, fieldMessages);
  cover('fieldErrors', part.fieldErrors, fieldMap);
  cover('requestId', part.requestId, requestIds);
  cover('type', part.type, typeUrls);
  cover('instance', part.instance, instances);
  cover('path', part.path, responsePaths);
  cover('locations', part.locations, locations);
  const fit = [
    responsePaths.length,
    locations.length,
    codes.length || extra.length,
    messages.length,
    titles.length,
    details.length,
    statuses.length,
    fields.length,
    fieldMap.length,
    requestIds.length,
    typeUrls.length,
    instances.length,
  ].filter(Boolean).length;
  const rootStatus = statuses.find((match) => match.trail.length === 0);
  const reading: PartReading = { items: [], fit, covered };
  if (rootStatus) reading.status = asStatus(rootStatus.value);
  if (requestIds[0]) reading.requestId = asCode(requestIds[0].value)!;
  if (instances[0]) reading.instance = asText(instances[0].value)!;

  // A message path that reaches a list of strings (NestJS `message: string[]`) holds one
  // validation message per broken rule: they become field errors of one error.
  const messageList = rawMessages.some((match) => Array.isArray(match.value));
  // One error per code found; else per message; else one for the whole body.
  type Anchor = { match: FieldPathMatch; kind: 'code' | 'message' | 'title' | 'root'; path: string };
  let anchors: Anchor[];
  if (codes.length) anchors = codes.map((match) => ({ match, kind: 'code' as const, path: part.code! }));
  else if (extra.length) anchors = [{ match: extra[0]!.match, kind: 'code', path: extra[0]!.path }];
  else if (messages.length && !messageList)
    anchors = messages.map((match) => ({ match, kind: 'message' as const, path: part.message! }));
  else if (titles.length) anchors = titles.map((match) => ({ match, kind: 'title' as const, path: part.title! }));
  else if (fieldMap.length || fields.length || messageList || details.length)
    anchors = [{ match: { value: undefined, trail: [], bindings: {} }, kind: 'root', path: '' }];
  else anchors = [];

  // Values at the anchor's place or above it (a body-level status) describe the error; values
  // below it (errors[].detail under a body-level code) are per-field details, read further down.
  const atOrAbove = <T extends FieldPathMatch>(list: T[], trail: FieldPathMatch['trail']) =>
    list.find((match) => match.trail.length <= trail.length && related(match.trail, trail));
  const usedFields = new Set<FieldPathMatch>();
  const fieldErrorOf = (field: FieldPathMatch): [string, string] | undefined => {
    const own =
      fieldMessages.find((candidate) => sameTrail(candidate.trail, field.trail)) ??
      details.find((candidate) => sameTrail(candidate.trail, field.trail)) ??
      messages.find((candidate) => sameTrail(candidate.trail, field.trail));
    const text = own ? asText(own.value) : undefined;
    return text ? [pointerToField(asText(field.value)!), text] : undefined;
  };
  for (const { match: anchor, kind, path: anchorPath } of anchors.slice(0, MAX_ITEMS)) {
    const trail = anchor.trail;
    const item: BodyItem = { codes: [], fieldErrors: [], trail };
    if (kind === 'code') {
      item.codes.push(asCode(anchor.value)!);
      item.codeAt = describeAt(anchorPath, anchor);
    }
    for (const { path, match } of extra) {
      if (!related(match.trail, trail)) continue;
      const code = asCode(match.value)!;
      if (!item.codes.includes(code)) item.codes.push(code);
      item.codeAt ??= describeAt(path, match);
    }
    const message = kind === 'message' ? anchor : messageList ? undefined : atOrAbove(messages, trail);
    if (message) {
      item.message = asText(message.value)!;
      item.messageAt = describeAt(part.message ?? '', message);
    }
    const title = atOrAbove(titles, trail);
    if (title) item.title = asText(title.value)!;
    const detail = atOrAbove(details, trail);
    if (detail) item.detail = asText(detail.value)!;
    const status = atOrAbove(statuses, trail);
    if (status) item.status = asStatus(status.value)!;
    const typeUrl = atOrAbove(typeUrls, trail);
    if (typeUrl) item.typeUrl = asText(typeUrl.value)!;
    const responsePath = responsePaths.find((match) => sameTrail(match.trail, trail));
    if (responsePath) item.responsePath = responsePathText(responsePath.value)!;
    const location = locations.find((match) => sameTrail(match.trail, trail));
    if (location) item.locations = locationsText(location.value)!;

    for (const field of fields) {
      if (usedFields.has(field) || !related(field.trail, trail) || field.trail.length < trail.length) continue;
      const error = fieldErrorOf(field);
      if (!error) continue;
      usedFields.add(field);
      addFieldError(item.fieldErrors, ...error);
    }
    for (const entry of fieldMap) {
      if (related(entry.trail, trail) && entry.trail.length >= trail.length)
        addFieldError(item.fieldErrors, entry.bindings.field!, asText(entry.value)!);
    }
    if (messageList) {
      for (const entry of messages)
        addFieldError(item.fieldErrors, fieldOfSentence(entry.value as string), entry.value as string);
      item.message ??= item.title;
    }
    if (!item.codes.length && !item.message && !item.title && !item.detail && !item.fieldErrors.length) continue;
    reading.items.push(item);
  }
  // Field errors that sit beside the errors rather than under one (Google's BadRequest detail next
  // to its ErrorInfo) belong to the first error.
  const firstItem = reading.items[0];
  if (firstItem) {
    for (const field of fields) {
      if (usedFields.has(field)) continue;
      const error = fieldErrorOf(field);
      if (error) addFieldError(firstItem.fieldErrors, ...error);
    }
  }
  return reading;
}

interface ShapeReading {
  reading: BodyReading;
  fit: number;
  covered: Map<string, PartName>;
  shape: Shape;
}

function readShape(body: unknown, shape: Shape): ShapeReading | undefined {
  if (shape.detect && !(isRecord(body) && shape.detect(body))) return undefined;
  const reading: BodyReading = {
    shape: { id: shape.id, name: shape.name, declared: shape.declared, surfaces: shape.surfaces },
    items: [],
  };
  let fit = 0;
  const covered = new Map<string, PartName>();
  for (const part of shape.parts) {
    const partReading = readPart(body, part);
    if (!partReading.items.length) continue;
    fit += partReading.fit;
    for (const [place, name] of partReading.covered) covered.set(place, name);
    reading.items.push(...partReading.items);
    reading.status ??= partReading.status;
    reading.requestId ??= partReading.requestId;
    reading.instance ??= partReading.instance;
    // The first part that finds something is the shape's main reading; later parts add sub-errors
    // (Microsoft details[]) but a fallback part (`{ message }` after `{ code, message }`) adds nothing new.
    if (shape.id === 'flat' || shape.id === 'field-map') break;
  }
  if (!reading.items.length) return undefined;
  reading.items = reading.items.slice(0, MAX_ITEMS);
  return { reading, fit, covered, shape };
}

/**
 * True when a public shape's reading shows that the body is not in the declared envelope after
 * all: it explains every value the envelope explains, and more, and some of that more is a part the
 * envelope declares elsewhere (a JSON:API body has `errors[].code` like the envelope, but its
 * message sits in `errors[].detail`, not in the envelope's `errors[].message`). Members the
 * envelope does not declare at all (an RFC 9457 `instance` it leaves out) do not count against it.
 */
function outfits(publicReading: ShapeReading, declared: ShapeReading): boolean {
  if (publicReading.covered.size <= declared.covered.size) return false;
  for (const place of declared.covered.keys()) if (!publicReading.covered.has(place)) return false;
  const declaredParts = new Set(
    declared.shape.parts.flatMap((part) =>
      (Object.keys(part) as PartName[]).filter((name) => part[name] !== undefined),
    ),
  );
  for (const [place, name] of publicReading.covered)
    if (!declared.covered.has(place) && declaredParts.has(name)) return true;
  return false;
}

/**
 * Reads `body` with every declared envelope and public shape. A declared envelope that fits the
 * body — reads an error from it, and no public shape shows it does not (`outfits`) — wins over every
 * public shape: an API's own envelope is what its bodies are, even when they also look like a
 * public format (RFC 9457 with the API's own `request_id`). Among the rest, the one that found the most kinds of
 * field wins; one whose media type is the response's Content-Type gets a head start, as does the
 * envelope the matched operation answers the status in (`preferredEnvelope`), and one limited to
 * the response's `status` (see `statusFit`). A top-level array is read item by item.
 */
export function readBody(
  body: unknown,
  envelopes: readonly EnvelopeEntry[],
  contentType?: string,
  preferredEnvelope?: string,
  status?: number,
): BodyReading | undefined {
  if (Array.isArray(body)) {
    const objects = body.filter(isRecord).slice(0, MAX_ITEMS);
    const readings = objects
      .map((entry) => readBody(entry, envelopes, contentType, preferredEnvelope, status))
      .filter((reading): reading is BodyReading => Boolean(reading));
    if (!readings.length) return undefined;
    return { ...readings[0]!, items: readings.flatMap((reading) => reading.items).slice(0, MAX_ITEMS) };
  }
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const readings = [...declaredShapes(envelopes), ...PUBLIC_SHAPES]
    .map((shape) => readShape(body, shape))
    .filter((reading): reading is ShapeReading => reading !== undefined);
  const publicReadings = readings.filter((reading) => !reading.shape.declared);
  const fitting = readings.filter(
    (reading) => reading.shape.declared && !publicReadings.some((other) => outfits(other, reading)),
  );
  const score = (reading: ShapeReading) =>
    reading.fit +
    (reading.shape.declared ? 0.5 : 0) +
    (mediaType && reading.shape.mediaType === mediaType ? 1 : 0) +
    (preferredEnvelope && reading.shape.declared && reading.shape.id === preferredEnvelope ? 1 : 0) +
    statusFit(reading.shape, status);
  let best: ShapeReading | undefined;
  // Earlier shapes win ties: envelopes in catalog order, public shapes in order of preference.
  for (const reading of fitting.length ? fitting : readings) if (!best || score(reading) > score(best)) best = reading;
  return best?.reading ?? walkBody(body);
}

/**
 * An envelope limited to some statuses fits a response of one of them better, and one of another
 * status worse than any shape that is not limited (a gateway's 429 body is not a resolver's 200 body).
 */
function statusFit(shape: Shape, status: number | undefined): number {
  if (status === undefined || !shape.statuses) return 0;
  return shape.statuses.includes(status) ? 0.5 : -2;
}

const CODE_KEYS = new Set([
  'code',
  'errorcode',
  'error_code',
  'owncode',
  'reason',
  'errcode',
  'type',
  'error_type',
  'errortype',
]);
const MESSAGE_KEYS = new Set([
  'message',
  'detail',
  'description',
  'error_description',
  'msg',
  'title',
  'error',
  'errormessage',
  'error_message',
]);

/** Last resort: walks the body (bounded depth and size) for objects holding a code-like or message-like key. */
function walkBody(body: unknown): BodyReading | undefined {
  const items: BodyItem[] = [];
  let visited = 0;
  const visit = (value: unknown, depth: number, path: string) => {
    if (depth > 8 || visited > 2000 || items.length >= 20) return;
    visited += 1;
    if (Array.isArray(value)) {
      value.slice(0, 200).forEach((entry, index) => visit(entry, depth + 1, `${path}[${index}]`));
      return;
    }
    if (!isRecord(value)) return;
    const item: BodyItem = { codes: [], fieldErrors: [], trail: [] };
    for (const [key, entry] of Object.entries(value).slice(0, 200)) {
      const lower = key.toLowerCase();
      if (CODE_KEYS.has(lower)) {
        const status = lower === 'code' ? asStatus(entry) : undefined;
        const code = asCode(entry);
        if (status !== undefined && typeof entry === 'number') item.status = status;
        else if (code !== undefined && !/\s/.test(code)) {
          item.codes.push(code);
          item.codeAt ??= `${path ? `${path}.` : ''}${key}`;
        }
      } else if (MESSAGE_KEYS.has(lower) && asText(entry) !== undefined && !item.message) {
        item.message = asText(entry)!;
        item.messageAt = `${path ? `${path}.` : ''}${key}`;
      } else if (lower === 'status' || lower === 'statuscode' || lower === 'status_code') {
        item.status ??= asStatus(entry);
      }
    }
    if (item.codes.length || item.message) items.push(item);
    for (const [key, entry] of Object.entries(value).slice(0, 200)) {
      if (typeof entry === 'object' && entry !== null) visit(entry, depth + 1, `${path ? `${path}.` : ''}${key}`);
    }
  };
  visit(body, 0, '');
  if (!items.length) return undefined;
  return {
    shape: { id: 'unknown', name: 'an unrecognised JSON body', declared: false, surfaces: [] },
    items,
    status: items.find((item) => item.status)?.status,
  };
}
