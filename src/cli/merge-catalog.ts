/**
 * Merges imported entries (from an OpenAPI description or a CSV file) into a catalog without ever
 * destroying what is there: new entries are added in order, fields the catalog lacks are filled,
 * a field still holding the import's "not documented" sentence is updated, and every other
 * difference is reported as a conflict while the catalog's value is kept. Files are edited with
 * YamlEditor, so comments and layout survive.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { codeKey, compareCodes } from '../catalog/codes';
import type { CatalogProblem } from '../catalog/problems';
import type { CatalogFiles } from '../catalog/read-catalog';
import { resolve } from 'node:path';
import { displayPath, type CatalogChanges } from './catalog-changes';
import type { InspectedCatalog } from './catalog-folder';
import { placeCode, relativeToCatalog } from './new-code';
import { schemaLine } from './edit-catalog';
import { stringifyBlock, YamlEditor } from './yaml-editor';

const SCHEMA_OF_FOLDER: Record<string, string> = {
  codes: 'codes',
  statuses: 'statuses',
  envelopes: 'envelope',
  surfaces: 'surface',
  ranges: 'ranges',
};

/** Fields the import may write on a code, in the order the catalogs write them. */
const CODE_FIELDS = [
  'code',
  'name',
  'title',
  'status',
  'message',
  'placeholders',
  'cause',
  'resolution',
  'since',
  'related',
  'tags',
] as const;

export type CodeEntry = Partial<Record<(typeof CODE_FIELDS)[number], unknown>> & { code: string; status: number };

export interface ImportedOperation {
  method: string;
  path: string;
  id?: string;
  summary?: string;
  statuses: number[];
  codes: string[];
  envelopes: Record<string, string>;
}

export interface MergeReport {
  added: string[];
  filled: string[];
  kept: string[];
  conflicts: string[];
  leftOut: string[];
}

export interface MergeInput {
  api?: { name: string; description: string; intro: string };
  surface?: {
    id: string;
    name: string;
    description: string;
    baseUrl?: string;
    envelopes: string[];
    codeSpace?: string;
  };
  envelopes?: Array<{
    id: string;
    name: string;
    mediaType: string;
    description: string;
    declaration?: string;
    fields: Record<string, string>;
    examples: Array<Record<string, unknown>>;
  }>;
  statuses?: Array<{ status: number; reason: string; meaning: string; action: string }>;
  /** Codes by code space; `label` names where each came from (a CSV row, the spec). */
  codes?: Array<{ space: string; entry: CodeEntry; label: string }>;
  /** Operations of one surface (catalog/operations/<surface>.yaml). */
  operations?: { surface: string; space: string; list: ImportedOperation[] };
  /** Sentences such as UNDOCUMENTED: a catalog field holding one of them was not written by a person. */
  placeholders: string[];
}

/** Keys of entries the check refused, left out on the next attempt. */
export type Skips = Set<string>;

/** What each changed position of a file holds, so a problem found there can be traced to its entry. */
interface Trace {
  file: string;
  /** Top-level path in the file, e.g. `codes[3]` → key of the entry, given the file's data. */
  keyOf(path: string, data: unknown): string | undefined;
}

export class CatalogMerger {
  readonly report: MergeReport = { added: [], filled: [], kept: [], conflicts: [], leftOut: [] };
  private readonly editors = new Map<string, YamlEditor>();
  private readonly created = new Map<string, string>();
  private readonly traces: Trace[] = [];

  constructor(
    private readonly changes: CatalogChanges,
    private readonly inspected: InspectedCatalog | undefined,
    private readonly skips: Skips,
  ) {}

  private get files(): CatalogFiles | undefined {
    return this.inspected?.files;
  }

  private editor(file: string): YamlEditor {
    let editor = this.editors.get(file);
    if (!editor) this.editors.set(file, (editor = new YamlEditor(this.changes.read(file)!)));
    return editor;
  }

  private fileOf(source: { file: string }): string {
    return relativeToCatalog(this.files!.root, source.file);
  }

