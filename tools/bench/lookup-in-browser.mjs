/**
 * Lookup query timings in Chromium, against a built site. Serves the site on a free local port,
 * bundles the lookup engine (src/lookup/engine.ts, the same source the site ships) for the
 * browser, and in a page of the site: loads the index shards each query needs from the site's
 * own lookup-index/ files, then times the engine per query kind. Also reports which shards the
 * query of each kind fetches as the first of a fresh page, and their gzip bytes ("bytes before the
 * first answer"; a kind's figure is its worst input).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};
const ENGINE_URL = '/__bench/engine.js';

/** A static server over `dir`, plus the bundled engine at ENGINE_URL. Resolves to its origin. */
function serve(dir, engineSource) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === ENGINE_URL) {
      response.writeHead(200, { 'Content-Type': TYPES['.js'] }).end(engineSource);
      return;
    }
    let file = join(dir, path);
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    response
      .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** The inputs of each kind, from the generator's samples. */
export function queriesFrom(samples) {
  const fragment = (message) =>
    message
      .replace(/\{[^}]*\}/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 3)
      .slice(0, 3)
      .join(' ')
      .toLowerCase();
  const [body] = samples.bodies;
  return {
    code: samples.codes,
    name: samples.names,
    status: ['404', '429', '503', '422'],
    message: samples.messages,
    fragment: samples.templates.map(fragment).filter(Boolean),
    json: samples.bodies,
    http: samples.bodies.map(
      (b, i) =>
        `HTTP/1.1 ${[404, 409, 404, 429][i] ?? 400} Error\nContent-Type: application/json\nRetry-After: 30\nX-RateLimit-Remaining: 0\nX-Request-Id: req_${i}\n\n${b}`,
    ),
    undocumented: samples.undocumented,
    nothing: ['qwerty zxcvb', 'plugh_xyzzy', '{"unknown": true}'],
    hostile: [`${'{'.repeat(2000)}`, `${'a'.repeat(20_000)}`, `<script>alert(1)</script> ${body}`],
  };
}

/**
 * Times the engine in Chromium. `repetitions` batches per input; each batch runs the query
 * enough times to be measured above the browser's coarse clock, and counts as one sample.
 */
export async function measureLookup(siteDir, samples, { repetitions = 15 } = {}) {
  if (!existsSync(resolve('src/lookup/engine.ts')))
    return { unavailable: 'the lookup engine src/lookup/engine.ts is missing' };
  if (!existsSync(join(siteDir, 'lookup-index', 'core.json')))
    return { unavailable: 'the site has no lookup-index/core.json' };
  const executablePath = findChromium();
  if (!executablePath) return { unavailable: 'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)' };

  const bundle = await build({
    entryPoints: [resolve('src/lookup/engine.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'es2022',
  });
  const engineSource = bundle.outputFiles[0].text;
  const { server, origin } = await serve(resolve(siteDir), engineSource);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/lookup/`);
    const queries = queriesFrom(samples);
    const measured = await page.evaluate(
      async ({ engineUrl, queries, repetitions }) => {
        const engine = await import(engineUrl);
        const fetchShard = async (name) => (await fetch(`/lookup-index/${name}.json`)).json();
        const core = await fetchShard('core');
        const results = {};
        for (const [kind, inputs] of Object.entries(queries)) {
          // Each input of this kind as the first query of a fresh page: which shards it needs, and
          // how long the first one takes.
          const fetchedPerInput = [];
          let firstMs = 0;
          let started = 0;
          for (const input of inputs) {
            const fetched = [];
            started = performance.now();
            await engine.resolveLookup(
              input,
              { core, shards: new Map() },
              async (name) => (fetched.push(name), fetchShard(name)),
              { now: 0 },
            );
            if (!fetchedPerInput.length) firstMs = performance.now() - started;
            fetchedPerInput.push(fetched);
          }
          // Warm: every shard the inputs need is loaded; time the engine alone.
          const index = { core, shards: new Map() };
          for (const input of inputs) await engine.resolveLookup(input, index, fetchShard, { now: 0 });
          const samplesMs = [];
          const kinds = new Set();
          let explained = 0;
          for (const input of inputs) {
            const answer = engine.lookup(input, index, { now: 0 });
            kinds.add(answer.kind);
            if (answer.explanations.length) explained += 1;
            const once = performance.now();
            engine.lookup(input, index, { now: 0 });
            const single = performance.now() - once;
            const loops = Math.max(1, Math.min(200, Math.ceil(2 / Math.max(single, 0.005))));
            for (let r = 0; r < repetitions; r += 1) {
              started = performance.now();
              for (let l = 0; l < loops; l += 1) engine.lookup(input, index, { now: 0 });
              samplesMs.push((performance.now() - started) / loops);
            }
          }
          samplesMs.sort((a, b) => a - b);
          results[kind] = {
            inputs: inputs.length,
            explained,
            answerKinds: [...kinds],
            medianMs: samplesMs[Math.floor(samplesMs.length / 2)],
            p95Ms: samplesMs[Math.floor(samplesMs.length * 0.95)],
            firstQueryMs: firstMs,
            shardsPerInput: fetchedPerInput,
          };
        }
        return results;
      },
      { engineUrl: ENGINE_URL, queries, repetitions },
    );

    const sizes = new Map();
    const gz = (shard) => {
      if (!sizes.has(shard))
        sizes.set(shard, gzipSync(readFileSync(join(siteDir, 'lookup-index', `${shard}.json`)), { level: 9 }).length);
      return sizes.get(shard);
    };
    const coreGzip = gz('core');
    // The figure of a kind is its worst input: the most bytes any one of them fetches first.
    for (const result of Object.values(measured)) {
      const bytes = result.shardsPerInput.map(
        (shards) => coreGzip + [...new Set(shards)].reduce((sum, shard) => sum + gz(shard), 0),
      );
      result.firstQueryGzipBytes = Math.max(...bytes);
      result.firstQueryGzipBytesMedian = [...bytes].sort((a, b) => a - b)[Math.floor(bytes.length / 2)];
      result.firstQueryShards = result.shardsPerInput[bytes.indexOf(result.firstQueryGzipBytes)];
      delete result.shardsPerInput;
    }
    const engineChunk = shippedEngineChunk(siteDir);
    return {
      medians: Object.fromEntries(Object.entries(measured).map(([kind, result]) => [kind, result.medianMs])),
      byKind: measured,
      coreShardGzipBytes: coreGzip,
      // Every kind of input (code, name, status, message, fragment, pasted bodies…) counts: the
      // figure is the largest first query over all of them, each also kept in byKind.
      firstAnswerGzipBytes: Math.max(...Object.values(measured).map((result) => result.firstQueryGzipBytes ?? 0)),
      firstAnswerGzipBytesByKind: Object.fromEntries(
        Object.entries(measured).map(([kind, result]) => [kind, result.firstQueryGzipBytes]),
      ),
      engineChunk,
      engineBundleGzipBytes: gzipSync(engineSource, { level: 9 }).length,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The engine chunk the site ships (Vite names a dynamic import's chunk after its module). */
function shippedEngineChunk(siteDir) {
  const dir = join(siteDir, '_astro');
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((name) => /^engine\.[\w-]+\.js$/.test(name));
  if (!file) return null;
  const buffer = readFileSync(join(dir, file));
  return { file: `_astro/${file}`, raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
}
