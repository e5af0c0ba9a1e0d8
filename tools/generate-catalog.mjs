#!/usr/bin/env node
/**
 * Writes a valid synthetic error catalog of N codes, for the benchmark, the lookup benchmark and
 * the scale smoke test. Deterministic for a given seed. Usage:
 *   node tools/generate-catalog.mjs --codes 5000 --out .cache/synthetic-5000 [--seed 7]
 * or `import { generateCatalog } from './generate-catalog.mjs'`.
 *
 * The catalog has five surfaces over four code spaces (one shared by two surfaces, one symbolic
 * without ranges), about one operation per five codes, five envelopes, numeric ranges with unused and reserved blocks, eighteen
 * statuses with per-surface overrides, message areas, headers and two MDX guides. Codes carry
 * templated messages, causes, resolutions, support notes, related codes (some across spaces),
 * deprecations with replacements, tags and a few former codes.
 * Beside the catalog it writes `.samples.json` (ignored by the loader: it starts with a dot):
 * concrete inputs for lookup benchmarks.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import {
  ASPECTS,
  CAUSES,
  CONDITIONS,
  ESCALATIONS,
  MESSAGE_AREAS,
  QUALIFIERS,
  RESOLUTIONS,
  RESOURCES,
  SAMPLE_VALUES,
  SUPPORT_ASKS,
  TAGS,
} from './synthetic/vocabulary.mjs';
import { ENVELOPES, GUIDES, HEADERS, STATUSES, SURFACES, api } from './synthetic/fixed-files.mjs';

/** Share of the codes each code space gets, and where its numbers start (symbolic: no ranges). */
const SPACES = [
  { id: 'core', share: 0.45, start: 1000, name: 'Gateway and Console codes' },
  { id: 'ledger', share: 0.2, start: 40000, name: 'Ledger codes' },
  { id: 'identity', share: 0.2, start: 60000, name: 'Identity codes' },
  { id: 'events', share: 0.15, symbolic: true, name: 'Event codes' },
];
const RANGE_WIDTH = 100;

/** Small fast deterministic PRNG (mulberry32). */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, count) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  };
  return { next, int, pick, chance, sample };
}

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const constant = (text) =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
const camel = (text) => text.toLowerCase().replace(/[^a-z0-9]+(.)/g, (_, c) => c.toUpperCase());

/** Fills the generator's own tokens; other `{names}` stay placeholders. */
function fill(template, resource) {
  const [singular, plural] = resource;
  return template
    .replaceAll('{Resource}', capital(singular))
    .replaceAll('{resource}', singular)
    .replaceAll('{Plural}', capital(plural))
    .replaceAll('{plural}', plural)
    .replaceAll('{idName}', `{${camel(singular)}Id}`);
}

/** The template with each placeholder replaced by a concrete value, as an API would send it. */
function concrete(template, resource) {
  return template.replace(/\{([^{}]+)\}/g, (_, name) =>
    name.endsWith('Id') && !(name in SAMPLE_VALUES) ? `${resource[2]}_8f3a22` : (SAMPLE_VALUES[name] ?? 'x'),
  );
}

/** A one-line description of a placeholder, with an example value. */
function describePlaceholder(name, resource) {
  if (name === `${camel(resource[0])}Id`) return `The id of the ${resource[0]}, e.g. ${resource[2]}_8f3a22.`;
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `The ${words} named in the message, e.g. ${SAMPLE_VALUES[name] ?? 'a value from the request'}.`;
}

function sentences(random, pool, resource, space, min, max) {
  const count = Math.min(pool.length, random.int(min, max));
  return random
    .sample(pool, count)
    .map((s) => fill(s, resource).replaceAll('{space}', space))
    .join(' ');
}

/**
 * Plans the codes of one space: which resource, condition and qualifier each code has, and for
 * numeric spaces the ranges (active, unused, reserved) and each code's number.
 */
