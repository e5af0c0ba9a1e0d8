#!/usr/bin/env node
/**
 * `npm run bench`: for each catalog size N, generates a synthetic catalog, builds the real site
 * and a bare Astro baseline (tools/bench/baseline/) from it, and prints one table: build times (astro
 * and Pagefind apart), ms per page, the ratio to the baseline, output sizes, code-page weight and
 * lookup query medians in Chromium. Writes the figures to bench/results/bench-<date>.json.
 *
 *   npm run bench                       sizes 500, 2000, 5000, 10000
 *   npm run bench -- --sizes 500,5000   chosen sizes
 *   npm run bench -- --quick            size 500 only, fewer lookup repetitions
 *   options: --seed S, --no-baseline, --no-lookup, --keep (keep the built sites), --work DIR
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readCodes } from './baseline/src/read-codes.mjs';
import { countPages, measureCodePages, measureOutput } from './output-sizes.mjs';
import { measureLookup } from './lookup-in-browser.mjs';
import { evaluateTargets, printReport } from './report.mjs';
import { buildSite, childrenCpuMs } from '../build-site.mjs';
import { generateCatalog } from '../generate-catalog.mjs';

function parseArgs(argv) {
  const options = {
    sizes: [500, 2000, 5000, 10000],
    seed: 1,
    baseline: true,
    lookup: true,
    keep: false,
    quick: false,
    work: process.env.BENCH_DIR || '.cache/bench',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') options.sizes = value().split(',').map(Number);
    else if (flag === '--quick') options.quick = true;
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--no-baseline') options.baseline = false;
    else if (flag === '--no-lookup') options.lookup = false;
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--work') options.work = value();
    else throw new Error(`unknown option ${flag}; see the header of tools/bench/bench.mjs`);
  }
  if (options.quick && !argv.includes('--sizes') && !argv.some((a) => a.startsWith('--sizes='))) options.sizes = [500];
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 20))
    throw new Error('--sizes takes whole numbers of at least 20, e.g. --sizes 500,5000');
  return options;
}

/** Builds the bare baseline: astro build of tools/bench/baseline, then Pagefind, like buildSite. */
function buildBaseline(catalogDir, outDir) {
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CATALOG_DIR: catalogDir,
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: `${outDir}.astro-cache`,
  };
  const stdio = ['ignore', 'ignore', 'inherit'];
  const timed = (args) => {
    const started = performance.now();
    const cpu = childrenCpuMs();
    const child = spawnSync(process.execPath, args, { env, stdio });
    return { ok: child.status === 0, ms: performance.now() - started, cpuMs: childrenCpuMs() - cpu };
  };
  const astro = timed([resolve('node_modules/astro/astro.js'), 'build', '--root', resolve('tools/bench/baseline')]);
  if (!astro.ok) return { ok: false };
  const pagefind = timed([resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', outDir, '--silent']);
  return {
    ok: pagefind.ok,
    astroMs: astro.ms,
    pagefindMs: pagefind.ms,
    astroCpuMs: astro.cpuMs,
    pagefindCpuMs: pagefind.cpuMs,
  };
}

/** Wall and CPU figures of one build of `pages` pages. */
function buildFigures(build, pages) {
  const totalMs = build.astroMs + build.pagefindMs;
  const totalCpuMs = build.astroCpuMs + build.pagefindCpuMs;
  return {
    pages,
    astroMs: build.astroMs,
    pagefindMs: build.pagefindMs,
    totalMs,
    msPerPage: totalMs / pages,
    astroMsPerPage: build.astroMs / pages,
    astroCpuMs: build.astroCpuMs,
    pagefindCpuMs: build.pagefindCpuMs,
    totalCpuMs,
    cpuMsPerPage: totalCpuMs / pages,
  };
}

const clean = (dir) => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.astro-cache`, { recursive: true, force: true });
};

function gitCommit() {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

async function benchSize(n, options) {
  const work = resolve(options.work);
  const catalogDir = join(work, `catalog-${n}`);
  const siteDir = join(work, `site-${n}`);
  const baseDir = join(work, `baseline-${n}`);
  const row = { codes: n, loadAverageBefore: loadavg()[0] };

  let started = performance.now();
  const generated = generateCatalog({ codes: n, outDir: catalogDir, seed: options.seed });
  row.generateMs = performance.now() - started;
  const codes = readCodes(catalogDir);

  console.log(`[bench] ${n} codes: building the site…`);
  clean(siteDir);
  const site = buildSite({ catalogDir, outDir: siteDir, quiet: true });
  if (!site.ok)
    throw new Error(
      `the site build failed at ${n} codes; run OUT_DIR=${siteDir} CATALOG_DIR=${catalogDir} npm run build to see why`,
    );
  // Pagefind runs inside `astro build` now; its share of the wall time comes from the build's log,
  // its CPU time is counted with Astro's (it is a child of the astro process).
  row.site = buildFigures(
    {
      astroMs: site.ms - (site.pagefindMs || 0),
      pagefindMs: site.pagefindMs || 0,
      astroCpuMs: site.cpuMs,
      pagefindCpuMs: 0,
    },
    countPages(siteDir),
  );

  if (options.baseline) {
    console.log(`[bench] ${n} codes: building the bare Astro baseline…`);
    clean(baseDir);
    const base = buildBaseline(catalogDir, baseDir);
    if (!base.ok) throw new Error(`the baseline build failed at ${n} codes`);
    row.baseline = buildFigures(base, countPages(baseDir));
    row.ratio = row.site.totalMs / row.baseline.totalMs;
    row.astroRatio = row.site.astroMs / row.baseline.astroMs;
    row.cpuRatio = row.site.totalCpuMs / row.baseline.totalCpuMs;
    row.astroCpuRatio = row.site.astroCpuMs / row.baseline.astroCpuMs;
    if (!options.keep) clean(baseDir);
  }

  row.sizes = measureOutput(siteDir);
  row.codePage = measureCodePages(siteDir, codes);
  if (options.lookup) {
    console.log(`[bench] ${n} codes: timing lookups in Chromium…`);
    row.lookup = await measureLookup(siteDir, generated.samples, { repetitions: options.quick ? 5 : 15 });
  }
  row.loadAverageAfter = loadavg()[0];
  if (!options.keep) clean(siteDir);
  return row;
}

const options = parseArgs(process.argv.slice(2));
mkdirSync(resolve(options.work), { recursive: true });
const results = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAverage: loadavg() },
  options: { sizes: options.sizes, seed: options.seed, quick: options.quick },
  rows: [],
};
for (const n of options.sizes) results.rows.push(await benchSize(n, options));
results.targets = evaluateTargets(results.rows);

const file = resolve('tools/bench/results', `bench-${results.date.slice(0, 19).replace(/:/g, '-')}.json`);
mkdirSync(resolve('tools/bench/results'), { recursive: true });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
console.log(`\nFigures written to ${file}`);
