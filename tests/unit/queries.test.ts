import { expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import {
  catalogIndex,
  codeTitle,
  codesOfSpace,
  codesOfStatus,
  envelopesOfSurfaces,
  headerOnSurface,
  headerSurfaces,
  headersOfSurface,
  neighbours,
  rangeOfCode,
  rangeUsage,
  retryContext,
} from '../../src/catalog/queries';
import { statusClassOf } from '../../src/shared/status-class';
import { runsPath, usedRuns } from '../../src/view/code-space-map';

const catalog = loadCatalog('catalog');

test('the index is built once per catalog and answers the same maps to every page', () => {
  expect(catalogIndex(catalog)).toBe(catalogIndex(catalog));
  expect(catalogIndex(catalog).codeByKey.size).toBe(catalog.codes.length);
});

test('codes by status and by space hold exactly the codes with that status or space, in code order', () => {
  for (const status of catalog.statuses) {
    expect(codesOfStatus(catalog, status.status).map((code) => code.key)).toEqual(
      catalog.codes.filter((code) => code.status === status.status).map((code) => code.key),
    );
  }
  for (const space of catalog.codeSpaces)
    expect(codesOfSpace(catalog, space.id).map((code) => code.key)).toEqual(space.codes);
});

test('neighbours walk a space in code order and stop at its ends', () => {
  for (const space of catalog.codeSpaces) {
    const codes = codesOfSpace(catalog, space.id);
    expect(neighbours(catalog, codes[0]!).previous).toBeUndefined();
    expect(neighbours(catalog, codes.at(-1)!).next).toBeUndefined();
    codes.slice(1).forEach((code, index) => expect(neighbours(catalog, code).previous).toBe(codes[index]));
  }
});

test("a code's range holds it, and range usage counts its documented codes", () => {
  for (const code of catalog.codes.filter((candidate) => candidate.range)) {
    const range = rangeOfCode(catalog, code)!;
    expect(Number(code.code)).toBeGreaterThanOrEqual(range.from);
    expect(Number(code.code)).toBeLessThanOrEqual(range.to);
    expect(range.codes).toContain(code.key);
  }
  expect(rangeUsage({ from: 100, to: 199, codes: ['a', 'b'] })).toEqual({ used: 2, size: 100, free: 98 });
});

test('small derivations: status class, title fallback, envelopes of surfaces, retry context', () => {
  expect(statusClassOf(429)).toBe('4xx');
  expect(statusClassOf(200)).toBe('2xx');
  expect(codeTitle({ code: '7', name: 'USER_NOT_FOUND' })).toBe('User not found');
  expect(codeTitle({ code: 'not_found' })).toBe('not_found');
  const ids = envelopesOfSurfaces(
    catalog,
    catalog.surfaces.map((surface) => surface.id),
  ).map((envelope) => envelope.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(retryContext(catalog).idempotentMethods).toContain('GET');
});

test('used codes merge into runs so a full range draws as one shape', () => {
  expect(usedRuns([1003, 1000, 1001, 1002, 1010])).toEqual([
    [1000, 4],
    [1010, 1],
  ]);
  expect(usedRuns(Array.from({ length: 10_000 }, (_, index) => 20_000 + index))).toEqual([[20_000, 10_000]]);
  expect(usedRuns([5, 5, 6])).toEqual([[5, 2]]);
});

test('runs draw as one path of rectangles, at least the minimum width, touching ones as one', () => {
  const geometry = { from: 1000, y: 0, height: 10 };
  expect(runsPath(usedRuns([1000, 1001, 1003, 1050]), geometry)).toBe('M0 0h2v10h-2zM3 0h1v10h-1zM50 0h1v10h-1z');
  // Widened to 2, the run at 1000 reaches 1002, where the next one starts: one rectangle.
  expect(
    runsPath(
      [
        [1000, 1],
        [1002, 1],
      ],
      { ...geometry, minWidth: 2 },
    ),
  ).toBe('M0 0h4v10h-4z');
  expect(runsPath([[1010, 3]], { ...geometry, origin: 100, scale: 1 / 3, y: 6, height: 24 })).toBe(
    'M103.33 6h1v24h-1z',
  );
  expect(runsPath([], geometry)).toBe('');
});

test('a header limited to one surface belongs to that surface only; a header without surfaces to every surface', () => {
  const team = loadCatalog('tests/fixtures/team-catalog');
  const names = (surface: string) => headersOfSurface(team, surface).map((header) => header.name);
  expect(names('orders')).toEqual(['Retry-After', 'Larkspur-Trace']);
  expect(names('invoicing')).toEqual(['Retry-After', 'Larkspur-Signature']);
  const byName = (name: string) => team.headers.find((header) => header.name === name)!;
  expect(headerSurfaces(team, byName('Retry-After'))).toBeUndefined();
  expect(headerSurfaces(team, byName('Larkspur-Signature'))?.map((surface) => surface.name)).toEqual(['Invoicing API']);
  expect(headerOnSurface(byName('Larkspur-Trace'), 'invoicing')).toBe(false);
});

test("a common message's placeholder descriptions reach the model", () => {
  const team = loadCatalog('tests/fixtures/team-catalog');
  const locked = team.messageAreas.flatMap((area) => area.messages).find((message) => message.status === 409)!;
  expect(locked.placeholderNames).toEqual(['invoiceId', 'person']);
  expect(locked.placeholders.invoiceId).toBe('The invoice id you sent, e.g. inv_3307.');
});