  merge(input: MergeInput): void {
    const isPlaceholder = (value: unknown) => typeof value === 'string' && input.placeholders.includes(value);
    if (input.api && !this.files?.api && !this.changes.read('api.yaml')) {
      this.created.set('api.yaml', stringifyBlock(input.api, false));
      this.report.added.push('api.yaml');
    }
    const envelopeIds = new Set<string>();
    for (const envelope of input.envelopes ?? []) {
      if (this.skips.has(`envelope:${envelope.id}`)) continue;
      envelopeIds.add(envelope.id);
      this.mergeEnvelope(envelope);
    }
    if (input.surface)
      this.mergeSurface({ ...input.surface, envelopes: input.surface.envelopes.filter((id) => envelopeIds.has(id)) });
    for (const status of input.statuses ?? []) {
      if (!this.skips.has(`status:${status.status}`)) this.mergeStatus(status);
    }
    const newCodes = new Map<string, Array<{ entry: CodeEntry; label: string }>>();
    for (const { space, entry, label } of input.codes ?? []) {
      if (this.skips.has(`code:${space}:${entry.code}`)) continue;
      const existing = this.findCode(space, entry.code);
      if (existing) this.mergeCode(space, entry, label, existing, isPlaceholder);
      else (newCodes.get(space) ?? newCodes.set(space, []).get(space)!).push({ entry, label });
    }
    for (const [space, list] of newCodes) this.addCodes(space, list);
    if (input.operations) this.mergeOperations(input.operations.surface, input.operations.space, input.operations.list);
  }

  private mergeOperations(surface: string, space: string, list: ImportedOperation[]): void {
    const keyOf = (operation: { method: string; path: string }) => `operation:${operation.method} ${operation.path}`;
    // A code left out of the catalog is left out of the operations that return it, too.
    const wanted = list
      .filter((operation) => !this.skips.has(keyOf(operation)))
      .map((operation) => ({
        ...operation,
        codes: operation.codes.filter((code) => !this.skips.has(`code:${space}:${code}`)),
      }));
    if (wanted.length === 0) return;
    const existing = this.files?.operations.find((parsed) => parsed.data.surface === surface);
    const entry = (operation: ImportedOperation) => {
      const data: Record<string, unknown> = { method: operation.method, path: operation.path };
      if (operation.id) data['id'] = operation.id;
      if (operation.summary) data['summary'] = operation.summary;
      if (operation.statuses.length) data['statuses'] = operation.statuses;
      if (operation.codes.length) data['codes'] = operation.codes;
      if (Object.keys(operation.envelopes).length) data['envelopes'] = operation.envelopes;
      return data;
    };
    const trace = (file: string) =>
      this.traces.push({
        file,
        keyOf: (field, data) => {
          const found = entryAt(data, 'operations', field);
          return found ? keyOf({ method: String(found['method']), path: String(found['path']) }) : undefined;
        },
      });
    if (!existing) {
      const file = `operations/${surface}.yaml`;
      this.created.set(file, stringifyBlock({ surface, operations: wanted.map(entry) }, false));
      trace(file);
      this.report.added.push(`${wanted.length} operation${wanted.length === 1 ? '' : 's'} of surface ${surface}`);
      return;
    }
    const file = this.fileOf(existing.source);
    trace(file);
    const editor = this.editor(file);
    for (const operation of wanted) {
      const index = existing.data.operations.findIndex(
        (known) => known.method === operation.method && known.path === operation.path,
      );
      if (index < 0) {
        editor.appendToSeq(['operations'], entry(operation));
        this.report.added.push(`operation ${operation.method} ${operation.path}`);
        continue;
      }
      const known = existing.data.operations[index]!;
      const label = `operation ${operation.method} ${operation.path}`;
      for (const field of ['id', 'summary'] as const) {
        const value = operation[field];
        if (value === undefined || known[field] === value) continue;
        if (known[field] === undefined) {
          editor.addToMap(['operations', index], field, value);
          this.report.filled.push(`${label}: ${field}`);
        } else
          this.report.conflicts.push(
            `${label} (${existing.source.file}): the description says ${field} ${JSON.stringify(value)}, the catalog says ${JSON.stringify(known[field])}; the catalog's was kept`,
          );
      }
      // Lists grow: what the description adds is appended, nothing is removed.
      const knownCodes = known.codes.map(String);
      for (const [field, current, incoming] of [
        ['statuses', known.statuses.map(String), operation.statuses.map(String)],
        ['codes', knownCodes, operation.codes],
      ] as const) {
        const fresh = incoming.filter((value) => !current.includes(value));
        if (fresh.length === 0) continue;
        const values = field === 'statuses' ? fresh.map(Number) : fresh;
        const raw = existing.source.valueAt(['operations', index, field]);
        if (Array.isArray(raw)) for (const value of values) editor.appendToSeq(['operations', index, field], value);
        else editor.addToMap(['operations', index], field, values);
        this.report.filled.push(`${label}: ${field} ${fresh.join(', ')}`);
      }
    }
    this.report.kept.push(`operations of surface ${surface}`);
  }

