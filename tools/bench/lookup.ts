/**
 * `npm run bench:lookup`: the lookup engine's speed and index size, for the default catalog and
 * a synthetic 5,000-code one (tools/generate-catalog.mjs). Prints, per query kind, the median
 * time of one lookup with the index loaded, and the gzip bytes the browser fetches before that
 * first answer (the core shard plus the shards the query needs); then the index size, raw and
 * gzip, in total and for the core shard. Request-side inputs too: a request line, and a request
 * with its error response (the synthetic catalog has about 1,000 operations at 5,000 codes); and a
 * 5 MB HAR file of 500 entries, timed in Chromium. Targets at 5,000 codes: exact code < 1 ms,
 * pasted body < 5 ms, request + response < 5 ms, message < 10 ms (medians), first-answer bytes
 * ≤ 30 KB gzip, the HAR file < 500 ms (median, Chromium).
 *
 *   npm run bench:lookup                      default catalog and 5,000 codes
 *   npm run bench:lookup -- --codes 10000     another synthetic size
 *   npm run bench:lookup -- --check           exit 1 when a target is missed
 */
import { gzipSync } from 'node:zlib';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup, resolveLookup } from '../../src/lookup/engine';
import { CORE_SHARD, type LookupIndexFiles } from '../../src/lookup/index-format';
import { generateCatalog as generate } from '../generate-catalog.mjs';
import { timeEngineInChromium } from './engine-in-browser.mjs';
import { harSample } from './har-sample.mjs';

/** The generator is plain JavaScript; this is the part of its signature the benchmark uses. */
const generateCatalog = generate as unknown as (options: { codes: number; outDir: string; seed: number }) => {
  dir: string;
  samples: Samples;
};

interface Samples {
  codes: string[];
  names: string[];
  messages: string[];
  bodies: string[];
  undocumented: string[];
  /** Raw exchanges: a request to an operation and its error response. */
  requests: string[];
}

interface KindResult {
  kind: string;
  queries: number;
  medianMs: number;
  p95Ms: number;
  /** Gzip bytes fetched before the first answer: median and worst over the queries. */
  firstBytesMedian: number;
  firstBytesMax: number;
}

const KB = 1024;
const gzipSize = (text: string) => gzipSync(text, { level: 6 }).length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};

/** Shard name → JSON text and gzip size, as the site serves them. */
function serialise(files: LookupIndexFiles) {
  const shards = new Map<string, { json: string; gzip: number }>();
  const add = (name: string, data: unknown) => {
    const json = JSON.stringify(data);
    shards.set(name, { json, gzip: gzipSize(json) });
  };
  add(CORE_SHARD, files.core);
  for (const [name, shard] of Object.entries(files.shards)) add(name, shard);
  return shards;
}

/** Runs each query `rounds` times on a fully loaded index; also replays it cold to count first-answer bytes. */
async function measureKind(
  kind: string,
  queries: string[],
  files: LookupIndexFiles,
  served: ReturnType<typeof serialise>,
  rounds: number,
): Promise<KindResult> {
  const loaded = { core: files.core, shards: new Map<string, unknown>(Object.entries(files.shards)) };
  const now = Date.parse('2026-01-01T10:00:00Z');
  for (const query of queries) lookup(query, loaded, { now }); // warm-up: JIT, decoded core caches
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const started = performance.now();
      lookup(query, loaded, { now });
      times.push(performance.now() - started);
    }
  }
  const firstBytes: number[] = [];
  for (const query of queries) {
    // A new page: only the core shard is there; every shard the engine asks for is "fetched".
    const core = JSON.parse(served.get(CORE_SHARD)!.json) as LookupIndexFiles['core'];
    let bytes = served.get(CORE_SHARD)!.gzip;
    await resolveLookup(
      query,
      { core, shards: new Map() },
      async (name) => {
        const shard = served.get(name);
        if (!shard) throw new Error(`the engine asked for a shard that does not exist: ${name}`);
        bytes += shard.gzip;
        return JSON.parse(shard.json);
      },
      { now },
    );
    firstBytes.push(bytes);
  }
  return {
    kind,
    queries: queries.length,
    medianMs: median(times),
    p95Ms: percentile(times, 0.95),
    firstBytesMedian: median(firstBytes),
    firstBytesMax: Math.max(...firstBytes),
  };
}

