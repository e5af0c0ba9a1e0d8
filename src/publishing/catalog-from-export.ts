/**
 * A built `catalog.json` (src/publishing/catalog-export.ts) read back into the catalog model, so
 * that `error-catalog diff` can compare a published catalog. The export leaves out what only the
 * pages need (origins, history lists, a surface's order), so a side read from it is compared with
 * a folder only after the folder has made the same round trip (`throughExport`): both sides then
 * hold exactly what the export holds, and nothing the export dropped shows up as a change.
 */
import { placeholderNames } from '../catalog/placeholders';
import { codeSlug } from '../catalog/codes';
import type { Catalog } from '../catalog/model';
import { CATALOG_FORMAT_VERSION, catalogExport } from './catalog-export';

/** What went wrong reading an export, in one sentence a user can act on. */
export class ExportReadError extends Error {}

/** `null` means unset in the export: dropped, recursively, so the model reads as the loader's. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== null)
      .map(([key, inner]) => [key, withoutNulls(inner)]),
  );
}

type Json = Record<string, unknown>;

function list(data: Json, name: string): Json[] {
  const value = data[name];
  if (!Array.isArray(value)) throw new ExportReadError(`it has no "${name}" list`);
  return value as Json[];
}

/** Reads the parsed text of a `catalog.json` into the model; throws ExportReadError when it is not one. */
export function catalogFromExport(parsed: unknown): Catalog {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ExportReadError('it is not a JSON object');
  const raw = parsed as Json;
  if (raw['formatVersion'] !== CATALOG_FORMAT_VERSION)
    throw new ExportReadError(
      `its formatVersion is ${JSON.stringify(raw['formatVersion'] ?? null)}, and this version of error-catalog reads format ${CATALOG_FORMAT_VERSION}`,
    );
  const data = withoutNulls(raw) as Json;
  const api = data['api'] as Json | undefined;
  if (!api || typeof api['name'] !== 'string') throw new ExportReadError('it has no api.name');
  const origin = { file: 'catalog.json' };
  const strip = (entry: Json, ...names: string[]) => {
    const copy = { ...entry };
    for (const name of ['url', ...names]) delete copy[name];
    return copy;
  };
  const ranges: Json[] = list(data, 'ranges').map((range) => ({ ...strip(range), origin }));
  const messages = list(data, 'messages');
  return {
    api: api as unknown as Catalog['api'],
    surfaces: list(data, 'surfaces').map((surface, order) => ({ ...strip(surface), order, origin })),
    envelopes: list(data, 'envelopes').map((envelope) => ({ ...strip(envelope), origin })),
    statuses: list(data, 'statuses').map((status) => ({ ...strip(status), changes: [], origin })),
    codeSpaces: list(data, 'codeSpaces').map((space) => ({
      ...strip(space),
      ranges: ranges.filter((range) => range['codeSpace'] === space['id']),
      origin,
    })),
    codes: list(data, 'codes').map((code) => ({
      ...strip(code),
      slug: codeSlug(String(code['code'])),
      placeholderNames: placeholderNames(String(code['message'] ?? '')),
      referencedBy: [],
      changes: [],
      origin,
    })),
    messageAreas: list(data, 'messageAreas').map((area, order) => ({
      ...strip(area),
      order,
      messages: messages
        .filter((message) => message['area'] === area['slug'])
        .map((message) => ({
          ...strip(message),
          placeholderNames: placeholderNames(String(message['message'] ?? '')),
          changes: [],
          origin,
        })),
      origin,
    })),
    headers: list(data, 'headers').map((header) => ({ ...strip(header), origin })),
    operations: list(data, 'operations').map((operation) => {
      const slug = String(operation['key'] ?? '')
        .split('/')
        .slice(1)
        .join('/');
      return { ...strip(operation), slug, changes: [], origin };
    }),
  } as unknown as Catalog;
}

/** `catalog` as a side read from its own `catalog.json` would be (see the file comment). */
export function throughExport(catalog: Catalog): Catalog {
  const exported = catalogExport(catalog, (route) => `https://catalog.invalid/${route}`);
  return catalogFromExport(JSON.parse(JSON.stringify(exported)));
}