  /** Writes every edited and created file into the change set. */
  finish(): void {
    for (const [file, editor] of this.editors) this.changes.write(file, editor.toString());
    for (const [file, body] of this.created) {
      const folder = file.split('/')[0]!;
      const schema = file === 'api.yaml' ? 'api' : SCHEMA_OF_FOLDER[folder];
      let line = schema ? schemaLine(this.changes.dir, schema) : '';
      // api.yaml sits one folder higher than the files the line was copied from.
      if (file === 'api.yaml') line = line.replace('$schema=../', '$schema=');
      this.changes.write(file, `${line}${body}`);
    }
  }

  /**
   * The skip keys of the entries the given problems are about, or undefined when a problem is
   * about something this merge did not add (then nothing can be left out to fix it).
   */
  skipsFor(problems: CatalogProblem[]): Array<{ key: string; problem: CatalogProblem }> | undefined {
    const found: Array<{ key: string; problem: CatalogProblem }> = [];
    const root = displayPath(resolve(this.changes.dir));
    for (const problem of problems) {
      const file = relativeToCatalog(root, problem.file);
      const data = parseDocument(this.changes.read(file) ?? '').toJS() as unknown;
      const key = this.traces
        .filter((trace) => trace.file === file)
        .map((trace) => trace.keyOf(problem.field, data))
        .find(Boolean);
      if (!key) return undefined;
      found.push({ key, problem });
    }
    return found;
  }

  private mergeEnvelope(envelope: NonNullable<MergeInput['envelopes']>[number]): void {
    const existing = this.files?.envelopes.find((parsed) => parsed.id === envelope.id);
    if (!existing) {
      const file = `envelopes/${envelope.id}.yaml`;
      const data: Record<string, unknown> = { name: envelope.name };
      if (envelope.mediaType !== 'application/json') data['mediaType'] = envelope.mediaType;
      data['description'] = envelope.description;
      if (envelope.declaration) data['declaration'] = envelope.declaration;
      data['fields'] = envelope.fields;
      if (envelope.examples.length) data['examples'] = envelope.examples;
      this.created.set(file, stringifyBlock(data, false));
      this.traces.push({ file, keyOf: () => `envelope:${envelope.id}` });
      this.report.added.push(`envelope ${envelope.id} (${envelope.name})`);
      return;
    }
    const file = this.fileOf(existing.source);
    const editor = this.editor(file);
    for (const [part, path] of Object.entries(envelope.fields)) {
      const current = (existing.data.fields as Record<string, string | undefined>)[part];
      if (current === undefined) {
        if (this.skips.has(`envelope-field:${envelope.id}:${part}`)) continue;
        editor.addToMap(['fields'], part, path);
        this.traces.push({
          file,
          keyOf: (field) => (field === `fields.${part}` ? `envelope-field:${envelope.id}:${part}` : undefined),
        });
        this.report.filled.push(`envelope ${envelope.id}: fields.${part} = ${path}`);
      } else if (current !== path) {
        this.report.conflicts.push(
          `envelope ${envelope.id} (${existing.source.file}): the description puts the ${part} at ${path}, the catalog at ${current}; the catalog's path was kept`,
        );
      }
    }
    const bodies = existing.data.examples.map((example) => parseJson(example.body));
    const fresh = envelope.examples.filter((example) => {
      const body = parseJson(String(example['body']));
      const known = bodies.some((other) => other !== undefined && isDeepStrictEqual(other, body));
      return !known && !this.skips.has(`envelope-example:${envelope.id}:${String(example['body'])}`);
    });
    fresh.forEach((example, offset) => {
      const key = `envelope-example:${envelope.id}:${String(example['body'])}`;
      const at = existing.data.examples.length + offset;
      this.traces.push({ file, keyOf: (field) => (field.startsWith(`examples[${at}]`) ? key : undefined) });
      this.report.filled.push(`envelope ${envelope.id}: example "${String(example['title'])}"`);
    });
    if (fresh.length > 0 && existing.data.examples.length > 0)
      for (const example of fresh) editor.appendToSeq(['examples'], example);
    else if (fresh.length > 0) editor.setInMap([], 'examples', fresh);
    if (envelope.declaration && existing.data.declaration === undefined) {
      editor.addToMap([], 'declaration', envelope.declaration);
      this.report.filled.push(`envelope ${envelope.id}: declaration`);
    }
    this.report.kept.push(`envelope ${envelope.id}`);
  }

