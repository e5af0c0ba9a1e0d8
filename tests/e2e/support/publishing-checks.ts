/**
 * Publishing checks shared by the root and sub-path sites: the sitemap matches the built pages,
 * catalog.json and _redirects carry the base path, old code URLs redirect, and the 404 page
 * offers the lookup with links that work at any depth, and the changes feeds (Atom and JSON Feed
 * 1.1) are linked from every page's head and parse back with stable ids, dates and absolute links.
 */
import { describeSite, expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  catalogJson,
  gotoPath,
  htmlFiles,
  redirectRoutes,
  routeOfFile,
  routeOfUrl,
  siteOf,
  sitemapRoutes,
  sitemapUrls,
} from './built-site';
import { MISSING_ROUTE } from './gates';

export function definePublishingChecks(): void {
  describeSite(() => {
    test('the sitemap lists every built page, as absolute URLs under the base path, except the 404 and redirect pages', async ({}, testInfo) => {
      const site = siteOf(testInfo);
      const home = catalogJson(site).urls['home']!;
      const redirects = new Set(redirectRoutes(site));
      const pages = htmlFiles(site)
        .map(routeOfFile)
        .filter((route) => route !== '404.html' && !redirects.has(route))
        .sort();
      expect(sitemapRoutes(site).sort()).toEqual(pages);
      for (const url of sitemapUrls(site)) expect(url.startsWith(home), `${url} starts with ${home}`).toBe(true);
    });

    test('every page links the sitemap index, which is served under the base path and names its parts there', async ({
      page,
      request,
    }, testInfo) => {
      const site = siteOf(testInfo);
      const home = catalogJson(site).urls['home']!;
      for (const route of ['', 'codes/', sitemapRoutes(site).find((route) => route.startsWith('codes/core/'))!]) {
        await page.goto(gotoPath(route));
        await expect(page.locator('link[rel="sitemap"]')).toHaveAttribute('href', `${site.basePath}sitemap-index.xml`);
      }
      const index = await request.get('sitemap-index.xml');
      expect(index.ok()).toBe(true);
      const parts = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
      expect(parts).toEqual([`${home}sitemap-0.xml`]);
      const part = await request.get('sitemap-0.xml');
      expect(part.ok()).toBe(true);
      expect(await part.text()).toContain(`<loc>${home}</loc>`);
    });

    test('catalog.json is versioned and gives every entry the absolute URL of its page under the base path', async ({
      request,
    }, testInfo) => {
      const site = siteOf(testInfo);
      const response = await request.get('catalog.json');
      expect(response.ok()).toBe(true);
      expect(response.headers()['content-type']).toContain('application/json');
      const catalog = catalogJson(site);
      expect(catalog.formatVersion).toBe(2);
      const sitemap = new Set(sitemapRoutes(site));
      const notPages = catalog.codes.filter((code) => !sitemap.has(routeOfUrl(code.url, site))).map((code) => code.url);
      expect(notPages).toEqual([]);
      expect(catalog.codes.length).toBeGreaterThan(0);
      const codePages = [...sitemap].filter((route) => /^codes\/[^/]+\/[^/]+\/$/.test(route));
      expect(codePages.length).toBe(catalog.codes.length);
    });

    test('every old code URL serves a redirect page to the code, and _redirects lists it with the base path', async ({
      page,
    }, testInfo) => {
      const site = siteOf(testInfo);
      const catalog = catalogJson(site);
      const renamed = catalog.codes.filter((code) => code.formerly.length > 0);
      expect(renamed.length, 'the catalog should have a code with `formerly`').toBeGreaterThan(0);
      const redirects = readFileSync(join(site.outDir, '_redirects'), 'utf8');
      const routes = redirectRoutes(site);
      expect(routes.length).toBe(renamed.reduce((sum, code) => sum + code.formerly.length, 0));
      for (const route of routes) {
        const html = readFileSync(join(site.outDir, route, 'index.html'), 'utf8');
        const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
        const code = catalog.codes.find((candidate) => candidate.url === canonical);
        expect(code, `the canonical link of /${route} names a code page`).toBeDefined();
        const target = new URL(code!.url).pathname;
        expect(redirects).toContain(`${site.basePath}${route} ${target} 301`);
        expect(redirects).toContain(`${site.basePath}${route.replace(/\/$/, '')} ${target} 301`);
        expect(html).not.toMatch(/<script/i);

        await page.goto(route);
        await page.waitForURL((url) => url.pathname === target);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(code!.code);
      }
    });

    test('a missing URL answers 404 with the lookup form and links that work at any depth', async ({
      page,
    }, testInfo) => {
      const site = siteOf(testInfo);
      const response = await page.goto(`deeply/nested/${MISSING_ROUTE}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      const relative = hrefs.filter(
        (href) => !href.startsWith('#') && !href.startsWith(site.basePath) && !/^[a-z]+:/i.test(href),
      );
      expect(relative, 'links on the 404 page must be base-absolute').toEqual([]);
      await expect(page.getByRole('main').getByRole('link', { name: 'Home' })).toHaveAttribute('href', site.basePath);

      const form = page.getByRole('main').getByRole('search', { name: 'Quick error lookup' });
      await form.getByRole('searchbox', { name: 'Error code, name or message' }).fill('1005');
      await form.getByRole('button', { name: 'Look up' }).click();
      // The lookup page takes the query from ?q= (plain form) or #q= (kept in the browser).
      const queryOf = (url: URL) => url.searchParams.get('q') ?? new URLSearchParams(url.hash.slice(1)).get('q');
      await page.waitForURL((url) => url.pathname === `${site.basePath}lookup/` && queryOf(url) === '1005');
      await expect(page.getByRole('region', { name: 'Lookup answer' })).toContainText('1005');
    });

    test('the changes feeds are linked from every page head and parse back: one entry per version, newest first, stable ids, dates and absolute links under the base path', async ({
      page,
      request,
    }, testInfo) => {
      const site = siteOf(testInfo);
      const home = catalogJson(site).urls['home']!;
      const sitemap = new Set(sitemapRoutes(site));
      const codeRoute = [...sitemap].find((route) => route.startsWith('codes/core/'))!;
      for (const route of ['', codeRoute, 'changes/']) {
        await page.goto(gotoPath(route));
        await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
          'href',
          `${site.basePath}changes.xml`,
        );
        await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute(
          'href',
          `${site.basePath}changes.json`,
        );
      }
      // The versions of the changes page (the page visited last), newest first: the feeds' order and ids.
      const versions = await page
        .locator('main section[data-release] > h2')
        .evaluateAll((headings) => headings.map((heading) => ({ id: heading.id, text: heading.textContent ?? '' })));
      expect(versions.length).toBeGreaterThanOrEqual(3);
      const ids = versions.map((version) => `${home}changes/#${version.id}`);

      const atomResponse = await request.get('changes.xml');
      expect(atomResponse.ok()).toBe(true);
      const atom = await page.evaluate(
        (xml) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          if (doc.getElementsByTagName('parsererror').length > 0 || doc.documentElement.localName !== 'feed')
            return null;
          const text = (parent: Element, name: string) => parent.getElementsByTagName(name)[0]?.textContent ?? '';
          const linkHrefs = (html: string) =>
            [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('a[href]')].map(
              (link) => link.getAttribute('href') ?? '',
            );
          const feed = doc.documentElement;
          return {
            namespace: feed.namespaceURI,
            id: [...feed.children].find((child) => child.localName === 'id')?.textContent ?? '',
            updated: [...feed.children].find((child) => child.localName === 'updated')?.textContent ?? '',
            self: feed.querySelector('link[rel="self"]')?.getAttribute('href') ?? '',
            entries: [...doc.getElementsByTagName('entry')].map((entry) => ({
              id: text(entry, 'id'),
              title: text(entry, 'title'),
              updated: text(entry, 'updated'),
              link: entry.getElementsByTagName('link')[0]?.getAttribute('href') ?? '',
              links: linkHrefs(text(entry, 'content')),
            })),
          };
        },
        await atomResponse.text(),
      );
      expect(atom, 'changes.xml is well-formed Atom').not.toBeNull();
      expect(atom!.namespace).toBe('http://www.w3.org/2005/Atom');
      expect(atom!.id).toBe(`${home}changes/`);
      expect(atom!.self).toBe(`${home}changes.xml`);
      expect(atom!.entries.map((entry) => entry.id)).toEqual(ids);
      expect(atom!.entries.map((entry) => entry.link)).toEqual(ids);
      expect(atom!.updated).toBe(atom!.entries[0]!.updated);
      const dates = atom!.entries.map((entry) => entry.updated);
      expect([...dates].sort().reverse()).toEqual(dates);
      atom!.entries.forEach((entry, index) => {
        expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
        // The versions of this catalog are dates: each entry is dated by its own version.
        const version = versions[index]!.text.trim()
          .replace(/^Version\s+/, '')
          .replace(/\s*current\s*$/, '')
          .trim();
        expect(entry.updated.startsWith(version), `${entry.updated} dates version ${version}`).toBe(true);
        expect(entry.title).toContain(`version ${version}`);
      });
      const atomLinks = atom!.entries.flatMap((entry) => entry.links);
      expect(atomLinks.length).toBeGreaterThan(0);
      for (const link of atomLinks) {
        expect(link.startsWith(home), `${link} starts with ${home}`).toBe(true);
        expect(sitemap.has(routeOfUrl(link.replace(/#.*$/, ''), site)), `${link} is a page of the site`).toBe(true);
      }

      const jsonResponse = await request.get('changes.json');
      expect(jsonResponse.ok()).toBe(true);
      const json = JSON.parse(await jsonResponse.text()) as {
        version: string;
        home_page_url: string;
        feed_url: string;
        items: Array<{ id: string; url: string; title: string; date_published: string; content_html: string }>;
      };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.home_page_url).toBe(`${home}changes/`);
      expect(json.feed_url).toBe(`${home}changes.json`);
      expect(json.items.map((item) => item.id)).toEqual(ids);
      expect(json.items.map((item) => item.url)).toEqual(ids);
      expect(json.items.map((item) => item.date_published)).toEqual(dates);
      expect(json.items.map((item) => item.title)).toEqual(atom!.entries.map((entry) => entry.title));
      const jsonLinks = json.items.flatMap((item) =>
        [...item.content_html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')),
      );
      expect(jsonLinks).toEqual(atomLinks);
    });
  });
}
