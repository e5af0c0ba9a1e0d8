/**
 * What an OpenAPI description says about errors, in catalog terms: the statuses its operations
 * answer with (4xx, 5xx, `default`), one envelope per error body format (field paths from the
 * schema, examples from `example`/`examples`, a declaration of the shape), the business codes
 * (enumerations of the code property, or an `x-error-codes` extension) and each operation's error
 * responses. Nothing is invented: a part the description does not state is left out or reported.
 */
import type { EnvelopeFields } from '../../schemas/envelope';
import { evaluateFieldPath } from '../../schemas/field-path';
import { HTTP_REASONS } from '../../lookup/http-reasons';
import { slugOf } from '../../shared/fold-text';
import { declarationOf } from './declaration';
import type { ReadSpec } from './read-spec';
import { alternativesOf, walkErrorSchema, type Schema } from './schema-walk';

/** Written where the catalog needs prose the description does not give; `import` replaces it later, an author at any time. */
export const UNDOCUMENTED = 'Not documented in the OpenAPI description yet.';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface DerivedEnvelope {
  id: string;
  name: string;
  mediaType: string;
  description: string;
  declaration?: string;
  fields: EnvelopeFields;
  examples: Array<{ title: string; kind?: 'validation'; status?: number; body: string }>;
  /** Parts found in the schema but reached by none of the examples (the build would refuse them). */
  unreached: Array<[keyof EnvelopeFields, string]>;
  /** How many responses use it (the most used one becomes the surface's default). */
  uses: number;
}

export interface DerivedCode {
  code: string;
  status: number;
  name?: string;
  title?: string;
  message: string;
  cause: string;
  resolution: string;
  /** Where it was found, for the report: `enum of Error.code`, `x-error-codes of GET /orders/{id} 404`. */
  source: string;
}

export interface DerivedOperation {
  method: string;
  path: string;
  /** Every numeric status of its responses, success ones included. */
  statuses: number[];
  operationId?: string;
  summary?: string;
  responses: Array<{ status: string; description: string; envelopes: string[]; codes: string[] }>;
}

export interface Derived {
  api: { name: string; description: string; intro: string };
  surface: { id: string; name: string; description: string; baseUrl?: string; envelopes: string[] };
  statuses: Array<{ status: number; reason: string; meaning: string }>;
  envelopes: DerivedEnvelope[];
  codes: DerivedCode[];
  operations: DerivedOperation[];
  /** What could not be imported, one sentence each. */
  leftOut: string[];
}

interface CodeSighting {
  statuses: Set<number>;
  /** Statuses an example pairs the code with. */
  exampleStatuses: Set<number>;
  message?: string;
  cause?: string;
  /** From x-enum-descriptions; x-error-codes' own description wins. */
  enumCause?: string;
  title?: string;
  name?: string;
  resolution?: string;
  explicitStatus?: number;
  sources: Set<string>;
}