  private mergeSurface(surface: NonNullable<MergeInput['surface']>): void {
    const existing = this.files?.surfaces.find((parsed) => parsed.id === surface.id);
    if (!existing) {
      if (surface.envelopes.length === 0) {
        this.report.leftOut.push(
          `surface ${surface.id}: none of its error bodies could become an envelope, and a surface needs one`,
        );
        return;
      }
      const file = `surfaces/${surface.id}.yaml`;
      const data: Record<string, unknown> = { name: surface.name, description: surface.description };
      if (surface.baseUrl) data['baseUrl'] = surface.baseUrl;
      data['envelopes'] = surface.envelopes;
      if (surface.codeSpace && surface.codeSpace !== surface.id) data['codeSpace'] = surface.codeSpace;
      this.created.set(file, stringifyBlock(data, false));
      this.report.added.push(`surface ${surface.id}`);
      return;
    }
    const file = this.fileOf(existing.source);
    for (const id of surface.envelopes) {
      if (existing.data.envelopes.includes(id)) continue;
      this.editor(file).appendToSeq(['envelopes'], id);
      this.report.filled.push(`surface ${surface.id}: envelope ${id}`);
    }
    if (surface.baseUrl && existing.data.baseUrl && existing.data.baseUrl !== surface.baseUrl)
      this.report.conflicts.push(
        `surface ${surface.id} (${existing.source.file}): the description's server is ${surface.baseUrl}, the catalog says ${existing.data.baseUrl}; the catalog's was kept`,
      );
    this.report.kept.push(`surface ${surface.id}`);
  }

  private mergeStatus(status: NonNullable<MergeInput['statuses']>[number]): void {
    if (this.inspected?.catalog?.statuses.some((known) => known.status === status.status)) {
      this.report.kept.push(`status ${status.status}`);
      return;
    }
    const target = this.files?.statuses[0];
    const key = `status:${status.status}`;
    if (target) {
      const file = this.fileOf(target.source);
      const index = target.data.statuses.filter((known) => known.status < status.status).length;
      this.editor(file).insertInSeq(['statuses'], index, status);
      this.traces.push({
        file,
        keyOf: (field, data) => (entryAt(data, 'statuses', field)?.['status'] === status.status ? key : undefined),
      });
    } else {
      const file = 'statuses/statuses.yaml';
      const list = (this.pending.get(file) ?? []) as unknown[];
      list.push(status);
      this.pending.set(file, list);
      this.created.set(file, stringifyBlock({ statuses: list }, false));
      this.traces.push({
        file,
        keyOf: (field, data) => (entryAt(data, 'statuses', field)?.['status'] === status.status ? key : undefined),
      });
    }
    this.report.added.push(`status ${status.status}`);
  }

  private readonly pending = new Map<string, unknown[]>();

  private findCode(space: string, code: string) {
    for (const parsed of this.files?.codes ?? []) {
      if (parsed.data.codeSpace !== space) continue;
      const index = parsed.data.codes.findIndex((entry) => entry.code === code);
      if (index >= 0) return { parsed, index, entry: parsed.data.codes[index]! };
    }
    return undefined;
  }

