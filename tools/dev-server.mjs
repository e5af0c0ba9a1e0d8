/**
 * Starts `astro dev` on a catalog folder, for the dev-loop end-to-end test and benchmark. Like
 * tools/build-site.mjs, each server gets its own Astro root under .cache/astro-roots/ (and its own
 * cache), so it never shares `.astro/` with someone's `npm run dev` in the project folder.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { relative, resolve } from 'node:path';

/** A free TCP port on 127.0.0.1 (for tools that need no fixed port). */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

/**
 * Starts the dev server and resolves once it answers; `output()` is everything it printed so far,
 * `stop()` ends it (and its children) and waits for it to exit.
 * @param {{ name: string, catalogDir: string, port: number, basePath?: string, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startDevServer(options) {
  const root = resolve('.cache/astro-roots', `dev-${options.name}`);
  mkdirSync(root, { recursive: true });
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CATALOG_DIR: resolve(options.catalogDir),
    BASE_PATH: options.basePath ?? '/',
    ASTRO_CACHE_DIR: resolve(root, 'vite-cache'),
    // No colour codes in the captured output.
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  // A server started from a Vitest or Playwright worker must not inherit their mode variables.
  for (const key of ['VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV'])
    delete env[key];
  const args = [
    resolve('node_modules/astro/astro.js'),
    'dev',
    '--root',
    root,
    '--config',
    relative(root, resolve('astro.config.mjs')),
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port),
  ];
  // Its own process group, so stop() also ends esbuild and the other children it starts.
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-500_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.once('exit', done));
  // Never outlive the process that started it, even when that one fails or is interrupted.
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killGroup);
  child.once('exit', () => process.off('exit', killGroup));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const killTimer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 5_000);
      await exited;
      clearTimeout(killTimer);
    }
  };
  const base = (options.basePath ?? '/').replace(/\/?$/, '/');
  const url = `http://127.0.0.1:${options.port}${base}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (!/watching for file changes/.test(output)) {
    if (child.exitCode !== null) throw new Error(`astro dev exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`astro dev did not start within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, output: () => output, stop };
}
