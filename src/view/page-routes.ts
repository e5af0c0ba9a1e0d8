/**
 * Every page a catalog's site has, as base-relative routes (see routes.ts), with the anchors of
 * the pages whose anchors come from the catalog. Guide links are checked against it at build
 * time; a new page of the site belongs here as well as in src/pages/.
 */
import { codeSlug } from '../catalog/codes';
import { rangeAnchor, routes } from './routes';

/** What the pages are made of: the ids and slugs they are named by. */
export interface RoutedCatalog {
  codeSpaces: Iterable<{ id: string; ranges: ReadonlyArray<{ codeSpace: string; slug: string }> }>;
  codes: Iterable<{ codeSpace: string; slug: string; formerly: readonly string[] }>;
  statuses: Iterable<number>;
  surfaces: Iterable<string>;
  envelopes: Iterable<string>;
  messageAreas: Iterable<string>;
  headers: Iterable<string>;
  guides: Iterable<string>;
  /** The operations, each with its page under operations/. */
  operations: Iterable<{ surface: string; slug: string }>;
  /**
   * The anchors of the versions on the changes page, which exists only when the catalog records
   * history: an empty list means no changes page; undefined, that it is not known yet (the page is
   * then taken to exist, its anchors unchecked).
   */
  releaseAnchors: Iterable<string> | undefined;
}

/** Route → the anchors known on that page (undefined: anchors are not checked there). */
export type PageRoutes = Map<string, Set<string> | undefined>;

export function pageRoutes(site: RoutedCatalog): PageRoutes {
  const pages: PageRoutes = new Map();
  for (const route of [
    routes.home(),
    routes.statuses(),
    routes.codes(),
    routes.guides(),
    routes.lookup(),
    routes.operations(),
    'catalog.json',
    'sitemap.xml',
  ])
    pages.set(route, undefined);
  const anchored = (route: string, anchors: Iterable<string>) => pages.set(route, new Set(anchors));
  const spaces = [...site.codeSpaces];
  anchored(routes.ranges(), [
    ...spaces.map((space) => `space-${space.id}`),
    ...spaces.flatMap((space) => space.ranges.map(rangeAnchor)),
  ]);
  anchored(routes.messages(), site.messageAreas);
  anchored(
    routes.headers(),
    [...site.headers].map((name) => name.toLowerCase()),
  );
  for (const space of spaces) pages.set(routes.codeSpace(space), undefined);
  for (const code of site.codes) {
    pages.set(routes.code(code), undefined);
    // Old keys of moved codes keep working as redirect pages.
    for (const former of code.formerly) {
      const colon = former.indexOf(':');
      pages.set(routes.code({ codeSpace: former.slice(0, colon), slug: codeSlug(former.slice(colon + 1)) }), undefined);
    }
  }
  for (const status of site.statuses) pages.set(routes.status(status), undefined);
  for (const surface of site.surfaces) pages.set(routes.surface(surface), undefined);
  for (const envelope of site.envelopes) pages.set(routes.envelope(envelope), undefined);
  for (const guide of site.guides) pages.set(routes.guide(guide), undefined);
  for (const operation of site.operations) pages.set(routes.operation(operation), undefined);
  if (site.releaseAnchors === undefined) pages.set(routes.changes(), undefined);
  else {
    const anchors = [...site.releaseAnchors];
    if (anchors.length) anchored(routes.changes(), anchors);
  }
  return pages;
}