  private mergeCode(
    space: string,
    entry: CodeEntry,
    label: string,
    existing: NonNullable<ReturnType<CatalogMerger['findCode']>>,
    isPlaceholder: (value: unknown) => boolean,
  ): void {
    const file = this.fileOf(existing.parsed.source);
    const where = `${existing.parsed.source.file}:${existing.parsed.source.lineOf(['codes', existing.index]) ?? 1}`;
    const current = existing.entry as unknown as Record<string, unknown>;
    let changed = false;
    for (const field of CODE_FIELDS) {
      const value = entry[field];
      if (field === 'code' || value === undefined || isPlaceholder(value)) continue;
      const known = current[field];
      const same =
        isDeepStrictEqual(known, value) ||
        (Array.isArray(known) && known.length === 0 && Array.isArray(value) && value.length === 0);
      if (same) continue;
      const key = `fill:${space}:${entry.code}:${field}`;
      if (this.skips.has(key)) continue;
      if (
        known === undefined ||
        isPlaceholder(known) ||
        (Array.isArray(known) && known.length === 0 && !(field in rawEntry(existing)))
      ) {
        this.editor(file).setInMap(['codes', existing.index], field, value);
        this.traces.push({
          file,
          keyOf: (path) => (path.startsWith(`codes[${existing.index}].${field}`) ? key : undefined),
        });
        this.report.filled.push(`code ${entry.code}: ${field}`);
        changed = true;
      } else {
        this.report.conflicts.push(
          `code ${entry.code} (${where}): ${label} says ${field} ${show(value)}, the catalog says ${show(known)}; the catalog's value was kept`,
        );
      }
    }
    if (!changed) this.report.kept.push(`code ${codeKey(space, entry.code)}`);
  }

  private addCodes(space: string, list: Array<{ entry: CodeEntry; label: string }>): void {
    list.sort((a, b) => compareCodes(a.entry.code, b.entry.code));
    const ofSpace = this.files?.codes.some((parsed) => parsed.data.codeSpace === space);
    if (!ofSpace) {
      const file = `codes/${space}.yaml`;
      this.created.set(
        file,
        stringifyBlock({ codeSpace: space, codes: list.map(({ entry }) => ordered(entry)) }, false),
      );
      for (const { entry } of list) this.traceCode(file, space, entry.code);
    } else {
      for (const { entry } of list) {
        const { file, index } = placeCode(this.files!, space, entry.code);
        this.editor(file).insertInSeq(['codes'], index, ordered(entry));
        this.traceCode(file, space, entry.code);
      }
    }
    for (const { entry } of list) this.report.added.push(`code ${entry.code}`);
  }

  private traceCode(file: string, space: string, code: string): void {
    const key = `code:${space}:${code}`;
    this.traces.push({
      file,
      keyOf: (field, data) => (String(entryAt(data, 'codes', field)?.['code']) === code ? key : undefined),
    });
  }
}

/** The list entry a field path such as `codes[3].status` points into, in the file's data. */
function entryAt(data: unknown, list: string, field: string): Record<string, unknown> | undefined {
  const match = new RegExp(`^${list}\\[(\\d+)\\]`).exec(field);
  if (!match || !data || typeof data !== 'object') return undefined;
  const items = (data as Record<string, unknown>)[list];
  return Array.isArray(items) ? (items[Number(match[1])] as Record<string, unknown> | undefined) : undefined;
}

function rawEntry(existing: {
  parsed: { source: { valueAt(path: ReadonlyArray<string | number>): unknown } };
  index: number;
}): object {
  return (existing.parsed.source.valueAt(['codes', existing.index]) as object | undefined) ?? {};
}

/** The entry with its keys in catalog order; numeric codes as numbers, as authors write them. */
export function ordered(entry: CodeEntry): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of CODE_FIELDS) {
    const value = entry[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    result[field] = field === 'code' && /^[1-9]\d{0,14}$/.test(String(value)) ? Number(value) : value;
  }
  return result;
}

function show(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.join(', ')}]`
      : String(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
