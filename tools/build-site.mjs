/**
 * Builds one site with `astro build` (which also writes the Pagefind search index, from the
 * errorCatalog integration), with the catalog, base path and output folder as options. Used by the
 * test runner, the tests that build sites and the benchmark; `npm run build` is plain `astro build`.
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
 * The `astro build` command of a build, with its environment: `args` are Astro's CLI arguments
 * after the script (`build --root … --config …`), `root` and `config` the same as paths.
 * `audience` picks the public site (the default) or the internal support site (SITE_AUDIENCE).
 * @param {{ catalogDir?: string, basePath?: string, outDir?: string, siteUrl?: string, audience?: 'public' | 'internal' }} options
 */
export function planBuild(options) {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  // A build started from a Vitest test must not inherit Vitest's mode (VITEST=true changes how
  // Astro compiles components and breaks MDX rendering; MODE, DEV, SSR, BASE_URL are Vite's).
  for (const key of [
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'TEST',
    'NODE_ENV',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'BASE_URL',
  ])
    delete env[key];
  if (options.catalogDir) env.CATALOG_DIR = resolve(options.catalogDir);
  if (options.basePath) env.BASE_PATH = options.basePath;
  if (options.siteUrl) env.SITE_URL = options.siteUrl;
  // Set on every build, so a SITE_AUDIENCE left in the shell never turns a public build internal.
  env.SITE_AUDIENCE = options.audience ?? 'public';
  const outDir = resolve(options.outDir || env.OUT_DIR || 'dist');
  const args = ['build'];
  let root = process.cwd();
  let config = resolve('astro.config.mjs');
  // A build into its own folder also gets its own Astro root and cache: Astro rewrites <root>/.astro/
  // content-modules.mjs on every build, so builds of different catalogs side by side would read
  // each other's guide list and fail (UnknownContentCollectionError). The root sits inside the
  // project so bare imports still resolve from node_modules; sources come from astro.config.mjs.
  if (options.outDir) {
    root = resolve('.cache/astro-roots', relative(resolve('.cache'), outDir).replace(/[^\w.-]+/g, '_'));
    mkdirSync(root, { recursive: true });
    config = relative(root, resolve('astro.config.mjs'));
    args.push('--root', root, '--config', config);
    env.OUT_DIR = outDir;
    env.ASTRO_CACHE_DIR = resolve(env.ASTRO_CACHE_DIR || `${outDir}.astro-cache`);
  }
  return {
    outDir,
    env,
    root,
    config,
    command: process.execPath,
    args: [resolve('node_modules/astro/astro.js'), ...args],
  };
}

/**
 * Builds synchronously (the test runner and the benchmark, which time each build). The log is
 * captured (`quiet`) or shown.
 * @param {{ catalogDir?: string, basePath?: string, outDir?: string, siteUrl?: string, quiet?: boolean }} options
 * @returns {{ ok: boolean, ms: number, cpuMs: number, output: string }}
 */
export function buildSite(options = {}) {
  const plan = planBuild(options);
  const started = performance.now();
  const cpu = childrenCpuMs();
  const result = spawnSync(plan.command, plan.args, {
    env: plan.env,
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'inherit'],
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (!options.quiet) process.stdout.write(result.stdout ?? '');
  const ms = performance.now() - started;
  const ok = result.status === 0 && existsSync(resolve(plan.outDir, 'pagefind'));
  return { ok, ms, cpuMs: childrenCpuMs() - cpu, output };
}

/**
 * Builds without blocking the event loop, capturing the output: for tests, whose runner must
 * keep answering its own messages while a build runs for a minute.
 * `audience` picks the public site (the default) or the internal support site (SITE_AUDIENCE).
 * @param {{ catalogDir?: string, basePath?: string, outDir?: string, siteUrl?: string, audience?: 'public' | 'internal' }} options
 * @returns {Promise<{ ok: boolean, output: string }>}
 */
export async function buildSiteAsync(options = {}) {
  const plan = planBuild(options);
  let output = '';
  const ok = await new Promise((done) => {
    const child = spawn(plan.command, plan.args, { env: plan.env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Keep only the tail: a large catalog logs a line per page.
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => done(code === 0));
  });
  return { ok: ok && existsSync(resolve(plan.outDir, 'pagefind')), output };
}