export function derive(spec: ReadSpec, options: { surface?: string; specName: string }): Derived {
  const { api, names } = spec;
  const info = api.info ?? {};
  const title = (info.title ?? '').trim() || options.specName;
  const description = firstParagraph(info.summary) ?? firstParagraph(info.description) ?? title;
  const leftOut: string[] = [];
  const envelopes = new Map<string, DerivedEnvelope>();
  const statusMeanings = new Map<number, Map<string, number>>();
  const sightings = new Map<string, CodeSighting>();
  const operations: DerivedOperation[] = [];
  const nonJson = new Set<string>();
  const exampleOnly = new Set<string>();

  const sight = (code: unknown, source: string): CodeSighting | undefined => {
    if (typeof code !== 'string' && typeof code !== 'number') return undefined;
    const key = String(code).trim();
    if (!key || !/^[A-Za-z0-9_.:-]+$/.test(key)) {
      leftOut.push(`code ${JSON.stringify(code)} (${source}): a catalog code holds only letters, digits and _ . : -`);
      return undefined;
    }
    let sighting = sightings.get(key);
    if (!sighting)
      sightings.set(key, (sighting = { statuses: new Set(), exampleStatuses: new Set(), sources: new Set() }));
    sighting.sources.add(source);
    return sighting;
  };
  const readExtensionCodes = (value: unknown, where: string, status: number | undefined, responseText = '') => {
    if (value === undefined) return;
    const list = Array.isArray(value)
      ? value
      : typeof value === 'object' && value
        ? Object.entries(value).map(([code, text]) =>
            typeof text === 'object' ? { code, ...(text as object) } : { code, message: text },
          )
        : [];
    for (const item of list as unknown[]) {
      const entry = (item && typeof item === 'object' ? item : { code: item }) as Record<string, unknown>;
      const sighting = sight(entry['code'], `x-error-codes of ${where}`);
      if (!sighting) continue;
      const explicit = typeof entry['status'] === 'number' ? entry['status'] : status;
      if (explicit !== undefined) {
        sighting.explicitStatus ??= explicit;
        // A status named only here (a code of a `default` response) is still a status the API answers with.
        const meanings = statusMeanings.get(explicit) ?? new Map<string, number>();
        if (responseText && status === undefined) meanings.set(responseText, (meanings.get(responseText) ?? 0) + 1);
        statusMeanings.set(explicit, meanings);
      }
      const text = (key: string) =>
        typeof entry[key] === 'string' && (entry[key] as string).trim() ? (entry[key] as string).trim() : undefined;
      sighting.message ??= text('message');
      sighting.cause ??= text('cause') ?? text('description');
      sighting.resolution ??= text('resolution');
      sighting.title ??= text('title');
      const name = text('name');
      if (name && /^[A-Za-z][A-Za-z0-9_.]*$/.test(name)) sighting.name ??= name;
    }
  };
  readExtensionCodes(api['x-error-codes'], 'the description', undefined);

  for (const [path, item] of Object.entries(api.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const where = `${method.toUpperCase()} ${path}`;
      readExtensionCodes(operation['x-error-codes'], where, undefined);
      const derivedOperation: DerivedOperation = { method: method.toUpperCase(), path, statuses: [], responses: [] };
      if (typeof operation['operationId'] === 'string') derivedOperation.operationId = operation['operationId'];
      if (typeof operation['summary'] === 'string') derivedOperation.summary = operation['summary'];
      for (const [key, raw] of Object.entries(
        (operation['responses'] ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        const statusKey = key.toUpperCase();
        if (!raw || typeof raw !== 'object') continue;
        if (/^[1-5]\d\d$/.test(statusKey)) {
          // Every status an operation answers with is one the catalog declares, success ones too.
          const meanings = statusMeanings.get(Number(statusKey)) ?? new Map<string, number>();
          const text = typeof raw['description'] === 'string' ? raw['description'].trim() : '';
          if (text && !/^[45]/.test(statusKey)) meanings.set(text, (meanings.get(text) ?? 0) + 1);
          statusMeanings.set(Number(statusKey), meanings);
          derivedOperation.statuses.push(Number(statusKey));
        }
        if (!/^([45]\d\d|[45]XX|DEFAULT)$/.test(statusKey)) continue;
        const status = /^\d+$/.test(statusKey) ? Number(statusKey) : undefined;
        const responseText = typeof raw['description'] === 'string' ? raw['description'].trim() : '';
        if (status !== undefined) {
          const meanings = statusMeanings.get(status) ?? new Map<string, number>();
          if (responseText) meanings.set(responseText, (meanings.get(responseText) ?? 0) + 1);
          statusMeanings.set(status, meanings);
        }
        readExtensionCodes(raw['x-error-codes'], `${where} ${key}`, status, responseText);
        const response = { status: key, description: responseText, envelopes: [] as string[], codes: [] as string[] };
        for (const [mediaType, media] of Object.entries(
          (raw['content'] ?? {}) as Record<string, Record<string, unknown>>,
        )) {
          if (!/json/i.test(mediaType)) {
            nonJson.add(mediaType);
            continue;
          }
          const schema = (media?.['schema'] ?? {}) as Schema;
          if ('$ref' in schema) {
            leftOut.push(
              `the ${key} response of ${where}: its schema refers to itself (${String(schema['$ref'])}), so it describes no body that can be walked`,
            );
            continue;
          }
          const bodies = examplesOf(media, schema, responseText);
          const alternatives = alternativesOf(schema)
            .map((alternative) => ({ ...alternative, walked: walkErrorSchema(alternative.schema) }))
            .filter(
              ({ walked }) =>
                walked.fields.code || walked.fields.message || walked.fields.title || walked.fields.detail,
            );
          // Each example belongs to the one alternative whose paths reach most of its values.
          const owner = (body: unknown) => {
            const reached = alternatives.map(
              ({ walked }) =>
                Object.values(walked.fields).filter((path) => path && evaluateFieldPath(body, path).length > 0).length,
            );
            return alternatives[reached.indexOf(Math.max(...reached))];
          };
          for (const current of alternatives) {
            const { schema: alternative, origin, walked } = current;
            const name =
              names.get(origin) ??
              names.get(alternative) ??
              names.get(schema) ??
              (typeof alternative['title'] === 'string' ? alternative['title'] : undefined) ??
              names.get(raw) ??
              undefined;
            const id =
              slugOf((name ?? '').replace(/([a-z0-9])([A-Z])/g, '$1 $2')) ||
              `${slugOf(title) || 'api'}-error${mediaType.includes('problem') ? '-problem' : ''}`;
            let envelope = envelopes.get(id);
            if (!envelope) {
              const declaration = declarationOf(alternative, name ?? 'ErrorBody', names);
              envelope = {
                id,
                name: name ?? (mediaType.includes('problem') ? 'Problem details' : `${title} error`),
                mediaType: mediaType.split(';')[0]!.trim(),
                description:
                  (typeof alternative['description'] === 'string' && firstParagraph(alternative['description'])) ||
                  `The body of the error responses described by ${name ? `the schema ${name}` : 'the OpenAPI description'}.`,
                ...(declaration ? { declaration } : {}),
                fields: walked.fields,
                examples: [],
                unreached: [],
                uses: 0,
              };
              envelopes.set(id, envelope);
            }
            envelope.uses += 1;
            if (!response.envelopes.includes(id)) response.envelopes.push(id);
            // Codes of an enumeration on the code property.
            const enumValues = enumOf(walked.codeSchema);
            const enumDescriptions = enumDescriptionsOf(walked.codeSchema, enumValues);
            enumValues.forEach((value, index) => {
              const sighting = sight(value, `the enumeration of ${name ?? 'the error schema'}.${walked.fields.code}`);
              if (!sighting) return;
              if (status !== undefined) sighting.statuses.add(status);
              sighting.enumCause ??= enumDescriptions[index];
              if (!response.codes.includes(String(value))) response.codes.push(String(value));
            });
            // Examples that fit this alternative (its code or message path reaches a value).
            for (const body of bodies) {
              if (!fits(body.value, walked.fields) || owner(body.value) !== current) continue;
              const text = JSON.stringify(body.value, null, 2);
              if (!envelope.examples.some((example) => example.body === text)) {
                const fieldHit = [walked.fields.field, walked.fields.fieldErrors].some(
                  (p) => p && evaluateFieldPath(body.value, p).length > 0,
                );
                envelope.examples.push({
                  title: body.title,
                  ...(fieldHit ? { kind: 'validation' as const } : {}),
                  ...(status ? { status } : {}),
                  body: text,
                });
              }
              pairCodes(
                body.value,
                walked.fields,
                status,
                (code) => sightings.get(String(code).trim()),
                response.codes,
                exampleOnly,
              );
            }
          }
        }
        derivedOperation.responses.push(response);
      }
      if (derivedOperation.responses.length > 0 || derivedOperation.statuses.length > 0)
        operations.push(derivedOperation);
    }
  }

  // Each envelope keeps only the parts its examples show (the build checks that every path reaches a value).
  for (const envelope of envelopes.values()) {
    if (envelope.examples.length === 0) {
      if (!envelope.declaration)
        leftOut.push(`envelope ${envelope.id}: the description gives neither an example nor a schema shape`);
      continue;
    }
    for (const [part, path] of Object.entries(envelope.fields) as Array<[keyof EnvelopeFields, string]>) {
      const reached = envelope.examples.some((example) => evaluateFieldPath(JSON.parse(example.body), path).length > 0);
      if (!reached) {
        envelope.unreached.push([part, path]);
        delete envelope.fields[part];
      }
    }
  }

  const codes: DerivedCode[] = [];
  for (const [code, sighting] of [...sightings.entries()].sort(([a], [b]) =>
    a.localeCompare(b, 'en', { numeric: true }),
  )) {
    const status = statusOf(sighting);
    if (status === undefined) {
      const seen = [...sighting.statuses].sort();
      leftOut.push(
        `code ${code} (${[...sighting.sources][0]}): ${seen.length > 1 ? `the description returns it with statuses ${seen.join(', ')} and` : 'the description'} does not say which status it comes with; ` +
          `list it under x-error-codes of the response it belongs to, or add it with error-catalog new code`,
      );
      continue;
    }
    codes.push({
      code,
      status,
      ...(sighting.name ? { name: sighting.name } : {}),
      ...(sighting.title ? { title: sighting.title } : {}),
      message: sighting.message ?? UNDOCUMENTED,
      cause: sighting.cause ?? sighting.enumCause ?? UNDOCUMENTED,
      resolution: sighting.resolution ?? UNDOCUMENTED,
      source: [...sighting.sources][0]!,
    });
  }
  if (nonJson.size > 0)
    leftOut.push(`error bodies of type ${[...nonJson].sort().join(', ')}: only JSON bodies become envelopes`);

  const statuses = [...statusMeanings.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, meanings]) => {
      const reason = HTTP_REASONS[status] ?? [...meanings.keys()][0] ?? `Status ${status}`;
      // The description most operations give; ties go to the shorter (more general) one.
      const meaning = [...meanings.entries()].sort(([a, m], [b, n]) => n - m || a.length - b.length)[0]?.[0] ?? reason;
      return { status, reason, meaning: firstParagraph(meaning) ?? reason };
    });
  const orderedEnvelopes = [...envelopes.values()].sort((a, b) => b.uses - a.uses || a.id.localeCompare(b.id));
  const surfaceId = options.surface ?? (slugOf(title).replace(/-api$/, '') || 'api');
  const baseUrl = api.servers?.find((server) => typeof server.url === 'string' && server.url)?.url;
  return {
    api: { name: title, description, intro: plainText(info.description) ?? description },
    surface: {
      id: surfaceId,
      name: title,
      description,
      ...(baseUrl ? { baseUrl } : {}),
      envelopes: orderedEnvelopes.map((envelope) => envelope.id),
    },
    statuses,
    envelopes: orderedEnvelopes,
    codes,
    operations,
    leftOut,
  };

  function statusOf(sighting: CodeSighting): number | undefined {
    if (sighting.explicitStatus !== undefined) return sighting.explicitStatus;
    if (sighting.exampleStatuses.size === 1) return [...sighting.exampleStatuses][0];
    if (sighting.statuses.size === 1) return [...sighting.statuses][0];
    return undefined;
  }
}

