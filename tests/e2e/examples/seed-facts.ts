/**
 * Fact checklists for the example catalogs (examples/): each fact a seed document states is checked
 * on the page that must show it, or asked of the lookup widget. Facts of one page are one test
 * (one visit, one step per fact); lookup facts are asked a few per visit. The specs
 * list facts as data, written from the seed; this module turns them into tests, so every
 * checklist is checked the same way. The tests only read pages, so they share one page per worker
 * (`readerPage`, ../support/fixtures.ts).
 */
import type { Locator } from '@playwright/test';
import { gotoPath, normalizeText } from '../support/built-site';
import { describeSite, expect, test } from '../support/fixtures';

/** A fact the built site must show on one page. */
export interface PageFact {
  /** The fact in words, as the seed states it; it names the fact's step (and is part of the test's name). */
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

/** Facts in their order, grouped by the value `key` gives (e.g. their route), groups in first-seen order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

/** A route without its `#fragment`: facts about parts of one page are checked in one visit. */
const pageOf = (fact: { route: string }) => fact.route.split('#')[0]!;

/** Splits `items` into runs of at most `size`, so both test workers share a long checklist. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, index * size + size),
  );
}

/**
 * Registers one test per page: it opens the page once and checks every fact stated on it, each in
 * its own step named by the fact. Checks are soft, so a failing test lists every fact it misses.
 */
export function definePageFacts(facts: readonly PageFact[]): void {
  describeSite(() => {
    for (const [route, onPage] of groupBy(facts, pageOf)) {
      test(`the site states on /${route}: ${onPage.map((fact) => fact.fact).join('; ')}`, async ({
        readerPage: page,
      }) => {
        await page.goto(gotoPath(route));
        const main = page.getByRole('main');
        for (const { fact, shows, row, omits = [] } of onPage) {
          await test.step(fact, async () => {
            // The rendered text, as a reader sees it, with line breaks and runs of spaces made one space.
            const scope = row === undefined ? main : main.getByRole('row').filter({ hasText: row }).first();
            const text = normalizeText(await scope.innerText());
            for (const expected of shows) {
              if (typeof expected === 'string') expect.soft(text, fact).toContain(normalizeText(expected));
              else expect.soft(text, fact).toMatch(expected);
            }
            for (const claim of omits) {
              if (typeof claim === 'string') expect.soft(text, fact).not.toContain(normalizeText(claim));
              else expect.soft(text, fact).not.toMatch(claim);
            }
          });
        }
      });
    }
  });
}

/** Registers one test per page of bodies: some code block on the page parses to each body's JSON value. */
export function defineBodyFacts(facts: readonly BodyFact[]): void {
  describeSite(() => {
    for (const [route, onPage] of groupBy(facts, pageOf)) {
      test(`the site shows the seed's bodies on /${route}: ${onPage.map((fact) => fact.fact).join('; ')}`, async ({
        readerPage: page,
      }) => {
        await page.goto(gotoPath(route));
        const blocks = await page.getByRole('main').locator('pre').allTextContents();
        const values = blocks.flatMap((text) => {
          try {
            return [JSON.parse(text) as unknown];
          } catch {
            return [];
          }
        });
        for (const { fact, json } of onPage) expect.soft(values, fact).toContainEqual(JSON.parse(json));
      });
    }
  });
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

/**
 * How often an answer is read again until it says what it must: the lookup answers 200 ms after
 * the last keystroke, and Playwright's default steps (100, 250, 500 ms) would see it up to half a
 * second later.
 */
const ANSWER_POLL_MS = [50];

/** Lookup facts asked in one page visit; a few per test, so both workers share a long list. */
const LOOKUP_FACTS_PER_TEST = 6;

/**
 * Registers one test per few lookup facts: it opens /lookup/ once and asks each question in turn
 * (typed or pasted, as a user would), each in its own step named by the fact. Between questions the
 * box is emptied with its Clear button and the answer must clear, so an answer is never read from
 * the question before.
 */
export function defineLookupFacts(facts: readonly LookupFact[]): void {
  describeSite(() => {
    for (const group of chunks(facts, LOOKUP_FACTS_PER_TEST)) {
      test(`the lookup explains: ${group.map((fact) => fact.fact).join('; ')}`, async ({ readerPage: page }) => {
        test.setTimeout(15_000 + group.length * 10_000);
        await page.goto('lookup/');
        const box = page.getByRole('textbox', { name: /Code, name, status, message or whole response/ });
        const answer = page.getByRole('region', { name: 'Lookup answer' });
        const clear = page.getByRole('search', { name: 'Error lookup' }).getByRole('button', { name: 'Clear' });
        const soft = expect.configure({ soft: true });
        for (const { fact, query, shows, omits = [] } of group) {
          await test.step(fact, async () => {
            // The Clear button empties the answer at once (emptying the box waits 200 ms for the next key).
            await clear.click();
            await expect(box).toHaveValue('');
            await expect(answer).toHaveText('');
            await box.fill(query);
            for (const expected of shows) {
              if (typeof expected === 'string')
                await soft
                  .poll(() => answerText(answer), { message: fact, intervals: ANSWER_POLL_MS })
                  .toContain(normalizeText(expected));
              else
                await soft
                  .poll(() => answerText(answer), { message: fact, intervals: ANSWER_POLL_MS })
                  .toMatch(expected);
            }
            const settled = await answerText(answer);
            for (const claim of omits) {
              if (typeof claim === 'string') soft(settled, fact).not.toContain(normalizeText(claim));
              else soft(settled, fact).not.toMatch(claim);
            }
          });
        }
      });
    }
  });
}