function planSpace(random, space, count) {
  const resources = RESOURCES[space.id];
  const plans = [];
  const ranges = [];
  const usedNames = new Set();
  const nameFor = (resource, condition, round) => {
    for (let attempt = round; ; attempt += 1) {
      const qualifier = QUALIFIERS[attempt % QUALIFIERS.length];
      const generation = Math.floor(attempt / QUALIFIERS.length);
      const name = [constant(resource[0]), condition.suffix, qualifier[0], generation ? `V${generation + 1}` : '']
        .filter(Boolean)
        .join('_');
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return { name, qualifier };
      }
    }
  };
  let cursor = space.start ?? 0;
  let blockIndex = 0;
  while (plans.length < count) {
    const resource = resources[blockIndex % resources.length];
    const aspect = ASPECTS[Math.floor(blockIndex / resources.length) % ASPECTS.length];
    const lap = Math.floor(blockIndex / (resources.length * ASPECTS.length));
    blockIndex += 1;
    if (!space.symbolic && ranges.length > 0 && random.chance(0.12)) {
      const reserved = random.chance(0.4);
      ranges.push({
        from: cursor,
        to: cursor + RANGE_WIDTH - 1,
        name: reserved ? `Reserved block ${ranges.length + 1}` : `Unassigned block ${ranges.length + 1}`,
        meaning: reserved
          ? 'Reserved for partner integrations; never sent by the API itself.'
          : 'Set aside for features that are not public yet.',
        state: reserved ? 'reserved' : 'unused',
      });
      cursor += RANGE_WIDTH;
    }
    const inBlock = Math.min(count - plans.length, random.int(25, 75));
    const offsets = space.symbolic ? [] : random.sample([...Array(RANGE_WIDTH).keys()], inBlock).sort((a, b) => a - b);
    if (!space.symbolic) {
      ranges.push({
        from: cursor,
        to: cursor + RANGE_WIDTH - 1,
        name: `${capital(resource[1])}: ${aspect[0]}${lap ? ` (${lap + 1})` : ''}`,
        meaning: `Errors about ${aspect[1].replaceAll('{plural}', resource[1])}.`,
      });
    }
    for (let i = 0; i < inBlock; i += 1) {
      const condition = CONDITIONS[(i + blockIndex * 3) % CONDITIONS.length];
      const round = Math.floor(i / CONDITIONS.length) + lap * 2;
      const { name, qualifier } = nameFor(resource, condition, round);
      const code = space.symbolic ? name.toLowerCase() : String(cursor + offsets[i]);
      plans.push({ code, name, resource, condition, qualifier, range: ranges.length - 1 });
    }
    if (!space.symbolic) cursor += RANGE_WIDTH;
  }
  // Every numeric space ends with a block set aside and one reserved for partners, as real ones do.
  if (!space.symbolic) {
    ranges.push({
      from: cursor,
      to: cursor + RANGE_WIDTH - 1,
      name: 'Next features',
      meaning: 'Set aside for features that are not public yet.',
      state: 'unused',
    });
    ranges.push({
      from: cursor + 9 * RANGE_WIDTH,
      to: cursor + 10 * RANGE_WIDTH - 1,
      name: 'Partner reserved',
      meaning: 'Reserved for partner integrations; never sent by the API itself.',
      state: 'reserved',
    });
  }
  return { plans, ranges };
}

