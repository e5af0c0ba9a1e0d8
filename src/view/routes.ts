/**
 * Every URL of the site, in one place. Paths are relative to the base path (no leading slash);
 * components turn them into links with `href()` from `src/view/href.ts`.
 * These URLs are permanent: code pages double as RFC 9457 `type` URIs.
 */
import type { Code, CodeSpace, Envelope, MessageArea, Operation, Range, Surface } from '../catalog/model';

const LOOKUP_INDEX_FOLDER = 'lookup-index';

export const routes = {
  home: () => '',
  statuses: () => 'statuses/',
  status: (status: number) => `statuses/${status}/`,
  ranges: () => 'ranges/',
  range: (range: Pick<Range, 'codeSpace' | 'slug'>) => `ranges/#${rangeAnchor(range)}`,
  /** The section of one code space on the ranges page. */
  spaceRanges: (space: Pick<CodeSpace, 'id'>) => `ranges/#space-${space.id}`,
  codes: () => 'codes/',
  codeSpace: (space: Pick<CodeSpace, 'id'> | string) => `codes/${typeof space === 'string' ? space : space.id}/`,
  code: (code: Pick<Code, 'codeSpace' | 'slug'>) => `codes/${code.codeSpace}/${code.slug}/`,
  surface: (surface: Pick<Surface, 'id'> | string) => `surfaces/${typeof surface === 'string' ? surface : surface.id}/`,
  envelope: (envelope: Pick<Envelope, 'id'> | string) =>
    `envelopes/${typeof envelope === 'string' ? envelope : envelope.id}/`,
  messages: () => 'messages/',
  messageArea: (area: Pick<MessageArea, 'slug'>) => `messages/#${area.slug}`,
  operations: () => 'operations/',
  /** The operations of one surface (split into parts like the other long tables). */
  surfaceOperations: (surface: Pick<Surface, 'id'> | string) =>
    `operations/${typeof surface === 'string' ? surface : surface.id}/`,
  operation: (operation: Pick<Operation, 'surface' | 'slug'>) => `operations/${operation.surface}/${operation.slug}/`,
  headers: () => 'headers/',
  header: (name: string) => `headers/#${name.toLowerCase()}`,
  guides: () => 'guides/',
  guide: (slug: string) => `guides/${slug}/`,
  lookup: () => 'lookup/',
  /** The support desk page: the internal support site only. */
  support: () => 'support/',
  /** What changed, version by version (only when the catalog records a history). */
  changes: () => 'changes/',
  /** One version's section on the changes page; `anchor` from releaseAnchors() in src/view/history.ts. */
  release: (anchor: string) => `changes/#${anchor}`,
  /** A page of one version's changes, for a version with too many to list on the changes page. */
  releasePage: (anchor: string, part = 1) => (part <= 1 ? `changes/${anchor}/` : `changes/${anchor}/${part}/`),
  /** The changes as an Atom feed and as a JSON Feed 1.1 (only when every version is a date). */
  atomFeed: () => 'changes.xml',
  jsonFeed: () => 'changes.json',
  /** The folder of the lookup index files (relative to the site's base, no slash at either end). */
  lookupIndexFolder: () => LOOKUP_INDEX_FOLDER,
  /** One shard of the lookup index (`core`, `r0`, `t3`…), fetched by the lookup widget. */
  lookupIndexShard: (shard: string) => `${LOOKUP_INDEX_FOLDER}/${shard}.json`,
} as const;

/** Anchor id of a range on the ranges page, e.g. `core-1100-1199`. */
export function rangeAnchor(range: Pick<Range, 'codeSpace' | 'slug'>): string {
  return `${range.codeSpace}-${range.slug}`;
}