function rawResponse(body: string): string {
  return [
    'HTTP/1.1 429 Too Many Requests',
    'Content-Type: application/json',
    'Date: Thu, 01 Jan 2026 10:00:00 GMT',
    'Retry-After: 30',
    'X-RateLimit-Limit: 100',
    'X-RateLimit-Remaining: 0',
    'X-RateLimit-Reset: 1767261630',
    'RateLimit: "default";r=0;t=30',
    'RateLimit-Policy: "default";q=100;w=60',
    'X-Request-Id: req_7Hq2LmX9',
    '',
    body,
  ].join('\r\n');
}

/** Queries drawn from the default catalog itself, in the same kinds as the generator's samples. */
function samplesOf(catalog: ReturnType<typeof loadCatalog>): Samples {
  const concrete = (template: string) =>
    template.replace(/\{([^{}]+)\}/g, (_, name: string) => `${name.slice(0, 3)}_8f3a22`);
  const codeOf = new Map(catalog.codes.map((code) => [code.key, code]));
  const requests = catalog.operations.flatMap((operation) => {
    const code = operation.codes.map((key) => codeOf.get(key)!).find((candidate) => candidate.status >= 400);
    if (!code) return [];
    const body =
      operation.surface === 'ledger'
        ? { title: 'Error', status: code.status, detail: concrete(code.message), code: code.code, traceId: '00-1' }
        : { status: code.status, requestId: 'req_1', errors: [{ code: code.code, message: concrete(code.message) }] };
    return [
      [
        `${operation.method} ${concrete(operation.path)} HTTP/1.1`,
        '',
        `HTTP/1.1 ${code.status} Error`,
        'Content-Type: application/json',
        '',
        JSON.stringify(body),
      ].join('\n'),
    ];
  });
  return {
    requests,
    codes: catalog.codes.map((code) => code.code),
    names: catalog.codes.flatMap((code) => (code.name ? [code.name] : [])),
    messages: catalog.codes.map((code) => concrete(code.message)),
    bodies: catalog.envelopes.flatMap((envelope) =>
      envelope.examples.filter((example) => example.kind !== 'success').map((example) => example.body),
    ),
    undocumented: catalog.codeSpaces.flatMap((space) =>
      space.ranges
        .filter((range) => range.state === 'active' && range.codes.length < range.to - range.from + 1)
        .map((range) => {
          const used = new Set(range.codes.map((key) => Number(key.split(':')[1])));
          let value = range.from;
          while (used.has(value)) value += 1;
          return String(value);
        }),
    ),
  };
}

async function benchCatalog(label: string, catalogDir: string, samples: Samples | undefined, rounds: number) {
  const catalog = loadCatalog(catalogDir);
  const started = performance.now();
  const files = buildLookupIndex(catalog);
  const buildMs = performance.now() - started;
  const served = serialise(files);
  const picked = samples ?? samplesOf(catalog);
  const kinds: Array<[string, string[]]> = [
    ['exact code', picked.codes],
    ['name', picked.names.map((name, index) => (index % 2 ? name.toLowerCase() : name))],
    ['status', ['429', '404', '500', '503', '422']],
    ['message', picked.messages],
    ['pasted body', picked.bodies],
    ['raw HTTP', picked.bodies.map(rawResponse)],
    ['undocumented code', picked.undocumented],
    ['request line', picked.requests.map((request) => request.split('\n')[0]!.replace(/ HTTP\/1\.1$/, ''))],
    ['request + response', picked.requests],
  ];
  const results: KindResult[] = [];
  for (const [kind, queries] of kinds)
    if (queries.length) results.push(await measureKind(kind, queries, files, served, rounds));
  let raw = 0;
  let gzip = 0;
  for (const shard of served.values()) {
    raw += shard.json.length;
    gzip += shard.gzip;
  }
  const core = served.get(CORE_SHARD)!;
  return {
    label,
    files,
    codes: catalog.codes.length,
    operations: catalog.operations.length,
    buildMs,
    shards: served.size,
    raw,
    gzip,
    coreRaw: core.json.length,
    coreGzip: core.gzip,
    results,
  };
}

function parseArgs(argv: string[]) {
  const options = { codes: 5000, seed: 1, check: false, rounds: 20 };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index]!.split('=');
    const value = () => inline ?? argv[++index] ?? '';
    if (flag === '--codes') options.codes = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--rounds') options.rounds = Number(value());
    else if (flag === '--check') options.check = true;
    else throw new Error(`unknown option ${flag}; use --codes N, --seed S, --rounds R, --check`);
  }
  return options;
}

