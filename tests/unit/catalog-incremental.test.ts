/**
 * The dev server's incremental load (`loadCatalogOnce(dir, { incremental: true })`): after an
 * edit only the edited file is read and parsed again, the cross-checks still see every file, and
 * the model is the one a full load gives. Reads are counted by wrapping `readFileSync`.
 */
import { appendFileSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, expect, test, vi } from 'vitest';
import { freshModulesAfterMock } from './fresh-modules';
import { generateCatalog } from '../../tools/generate-catalog.mjs';

const reads = vi.hoisted(() => ({ yaml: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: unknown, ...rest: unknown[]) => {
    if (typeof path === 'string' && /\.ya?ml$/.test(path)) reads.yaml.push(path);
    return (fs.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

// What the file tests is imported after this, so it reads through the mock above.
freshModulesAfterMock('node:fs');
const { loadCatalogOnce } = await import('../../src/catalog/index');
const { loadCatalog } = await import('../../src/catalog/load-catalog');
const { CatalogError } = await import('../../src/catalog/problems');

const dir = resolve(`.cache/incremental-${process.pid}`);
const codesFile = join(dir, 'codes/events.yaml');
const fileNames = (paths: string[]) => paths.map((path) => path.slice(dir.length + 1)).sort();

generateCatalog({ codes: 120, outDir: dir, seed: 5 });
const yamlFiles = loadCatalogOnce(dir, { incremental: true }) && reads.yaml.length;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  reads.yaml.length = 0;
});

/** Rewrites the first resolution of codes/events.yaml (the test's own read is not counted). */
function editResolution(text: string) {
  const source = readFileSync(codesFile, 'utf8');
  writeFileSync(codesFile, source.replace(/resolution: .*/, `resolution: ${text}`));
  reads.yaml.length = 0;
}

test('an edit makes the next load read and parse only the edited file', () => {
  expect(yamlFiles).toBeGreaterThan(10);
  editResolution('Wait for the event to be delivered again.');
  const catalog = loadCatalogOnce(dir, { incremental: true });
  expect(fileNames(reads.yaml)).toEqual(['codes/events.yaml']);
  expect(catalog.codes.some((code) => code.resolution === 'Wait for the event to be delivered again.')).toBe(true);
});

test('the incremental model is the model a full load of the folder gives', () => {
  editResolution('Check the endpoint, then replay the event.');
  const incremental = loadCatalogOnce(dir, { incremental: true });
  expect(JSON.parse(JSON.stringify(incremental))).toEqual(JSON.parse(JSON.stringify(loadCatalog(dir))));
});

test('a load without changes reads nothing; a build (not incremental) reads every file after an edit', () => {
  const catalog = loadCatalogOnce(dir, { incremental: true });
  expect(loadCatalogOnce(dir, { incremental: true })).toBe(catalog);
  expect(reads.yaml).toEqual([]);
  appendFileSync(join(dir, 'api.yaml'), '# edited\n');
  loadCatalogOnce(dir);
  expect(reads.yaml).toHaveLength(yamlFiles);
});

test('a mistake is reported with its file and line, again without re-reading, until the file is fixed', () => {
  const good = readFileSync(codesFile, 'utf8');
  // A cross-check over several files: the status is declared nowhere.
  writeFileSync(codesFile, good.replace(/status: \d+/, 'status: 418'));
  reads.yaml.length = 0;
  const failure = () => {
    try {
      loadCatalogOnce(dir, { incremental: true });
    } catch (error) {
      return error;
    }
    return undefined;
  };
  try {
    const first = failure();
    expect(first).toBeInstanceOf(CatalogError);
    // The generated catalog's operations list that code too, so an operation reports the status it
    // does not list; the code's own file and line come first.
    expect((first as InstanceType<typeof CatalogError>).problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/codes\/events\.yaml$/),
        line: expect.any(Number),
        field: 'codes[0].status',
        message: 'HTTP status 418 is not declared',
      }),
      ...(first as InstanceType<typeof CatalogError>).problems.slice(1).map(() =>
        expect.objectContaining({
          file: expect.stringMatching(/operations\/events\.yaml$/),
          message: expect.stringMatching(/comes with status 418, which .* does not list in statuses/),
        }),
      ),
    ]);
    reads.yaml.length = 0;
    expect(failure()).toBe(first);
    expect(reads.yaml).toEqual([]);
  } finally {
    writeFileSync(codesFile, good);
  }
  expect(loadCatalogOnce(dir, { incremental: true }).codes).toHaveLength(120);
  expect(fileNames(reads.yaml)).toEqual(['codes/events.yaml']);
});

test('a deleted file is no longer part of the catalog', () => {
  const extraFile = join(dir, 'codes/events-extra.yaml');
  const status = /status: (\d+)/.exec(readFileSync(codesFile, 'utf8'))![1];
  writeFileSync(
    extraFile,
    [
      'codeSpace: events',
      'codes:',
      '  - code: replay_window_closed',
      `    status: ${status}`,
      '    message: The replay window of this event has closed.',
      '    cause: The event is older than the replay window.',
      '    resolution: Fetch the object the event was about instead.',
      '',
    ].join('\n'),
  );
  const withExtra = loadCatalogOnce(dir, { incremental: true });
  expect(withExtra.codes.map((code) => code.key)).toContain('events:replay_window_closed');
  reads.yaml.length = 0;
  unlinkSync(extraFile);
  const without = loadCatalogOnce(dir, { incremental: true });
  expect(without.codes.map((code) => code.key)).not.toContain('events:replay_window_closed');
  expect(without.codes).toHaveLength(withExtra.codes.length - 1);
  expect(reads.yaml).toEqual([]);
});
