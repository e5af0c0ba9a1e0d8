/**
 * Builds one site: `astro build` then Pagefind over the output (astro build empties the output
 * folder, so the search index must be made after every build). Used by `npm run build`, the
 * test runner and the benchmark.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc (Linux), or NaN.
 * Wall time swings with machine load; CPU time lets the benchmark compare builds on a busy machine.
 */
export function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3, so cutime and cstime (fields 16 and 17) sit at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * The two commands of a build (astro build, then pagefind) with their environment.
 * @param {{ catalogDir?: string, basePath?: string, outDir?: string, siteUrl?: string, quiet?: boolean }} options
 */
function planBuild(options) {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  // A build started from a Vitest test must not inherit Vitest's mode (VITEST=true changes how
  // Astro compiles components and breaks MDX rendering; MODE, DEV, SSR, BASE_URL are Vite's).
  for (const key of ['VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']) delete env[key];
  if (options.catalogDir) env.CATALOG_DIR = options.catalogDir;
  if (options.basePath) env.BASE_PATH = options.basePath;
  if (options.outDir) env.OUT_DIR = options.outDir;
  if (options.siteUrl) env.SITE_URL = options.siteUrl;
  const outDir = resolve(env.OUT_DIR || 'dist');
  if (options.outDir && !env.ASTRO_CACHE_DIR) env.ASTRO_CACHE_DIR = `${outDir}.astro-cache`;
  // Quiet drops stdout rather than piping it: a piped 10,000-page log overflows spawnSync's buffer and kills the build.
  const stdio = options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const astroBin = resolve('node_modules/astro/astro.js');
  const pagefindBin = resolve('node_modules/pagefind/lib/runner/bin.cjs');

  // A build into its own folder also gets its own Astro root: Astro rewrites <root>/.astro/
  // content-modules.mjs on every build, so builds of different catalogs side by side would read
  // each other's guide list and fail (UnknownContentCollectionError). The root sits inside the
  // project so bare imports still resolve from node_modules; sources come from astro.config.mjs.
  const args = ['build'];
  if (options.outDir) {
    const root = resolve('.cache/astro-roots', relative(resolve('.cache'), outDir).replace(/[^\w.-]+/g, '_'));
    mkdirSync(root, { recursive: true });
    args.push('--root', root, '--config', relative(root, resolve('astro.config.mjs')));
    env.OUT_DIR = outDir;
    env.ASTRO_CACHE_DIR = resolve(env.ASTRO_CACHE_DIR);
  }
  return {
    outDir,
    options: { env, stdio },
    astro: [process.execPath, [astroBin, ...args]],
    pagefind: [process.execPath, [pagefindBin, '--site', outDir, '--silent']],
  };
}

/**
 * Builds synchronously (CLI scripts and the benchmark, which time each step).
 * @param {{ catalogDir?: string, basePath?: string, outDir?: string, siteUrl?: string, quiet?: boolean }} options
 * @returns {{ ok: boolean, astroMs: number, pagefindMs: number, astroCpuMs: number, pagefindCpuMs: number }}
 */
export function buildSite(options = {}) {
  const plan = planBuild(options);
  let started = performance.now();
  let cpu = childrenCpuMs();
  const astro = spawnSync(...plan.astro, plan.options);
  const astroMs = performance.now() - started;
  const astroCpuMs = childrenCpuMs() - cpu;
  if (astro.status !== 0) return { ok: false, astroMs, pagefindMs: 0, astroCpuMs, pagefindCpuMs: 0 };

  started = performance.now();
  cpu = childrenCpuMs();
  const pagefind = spawnSync(...plan.pagefind, plan.options);
  const pagefindMs = performance.now() - started;
  const pagefindCpuMs = childrenCpuMs() - cpu;
  return { ok: pagefind.status === 0 && existsSync(resolve(plan.outDir, 'pagefind')), astroMs, pagefindMs, astroCpuMs, pagefindCpuMs };
}

/**
 * Builds without blocking the event loop, capturing the output: for tests, whose runner must
 * keep answering its own messages while a build runs for a minute.
 * @param {{ catalogDir?: string, basePath?: string, outDir?: string, siteUrl?: string }} options
 * @returns {Promise<{ ok: boolean, output: string }>}
 */
export async function buildSiteAsync(options = {}) {
  const plan = planBuild(options);
  let output = '';
  const run = ([command, args]) =>
    new Promise((done) => {
      const child = spawn(command, args, { env: plan.options.env, stdio: ['ignore', 'pipe', 'pipe'] });
      // Keep only the tail: a large catalog logs a line per page.
      const keep = (chunk) => { output = (output + chunk.toString()).slice(-200_000); };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('close', (code) => done(code === 0));
    });
  const ok = (await run(plan.astro)) && (await run(plan.pagefind)) && existsSync(resolve(plan.outDir, 'pagefind'));
  return { ok, output };
}
