/**
 * The catalog's changes as feeds, one item per release (newest first): Atom (`changes.xml`, made
 * with the `feed` library) and JSON Feed 1.1 (`changes.json`, built here: `feed`'s own JSON output
 * is JSON Feed 1.0). Both read the one release list (src/catalog/history.ts) of the model the
 * pages read, so they say what the pages say. Feeds exist only when every release is dated (a
 * version that is a date): a feed entry needs a date, and none is invented. Ids are the absolute
 * URL of the release's section on the changes page, so they stay the same from build to build.
 */
import { Feed } from 'feed';
import { catalogHistory, type HistoryEntry, type Release } from '../catalog/history';
import type { Catalog } from '../catalog/model';
import {
  CONCEPT_WORDS,
  historyEntryRoute,
  historyLineText,
  KIND_WORDS,
  releaseRoute,
  releaseSummary,
} from '../view/history';
import { routes } from '../view/routes';

/** Base-relative route → absolute URL under the site's base path. */
export type UrlOf = (route: string) => string;

/** True when the catalog has releases and each has a date: the site then publishes both feeds. */
export function hasFeeds(catalog: Catalog): boolean {
  return catalogHistory(catalog).dated;
}

interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  text: string;
  date: Date;
  tags: string[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function releaseTitle(catalog: Catalog, release: Release): string {
  return `${catalog.api.name} errors, version ${release.version}`;
}

function lineOf(catalog: Catalog, entry: HistoryEntry): { label: string; text: string; route?: string } {
  return {
    label: `${CONCEPT_WORDS[entry.concept].one} ${entry.label}`,
    text: historyLineText(catalog, entry),
    route: historyEntryRoute(catalog, entry),
  };
}

function itemsOf(catalog: Catalog, urlOf: UrlOf): FeedItem[] {
  return catalogHistory(catalog)
    .releases.filter((release) => release.date !== undefined)
    .map((release) => {
      const url = urlOf(releaseRoute(catalog, release));
      const html: string[] = [];
      const text: string[] = [];
      for (const kind of ['added', 'changed', 'deprecated'] as const) {
        const entries = release.entries.filter((entry) => entry.kind === kind);
        if (entries.length === 0) continue;
        html.push(`<h3>${KIND_WORDS[kind].heading}</h3>`, '<ul>');
        text.push(`${KIND_WORDS[kind].heading}:`);
        for (const entry of entries) {
          const line = lineOf(catalog, entry);
          const name = line.route
            ? `<a href="${escapeHtml(urlOf(line.route))}">${escapeHtml(line.label)}</a>`
            : escapeHtml(line.label);
          const breaking = entry.breaking.length > 0 ? ` (breaking: ${entry.breaking.join(', ')})` : '';
          const said = kind === 'added' ? '' : `: ${line.text}${breaking}`;
          html.push(`<li>${name}${escapeHtml(said)}</li>`);
          text.push(`- ${line.label}${said}`);
        }
        html.push('</ul>');
      }
      if (release.entries.length === 0) {
        html.push('<p>No change is recorded for this version.</p>');
        text.push('No change is recorded for this version.');
      }
      const summary = releaseSummary(release);
      return {
        id: url,
        url,
        title: releaseTitle(catalog, release),
        summary: `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`,
        html: html.join(''),
        text: text.join('\n'),
        date: new Date(`${release.date}T00:00:00Z`),
        tags: [...new Set(release.entries.map((entry) => entry.kind))],
      };
    });
}

function feedTitle(catalog: Catalog): string {
  return `${catalog.api.name} errors: changes`;
}

function feedDescription(catalog: Catalog): string {
  return `What was added, changed and deprecated in the ${catalog.api.name}'s errors, version by version.`;
}

/** `changes.xml`: an Atom 1.0 feed, one entry per release. */
export function atomFeed(catalog: Catalog, urlOf: UrlOf): string {
  const items = itemsOf(catalog, urlOf);
  const home = urlOf(routes.changes());
  const feed = new Feed({
    id: home,
    title: feedTitle(catalog),
    description: feedDescription(catalog),
    link: home,
    language: 'en',
    copyright: '',
    // Always given: the library's default is the build time, which would change every build.
    updated: items[0]?.date ?? new Date(0),
    generator: 'error-catalog',
    author: { name: catalog.api.name },
    feedLinks: { atom: urlOf(routes.atomFeed()), json: urlOf(routes.jsonFeed()) },
  });
  for (const item of items)
    feed.addItem({
      id: item.id,
      title: item.title,
      link: item.url,
      date: item.date,
      published: item.date,
      description: item.summary,
      content: item.html,
      category: item.tags.map((tag) => ({ name: tag, term: tag })),
    });
  return feed.atom1();
}

/** `changes.json`: a JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), one item per release. */
export function jsonFeed(catalog: Catalog, urlOf: UrlOf): string {
  const items = itemsOf(catalog, urlOf);
  const body = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(catalog),
    home_page_url: urlOf(routes.changes()),
    feed_url: urlOf(routes.jsonFeed()),
    description: feedDescription(catalog),
    language: 'en',
    authors: [{ name: catalog.api.name }],
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.html,
      content_text: item.text,
      date_published: item.date.toISOString(),
      tags: item.tags,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
