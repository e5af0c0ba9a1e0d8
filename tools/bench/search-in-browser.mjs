#!/usr/bin/env node
/**
 * Search and table figures of a built site, in Chromium: the Pagefind index size (what a search
 * downloads, and the whole folder), Pagefind query times (first query on a fresh page, then
 * medians per query kind), the header dialog from keystroke to results on screen, and the
 * filterable codes table (filter, facet and sort times, the longest task while the page loads).
 * The site is served by a small static server on a free loopback port.
 *
 *   node tools/bench/search-in-browser.mjs .cache/h-d/default [--base /docs/errors/] [--json out.json]
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
/** Pagefind writes these UI bundles too; the site's dialog uses the JS API and never loads them. */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function parseArgs(argv) {
  const options = { site: '', base: '/', json: '' };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--base') options.base = argv[++i];
    else if (argv[i] === '--json') options.json = argv[++i];
    else options.site = argv[i];
  }
  if (!options.site) throw new Error('usage: node tools/bench/search-in-browser.mjs SITE_DIR [--base /] [--json file]');
  if (!options.base.endsWith('/')) options.base += '/';
  return options;
}

/** Bytes of the Pagefind folder: all of it, and without the UI bundles the site does not load. */
function indexSize(siteDir) {
  const dir = join(siteDir, 'pagefind');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    statSync(join(dir, name)).isFile(),
  );
  let all = 0;
  let used = 0;
  const byKind = {};
  for (const file of files) {
    const bytes = statSync(join(dir, file)).size;
    all += bytes;
    const name = file.split(sep).pop();
    if (UNUSED_UI.test(name)) continue;
    used += bytes;
    const kind = file.includes(sep)
      ? file.split(sep)[0]
      : name.replace(/\.[a-z0-9_]+\.pf_meta$/, '.pf_meta').replace(/\.(en|unknown)\./, '.');
    byKind[kind] = (byKind[kind] ?? 0) + bytes;
  }
  return { files: files.length, allBytes: all, usedBytes: used, byKind };
}

/**
 * Serves `siteDir` under `base` on a free loopback port. A real server, not request routing:
 * Playwright's routing adds milliseconds per request, which would swamp Pagefind's first query.
 */
function serveSite(siteDir, base) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = path.startsWith(base) ? join(siteDir, path.slice(base.length)) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(siteDir) || !existsSync(file)) return void response.writeHead(404).end();
    response
      .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** Pagefind's JS API timed inside the page: loading it and the first query on a fresh page. */
async function firstPagefindQuery(page, base, query) {
  return page.evaluate(
    async ({ base, query }) => {
      const started = performance.now();
      const pagefind = await import(`${base}pagefind/pagefind.js`);
      await pagefind.options({ baseUrl: base });
      await pagefind.init();
      const loaded = performance.now();
      const search = await pagefind.search(query);
      const searched = performance.now();
      await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
      return { loadMs: loaded - started, search: searched - loaded, withData: performance.now() - loaded };
    },
    { base, query },
  );
}

/** Per query kind: wall medians (search alone, and with the top 10 results' data) and Chromium CPU per query. */
async function pagefindMedians(page, base, queries) {
  const kinds = {};
  for (const [kind, inputs] of Object.entries(queries)) {
    const cpuBefore = descendantsCpuMs();
    const samples = await page.evaluate(
      async ({ base, inputs, filters }) => {
        const pagefind = await import(`${base}pagefind/pagefind.js`);
        const samples = [];
        for (let round = 0; round < 5; round += 1) {
          for (const input of inputs) {
            const started = performance.now();
            const search = await pagefind.search(input, filters ? { filters } : {});
            const searched = performance.now();
            await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
            samples.push({
              search: searched - started,
              withData: performance.now() - started,
              results: search.results.length,
            });
          }
        }
        return samples;
      },
      { base, inputs, filters: kind === 'filtered' ? { type: 'Code' } : undefined },
    );
    kinds[kind] = {
      samples: samples.length,
      medianSearchMs: round(median(samples.map((sample) => sample.search))),
      medianWithTop10DataMs: round(median(samples.map((sample) => sample.withData))),
      cpuMsPerQuery: round((descendantsCpuMs() - cpuBefore) / samples.length, 1),
      maxResults: Math.max(...samples.map((sample) => sample.results)),
    };
  }
  return kinds;
}

/** The header dialog: from setting the query to the answer on screen (debounce included). */
async function dialogTimes(page, queries) {
  await page.keyboard.press('/');
  await page.getByRole('dialog', { name: 'Search the error reference' }).waitFor();
  return page.evaluate(async (queries) => {
    const input = document.querySelector('[data-search-input]');
    const list = document.querySelector('[data-search-results]');
    const settle = () =>
      new Promise((done) => {
        const check = () => (list.getAttribute('aria-busy') === 'true' ? requestAnimationFrame(check) : done());
        requestAnimationFrame(check);
      });
    const run = async (query) => {
      const started = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      return performance.now() - started;
    };
    const first = await run(queries[0]);
    const samples = [];
    for (let round = 0; round < 3; round += 1) for (const query of queries) samples.push(await run(query));
    return { firstMs: first, samplesMs: samples };
  }, queries);
}

/**
 * CPU time (ms) used so far by every process below `rootPid` (Chromium's browser, renderer and
 * GPU processes under this script). Unlike wall time it barely moves when other jobs share the
 * machine, so it is the figure to compare between runs on a busy machine.
 */
