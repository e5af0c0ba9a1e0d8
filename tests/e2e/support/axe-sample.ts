/**
 * Which pages the sweep runs axe on. Every page is still opened by the sweep (CSP, console, the
 * 375 px layout, the page without JavaScript); axe, by far the slowest check, runs on the fewest
 * pages that between them show everything each kind of page is made of.
 *
 * A page's kind is its route with the variable parts as `_` (`codes/_/_`, `statuses/_`, `part`
 * pages apart), i.e. the template that rendered it. Within a kind, pages are picked greedily until
 * every class name (Astro's per-component scope classes included), element name and role that
 * any page of the kind uses is on some picked page. Thirty code pages built from one template
 * with the same components are checked once; a code page that alone shows a deprecation notice or
 * an example body is picked for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltSite } from './built-site';

/** The template a route was rendered by: `codes/core/1101/` → `codes/_/_`, `codes/part/2/` → `codes/part/_`. */
export function pageKind(route: string): string {
  const segments = route.split('/').filter(Boolean);
  if (segments.length === 0) return '(home)';
  return segments.map((segment, index) => (index === 0 || segment === 'part' ? segment : '_')).join('/');
}

/** What a page is made of: its class names, element names and roles, read from its HTML. */
function features(html: string): Set<string> {
  const found = new Set<string>();
  for (const match of html.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/gi)) {
    found.add(`<${match[1]!.toLowerCase()}>`);
    const attributes = match[2]!;
    const classes = /\bclass="([^"]*)"/.exec(attributes)?.[1];
    for (const name of classes?.split(/\s+/) ?? []) if (name) found.add(`.${name}`);
    const role = /\brole="([^"]*)"/.exec(attributes)?.[1];
    if (role) found.add(`[role=${role}]`);
  }
  return found;
}

/** The HTML file of a route in the output folder (`''` → `index.html`, `404.html` as it is). */
function fileOf(site: BuiltSite, route: string): string {
  return join(site.outDir, route.endsWith('.html') ? route : `${route}index.html`);
}

/**
 * The routes to run axe on: per kind, greedily the page adding the most features not yet covered,
 * until the kind's features are all covered. `fileFor` maps a route to its HTML file when it is not
 * `<route>index.html` (the 404 route).
 */
export function axeSample(
  site: BuiltSite,
  routes: readonly string[],
  fileFor: (route: string) => string = (route) => route,
): string[] {
  const byKind = new Map<string, Array<{ route: string; features: Set<string> }>>();
  for (const route of routes) {
    const page = { route, features: features(readFileSync(fileOf(site, fileFor(route)), 'utf8')) };
    byKind.set(pageKind(route), [...(byKind.get(pageKind(route)) ?? []), page]);
  }
  const picked: string[] = [];
  for (const pages of byKind.values()) {
    const uncovered = new Set(pages.flatMap((page) => [...page.features]));
    while (uncovered.size > 0) {
      let best = pages[0]!;
      let gain = -1;
      for (const page of pages) {
        let count = 0;
        for (const feature of page.features) if (uncovered.has(feature)) count++;
        if (count > gain) [best, gain] = [page, count];
      }
      picked.push(best.route);
      for (const feature of best.features) uncovered.delete(feature);
    }
  }
  return picked;
}
