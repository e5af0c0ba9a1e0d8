/**
 * The catalog's releases: every version its history names (`since`, `deprecated.since` and
 * `changes[].version` on codes, statuses, envelopes, messages, ranges and operations, plus
 * api.yaml's `version`), newest first, each with what was added, changed and deprecated in it.
 * The one ordered release list the changes page, the code pages' history, the home page and the
 * feeds read; computed once per catalog. Nothing is invented: a version that is not a date has
 * no date, and a catalog that records no history has no releases.
 */
import { codeTitle, operationLabel } from './queries';
import type { Catalog, Code } from './model';

/** What happened to an entry in a release. */
export type HistoryKind = 'added' | 'changed' | 'deprecated';
export const HISTORY_KINDS: readonly HistoryKind[] = ['added', 'changed', 'deprecated'];

/** The concepts that carry a history, in the order a release lists them. */
export type HistoryConcept = 'code' | 'status' | 'envelope' | 'range' | 'message' | 'operation';
export const HISTORY_CONCEPTS: readonly HistoryConcept[] = [
  'code',
  'status',
  'envelope',
  'range',
  'message',
  'operation',
];

/** One line of a release: an entry added, changed or deprecated in it. */
export interface HistoryEntry {
  kind: HistoryKind;
  concept: HistoryConcept;
  /** The entry's key in the model: a code or operation key, a status number, an envelope id, `space/slug` of a range, a message id. */
  key: string;
  /** How a reader names it, e.g. `1101 Card expired`, `404 Not Found`, `POST /v2/charges`. */
  label: string;
  /** Code space it belongs to (codes, ranges, operations by their surface, messages by their code). */
  space?: string;
  /** What changed, in the catalog's words (changes only). */
  change?: string;
  /** Breaking-change rule ids the change broke (changes only; empty when it broke none). */
  breaking: string[];
  /** For deprecations: the replacement's key and the note, as the catalog states them. */
  replacedBy?: string;
  note?: string;
}

export interface Release {
  /** The version or date as written, e.g. `2026-11` or `v3`. */
  version: string;
  /** `YYYY-MM-DD` when the version is a date (`2026`, `2026-11` or `2026-11-03`: its first day); else unset. */
  date?: string;
  /** True for api.yaml's `version`. */
  current: boolean;
  /** Added, then changed, then deprecated; by concept, then in catalog order. */
  entries: HistoryEntry[];
}

export interface CatalogHistory {
  /** Newest first; empty when the catalog records no history. */
  releases: Release[];
  /** Releases by version. */
  byVersion: Map<string, Release>;
  /** Each entry's own history, oldest first, by `concept:key`. */
  byEntry: Map<string, Array<{ release: Release; entry: HistoryEntry }>>;
  /** True when every release is dated, so feeds can say when each was published. */
  dated: boolean;
}

const histories = new WeakMap<Catalog, CatalogHistory>();

/**
 * Orders versions oldest first: numbers inside them compare as numbers (`v9` < `v10`,
 * `2026-2` < `2026-11`), the rest as text.
 */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** `2026` → `2026-01-01`, `2026-11` → `2026-11-01`, `2026-11-03` → itself; anything else (or an impossible date) → undefined. */
