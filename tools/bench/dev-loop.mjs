#!/usr/bin/env node
/**
 * The authoring loop's figure: how long after saving a catalog file the open page in `astro dev`
 * shows the change. Generates a synthetic catalog, starts the dev server on it, opens a code page
 * in Chromium, then edits that code's resolution several times and times each save until the new
 * text is on screen. Edits alternate between a typical codes file (about a hundred codes) and the
 * largest one, since only the saved file is parsed again.
 *
 *   node tools/bench/dev-loop.mjs                 5,000 codes, 6 edits
 *   node tools/bench/dev-loop.mjs --codes 10000 --edits 10
 */
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { parseDocument } from 'yaml';
import { chromiumArgs, findChromium } from '../chromium.mjs';
import { freePort, startDevServer } from '../dev-server.mjs';
import { generateCatalog } from '../generate-catalog.mjs';

function parseArgs(argv) {
  const options = { codes: 5000, edits: 6, seed: 1, work: process.env.BENCH_DIR || '.cache/bench' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=');
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--codes') options.codes = value();
    else if (flag === '--edits') options.edits = value();
    else if (flag === '--seed') options.seed = value();
    else throw new Error(`unknown option ${flag}; see the header of tools/bench/dev-loop.mjs`);
  }
  if (![options.codes, options.edits].every((n) => Number.isInteger(n) && n > 0))
    throw new Error('--codes and --edits take whole numbers, e.g. --codes 5000 --edits 6');
  return options;
}

/** Every codes file of the catalog with its size, largest last. */
function codeFiles(catalogDir) {
  const dir = join(catalogDir, 'codes');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ path: join(dir, name), bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => a.bytes - b.bytes);
}

/** The page of the first code of a codes file (space from the file, code as written). */
function firstCodeRoute(path) {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  return `codes/${doc.get('codeSpace')}/${doc.getIn(['codes', 0, 'code'])}/`;
}

/** Saves `path` with the first code's resolution set to `text`, as an editor would (one write). */
function editResolution(path, text) {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  doc.setIn(['codes', 0, 'resolution'], text);
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const options = parseArgs(process.argv.slice(2));
const executablePath = findChromium();
if (!executablePath) {
  console.error('The dev-loop benchmark needs Chromium (see tools/chromium.mjs).');
  process.exit(1);
}
const catalogDir = resolve(options.work, `dev-loop-${options.codes}`);
rmSync(catalogDir, { recursive: true, force: true });
generateCatalog({ codes: options.codes, outDir: catalogDir, seed: options.seed });
const files = codeFiles(catalogDir);
const typical = files[Math.floor(files.length / 2)];
const largest = files[files.length - 1];

const server = await startDevServer({ name: 'bench-dev-loop', catalogDir, port: await freePort() });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const rows = [];
try {
  const page = await browser.newPage();
  const edit = async (file, index) => {
    const route = firstCodeRoute(file.path);
    await page.goto(`${server.url}${route}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const marker = `Edited resolution number ${index + 1} of this run.`;
    const logLength = server.output().length;
    const started = performance.now();
    let requestMs = Number.NaN;
    let loadedMs = Number.NaN;
    const onRequest = (request) => {
      if (request.isNavigationRequest() && Number.isNaN(requestMs)) requestMs = performance.now() - started;
    };
    const onLoad = () => {
      if (Number.isNaN(loadedMs)) loadedMs = performance.now() - started;
    };
    page.on('request', onRequest);
    page.on('domcontentloaded', onLoad);
    editResolution(file.path, marker);
    await page.getByText(marker, { exact: true }).first().waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    page.off('request', onRequest);
    page.off('domcontentloaded', onLoad);
    const log = server.output().slice(logLength);
    const checkedMs = Number(/codes checked in (\d+) ms/.exec(log)?.[1] ?? Number.NaN);
    const renderMs = Number(new RegExp(`\\[200\\] /${route.replace(/[/]/g, '\\/')} (\\d+)ms`).exec(log)?.[1] ?? NaN);
    rows.push({
      file: relative(catalogDir, file.path),
      kb: Math.round(file.bytes / 1024),
      ms,
      checkedMs,
      requestMs,
      renderMs,
      loadedMs,
    });
  };
  // A first visit compiles the page's modules; it is not part of the loop being timed.
  await page.goto(`${server.url}${firstCodeRoute(typical.path)}`, { timeout: 120_000 });
  for (let index = 0; index < options.edits; index += 1) await edit(index % 2 ? largest : typical, index);
} finally {
  await browser.close();
  await server.stop();
}

const [load1] = loadavg();
console.log(
  `\nDev loop at ${options.codes.toLocaleString('en')} codes (${cpus().length} cores, load ${load1.toFixed(2)} at the end):`,
);
console.log(
  'Each row: the save→page time, and within it the catalog check (server log), when the browser asked\n' +
    'for the page again, how long the server took to render it (server log) and when the page was parsed.',
);
const columns = [
  ['edit', 4, (row, index) => index + 1],
  ['file', -30, (row) => row.file],
  ['KB', 4, (row) => row.kb],
  ['save→page ms', 12, (row) => row.ms.toFixed(0)],
  ['check ms', 8, (row) => row.checkedMs],
  ['reload asked ms', 15, (row) => row.requestMs.toFixed(0)],
  ['render ms', 9, (row) => row.renderMs],
  ['parsed ms', 9, (row) => row.loadedMs.toFixed(0)],
];
const cell = (text, width) => (width < 0 ? String(text).padEnd(-width) : String(text).padStart(width));
console.log(columns.map(([name, width]) => cell(name, width)).join('  '));
rows.forEach((row, index) => console.log(columns.map(([, width, value]) => cell(value(row, index), width)).join('  ')));
for (const [label, file] of [
  ['typical file', typical],
  ['largest file', largest],
]) {
  const times = rows.filter((row) => row.file === relative(catalogDir, file.path)).map((row) => row.ms);
  console.log(
    `${label} (${relative(catalogDir, file.path)}): save→page median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
  );
}
