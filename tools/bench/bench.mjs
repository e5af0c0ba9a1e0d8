/**
 * `npm run bench`: for each catalog size N, generates a synthetic catalog and builds, each with one
 * full `astro build` (search index included), the real site, a bare Astro baseline
 * (tools/bench/baseline/) and the Starlight peer (tools/bench/starlight/, installed on demand into
 * its own folder) from it. Measures each build as a process tree (wall, CPU, peak memory) and by
 * phase from Astro's own hooks (tools/bench/timed-build.mjs), then the output (sizes, the largest
 * page, code-page weight) and lookups in Chromium. Prints tables and the target verdicts; writes
 * every figure to tools/bench/results/bench-<date>.json. See tools/bench/README.md.
 *
 *   npm run bench                       sizes 3000, 5000, 10000; Starlight at 3000
 *   npm run bench -- --sizes 500,5000   chosen sizes
 *   npm run bench -- --quick            size 500 only, fewer lookup repetitions, no Starlight
 *   options: --seed S, --starlight-sizes 3000,… (or none), --no-baseline, --no-lookup,
 *            --keep (keep the built sites), --work DIR, --without-operations (the same catalog
 *            without its operations folder: with a run without it, says what operations cost)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readCodes } from './baseline/src/read-codes.mjs';
import { countPages, largestPages, measureCodePages, measureOutput } from './output-sizes.mjs';
import { measureLookup } from './lookup-in-browser.mjs';
import { measureProcessTree } from './process-tree.mjs';
import { evaluateTargets, printReport } from './report.mjs';
import { writeStarlightPages } from './starlight-pages.mjs';
import { planBuild } from '../build-site.mjs';
import { generateCatalog } from '../generate-catalog.mjs';

const STARLIGHT_DIR = resolve('tools/bench/starlight');

function parseArgs(argv) {
  const options = {
    sizes: [3000, 5000, 10000],
    starlightSizes: [3000],
    seed: 1,
    baseline: true,
    lookup: true,
    keep: false,
    quick: false,
    work: process.env.BENCH_DIR || '.cache/bench',
  };
  const given = new Set();
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    given.add(flag);
    if (flag === '--sizes') options.sizes = value().split(',').map(Number);
    else if (flag === '--starlight-sizes') {
      const sizes = value();
      options.starlightSizes = sizes === 'none' ? [] : sizes.split(',').map(Number);
    } else if (flag === '--quick') options.quick = true;
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--without-operations') options.withoutOperations = true;
    else if (flag === '--no-baseline') options.baseline = false;
    else if (flag === '--no-lookup') options.lookup = false;
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--work') options.work = value();
    else throw new Error(`unknown option ${flag}; see the header of tools/bench/bench.mjs`);
  }
  if (options.quick && !given.has('--sizes')) options.sizes = [500];
  if (options.quick && !given.has('--starlight-sizes')) options.starlightSizes = [];
  if ([...options.sizes, ...options.starlightSizes].some((n) => !Number.isInteger(n) || n < 20))
    throw new Error('--sizes takes whole numbers of at least 20, e.g. --sizes 500,5000');
  // Astro puts its server build in <working directory>/.astro when the output folder is outside
  // the working directory, and the baseline's build then fails looking for it.
  if (!`${resolve(options.work)}/`.startsWith(`${process.cwd()}/`))
    throw new Error(
      `--work must be a folder inside the project (${process.cwd()}); ${options.work} is outside it (Astro needs the output folder under the working directory)`,
    );
  return options;
}

/** Installs the Starlight peer into its own folder when it is not there yet (npm, its package.json). */
function ensureStarlight() {
  if (existsSync(join(STARLIGHT_DIR, 'node_modules', '@astrojs', 'starlight'))) return true;
  console.log('[bench] installing the Starlight peer into tools/bench/starlight/ (once)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund'], {
    cwd: STARLIGHT_DIR,
    stdio: 'inherit',
  });
  return result.status === 0;
}

/**
 * One full `astro build` through the timing runner, measured as a process tree.
 * @returns {Promise<{ ok: boolean, ms: number, cpuMs: number, peakRssBytes: number, phases: Record<string, number>, output: string }>}
 */
