/**
 * What changed between two versions of a catalog, as data: every entry of every concept (codes,
 * ranges, statuses, messages, headers, envelopes, operations, surfaces, the API itself) that was
 * added, removed, deprecated, un-deprecated or changed, each change field by field. Pure: it reads
 * two models built by the same loader as the site and never touches files. The breaking-change
 * rules (`breaking-rules.ts`) then judge each change.
 */
import type { Catalog, Code, Origin } from '../catalog/model';
import { codeTitle } from '../catalog/queries';
import { breakingFindings, indexSides, type BreakingFinding, type SidesIndex } from './breaking-rules';

/** The kinds of entry a diff compares, in the order reports list them. */
export const CONCEPTS = [
  'api',
  'surface',
  'envelope',
  'status',
  'range',
  'code',
  'message',
  'header',
  'operation',
] as const;
export type Concept = (typeof CONCEPTS)[number];

export type ChangeKind = 'added' | 'removed' | 'changed' | 'deprecated' | 'undeprecated';

/** One field whose value differs: `status`, `retry.policy`, `placeholders.orderId`, `fields.code`. */
export interface FieldChange {
  field: string;
  /** The old value; undefined when the field was not set. */
  before?: unknown;
  /** The new value; undefined when the field is no longer set. */
  after?: unknown;
}

/** One entry that differs between the two sides. */
export interface EntryChange {
  concept: Concept;
  kind: ChangeKind;
  /** The entry's key on the new side (on the old side for a removal), e.g. `core:1101`, `404`. */
  key: string;
  /** Its key on the old side when it moved (a code renumbered with `formerly`). */
  formerKey?: string;
  /** How people name it: `core:1101 CARD_EXPIRED`, `404 Not Found`, `GET /orders/{id}`. */
  label: string;
  /** Field by field, for changes (and for deprecations: the deprecation's own fields). */
  fields: FieldChange[];
  /** Breaking-change rules this change breaks, each with its message. */
  breaking: BreakingFinding[];
}

export interface CatalogDiff {
  /** `api.version` of each side, when set. */
  versions: { old?: string; new?: string };
  changes: EntryChange[];
}

/** An entry of one concept, reduced to the fields a reader of the catalog relies on. */
interface Entry {
  key: string;
  label: string;
  /** Plain data compared field by field. */
  data: Record<string, unknown>;
  deprecated: boolean;
}

/** Compares two catalogs. Entries are matched by key; codes also through `formerly`. */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const changes: EntryChange[] = [];
  const index = indexSides(before, after);
  for (const concept of CONCEPTS) {
    const oldEntries = entriesOf(concept, before);
    const newEntries = entriesOf(concept, after);
    const matched = concept === 'code' ? matchFormerly(before, after) : new Map<string, string>();
    const newByKey = new Map(newEntries.map((entry) => [entry.key, entry]));
    const seenNew = new Set<string>();
    const oldKeys = new Set(oldEntries.map((entry) => entry.key));
    for (const old of oldEntries) {
      const newKey = newByKey.has(old.key) ? old.key : matched.get(old.key);
      const next = newKey === undefined ? undefined : newByKey.get(newKey);
      if (!next) {
        changes.push(change(concept, 'removed', old, [], { before, after, index }));
        continue;
      }
      seenNew.add(next.key);
      const fields = compareFields(old.data, next.data);
      if (old.key !== next.key) fields.unshift({ field: 'key', before: old.key, after: next.key });
      const kind: ChangeKind =
        !old.deprecated && next.deprecated
          ? 'deprecated'
          : old.deprecated && !next.deprecated
            ? 'undeprecated'
            : 'changed';
      if (fields.length === 0) continue;
      changes.push({
        ...change(concept, kind, next, fields, { before, after, index }, old),
        ...(old.key !== next.key ? { formerKey: old.key } : {}),
      });
    }
    for (const entry of newEntries) {
      if (!seenNew.has(entry.key) && !oldKeys.has(entry.key))
        changes.push(change(concept, 'added', entry, [], { before, after, index }));
    }
  }
  return {
    versions: {
      ...(before.api.version ? { old: before.api.version } : {}),
      ...(after.api.version ? { new: after.api.version } : {}),
    },
    changes,
  };
}

function change(
  concept: Concept,
  kind: ChangeKind,
  entry: Entry,
  fields: FieldChange[],
  sides: { before: Catalog; after: Catalog; index: SidesIndex },
  old?: Entry,
): EntryChange {
  const base = { concept, kind, key: entry.key, label: entry.label, fields };
  return {
    ...base,
    breaking: breakingFindings(base, { ...sides, oldData: old?.data ?? entry.data, newData: entry.data }),
  };
}

/** Old code key → new code key, for each new code that names the old one under `formerly`. */
function matchFormerly(before: Catalog, after: Catalog): Map<string, string> {
  const oldKeys = new Set(before.codes.map((code) => code.key));
  const newKeys = new Set(after.codes.map((code) => code.key));
  const matched = new Map<string, string>();
  for (const code of after.codes)
    for (const former of code.formerly) if (oldKeys.has(former) && !newKeys.has(former)) matched.set(former, code.key);
  return matched;
}

/** The entries of one concept, keyed so that the same entry has the same key on both sides. */
function entriesOf(concept: Concept, catalog: Catalog): Entry[] {
  // History (`since`, `changes`) is about changes, not a change itself.
  return conceptEntries(concept, catalog).map((entry) => {
    const { since: _since, changes: _changes, ...data } = entry.data as Record<string, unknown>;
    return { ...entry, data };
  });
}