function buildCode(random, space, plan) {
  const { resource, condition, qualifier } = plan;
  const message = fill(condition.message, resource).replace(/\.$/, '') + qualifier[1] + '.';
  const names = [...message.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
  const entry = {
    code: space.symbolic ? plan.code : Number(plan.code),
    name: plan.name,
    status: condition.status,
    message,
  };
  if (random.chance(0.3))
    entry.title = `${capital(resource[0])} ${condition.suffix.toLowerCase().replaceAll('_', ' ')}${qualifier[1]}`;
  if (names.length && random.chance(0.6)) {
    entry.placeholders = Object.fromEntries(names.map((n) => [n, describePlaceholder(n, resource)]));
  }
  entry.cause = sentences(random, CAUSES[condition.kind], resource, space.id, 1, 3);
  entry.resolution = sentences(random, RESOLUTIONS[condition.kind], resource, space.id, 1, 2);
  if (condition.retry) entry.retry = condition.retry;
  if (random.chance(0.4)) {
    entry.support = { ask: random.sample(SUPPORT_ASKS, random.int(1, 3)).map((s) => fill(s, resource)) };
    if (random.chance(0.5))
      entry.support.escalate = fill(random.pick(ESCALATIONS), resource).replaceAll('{space}', space.id);
  }
  entry.since = `v${random.int(1, 4)}`;
  if (random.chance(0.25)) entry.tags = random.sample(TAGS, random.int(1, 3));
  return entry;
}

/**
 * @typedef {{ codes: string[], names: string[], messages: string[], templates: string[], undocumented: string[], bodies: string[], requests: string[] }} LookupSamples
 * Concrete lookup inputs: codes, names, messages with their placeholders filled, the templates
 * themselves, numbers inside active ranges that no code uses, bodies in the catalog's envelopes,
 * and raw exchanges (a request to an operation and its error response) for request-side lookups.
 */

/**
 * Generates the catalog into `outDir` (emptied first). Returns counts and lookup samples.
 * @param {{ codes?: number, outDir: string, seed?: number }} options
 * @returns {{ dir: string, seed: number, codes: number, codeSpaces: Array<{ id: string, codes: number, ranges: number }>, messages: number, operations: number, files: number, samples: LookupSamples }}
 */
export function generateCatalog({ codes = 500, outDir, seed = 1 }) {
  if (!outDir) throw new Error('generateCatalog needs outDir');
  if (!Number.isInteger(codes) || codes < 20) throw new Error('generateCatalog needs codes >= 20');
  const dir = resolve(outDir);
  const random = createRandom(seed);
  rmSync(dir, { recursive: true, force: true });
  const write = (path, data) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof data === 'string' ? data : stringify(data, { lineWidth: 0 }));
  };

  // Plan every space first, so related codes and replacements can point anywhere.
  let remaining = codes;
  const spaces = SPACES.map((space, index) => {
    const count = index === SPACES.length - 1 ? remaining : Math.round(codes * space.share);
    remaining -= count;
    return { ...space, ...planSpace(random, space, count) };
  });
  const allKeys = spaces.flatMap((space) => space.plans.map((plan) => ({ space: space.id, code: plan.code })));

  const samples = { codes: [], names: [], messages: [], templates: [], undocumented: [], bodies: [], requests: [] };
  const messagePool = [];
  let fileCount = 0;
  for (const space of spaces) {
    const entries = space.plans.map((plan) => buildCode(random, space, plan));
    space.entries = entries;
    entries.forEach((entry, index) => {
      const plan = space.plans[index];
      // Related: neighbours in the same range, sometimes a code of another space.
      const related = new Set();
      for (let n = random.int(0, 3); n > 0; n -= 1) {
        const near = space.plans[Math.min(space.plans.length - 1, Math.max(0, index + random.int(-6, 6)))];
        if (near.code !== plan.code) related.add(near.code);
      }
      if (random.chance(0.1)) {
        const other = random.pick(allKeys);
        if (other.space !== space.id) related.add(`${other.space}:${other.code}`);
      }
      if (related.size) entry.related = [...related];
      // Deprecated codes point at a later, live code of the same space.
      if (index < entries.length - 1 && random.chance(0.04)) {
        const replacement = space.plans[random.int(index + 1, Math.min(entries.length - 1, index + 20))];
        entry.deprecated = {
          since: `v${random.int(3, 5)}`,
          replacedBy: String(replacement.code),
          note: `Merged into ${replacement.name}, which covers the same case with more detail.`,
        };
      }
      if (!space.symbolic && random.chance(0.01)) entry.formerly = [`${space.id}-legacy:${plan.code}`];
      if (random.chance(0.05)) messagePool.push({ entry, space: space.id, resource: plan.resource });
    });
    // Numeric spaces: one codes file per active range, as authors of large catalogs split them.
    if (space.symbolic) {
      write(`codes/${space.id}.yaml`, { codeSpace: space.id, codes: entries });
      fileCount += 1;
    } else {
      write(`ranges/${space.id}.yaml`, {
        codeSpace: space.id,
        name: space.name,
        description: `Numeric codes of the ${space.id} code space, in blocks of ${RANGE_WIDTH}.`,
        ranges: space.ranges,
      });
      fileCount += 1;
      const byRange = new Map();
      space.plans.forEach((plan, index) =>
        byRange.set(plan.range, [...(byRange.get(plan.range) ?? []), entries[index]]),
      );
      for (const [rangeIndex, list] of byRange) {
        const range = space.ranges[rangeIndex];
        write(`codes/${space.id}/${range.from}-${range.to}.yaml`, { codeSpace: space.id, codes: list });
        fileCount += 1;
      }
      // Undocumented numbers inside active ranges, for "nearest documented code" lookups.
      const used = new Set(space.plans.map((p) => Number(p.code)));
      for (const range of random.sample(
        space.ranges.filter((r) => !r.state),
        3,
      )) {
        for (let value = range.from; value <= range.to; value += 1) {
          if (!used.has(value)) {
            samples.undocumented.push(String(value));
            break;
          }
        }
      }
    }
    for (const plan of random.sample(space.plans, 10)) {
      samples.codes.push(plan.code);
      samples.names.push(plan.name);
    }
    for (const [index, entry] of random.sample(
      entries.map((e, i) => [i, e]),
      10,
    )) {
      samples.templates.push(entry.message);
      samples.messages.push(concrete(entry.message, space.plans[index].resource));
    }
    space.sampleMessage = concrete(entries[0].message, space.plans[0].resource);
  }

  // Messages: common messages grouped by area, some linked to a code.
  const perArea = Math.max(2, Math.ceil(messagePool.length / MESSAGE_AREAS.length));
  MESSAGE_AREAS.forEach(([area, description], areaIndex) => {
    const chunk = messagePool.slice(areaIndex * perArea, (areaIndex + 1) * perArea);
    const messages = chunk.map(({ entry, space }) => ({
      message: entry.message,
      status: entry.status,
      ...(random.chance(0.5) ? { meaning: entry.cause.split('. ')[0].replace(/\.?$/, '.') } : {}),
      resolution: entry.resolution,
      code: `${space}:${entry.code}`,
    }));
    while (messages.length < 2)
      messages.push({
        message: `${area} request could not be completed (${messages.length + 1})`,
        status: 400,
        resolution: 'Read the message details and correct the request.',
      });
    write(`messages/${String(areaIndex + 1).padStart(2, '0')}-${area.toLowerCase().replace(/\s+/g, '-')}.yaml`, {
      area,
      description,
      order: areaIndex + 1,
      messages,
    });
    fileCount += 1;
  });

  write('api.yaml', api(codes));
  for (const [id, surface] of Object.entries(SURFACES)) write(`surfaces/${id}.yaml`, surface);
  for (const [id, envelope] of Object.entries(ENVELOPES)) write(`envelopes/${id}.yaml`, envelope);
  write('statuses/statuses.yaml', { statuses: STATUSES });
  write('headers/headers.yaml', { headers: HEADERS });
  for (const [slug, text] of Object.entries(GUIDES)) write(`guides/${slug}.mdx`, text);
  fileCount += 2 + Object.keys(SURFACES).length + Object.keys(ENVELOPES).length + Object.keys(GUIDES).length + 1;

  // Pasted bodies in the catalog's own envelopes, with real codes and concrete messages.
  const [core, ledger, identity, events] = spaces.map((space) => ({
    code: space.plans[0].code,
    message: space.sampleMessage,
  }));
  samples.bodies.push(
    JSON.stringify({ status: 404, requestId: 'req_7Hq2LmX9', errors: [{ code: core.code, message: core.message }] }),
  );
  samples.bodies.push(
    JSON.stringify({
      type: `https://errors.example.com/codes/ledger/${ledger.code}/`,
      title: 'Error',
      status: 409,
      detail: ledger.message,
      code: ledger.code,
      traceId: '00-4bf92f35-01',
    }),
  );
  samples.bodies.push(
    JSON.stringify({
      errors: [{ status: '404', code: identity.code, title: 'Not found', detail: identity.message }],
      meta: { requestId: 'req_id1' },
    }),
  );
  samples.bodies.push(
    JSON.stringify({
      error: { type: 'invalid_request_error', code: events.code, message: events.message, request_id: 'req_1' },
    }),
  );
  // Operations: about one per five codes, each returning codes of its block.
  const operations = planOperations(random, spaces);
  for (const [surface, list] of operations) {
    write(`operations/${surface}.yaml`, { surface, operations: list.map(({ entry }) => entry) });
    fileCount += 1;
  }
  samples.requests = requestSamples(random, operations);
  writeFileSync(join(dir, '.samples.json'), `${JSON.stringify(samples, null, 2)}\n`);

  return {
    dir,
    seed,
    codes: spaces.reduce((sum, space) => sum + space.plans.length, 0),
    codeSpaces: spaces.map((space) => ({ id: space.id, codes: space.plans.length, ranges: space.ranges.length })),
    messages: messagePool.length,
    operations: [...operations.values()].reduce((sum, list) => sum + list.length, 0),
    files: fileCount,
    samples,
  };
}