export function versionDate(version: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(version.trim());
  if (!match) return undefined;
  const [, year, month = '01', day = '01'] = match;
  const iso = `${year}-${month}-${day}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}

/** The history of `catalog`, built on first use. */
export function catalogHistory(catalog: Catalog): CatalogHistory {
  const existing = histories.get(catalog);
  if (existing) return existing;
  const history = buildHistory(catalog);
  histories.set(catalog, history);
  return history;
}

/** Releases, newest first. */
export function releasesOf(catalog: Catalog): Release[] {
  return catalogHistory(catalog).releases;
}

/** The history of one entry, oldest first (empty when it records none). */
export function historyOf(
  catalog: Catalog,
  concept: HistoryConcept,
  key: string,
): Array<{ release: Release; entry: HistoryEntry }> {
  return catalogHistory(catalog).byEntry.get(`${concept}:${key}`) ?? [];
}

interface Subject {
  concept: HistoryConcept;
  key: string;
  label: string;
  space?: string;
  since?: string;
  changes: ReadonlyArray<{ version: string; change: string; breaking: readonly string[] }>;
  deprecated?: { since: string; replacedBy?: string; note?: string };
}

function subjectsOf(catalog: Catalog): Subject[] {
  const surfaceSpace = new Map(catalog.surfaces.map((surface) => [surface.id, surface.codeSpace]));
  const codeSpaceOf = new Map(catalog.codes.map((code) => [code.key, code.codeSpace]));
  const codeLabel = (code: Code) => `${code.code} ${codeTitle(code)}`;
  return [
    ...catalog.codes.map((code) => ({
      concept: 'code' as const,
      key: code.key,
      label: codeLabel(code),
      space: code.codeSpace,
      since: code.since,
      changes: code.changes,
      deprecated: code.deprecated,
    })),
    ...catalog.statuses.map((status) => ({
      concept: 'status' as const,
      key: String(status.status),
      label: `${status.status} ${status.reason}`,
      since: status.since,
      changes: status.changes,
    })),
    ...catalog.envelopes.map((envelope) => ({
      concept: 'envelope' as const,
      key: envelope.id,
      label: envelope.name,
      since: envelope.since,
      changes: envelope.changes,
    })),
    ...catalog.codeSpaces.flatMap((space) =>
      space.ranges.map((range) => ({
        concept: 'range' as const,
        key: `${space.id}/${range.slug}`,
        label: `${range.from}–${range.to} ${range.name}`,
        space: space.id,
        since: range.since,
        changes: range.changes,
      })),
    ),
    ...catalog.messageAreas.flatMap((area) =>
      area.messages.map((message) => ({
        concept: 'message' as const,
        key: message.id,
        label: message.message,
        space: message.code ? codeSpaceOf.get(message.code) : undefined,
        since: message.since,
        changes: message.changes,
      })),
    ),
    ...catalog.operations.map((operation) => ({
      concept: 'operation' as const,
      key: operation.key,
      label: operationLabel(operation),
      space: surfaceSpace.get(operation.surface),
      since: operation.since,
      changes: operation.changes,
      deprecated: operation.deprecated,
    })),
  ];
}

function buildHistory(catalog: Catalog): CatalogHistory {
  const found = new Map<string, HistoryEntry[]>();
  const add = (version: string, entry: HistoryEntry) => {
    const list = found.get(version);
    if (list) list.push(entry);
    else found.set(version, [entry]);
  };
  for (const subject of subjectsOf(catalog)) {
    const base = {
      concept: subject.concept,
      key: subject.key,
      label: subject.label,
      ...(subject.space ? { space: subject.space } : {}),
    };
    if (subject.since !== undefined) add(subject.since, { ...base, kind: 'added', breaking: [] });
    for (const record of subject.changes) {
      // `diff --record` also notes a deprecation as a change; the deprecation itself says it.
      const sameDeprecation = subject.deprecated?.since === record.version && record.change.startsWith('deprecated');
      if (!sameDeprecation)
        add(record.version, { ...base, kind: 'changed', change: record.change, breaking: [...record.breaking] });
    }
    if (subject.deprecated)
      add(subject.deprecated.since, {
        ...base,
        kind: 'deprecated',
        breaking: [],
        ...(subject.deprecated.replacedBy ? { replacedBy: subject.deprecated.replacedBy } : {}),
        ...(subject.deprecated.note ? { note: subject.deprecated.note } : {}),
      });
  }
  const current = catalog.api.version;
  // The current version is a release even when it records nothing, once the catalog has a history.
  if (current !== undefined && found.size > 0 && !found.has(current)) found.set(current, []);
  const kindRank = (kind: HistoryKind) => HISTORY_KINDS.indexOf(kind);
  const conceptRank = (concept: HistoryConcept) => HISTORY_CONCEPTS.indexOf(concept);
  const releases: Release[] = [...found.entries()]
    .sort(([a], [b]) => compareVersions(b, a))
    .map(([version, entries]) => {
      const date = versionDate(version);
      return {
        version,
        ...(date ? { date } : {}),
        current: version === current,
        // A stable sort: within a kind and concept, entries keep the catalog's order.
        entries: entries.sort(
          (a, b) => kindRank(a.kind) - kindRank(b.kind) || conceptRank(a.concept) - conceptRank(b.concept),
        ),
      };
    });
  const byEntry = new Map<string, Array<{ release: Release; entry: HistoryEntry }>>();
  for (const release of [...releases].reverse())
    for (const entry of release.entries) {
      const id = `${entry.concept}:${entry.key}`;
      const list = byEntry.get(id);
      if (list) list.push({ release, entry });
      else byEntry.set(id, [{ release, entry }]);
    }
  return {
    releases,
    byVersion: new Map(releases.map((release) => [release.version, release])),
    byEntry,
    dated: releases.length > 0 && releases.every((release) => release.date !== undefined),
  };
}
