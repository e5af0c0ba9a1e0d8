/**
 * Reads the built HTML files with the browser's own parser (DOMParser in a blank page, so no
 * HTML parsing is re-implemented here) and reports, per file, its ids, every URL it references
 * and anything a CSP without 'unsafe-inline' would block: inline scripts, on* attributes,
 * javascript: URLs.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltSite, htmlFiles, routeOfFile } from './built-site';

export interface ScannedReference {
  /** e.g. `a[href]`, `link[href]`, `script[src]`, `form[action]`, `meta[refresh]`. */
  where: string;
  value: string;
}

export interface ScannedPage {
  file: string;
  route: string;
  /** Every `id` and `a[name]`: the anchors a `#fragment` may point at. */
  ids: string[];
  references: ScannedReference[];
  /** Inline `<script>` bodies that would execute (JSON data blocks do not count). */
  inlineScripts: string[];
  /** `on*=` attributes, as `tag[attribute]`. */
  eventHandlers: string[];
  /** Data blocks (`<script type="application/json">`) whose text is not valid JSON. */
  brokenDataBlocks: string[];
  /**
   * The page as a reader without JavaScript gets it: the number of `h1` in `<main>` and the text of
   * `<main>` (without `[hidden]`, `<template>`, `<script>` and `<style>`), whitespace collapsed.
   */
  main: { h1: number; text: string } | null;
  /** What the head says about the page. */
  head: { title: string; description: string | null; canonical: string | null; icons: number; robots: string | null };
}

const BATCH = 40;

/** Scans every HTML file of the site (or the given ones). `page` is used as a parser only. */
export async function scanHtml(page: Page, site: BuiltSite, files = htmlFiles(site)): Promise<ScannedPage[]> {
  await page.goto('about:blank');
  const results: ScannedPage[] = [];
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files
      .slice(start, start + BATCH)
      .map((file) => ({ file, html: readFileSync(join(site.outDir, file), 'utf8') }));
    const scanned = await page.evaluate((documents) => {
      const dataTypes = new Set(['application/json', 'application/ld+json', 'importmap', 'speculationrules']);
      return documents.map(({ file, html }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const references: Array<{ where: string; value: string }> = [];
        const collect = (selector: string, attribute: string) => {
          for (const element of doc.querySelectorAll(selector)) {
            const value = element.getAttribute(attribute);
            if (value !== null) references.push({ where: `${element.localName}[${attribute}]`, value });
          }
        };
        collect('a[href]', 'href');
        collect('area[href]', 'href');
        collect('link[href]', 'href');
        collect('script[src]', 'src');
        collect('img[src]', 'src');
        collect('iframe[src]', 'src');
        collect('source[src]', 'src');
        collect('form[action]', 'action');
        collect('use[href]', 'href');
        for (const meta of doc.querySelectorAll('meta[http-equiv="refresh" i]')) {
          const match = /url\s*=\s*(.+)$/i.exec(meta.getAttribute('content') ?? '');
          if (match) references.push({ where: 'meta[refresh]', value: match[1]!.trim().replace(/^['"]|['"]$/g, '') });
        }
        const inlineScripts: string[] = [];
        const brokenDataBlocks: string[] = [];
        for (const script of doc.querySelectorAll('script:not([src])')) {
          const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
          if (dataTypes.has(type)) {
            if (type.endsWith('json')) {
              try {
                JSON.parse(script.textContent ?? '');
              } catch {
                brokenDataBlocks.push((script.textContent ?? '').slice(0, 120));
              }
            }
          } else {
            inlineScripts.push((script.textContent ?? '').trim().slice(0, 120));
          }
        }
        const eventHandlers: string[] = [];
        for (const element of doc.querySelectorAll('*')) {
          for (const attribute of element.getAttributeNames()) {
            if (attribute.startsWith('on')) eventHandlers.push(`${element.localName}[${attribute}]`);
          }
        }
        const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id);
        ids.push(...[...doc.querySelectorAll('a[name]')].map((element) => element.getAttribute('name') ?? ''));
        const head = {
          title: doc.title,
          description: doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
          canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
          icons: doc.querySelectorAll('link[rel="icon"]').length,
          robots: doc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? null,
        };
        const mainElement = doc.querySelector('main');
        let main: { h1: number; text: string } | null = null;
        if (mainElement) {
          const copy = mainElement.cloneNode(true) as HTMLElement;
          for (const element of copy.querySelectorAll('[hidden], template, script, style')) element.remove();
          // Block boundaries read as spaces, as they do on screen.
          for (const element of copy.querySelectorAll(
            'p, li, td, th, dt, dd, h1, h2, h3, h4, h5, h6, div, pre, figcaption',
          ))
            element.append(' ');
          main = { h1: copy.querySelectorAll('h1').length, text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim() };
        }
        return { file, ids, references, inlineScripts, eventHandlers, brokenDataBlocks, main, head };
      });
    }, batch);
    results.push(...scanned.map((result) => ({ ...result, route: routeOfFile(result.file) })));
  }
  return results;
}