/** Example bodies of a media type: `example`, `examples` (values), and the schema's own example(s). */
function examplesOf(
  media: Record<string, unknown>,
  schema: Schema,
  responseText: string,
): Array<{ title: string; value: unknown }> {
  const found: Array<{ title: string; value: unknown }> = [];
  const fallback = responseText || 'Example';
  if (media['example'] !== undefined) found.push({ title: fallback, value: media['example'] });
  for (const [name, example] of Object.entries((media['examples'] ?? {}) as Record<string, Record<string, unknown>>)) {
    if (example && typeof example === 'object' && 'value' in example)
      found.push({
        title: (typeof example['summary'] === 'string' && example['summary']) || humanise(name),
        value: example['value'],
      });
  }
  if (found.length === 0) {
    if (schema['example'] !== undefined) found.push({ title: fallback, value: schema['example'] });
    if (Array.isArray(schema['examples']))
      for (const value of schema['examples']) found.push({ title: fallback, value });
  }
  return found.filter((example) => example.value !== null && typeof example.value === 'object');
}

function fits(body: unknown, fields: EnvelopeFields): boolean {
  const key = fields.code ?? fields.message ?? fields.title ?? fields.detail;
  return key !== undefined && evaluateFieldPath(body, key).length > 0;
}

/** Codes an example shows, with the status it shows them under and, one error per body, its message. */
function pairCodes(
  body: unknown,
  fields: EnvelopeFields,
  status: number | undefined,
  sightings: (code: unknown) => CodeSighting | undefined,
  responseCodes: string[],
  exampleOnly: Set<string>,
): void {
  if (!fields.code) return;
  const found = evaluateFieldPath(body, fields.code);
  const bodyStatus = fields.status ? Number(evaluateFieldPath(body, fields.status)[0]?.value) : Number.NaN;
  const messages = fields.message ? evaluateFieldPath(body, fields.message) : [];
  for (const match of found) {
    if (typeof match.value !== 'string' && typeof match.value !== 'number') continue;
    // An example only pairs and describes codes the description lists (enum, x-error-codes);
    // a code that appears in an example alone may be an illustration, so it is not imported.
    const known = sightings(match.value);
    if (!known) {
      exampleOnly.add(String(match.value));
      continue;
    }
    const shown = status ?? (Number.isInteger(bodyStatus) ? bodyStatus : undefined);
    if (shown !== undefined) known.exampleStatuses.add(shown);
    if (found.length === 1 && messages.length === 1 && typeof messages[0]!.value === 'string')
      known.message ??= messages[0]!.value;
    if (!responseCodes.includes(String(match.value))) responseCodes.push(String(match.value));
  }
}