/** The surfaces of each space, with the path their base URL puts before every operation. */
function surfacesOfSpace(spaceId) {
  return Object.entries(SURFACES)
    .filter(([id, surface]) => (surface.codeSpace ?? id) === spaceId)
    .map(([id, surface]) => ({ id, surface, base: new URL(surface.baseUrl).pathname.replace(/\/+$/, '') }));
}

const SUCCESS = { GET: 200, POST: 201, PATCH: 200, PUT: 200, DELETE: 204 };
const VERBS = ['retry', 'cancel', 'archive', 'restore', 'verify', 'refresh', 'approve', 'close'];

/**
 * Operations over the codes: each block of codes (a range, or 40 symbolic codes) gets one
 * operation per five codes on one of its space's surfaces — a read, a create, an update, a delete,
 * then actions (`POST …/{id}/cancel-2`) — returning those codes, their statuses, 429 and 500.
 * Paths are unique per block, so no two templates collide or overlap ambiguously.
 */
function planOperations(random, spaces) {
  const bySurface = new Map();
  for (const space of spaces) {
    const surfaces = surfacesOfSpace(space.id);
    const blocks = new Map();
    space.plans.forEach((plan, index) => {
      const key = space.symbolic ? Math.floor(index / 40) : plan.range;
      blocks.set(key, [...(blocks.get(key) ?? []), { plan, entry: space.entries[index] }]);
    });
    let blockNumber = 0;
    for (const members of blocks.values()) {
      blockNumber += 1;
      const resource = members[0].plan.resource;
      const count = Math.max(1, Math.round(members.length / 5));
      const idName = `${camel(resource[0])}Id`;
      const blockPath = `${resource[1].replace(/\s+/g, '-')}-${blockNumber}`;
      for (let n = 0; n < count; n += 1) {
        const target = surfaces[(blockNumber + n) % surfaces.length];
        const shape = n % (4 + VERBS.length);
        const lap = Math.floor(n / (4 + VERBS.length));
        const collection = lap ? `${blockPath}-${lap + 1}` : blockPath;
        const [method, path, summary] =
          shape === 0
            ? ['GET', `/${collection}/{${idName}}`, `Retrieve a ${resource[0]}.`]
            : shape === 1
              ? ['POST', `/${collection}`, `Create a ${resource[0]}.`]
              : shape === 2
                ? ['PATCH', `/${collection}/{${idName}}`, `Update a ${resource[0]}.`]
                : shape === 3
                  ? ['DELETE', `/${collection}/{${idName}}`, `Delete a ${resource[0]}.`]
                  : [
                      'POST',
                      `/${collection}/{${idName}}/${VERBS[shape - 4]}`,
                      `${capital(VERBS[shape - 4])} a ${resource[0]}.`,
                    ];
        const chosen = members.slice(n * 5, n * 5 + 5);
        const codes = (chosen.length ? chosen : members.slice(0, 3)).map(({ entry }) => String(entry.code));
        const codeStatuses = (chosen.length ? chosen : members.slice(0, 3)).map(({ entry }) => entry.status);
        const statuses = [...new Set([SUCCESS[method], ...codeStatuses, 429, 500])].sort((a, b) => a - b);
        const entry = { method, path: `${target.base}${path}`, summary, statuses, codes };
        if (method === 'POST' && random.chance(0.5)) {
          entry.idempotency = 'key';
          entry.requestHeaders = [{ name: 'Idempotency-Key', required: true }];
        } else if (method === 'POST' && random.chance(0.15)) entry.idempotency = 'always';
        if (target.surface.envelopes.includes('form-error') && statuses.includes(422))
          entry.envelopes = { 422: 'form-error' };
        const list = bySurface.get(target.id) ?? [];
        if (list.length && random.chance(0.03)) {
          const previous = list[list.length - 1].entry;
          entry.deprecated = { since: 'v4', replacedBy: `${previous.method} ${previous.path}` };
        }
        list.push({ entry, space: space.id, members: chosen.length ? chosen : members.slice(0, 3) });
        bySurface.set(target.id, list);
      }
    }
  }
  return bySurface;
}

