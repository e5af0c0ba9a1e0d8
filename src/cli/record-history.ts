/**
 * `diff --record`: writes what the diff found into the new side's code entries, so a catalog's
 * history is never typed by hand: `since` on each added code that has none, and one `changes`
 * entry ({ version, change, breaking }) on each changed, deprecated or un-deprecated code. Edits
 * go through the YAML editor (comments and layout kept) and CatalogChanges (the changed catalog is
 * checked before anything is written; files are replaced whole). Recording twice adds nothing.
 */
import { relative, resolve } from 'node:path';
import type { CatalogDiff } from '../changes/diff-catalogs';
import type { Catalog } from '../catalog/model';
import { CatalogChanges } from './catalog-changes';
import { fieldWords } from './diff';
import { YamlEditor } from './yaml-editor';

export interface RecordOutcome {
  changes: CatalogChanges;
  /** Codes given a `since`, and codes given a `changes` entry. */
  since: string[];
  entries: string[];
}

/** The history entries of `diff` for the catalog folder `dir` (the new side), not yet written. */
export function recordHistory(dir: string, catalog: Catalog, diff: CatalogDiff, version: string): RecordOutcome {
  const changes = new CatalogChanges(dir);
  const editors = new Map<string, YamlEditor>();
  const outcome: RecordOutcome = { changes, since: [], entries: [] };
  const codes = new Map(catalog.codes.map((code) => [code.key, code]));
  for (const change of diff.changes) {
    if (change.concept !== 'code' || change.kind === 'removed') continue;
    const code = codes.get(change.key);
    if (!code) continue;
    const file = relative(resolve(dir), resolve(code.origin.file)).split('\\').join('/');
    let editor = editors.get(file);
    if (!editor) editors.set(file, (editor = new YamlEditor(changes.read(file) ?? '')));
    const data = editor.data() as { codes: Array<{ code: unknown; since?: unknown; changes?: unknown[] }> };
    const index = data.codes.findIndex((entry) => String(entry.code).trim() === code.code);
    if (index === -1) continue;
    const path = ['codes', index];
    if (change.kind === 'added') {
      if (data.codes[index]!.since === undefined) {
        editor.addToMap(path, 'since', version);
        outcome.since.push(code.key);
      }
      continue;
    }
    const words =
      change.kind === 'changed' ? '' : change.kind === 'deprecated' ? 'deprecated; ' : 'no longer deprecated; ';
    const record = {
      version,
      change: `${words}${change.fields.map(fieldWords).join('; ')}`.replace(/; $/, ''),
      breaking: [...new Set(change.breaking.map((finding) => finding.rule))],
    };
    const existing = (data.codes[index]!.changes ?? []) as Array<{ version?: unknown; change?: unknown }>;
    if (existing.some((entry) => String(entry.version) === version && entry.change === record.change)) continue;
    if (data.codes[index]!.changes === undefined) editor.addToMap(path, 'changes', [record]);
    else editor.appendToSeq([...path, 'changes'], record);
    outcome.entries.push(code.key);
  }
  for (const [file, editor] of editors) changes.write(file, editor.toString());
  return outcome;
}