function enumOf(schema: Schema | undefined): Array<string | number> {
  if (!schema) return [];
  if (schema['const'] !== undefined) return [schema['const'] as string];
  return Array.isArray(schema['enum'])
    ? (schema['enum'] as unknown[]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    : [];
}

/** `x-enum-descriptions` / `x-enumDescriptions`: a list beside the enum, or a map by value. */
function enumDescriptionsOf(schema: Schema | undefined, values: Array<string | number>): Array<string | undefined> {
  const raw = schema?.['x-enum-descriptions'] ?? schema?.['x-enumDescriptions'];
  if (Array.isArray(raw))
    return values.map((_, index) => (typeof raw[index] === 'string' ? (raw[index] as string) : undefined));
  if (raw && typeof raw === 'object')
    return values.map((value) => (raw as Record<string, unknown>)[String(value)] as string | undefined);
  return values.map(() => undefined);
}

/** The first paragraph of a Markdown description, as plain text. */
function firstParagraph(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const paragraph = text
    .trim()
    .split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, ' ')
    .replace(/[*_`#>]/g, '')
    .trim();
  return paragraph || undefined;
}

/** A Markdown description as plain paragraphs (blank lines kept between them). */
function plainText(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/\s+/g, ' ')
        .replace(/[*_`#>]/g, '')
        .trim(),
    )
    .filter(Boolean);
  return paragraphs.length ? paragraphs.join('\n\n') : undefined;
}

function humanise(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
