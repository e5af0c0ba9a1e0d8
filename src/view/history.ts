/**
 * The catalog's history as pages show it: where each entry of a release links to, the anchors of
 * the releases on the changes page, and the words for kinds and concepts. The releases themselves
 * come from src/catalog/history.ts.
 */
import {
  catalogHistory,
  type HistoryConcept,
  type HistoryEntry,
  type HistoryKind,
  type Release,
} from '../catalog/history';
import type { Catalog } from '../catalog/model';
import { catalogIndex } from '../catalog/queries';
import { slugOf } from '../shared/fold-text';
import { routes } from './routes';

export const KIND_WORDS: Record<HistoryKind, { heading: string; verb: string }> = {
  added: { heading: 'Added', verb: 'added' },
  changed: { heading: 'Changed', verb: 'changed' },
  deprecated: { heading: 'Deprecated', verb: 'deprecated' },
};

export const CONCEPT_WORDS: Record<HistoryConcept, { one: string; many: string }> = {
  code: { one: 'code', many: 'codes' },
  status: { one: 'status', many: 'statuses' },
  envelope: { one: 'envelope', many: 'envelopes' },
  range: { one: 'range', many: 'ranges' },
  message: { one: 'message', many: 'messages' },
  operation: { one: 'operation', many: 'operations' },
};

const anchorCache = new WeakMap<Catalog, Map<string, string>>();

/** Anchor of each release on the changes page (`v-2026-11`), unique even when two versions slug alike. */
export function releaseAnchors(catalog: Catalog): Map<string, string> {
  const cached = anchorCache.get(catalog);
  if (cached) return cached;
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const release of catalogHistory(catalog).releases) {
    const base = `v-${slugOf(release.version) || 'version'}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    anchors.set(release.version, anchor);
  }
  anchorCache.set(catalog, anchors);
  return anchors;
}

/**
 * A version with more changes than this (a first version that adds thousands of codes) is
 * summarised on the changes page, which links to pages of its own: every page stays small at any
 * catalog size, and every change is still on a page without JavaScript.
 */
export const INLINE_CHANGES = 100;
/** Changes per page of a version's own pages. */
export const CHANGES_PER_PAGE = 400;

/** One page of a version's own pages: its changes `first + 1` to `first + entries.length`. */
export interface ReleasePage {
  release: Release;
  anchor: string;
  part: number;
  parts: number;
  first: number;
  entries: HistoryEntry[];
}

/** Whether `release` is listed on pages of its own rather than on the changes page. */
export function hasOwnPages(release: Pick<Release, 'entries'>): boolean {
  return release.entries.length > INLINE_CHANGES;
}

/** The pages of every version with too many changes for the changes page, in release order. */
export function releasePages(catalog: Catalog): ReleasePage[] {
  const anchors = releaseAnchors(catalog);
  return catalogHistory(catalog)
    .releases.filter(hasOwnPages)
    .flatMap((release) => {
      const parts = Math.ceil(release.entries.length / CHANGES_PER_PAGE);
      return Array.from({ length: parts }, (_, index) => ({
        release,
        anchor: anchors.get(release.version)!,
        part: index + 1,
        parts,
        first: index * CHANGES_PER_PAGE,
        entries: release.entries.slice(index * CHANGES_PER_PAGE, (index + 1) * CHANGES_PER_PAGE),
      }));
    });
}

/** The changes page's section of `release`. */
export function releaseRoute(catalog: Catalog, release: Pick<Release, 'version'>): string {
  return routes.release(releaseAnchors(catalog).get(release.version) ?? '');
}

/** The page (or section) of the entry a history line is about. */
export function historyEntryRoute(catalog: Catalog, entry: Pick<HistoryEntry, 'concept' | 'key'>): string | undefined {
  const index = catalogIndex(catalog);
  switch (entry.concept) {
    case 'code': {
      const code = index.codeByKey.get(entry.key);
      return code && routes.code(code);
    }
    case 'status':
      return routes.status(Number(entry.key));
    case 'envelope':
      return routes.envelope(entry.key);
    case 'range': {
      const range = index.rangeByKey.get(entry.key);
      return range && routes.range(range);
    }
    case 'message': {
      const area = catalog.messageAreas.find((candidate) =>
        candidate.messages.some((message) => message.id === entry.key),
      );
      return area && routes.messageArea(area);
    }
    case 'operation': {
      const operation = index.operationByKey.get(entry.key);
      return operation && routes.operation(operation);
    }
  }
}

/** What a line of a release says happened, e.g. `status: 409 → 404`, `added`, `deprecated, replaced by 1102`. */
export function historyLineText(catalog: Catalog, entry: HistoryEntry): string {
  if (entry.kind === 'changed') return entry.change ?? 'changed';
  if (entry.kind === 'added') return 'added';
  const replacement = entry.replacedBy ? replacementLabel(catalog, entry) : undefined;
  return [`deprecated${replacement ? `, replaced by ${replacement}` : ''}`, entry.note].filter(Boolean).join('. ');
}

function replacementLabel(catalog: Catalog, entry: HistoryEntry): string | undefined {
  if (!entry.replacedBy) return undefined;
  const index = catalogIndex(catalog);
  if (entry.concept === 'code') {
    const code = index.codeByKey.get(entry.replacedBy);
    return code ? code.code : entry.replacedBy;
  }
  const operation = index.operationByKey.get(entry.replacedBy);
  return operation ? `${operation.method} ${operation.path}` : entry.replacedBy;
}

/** `3 codes added, 1 status changed` — a release in one line. */
export function releaseSummary(release: Release): string {
  const parts: string[] = [];
  for (const kind of ['added', 'changed', 'deprecated'] as const) {
    const counts = new Map<HistoryConcept, number>();
    for (const entry of release.entries)
      if (entry.kind === kind) counts.set(entry.concept, (counts.get(entry.concept) ?? 0) + 1);
    for (const [concept, count] of counts)
      parts.push(
        `${count} ${count === 1 ? CONCEPT_WORDS[concept].one : CONCEPT_WORDS[concept].many} ${KIND_WORDS[kind].verb}`,
      );
  }
  return parts.length > 0 ? parts.join(', ') : 'no change recorded';
}
