/**
 * Which pages the sweep runs axe on. Every page is still opened by the sweep (CSP, console, the
 * 375 px layout, the page without JavaScript); axe, by far the slowest check (about six times a
 * page load), runs on the fewest pages that between them show everything the built sites are made of.
 *
 * A page's kind is its route with the variable parts as `_` (`codes/_/_`, `statuses/_`, `part`
 * pages apart): the template that rendered it. A page's features are its class names (Astro's
 * per-component scope classes included), element names, roles and the colours written inline (the
 * highlighted code's tokens). The sites are taken in the order
 * of tools/test-sites.mjs; in each, pages are picked greedily (the one adding the most features
 * not yet covered per byte of HTML first, since axe's time grows with the page) until every feature of the site is on a picked page, of this site or of
 * a site before it. Elements and roles count per kind of page (a table on a code page and on a
 * status page are checked apart), except in the site header and footer, the same markup on every page; class names and colours count once across the sites, since a
 * component and a highlighted token look the same wherever they are. So the default site's code pages, built from one template, are
 * checked once or twice; an example site's code page is checked only when it shows something no code page
 * before it did (a deprecation notice, another landmark).
 * Every site's sweep computes the same assignment from the built folders, so each checks its own share.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sites } from '../../../tools/test-sites.mjs';
import type { BuiltSite } from './built-site';

/** A page to consider: its route (as the sweep visits it) and its HTML file, relative to the output folder. */
export interface SamplePage {
  route: string;
  file: string;
}

/** The template a route was rendered by: `codes/core/1101/` → `codes/_/_`, `codes/part/2/` → `codes/part/_`. */
export function pageKind(route: string): string {
  const segments = route.split('/').filter(Boolean);
  if (segments.length === 0) return '(home)';
  return segments.map((segment, index) => (index === 0 || segment === 'part' ? segment : '_')).join('/');
}

/** What a page is made of: class names, element names, roles and inline colours, read from its HTML. */
export function pageFeatures(html: string): Set<string> {
  const found = new Set<string>();
  for (const match of html.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/gi)) {
    found.add(`<${match[1]!.toLowerCase()}>`);
    const attributes = match[2]!;
    const classes = /\bclass="([^"]*)"/.exec(attributes)?.[1];
    for (const name of classes?.split(/\s+/) ?? []) if (name) found.add(`.${name}`);
    const role = /\brole="([^"]*)"/.exec(attributes)?.[1];
    if (role) found.add(`[role=${role}]`);
    const style = /\bstyle="([^"]*)"/.exec(attributes)?.[1];
    for (const colour of style?.matchAll(/(?:^|;)\s*(color|--shiki-[a-z-]+)\s*:\s*([^;]+)/g) ?? [])
      found.add(`${colour[1]}:${colour[2]!.trim().toLowerCase()}`);
  }
  return found;
}

/** The site header and footer of a page (src/layouts/Base.astro). */
const CHROME = /<header class="site-header"[^]*?<\/header>|<footer class="site-footer"[^]*?<\/footer>/g;

const memo = new Map<string, string[]>();

/**
 * The routes of `site` to run axe on. `pagesOf` lists a site's pages (sitemap and 404); sites not
 * built, and sites whose sweep runs no axe (`axe: false` in tools/test-sites.mjs), cover nothing.
 */
export function axeSample(site: BuiltSite, pagesOf: (site: BuiltSite) => SamplePage[]): string[] {
  if (memo.has(site.name)) return memo.get(site.name)!;
  const covered = new Set<string>();
  for (const candidate of sites) {
    if (!existsSync(candidate.outDir) || candidate.axe === false) continue;
    const pages = pagesOf(candidate).map(({ route, file }) => {
      const kind = pageKind(route);
      const html = readFileSync(join(candidate.outDir, file), 'utf8');
      // The header and footer are the same markup on every page (src/components/RenderOnce.astro):
      // what they hold counts once, whatever the kind of page.
      const chrome = [...html.matchAll(CHROME)].map((match) => match[0]).join('');
      const features = [
        ...[...pageFeatures(html.replace(CHROME, ''))].map(
          // Structure (elements, roles) is checked per kind of page; a component's classes and a
          // token's colour look the same on every page, so one page showing them is enough.
          (feature) => (feature.startsWith('<') || feature.startsWith('[') ? `${kind} ${feature}` : feature),
        ),
        ...pageFeatures(chrome),
      ];
      return { route, bytes: html.length, features: features.filter((feature) => !covered.has(feature)) };
    });
    const uncovered = new Set(pages.flatMap((page) => page.features));
    const picked: string[] = [];
    while (uncovered.size > 0) {
      // axe's time grows with the page: the page adding the most uncovered features per byte first.
      let best = pages[0]!;
      let value = 0;
      for (const page of pages) {
        const gain = page.features.filter((feature) => uncovered.has(feature)).length / page.bytes;
        if (gain > value) [best, value] = [page, gain];
      }
      picked.push(best.route);
      for (const feature of best.features) {
        uncovered.delete(feature);
        covered.add(feature);
      }
    }
    memo.set(candidate.name, picked);
  }
  return memo.get(site.name) ?? [];
}
