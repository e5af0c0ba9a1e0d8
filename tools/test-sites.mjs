/**
 * The built sites the end-to-end tests run against. Each is built once by `tools/test.mjs`
 * (or `node tools/build-test-sites.mjs NAME…`), served by Astro's preview server on 127.0.0.1
 * (tools/preview-sites.mjs, all from one process), and tested by the spec files its `testMatch` selects.
 *
 * E2E_OUT_ROOT (default .cache/e2e) and E2E_PORT_BASE (default 4400) let several checkouts or
 * people test at once without sharing folders or ports.
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const outRoot = process.env.E2E_OUT_ROOT || '.cache/e2e';
const portBase = Number(process.env.E2E_PORT_BASE || 4400);

/**
 * `axe: false`: the sweep runs no axe on the site. `sweep: 'kinds'`: the sweep opens one page of
 * each kind (home, a code page, a status page…) and the pages axe checks, instead of every page.
 * For the sub-path and internal sites: they are the default catalog again, whose pages the default
 * site's sweep opens one by one; the base path changes URLs, not markup (every URL of every page is
 * still checked by the static gate), and the internal site's extra parts are on pages of every kind.
 * `audience: 'internal'`: the internal support site (SITE_AUDIENCE=internal); every other site is public.
 * `testMatch`: the spec files that test the site, as globs relative to tests/e2e (`**` any folders, `*` any name).
 * `url`: where the preview server serves it (the tests' baseURL).
 * @typedef {{ name: string, catalogDir: string, basePath: string, testMatch: string[], outDir: string, port: number, url: string, axe?: boolean, sweep?: 'all' | 'kinds', audience?: 'public' | 'internal' }} Site
 */

/** @type {Array<Omit<Site, 'outDir' | 'port' | 'url'>>} */
const definitions = [
  { name: 'default', catalogDir: 'catalog', basePath: '/', testMatch: ['site/**/*.spec.ts'] },
  {
    name: 'subpath',
    catalogDir: 'catalog',
    basePath: '/docs/errors/',
    testMatch: ['subpath/**/*.spec.ts'],
    axe: false,
    sweep: 'kinds',
  },
  // Every text field holds an HTML/script payload: it must render as text (tests/e2e/hostile/).
  { name: 'hostile', catalogDir: 'tests/fixtures/hostile-catalog', basePath: '/', testMatch: ['hostile/**/*.spec.ts'] },
  // The four seed documents as example catalogs (examples/), each checked fact by fact.
  { name: 'migrayt', catalogDir: 'examples/migrayt', basePath: '/', testMatch: ['examples/migrayt.spec.ts'] },
  { name: 'cutover', catalogDir: 'examples/cutover', basePath: '/', testMatch: ['examples/cutover.spec.ts'] },
  { name: 'migo', catalogDir: 'examples/migo', basePath: '/', testMatch: ['examples/migo.spec.ts'] },
  { name: 'tracker', catalogDir: 'examples/tracker', basePath: '/', testMatch: ['examples/tracker.spec.ts'] },
  // A catalog that states almost nothing and one that states everything (issue 16): no page
  // presents anything as the API's policy beyond what it states (tests/e2e/provenance/).
  {
    name: 'silent',
    catalogDir: 'tests/fixtures/silent-catalog',
    basePath: '/',
    testMatch: ['provenance/silent.spec.ts'],
  },
  {
    name: 'stating',
    catalogDir: 'tests/fixtures/stating-catalog',
    basePath: '/',
    testMatch: ['provenance/stating.spec.ts'],
  },
  // A team's own catalog, unlike the default one (issue 17): no default-catalog text, own envelopes read as their own.
  { name: 'team', catalogDir: 'tests/fixtures/team-catalog', basePath: '/', testMatch: ['team/**/*.spec.ts'] },
  // The default catalog's internal support site (issue 13): internal notes, escalations and the
  // support links; its public twin is the default site, which the leak test scans byte by byte.
  {
    name: 'internal',
    catalogDir: 'catalog',
    basePath: '/',
    audience: 'internal',
    sweep: 'kinds',
    testMatch: ['internal/**/*.spec.ts', 'leak/**/*.spec.ts'],
  },
  // Issue 18: a GraphQL API behind a gateway (errors with 200, a code with several statuses), and
  // Apollo Server's built-in error codes as the fifth example catalog.
  { name: 'graphql', catalogDir: 'tests/fixtures/graphql-catalog', basePath: '/', testMatch: ['graphql/**/*.spec.ts'] },
  { name: 'apollo', catalogDir: 'examples/apollo', basePath: '/', testMatch: ['examples/apollo.spec.ts'] },
];

/** @type {Site[]} */
export const sites = definitions.map((site, index) => ({
  ...site,
  outDir: resolve(outRoot, site.name),
  port: portBase + index,
  url: `http://127.0.0.1:${portBase + index}${site.basePath}`,
}));

/** The end-to-end specs' folder, which `testMatch` globs are relative to. */
export const specRoot = fileURLToPath(new URL('../tests/e2e', import.meta.url));

/** A `testMatch` glob as a regular expression over a path relative to tests/e2e, with `/`. */
function globToRegExp(glob) {
  const pattern = glob
    .split(/(\*\*\/|\*)/)
    .map((part) =>
      part === '**/' ? '(?:[^/]+/)*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${pattern}$`);
}

const matchers = sites.map((site) => ({ site, patterns: site.testMatch.map(globToRegExp) }));

/**
 * The site a spec file tests (absolute path, or relative to tests/e2e), or undefined for the specs
 * that test no built site (the custom elements on blank pages, the dev server).
 * @param {string} file
 * @returns {Site | undefined}
 */
export function siteOfSpec(file) {
  const path = relative(specRoot, resolve(specRoot, file)).split(sep).join('/');
  return matchers.find(({ patterns }) => patterns.some((pattern) => pattern.test(path)))?.site;
}