/**
 * The model entry behind each key of `concept` on one side, with where it was declared (for
 * `diff --record`, which writes into that file). The API itself has no entry here.
 */
export function entryOrigins(concept: Concept, catalog: Catalog): Map<string, { origin: Origin }> {
  const models = conceptModels(concept, catalog);
  const found = new Map<string, { origin: Origin }>();
  conceptEntries(concept, catalog).forEach((entry, index) => {
    const model = models[index];
    if (model) found.set(entry.key, model);
  });
  return found;
}

/** The model objects conceptEntries() reads, in its order. */
function conceptModels(concept: Concept, catalog: Catalog): Array<{ origin: Origin }> {
  switch (concept) {
    case 'api':
      return [];
    case 'surface':
      return catalog.surfaces;
    case 'envelope':
      return catalog.envelopes;
    case 'status':
      return catalog.statuses;
    case 'range':
      return catalog.codeSpaces.flatMap((space) => space.ranges);
    case 'code':
      return catalog.codes;
    case 'message':
      return catalog.messageAreas.flatMap((area) => area.messages);
    case 'header':
      return catalog.headers;
    case 'operation':
      return catalog.operations;
  }
}

function conceptEntries(concept: Concept, catalog: Catalog): Entry[] {
  switch (concept) {
    case 'api': {
      const { version: _version, ...api } = catalog.api;
      return [{ key: 'api', label: catalog.api.name, data: api, deprecated: false }];
    }
    case 'surface':
      return catalog.surfaces.map(({ origin: _o, ...surface }) => ({
        key: surface.id,
        label: `${surface.id} (${surface.name})`,
        data: surface,
        deprecated: false,
      }));
    case 'envelope':
      return catalog.envelopes.map(({ origin: _o, surfaces: _s, ...envelope }) => ({
        key: envelope.id,
        label: `${envelope.id} (${envelope.name})`,
        data: envelope,
        deprecated: false,
      }));
    case 'status':
      return catalog.statuses.map(({ origin: _o, statusClass: _c, retry, ...status }) => ({
        key: String(status.status),
        label: `${status.status} ${status.reason}`,
        // Retry advice the API does not state (general practice filled in) is not the API's word.
        data: retry.source === 'general-practice' ? status : { ...status, retry },
        deprecated: false,
      }));
    case 'range':
      return catalog.codeSpaces.flatMap((space) =>
        space.ranges.map(({ origin: _o, codes: _c, slug: _s, codeSpace, ...range }) => ({
          // A range is the same range while its space and name are; its bounds may move.
          key: `${codeSpace}:${range.name}`,
          label: `${codeSpace} ${range.from}-${range.to} (${range.name})`,
          data: range,
          deprecated: false,
        })),
      );
    case 'code':
      return catalog.codes.map(codeEntry);
    case 'message':
      return catalog.messageAreas.flatMap((area) =>
        area.messages.map(({ origin: _o, id: _i, placeholderNames: _p, area: _a, ...message }) => ({
          // Messages have no id of their own: the area and the code, else the area and the text.
          key: `${area.name}: ${message.code ?? message.message}`,
          label: `"${message.message}" (${area.name})`,
          data: message,
          deprecated: false,
        })),
      );
    case 'header':
      return catalog.headers.map(({ origin: _o, ...header }) => ({
        key: `${header.in === 'request' ? 'request' : 'response'}:${header.name}`,
        label: `${header.name} (${header.in} header)`,
        data: header,
        deprecated: false,
      }));
    case 'operation':
      return catalog.operations.map(({ origin: _o, slug: _s, ...operation }) => ({
        key: operation.key,
        label: `${operation.method} ${operation.path} (${operation.surface})`,
        data: operation,
        deprecated: operation.deprecated !== undefined,
      }));
  }
}

/**
 * A code's statuses as the catalog states them (`statuses:`): each status with its context and its
 * own advice, compared as one list; undefined for a code written with one `status:` and no context,
 * whose `status` says it all.
 */
export function statedStatuses(code: Code): Array<Record<string, unknown>> | undefined {
  const { statuses } = code;
  if (statuses.length === 1 && !statuses[0]!.layer && !statuses[0]!.when && !statuses[0]!.cause) return undefined;
  return statuses.map(({ retry, retryInherited, errorsWithSuccess: _e, surfaces, ...entry }) => ({
    ...entry,
    ...(surfaces.join() === code.surfaces.join() ? {} : { surfaces }),
    ...(retryInherited ? {} : { retry }),
  }));
}

function codeEntry(code: Code): Entry {
  const {
    origin: _o,
    key: _k,
    slug: _s,
    placeholderNames: _p,
    referencedBy: _r,
    retry,
    retryInherited,
    statuses,
    formerly: _f,
    ...data
  } = code;
  const title = codeTitle(code);
  const stated = statedStatuses(code);
  return {
    key: code.key,
    label: `${code.key}${title !== code.code ? ` ${code.name ?? title}` : ''}`,
    data: { ...data, ...(retryInherited ? {} : { retry }), ...(stated ? { statuses: stated } : {}) },
    deprecated: code.deprecated !== undefined,
  };
}

/**
 * The fields whose values differ, as dotted paths down to the first value that is not a plain
 * object (arrays are compared whole: `tags`, `statuses`), in the order they are written.
 */
export function compareFields(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => compareFields(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (same(before, after)) return [];
  const field: FieldChange = { field: prefix };
  if (!isEmpty(before)) field.before = before;
  if (!isEmpty(after)) field.after = after;
  return field.before === undefined && field.after === undefined ? [] : [field];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unset, an empty list and an empty map say the same thing. */
function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