const TARGETS: Record<string, number> = { 'exact code': 1, 'pasted body': 5, 'request + response': 5, message: 10 };
/** A 5 MB HAR file of 500 entries, explained in Chromium. */
const HAR_TARGET_MS = 500;
const FIRST_ANSWER_LIMIT = 30 * KB;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const outDir = `.cache/bench-lookup/synthetic-${options.codes}`;
  const generated = generateCatalog({ codes: options.codes, outDir, seed: options.seed });
  const runs = [
    await benchCatalog('default catalog', process.env.CATALOG_DIR || 'catalog', undefined, options.rounds),
    await benchCatalog(`synthetic, ${options.codes} codes`, generated.dir, generated.samples, options.rounds),
  ];
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  const failures: string[] = [];
  for (const run of runs) {
    console.log(
      `\n${run.label}: ${run.codes} codes, ${run.operations} operations, index built in ${run.buildMs.toFixed(0)} ms`,
    );
    console.log(
      `  index: ${run.shards} shards, ${kb(run.raw)} raw, ${kb(run.gzip)} gzip; core shard ${kb(run.coreRaw)} raw, ${kb(run.coreGzip)} gzip`,
    );
    console.log(
      `  ${'query kind'.padEnd(18)} ${'queries'.padStart(7)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'first answer (gzip)'.padStart(26)}`,
    );
    for (const result of run.results) {
      const target = TARGETS[result.kind];
      const isScale = run === runs[runs.length - 1];
      const timeOk = target === undefined || result.medianMs < target;
      const bytesOk = result.firstBytesMax <= FIRST_ANSWER_LIMIT;
      if (isScale && !timeOk) failures.push(`${result.kind}: median ${result.medianMs.toFixed(3)} ms ≥ ${target} ms`);
      if (isScale && !bytesOk)
        failures.push(`${result.kind}: first answer fetches up to ${kb(result.firstBytesMax)} > 30 KB`);
      const mark = isScale ? (timeOk && bytesOk ? ' ✓' : ' ✗') : '';
      console.log(
        `  ${result.kind.padEnd(18)} ${String(result.queries).padStart(7)} ${`${result.medianMs.toFixed(3)} ms`.padStart(10)} ${`${result.p95Ms.toFixed(3)} ms`.padStart(10)} ${`${kb(result.firstBytesMedian)} (max ${kb(result.firstBytesMax)})`.padStart(26)}${mark}${target ? `  target < ${target} ms` : ''}`,
      );
    }
  }
  // A HAR file of a busy page, explained in Chromium with the whole index loaded.
  const har = harSample(generated.samples);
  const scale = runs[runs.length - 1]!;
  const harNode: number[] = [];
  const loaded = { core: scale.files.core, shards: new Map<string, unknown>(Object.entries(scale.files.shards)) };
  const harAnswer = lookup(har, loaded, { now: 0 });
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    lookup(har, loaded, { now: 0 });
    harNode.push(performance.now() - started);
  }
  const browser = await timeEngineInChromium(scale.files, { har: [har] }, { repetitions: 9 });
  const harMs = browser.byKind?.['har']?.medianMs;
  console.log(
    `\nHAR file: ${(har.length / 1024 / 1024).toFixed(1)} MB, ${harAnswer.har?.entries} entries, ${harAnswer.har?.failed} failed and explained (${scale.label})`,
  );
  console.log(`  Node median ${median(harNode).toFixed(1)} ms`);
  if (harMs === undefined) console.log(`  Chromium: not measured (${browser.unavailable})`);
  else {
    console.log(
      `  Chromium median ${harMs.toFixed(1)} ms${harMs < HAR_TARGET_MS ? ' ✓' : ' ✗'}  target < ${HAR_TARGET_MS} ms`,
    );
    if (harMs >= HAR_TARGET_MS)
      failures.push(`HAR file: median ${harMs.toFixed(1)} ms ≥ ${HAR_TARGET_MS} ms in Chromium`);
  }
  console.log(
    failures.length
      ? `\nMissed targets:\n  ${failures.join('\n  ')}`
      : '\nAll targets met at scale: exact code < 1 ms, pasted body and request + response < 5 ms, message < 10 ms, first answer ≤ 30 KB gzip, a 5 MB HAR < 500 ms in Chromium.',
  );
  if (options.check && failures.length) process.exit(1);
}

await main();
