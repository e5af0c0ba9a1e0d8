/**
 * Fact checklists for the example catalogs (examples/): each fact a seed document states becomes
 * one test that opens the page that must show it, or asks the lookup widget about it. The specs
 * list facts as data, written from the seed; this module turns them into tests, so every
 * checklist is checked the same way.
 */
import { expect, test, type Locator } from '@playwright/test';
import { gotoPath, normalizeText } from '../support/built-site';

/** A fact the built site must show on one page. */
export interface PageFact {
  /** The fact in words, as the seed states it; it becomes the test's name. */
  fact: string;
  /** Route relative to the base path, from `routes` (e.g. `routes.status(429)`). */
  route: string;
  /** Texts the page's main content must contain; whitespace is normalised to single spaces first. */
  shows: Array<string | RegExp>;
  /** When set, the texts must all be in one table row that contains this text (e.g. `7100–7199`). */
  row?: string;
  /** Texts the page must not contain: claims the seed does not make (e.g. numbers it never gives). */
  omits?: Array<string | RegExp>;
}

/** An example body of the seed that the site must show as it is. */
export interface BodyFact {
  fact: string;
  route: string;
  /** The body as JSON text; the page must hold a code block whose JSON value equals it. */
  json: string;
}

/** Registers one test per page fact. */
export function definePageFacts(facts: readonly PageFact[]): void {
  for (const { fact, route, shows, row, omits = [] } of facts) {
    test(`the site states: ${fact}`, async ({ page }) => {
      await page.goto(gotoPath(route));
      // The rendered text, as a reader sees it, with line breaks and runs of spaces made one space.
      const main = page.getByRole('main');
      const scope = row === undefined ? main : main.getByRole('row').filter({ hasText: row }).first();
      const text = normalizeText(await scope.innerText());
      for (const expected of shows) {
        if (typeof expected === 'string') expect(text).toContain(normalizeText(expected));
        else expect(text).toMatch(expected);
      }
      for (const claim of omits) {
        if (typeof claim === 'string') expect(text).not.toContain(normalizeText(claim));
        else expect(text).not.toMatch(claim);
      }
    });
  }
}

/** Registers one test per body: some code block on the page parses to the same JSON value. */
export function defineBodyFacts(facts: readonly BodyFact[]): void {
  for (const { fact, route, json } of facts) {
    test(`the site shows the seed's body: ${fact}`, async ({ page }) => {
      await page.goto(gotoPath(route));
      const blocks = await page.getByRole('main').locator('pre').allTextContents();
      const values = blocks.flatMap((text) => {
        try {
          return [JSON.parse(text) as unknown];
        } catch {
          return [];
        }
      });
      expect(values).toContainEqual(JSON.parse(json));
    });
  }
}

/** A question to the lookup widget at /lookup/ and what its answer must say. */
export interface LookupFact {
  fact: string;
  /** What a user types or pastes: a code, a status, a message, a body, a raw HTTP response. */
  query: string;
  /** Texts the answer must contain, whitespace normalised. */
  shows: Array<string | RegExp>;
  /** Texts the answer must not contain. */
  omits?: Array<string | RegExp>;
}

/** The answer's text as a reader sees it, whitespace made single spaces. */
const answerText = async (answer: Locator) => normalizeText(await answer.innerText());

/** Registers one test per lookup fact: type or paste the query, wait for the answer to say it. */
export function defineLookupFacts(facts: readonly LookupFact[]): void {
  for (const { fact, query, shows, omits = [] } of facts) {
    test(`the lookup explains: ${fact}`, async ({ page }) => {
      await page.goto('lookup/');
      await page.getByRole('textbox', { name: /Code, name, status, message or whole response/ }).fill(query);
      const answer = page.getByRole('region', { name: 'Lookup answer' });
      for (const expected of shows) {
        if (typeof expected === 'string') await expect.poll(() => answerText(answer)).toContain(normalizeText(expected));
        else await expect.poll(() => answerText(answer)).toMatch(expected);
      }
      const settled = await answerText(answer);
      for (const claim of omits) {
        if (typeof claim === 'string') expect(settled).not.toContain(normalizeText(claim));
        else expect(settled).not.toMatch(claim);
      }
    });
  }
}
