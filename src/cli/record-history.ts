/**
 * `diff --record`: writes what the diff found into the new side's entries, so a catalog's history
 * is never typed by hand: `since` on each added code, status, envelope, range, message or
 * operation that has none, and one `changes` entry ({ version, change, breaking }) on each one
 * changed, deprecated or un-deprecated. Edits go through the YAML editor (comments and layout
 * kept) and CatalogChanges (the changed catalog is checked before anything is written; files are
 * replaced whole). Recording twice adds nothing. Internal-only fields (src/catalog/audience.ts)
 * are never written into a history, which the public site and its feeds publish.
 */
import { relative, resolve } from 'node:path';
import { publicFieldChange } from '../catalog/audience';
import type { Catalog } from '../catalog/model';
import { entryOrigins, type CatalogDiff, type Concept } from '../changes/diff-catalogs';
import { CatalogChanges } from './catalog-changes';
import { fieldWords } from './diff';
import { YamlEditor } from './yaml-editor';

/** The concepts whose entries carry a history (`since`, `changes`). */
export const RECORDED_CONCEPTS = ['code', 'status', 'envelope', 'range', 'message', 'operation'] as const;
type RecordedConcept = (typeof RECORDED_CONCEPTS)[number];

export interface RecordOutcome {
  changes: CatalogChanges;
  /** Entries given a `since`, and entries given a `changes` entry, as `concept key`. */
  since: Array<{ concept: RecordedConcept; key: string }>;
  entries: Array<{ concept: RecordedConcept; key: string }>;
}

type Path = Array<string | number>;

/** Where the entry of `model` sits in its file's YAML data (the file's own list, or the whole file). */
function entryPath(
  concept: RecordedConcept,
  model: Record<string, unknown>,
  data: Record<string, unknown>,
): Path | undefined {
  const list = (name: string) => (Array.isArray(data[name]) ? (data[name] as Array<Record<string, unknown>>) : []);
  const at = (name: string, match: (entry: Record<string, unknown>) => boolean): Path | undefined => {
    const index = list(name).findIndex((entry) => entry !== null && typeof entry === 'object' && match(entry));
    return index === -1 ? undefined : [name, index];
  };
  const text = (value: unknown) => String(value ?? '').trim();
  switch (concept) {
    case 'code':
      return at('codes', (entry) => text(entry['code']) === model['code']);
    case 'status':
      return at('statuses', (entry) => Number(entry['status']) === model['status']);
    case 'envelope':
      return [];
    case 'range':
      return at('ranges', (entry) => text(entry['name']) === model['name']);
    case 'message':
      return at('messages', (entry) => text(entry['message']) === text(model['message']));
    case 'operation':
      return at(
        'operations',
        (entry) => text(entry['method']).toUpperCase() === model['method'] && text(entry['path']) === model['path'],
      );
  }
}

/** The history entries of `diff` for the catalog folder `dir` (the new side), not yet written. */
export function recordHistory(dir: string, catalog: Catalog, diff: CatalogDiff, version: string): RecordOutcome {
  const changes = new CatalogChanges(dir);
  const editors = new Map<string, YamlEditor>();
  const outcome: RecordOutcome = { changes, since: [], entries: [] };
  const origins = new Map<Concept, ReturnType<typeof entryOrigins>>();
  for (const change of diff.changes) {
    const concept = change.concept as RecordedConcept;
    if (!RECORDED_CONCEPTS.includes(concept) || change.kind === 'removed') continue;
    if (!origins.has(concept)) origins.set(concept, entryOrigins(concept, catalog));
    const model = origins.get(concept)!.get(change.key);
    if (!model) continue;
    const file = relative(resolve(dir), resolve(model.origin.file)).split('\\').join('/');
    let editor = editors.get(file);
    if (!editor) editors.set(file, (editor = new YamlEditor(changes.read(file) ?? '')));
    const data = editor.data() as Record<string, unknown>;
    const path = entryPath(concept, model as unknown as Record<string, unknown>, data);
    if (!path) continue;
    const entry = (path.length === 0 ? data : (data[path[0] as string] as unknown[])[path[1] as number]) as {
      since?: unknown;
      changes?: unknown[];
    };
    if (change.kind === 'added') {
      if (entry.since === undefined) {
        editor.addToMap(path, 'since', version);
        outcome.since.push({ concept, key: change.key });
      }
      continue;
    }
    // What the public may read: internal-only fields stay out of the history.
    const fields = change.fields.flatMap((field) => publicFieldChange(concept, field) ?? []);
    if (fields.length === 0 && change.kind === 'changed') continue;
    const words =
      change.kind === 'changed' ? '' : change.kind === 'deprecated' ? 'deprecated; ' : 'no longer deprecated; ';
    const rules = [...new Set(change.breaking.map((finding) => finding.rule))];
    const record = {
      version,
      change: `${words}${fields.map(fieldWords).join('; ')}`.replace(/; $/, ''),
      // Unset means it broke nothing (the schema's default), so it is only written when it did.
      ...(rules.length > 0 ? { breaking: rules } : {}),
    };
    const existing = (entry.changes ?? []) as Array<{ version?: unknown; change?: unknown }>;
    if (existing.some((old) => String(old.version) === version && old.change === record.change)) continue;
    if (entry.changes === undefined) editor.addToMap(path, 'changes', [record]);
    else editor.appendToSeq([...path, 'changes'], record);
    outcome.entries.push({ concept, key: change.key });
  }
  for (const [file, editor] of editors) changes.write(file, editor.toString());
  return outcome;
}