function descendantsCpuMs(rootPid = process.pid) {
  const parentOf = new Map();
  const ticksOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
      ticksOf.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      /* the process ended while being read */
    }
  }
  let ticks = 0;
  for (const [pid, value] of ticksOf) {
    for (let ancestor = parentOf.get(pid); ancestor; ancestor = parentOf.get(ancestor)) {
      if (ancestor === rootPid) {
        ticks += value;
        break;
      }
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The codes table: jank on load, then each change's time including style and layout (wall and CPU). */
async function tableTimes(context, origin, base) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) =>
      window.__longTasks.push(...list.getEntries().map((entry) => entry.duration)),
    ).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}${base}codes/`);
  await page.waitForFunction(() => document.querySelector('error-catalog-table')?.dataset.enhanced === 'true');
  await page.waitForTimeout(500);
  const rows = await page.evaluate(
    () =>
      document.querySelector('error-catalog-table').querySelectorAll('tbody tr:not(.ft-empty):not(.ft-more)').length,
  );
  const shown = await page.evaluate(
    () => document.querySelector('error-catalog-table').querySelectorAll('tbody tr:not([hidden])').length,
  );
  // Each change alternates with its opposite so every repetition does real work.
  const changes = {
    filter: [{ query: 'not found' }, { query: '' }],
    facet: [{ facets: { 'status-class': '5xx' } }, { facets: {} }],
    sort: [{ sort: { column: 'code', direction: 'desc' } }, { sort: { column: 'code', direction: 'asc' } }],
    sortByName: [{ sort: { column: 'name', direction: 'asc' } }, { sort: { column: 'name', direction: 'desc' } }],
    showAll: [{ limit: Infinity }, { limit: 250 }],
  };
  const repetitions = 6;
  const figures = {};
  for (const [name, pair] of Object.entries(changes)) {
    const cpuBefore = descendantsCpuMs();
    const wall = await page.evaluate(
      ({ pair, repetitions }) => {
        const table = document.querySelector('error-catalog-table');
        const samples = [];
        for (let i = 0; i < repetitions; i += 1) {
          const change = pair[i % 2];
          // Private fields are plain properties at run time: drive the element as its events would.
          if ('limit' in change) table.limit = change.limit;
          else Object.assign(table.state, change);
          const started = performance.now();
          table.apply(false);
          void document.body.offsetHeight; // include style and layout
          samples.push(performance.now() - started);
        }
        table.state = { query: '', facets: {} };
        table.limit = 250;
        table.apply(false);
        return samples;
      },
      { pair, repetitions },
    );
    figures[name] = {
      medianMs: round(median(wall)),
      minMs: round(Math.min(...wall)),
      cpuMsPerChange: round((descendantsCpuMs() - cpuBefore) / (repetitions + 1), 1),
    };
  }
  const longTasks = await page.evaluate(() => window.__longTasks);
  await page.close();
  return { rows, shownAtOnce: shown, changes: figures, longestTaskOnLoadMs: round(Math.max(0, ...longTasks)) };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const siteDir = resolve(options.site);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  const size = indexSize(siteDir);
  const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.endsWith('index.html') && !name.startsWith('pagefind'),
  ).length;
  const queries = {
    code: ['1101', '4201', '1000'],
    name: ['CUSTOMER_NOT_FOUND', 'rate_limited'],
    word: ['refund', 'customer', 'declined'],
    phrase: ['customer not found', 'retry after seconds'],
    prefix: ['cus', 'ref'],
    filtered: ['not found'],
  };

  const { server, origin } = await serveSite(siteDir, options.base);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const context = await browser.newContext();
    // A 5,000-row page takes a while to load on a busy machine; the figures, not a deadline, matter.
    context.setDefaultTimeout(300_000);
    const page = await context.newPage();
    // Sizes come from disk: the listener only notes which files the page (and Pagefind's worker) fetched.
    const fetched = [];
    context.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(`${options.base}pagefind/`))
        fetched.push(statSync(join(siteDir, path.slice(options.base.length))).size);
    });
    await page.goto(`${origin}${options.base}`);
    const first = await firstPagefindQuery(page, options.base, queries.word[0]);
    const firstQueryBytes = fetched.reduce((sum, bytes) => sum + bytes, 0);
    const firstQueryFiles = fetched.length;
    const kinds = await pagefindMedians(page, options.base, queries);
    const dialogPage = await context.newPage();
    await dialogPage.goto(`${origin}${options.base}`);
    const dialog = await dialogTimes(dialogPage, ['customer not found', '1101', 'refund', 'CUSTOMER_NOT_FOUND', '429']);
    const table = await tableTimes(context, origin, options.base);

    const report = {
      site: options.site,
      loadAverage: loadavg().map((value) => round(value, 1)),
      pages,
      index: size,
      firstQuery: {
        query: queries.word[0],
        loadMs: round(first.loadMs),
        searchMs: round(first.search),
        withTop10DataMs: round(first.withData),
        fetchedFiles: firstQueryFiles,
        fetchedBytes: firstQueryBytes,
      },
      queries: kinds,
      dialog: { firstMs: round(dialog.firstMs), medianMs: round(median(dialog.samplesMs)), debounceMsIncluded: 60 },
      table,
    };
    console.log(JSON.stringify(report, null, 2));
    if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
