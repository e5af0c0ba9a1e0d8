/**
 * Compiles the command-line tool (src/cli/, TypeScript) into one ES module with esbuild, so that
 * `bin/error-catalog.mjs` starts fast on Node 20, which cannot run TypeScript. The bundle lives in
 * the gitignored .cache/cli/ and is rebuilt on the next run whenever one of its source files
 * changed (a stamp records every input file's size and modification time), so a clean clone needs
 * nothing but `npm ci`, and an edited source file is never run stale.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'src/cli/main.ts');
/**
 * Packages left out of the bundle: none. Everything is bundled, so the bundle also runs from the
 * temporary folder (where node_modules cannot be found); the OpenAPI parser, which only
 * `import openapi` needs, is imported lazily and costs the other commands nothing but its size.
 */
const EXTERNAL = [];

/** Where the bundle and its stamp go: .cache/cli/ in the project, or a temporary folder when that is read-only. */
function outputFolders() {
  const key = ROOT.replace(/[^\w.-]+/g, '_').slice(-80);
  return [join(ROOT, '.cache/cli'), join(tmpdir(), `error-catalog-cli-${key}`)];
}

/** True when the stamp's every input still has the size and modification time it was built from. */
function isFresh(folder) {
  try {
    const stamp = JSON.parse(readFileSync(join(folder, 'stamp.json'), 'utf8'));
    statSync(join(folder, stamp.bundle));
    return Object.entries(stamp.inputs).every(([file, seen]) => {
      const stats = statSync(join(ROOT, file));
      return stats.size === seen.size && stats.mtimeMs === seen.mtimeMs;
    });
  } catch {
    return false;
  }
}

/** Bundles src/cli/main.ts into `folder`; writes to temporary names first, then renames. */
async function build(folder) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(folder, { recursive: true });
  const unique = `${process.pid}-${Date.now()}`;
  const bundle = `error-catalog-${unique}.mjs`;
  const result = await esbuild({
    entryPoints: [ENTRY],
    outfile: join(folder, bundle),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const inputs = {};
  // The build's own options are an input too: a change here rebuilds.
  for (const file of [fileURLToPath(import.meta.url), ...Object.keys(result.metafile.inputs)]) {
    const path = resolve(ROOT, file);
    const stats = statSync(path);
    inputs[relative(ROOT, path)] = { size: stats.size, mtimeMs: stats.mtimeMs };
  }
  const stampTemp = join(folder, `stamp-${unique}.json`);
  writeFileSync(stampTemp, JSON.stringify({ bundle, inputs }));
  // Another process may have built at the same time: the last rename wins, both bundles are whole.
  renameSync(stampTemp, join(folder, 'stamp.json'));
  // Older bundles go once no process can still be about to import them (one that read the old
  // stamp a moment ago); ten minutes is far beyond that.
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (
      name !== bundle &&
      /^(error-catalog|stamp)-.*\.(mjs|json)$/.test(name) &&
      Date.now() - statSync(path).mtimeMs > 600_000
    )
      rmSync(path, { force: true });
  }
  return join(folder, bundle);
}

/**
 * The path of an up-to-date bundle of the CLI, building it first when needed.
 * @returns {Promise<string>}
 */
export async function ensureCliBundle() {
  const folders = outputFolders();
  for (const folder of folders) {
    if (isFresh(folder)) return join(folder, JSON.parse(readFileSync(join(folder, 'stamp.json'), 'utf8')).bundle);
  }
  let lastError;
  for (const folder of folders) {
    try {
      return await build(folder);
    } catch (error) {
      lastError = error;
      // esbuild's own errors (a syntax error in src/cli) are not about the folder: stop at once.
      if (error && typeof error === 'object' && 'errors' in error) throw error;
    }
  }
  throw lastError;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const bundle = await ensureCliBundle();
  console.log(`${relative(process.cwd(), bundle)} (${Math.round(performance.now() - started)} ms)`);
}