async function timedBuild({ root, config, env }) {
  const report = join(env.OUT_DIR, '..', `timing-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const args = [
    resolve('tools/bench/timed-build.mjs'),
    '--root',
    root,
    ...(config ? ['--config', config] : []),
    '--report',
    report,
  ];
  const measured = await measureProcessTree(process.execPath, args, { env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' } });
  let phases = {};
  if (measured.ok && existsSync(report)) {
    const { marks } = JSON.parse(readFileSync(report, 'utf8'));
    rmSync(report, { force: true });
    // Phases end at the marks; the first starts when the process does (node and Astro loading).
    phases = {
      setupMs: marks.configDone,
      syncMs: marks.buildStart - marks.configDone,
      bundleMs: marks.bundled - marks.buildStart,
      renderMs: marks.generated - marks.bundled,
      afterBuildMs: marks.done - marks.generated,
    };
  }
  return { ...measured, phases };
}

/** Wall, CPU, memory and phase figures of one build of `pages` pages. */
function buildFigures(build, pages) {
  return {
    pages,
    totalMs: build.ms,
    msPerPage: build.ms / pages,
    totalCpuMs: build.cpuMs,
    cpuMsPerPage: build.cpuMs / pages,
    peakRssBytes: build.peakRssBytes,
    phases: build.phases,
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

const peerEnv = (catalogDir, outDir) => ({
  ...process.env,
  CATALOG_DIR: catalogDir,
  OUT_DIR: outDir,
  ASTRO_CACHE_DIR: `${outDir}.astro-cache`,
});

async function benchSize(n, options) {
  const work = resolve(options.work);
  const catalogDir = join(work, `catalog-${n}`);
  const siteDir = join(work, `site-${n}`);
  const baseDir = join(work, `baseline-${n}`);
  // Inside the peer's folder: Astro imports its server chunks from the output folder, and they
  // must resolve Starlight's dependencies from tools/bench/starlight/node_modules.
  const starlightDir = join(STARLIGHT_DIR, `dist-${n}`);
  const row = { codes: n, loadAverageBefore: loadavg()[0] };

  let started = performance.now();
  const generated = generateCatalog({ codes: n, outDir: catalogDir, seed: options.seed });
  // Nothing else in the synthetic catalog refers to its operations.
  if (options.withoutOperations) rmSync(join(catalogDir, 'operations'), { recursive: true, force: true });
  row.generateMs = performance.now() - started;
  const codes = readCodes(catalogDir);

  console.log(`[bench] ${n} codes: building the site…`);
  clean(siteDir);
  const site = await timedBuild(planBuild({ catalogDir, outDir: siteDir }));
  if (!site.ok)
    throw new Error(
      `the site build failed at ${n} codes; run OUT_DIR=${siteDir} CATALOG_DIR=${catalogDir} npm run build to see why\n${site.output.slice(-3000)}`,
    );
  row.site = buildFigures(site, countPages(siteDir));

  if (options.baseline) {
    console.log(`[bench] ${n} codes: building the bare Astro baseline…`);
    clean(baseDir);
    const base = await timedBuild({ root: resolve('tools/bench/baseline'), env: peerEnv(catalogDir, baseDir) });
    if (!base.ok) throw new Error(`the baseline build failed at ${n} codes\n${base.output.slice(-3000)}`);
    row.baseline = buildFigures(base, countPages(baseDir));
    row.ratio = row.site.totalMs / row.baseline.totalMs;
    row.cpuRatio = row.site.totalCpuMs / row.baseline.totalCpuMs;
    row.memoryRatio = row.site.peakRssBytes / row.baseline.peakRssBytes;
    if (!options.keep) clean(baseDir);
  }

  if (options.starlightSizes.includes(n)) {
    if (ensureStarlight()) {
      console.log(`[bench] ${n} codes: building the Starlight peer…`);
      writeStarlightPages(codes, join(STARLIGHT_DIR, 'src/content/docs'));
      clean(starlightDir);
      const peer = await timedBuild({ root: STARLIGHT_DIR, env: peerEnv(catalogDir, starlightDir) });
      if (!peer.ok) throw new Error(`the Starlight build failed at ${n} codes\n${peer.output.slice(-3000)}`);
      row.starlight = buildFigures(peer, countPages(starlightDir));
      row.starlightSpeedup = row.starlight.totalMs / row.site.totalMs;
      row.starlightCpuSpeedup = row.starlight.totalCpuMs / row.site.totalCpuMs;
      if (!options.keep) clean(starlightDir);
    } else {
      row.starlight = { unavailable: 'npm could not install the Starlight peer (see its output above)' };
    }
  }

  row.sizes = measureOutput(siteDir);
  row.largestPages = largestPages(siteDir, 3);
  row.codePage = measureCodePages(siteDir, codes);
  if (options.lookup) {
    console.log(`[bench] ${n} codes: timing lookups in Chromium…`);
    row.lookup = await measureLookup(siteDir, generated.samples, { repetitions: options.quick ? 5 : 15 });
  }
  row.loadAverageAfter = loadavg()[0];
  if (!options.keep) clean(siteDir);
  return row;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
mkdirSync(resolve(options.work), { recursive: true });
const results = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAverage: loadavg() },
  options: {
    sizes: options.sizes,
    seed: options.seed,
    quick: options.quick,
    withoutOperations: Boolean(options.withoutOperations),
  },
  rows: [],
};
for (const n of options.sizes) results.rows.push(await benchSize(n, options));
results.targets = evaluateTargets(results.rows);

const file = resolve('tools/bench/results', `bench-${results.date.slice(0, 19).replace(/:/g, '-')}.json`);
mkdirSync(resolve('tools/bench/results'), { recursive: true });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
console.log(`\nFigures written to ${file}`);
