/**
 * The site's main navigation: which sections the header links to, in order. Both the wide row and
 * the phone menu render this one list (src/components/MainNav.astro), so they never disagree.
 */
import type { Catalog } from '../catalog/model';
import { routes } from './routes';

export interface NavItem {
  label: string;
  /** A route from src/view/routes.ts, relative to the base path. */
  route: string;
}

/**
 * The header's sections for one catalog. A section the catalog has nothing for is left out
 * (Operations when no endpoint is documented; its page still exists and says so); the support
 * desk page exists on the internal support site only (src/pages/support/).
 */
export function mainNavigation(catalog: Pick<Catalog, 'operations'>, { internal }: { internal: boolean }): NavItem[] {
  return [
    { label: 'Codes', route: routes.codes() },
    { label: 'Status codes', route: routes.statuses() },
    ...(catalog.operations.length > 0 ? [{ label: 'Operations', route: routes.operations() }] : []),
    { label: 'Ranges', route: routes.ranges() },
    { label: 'Messages', route: routes.messages() },
    { label: 'Headers', route: routes.headers() },
    { label: 'Guides', route: routes.guides() },
    { label: 'Lookup', route: routes.lookup() },
    ...(internal ? [{ label: 'Support desk', route: routes.support() }] : []),
  ];
}

/** The index of the item the page at `pathname` belongs to, or -1 (the home page, a code page's own section…). */
export function activeNavIndex(items: readonly NavItem[], pathname: string, link: (route: string) => string): number {
  return items.findIndex((item) => {
    const target = link(item.route);
    return pathname === target || (item.route !== '' && pathname.startsWith(target));
  });
}