/** A pasted request and its error response, in the envelope of the operation's surface. */
function requestSamples(random, operations) {
  const all = [...operations.entries()].flatMap(([surface, list]) => list.map((item) => ({ surface, ...item })));
  return random.sample(all, Math.min(40, all.length)).map(({ surface, entry, members }) => {
    const { plan, entry: code } = members[0];
    const path = entry.path.replace(/\{[^}]+\}/g, `${plan.resource[2]}_8f3a22`);
    const message = concrete(code.message, plan.resource);
    const envelope = SURFACES[surface].envelopes[0];
    const body =
      envelope === 'problem-details'
        ? {
            type: `https://errors.example.com/codes/x/${code.code}/`,
            title: 'Error',
            status: code.status,
            detail: message,
            code: String(code.code),
            traceId: '00-1',
          }
        : envelope === 'json-api'
          ? { errors: [{ status: String(code.status), code: String(code.code), title: 'Error', detail: message }] }
          : envelope === 'event-error'
            ? { error: { type: 'api_error', code: String(code.code), message, request_id: 'req_1' } }
            : { status: code.status, requestId: 'req_1', errors: [{ code: String(code.code), message }] };
    return [
      `${entry.method} ${new URL(SURFACES[surface].baseUrl).origin}${path} HTTP/1.1`,
      `Host: ${new URL(SURFACES[surface].baseUrl).host}`,
      ...(entry.idempotency === 'key' && random.chance(0.5) ? ['Idempotency-Key: 5f0c6d2e-8a3b'] : []),
      '',
      `HTTP/1.1 ${code.status} Error`,
      'Content-Type: application/json',
      'X-Request-Id: req_1',
      '',
      JSON.stringify(body),
    ].join('\n');
  });
}

function parseArgs(argv) {
  const options = { codes: 500, out: undefined, seed: 1 };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=');
    const value = inline ?? argv[++i];
    if (flag === '--codes') options.codes = Number(value);
    else if (flag === '--out') options.out = value;
    else if (flag === '--seed') options.seed = Number(value);
    else throw new Error(`unknown option ${flag}; use --codes N --out DIR [--seed S]`);
  }
  options.out ??= `.cache/synthetic-${options.codes}`;
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const result = generateCatalog({ codes: options.codes, outDir: options.out, seed: options.seed });
  const spaces = result.codeSpaces.map((s) => `${s.id} ${s.codes}`).join(', ');
  console.log(
    `Wrote ${result.codes} codes (${spaces}) in ${result.files} files to ${result.dir} in ${Math.round(performance.now() - started)} ms.`,
  );
}
