/**
 * Path templates of operations (src/shared/path-template.ts): which templates an author may write
 * and what they are told otherwise, how a concrete request path is matched (parameters read,
 * trailing slashes, query strings, percent-encoding), and when two templates are ambiguous.
 */
import { describe, expect, test } from 'vitest';
import {
  compareTemplates,
  matchPathTemplate,
  operationSlug,
  parsePathTemplate,
  pathOfUrl,
  pathTemplateProblem,
  sharedExample,
} from '../../src/shared/path-template';

const problem = (path: string) => {
  const found = pathTemplateProblem(path);
  return found ? `${found.message} | ${found.fix}` : undefined;
};

describe('the template grammar', () => {
  test.each([
    '/',
    '/v2/charges',
    '/v2/charges/',
    '/v2/charges/{chargeId}/capture',
    '/files/{fileName}.pdf',
    '/v1/{name}:cancel',
    '/v1/{resource}/{id}',
    '/docs/a%20b',
    "/a-b_c.d~e/!$&'()*+,;=:@",
  ])('accepts %s', (path) => {
    expect(problem(path)).toBeUndefined();
  });

  test.each([
    ['v2/charges', 'path "v2/charges" does not start with "/" | start it with a slash: /v2/charges'],
    [
      'https://api.example.com/v2/charges',
      `path "https://api.example.com/v2/charges" does not start with "/" | write only the path, e.g. /v2/charges; the host belongs in the surface's baseUrl`,
    ],
    [
      '/v2/charges?limit=10',
      'path "/v2/charges?limit=10" holds a query string | write the path alone (/v2/charges); query parameters do not select an operation',
    ],
    [
      '/v2/charges#top',
      'path "/v2/charges#top" holds a fragment | write the path alone (/v2/charges); query parameters do not select an operation',
    ],
    [
      '/v2/my charges',
      'path "/v2/my charges" contains a space | remove it, or write it as %20 if the API really has one',
    ],
    ['/v2//charges', 'path "/v2//charges" has an empty segment ("//") | write single slashes: /v2/charges'],
    [
      '/v2/charges/:chargeId',
      'path "/v2/charges/:chargeId" writes a parameter as ":chargeId" | write parameters in braces: {chargeId} (/v2/charges/{chargeId})',
    ],
    [
      '/v2/charges/<int:chargeId>',
      'path "/v2/charges/<int:chargeId>" writes a parameter as "<int:chargeId>" | write parameters in braces: {chargeId} (/v2/charges/{chargeId})',
    ],
    [
      '/v2/charges/{}',
      'path "/v2/charges/{}" has an empty parameter "{}" in segment "{}" | write each parameter as {name} with a name made of letters, digits and _ (e.g. /v2/charges/{chargeId}/capture)',
    ],
    [
      '/v2/charges/{chargeId',
      'path "/v2/charges/{chargeId" has an unclosed "{" in segment "{chargeId" | write each parameter as {name} with a name made of letters, digits and _ (e.g. /v2/charges/{chargeId}/capture)',
    ],
    [
      '/v2/charges/chargeId}',
      'path "/v2/charges/chargeId}" has a "}" without its "{" in segment "chargeId}" | write each parameter as {name} with a name made of letters, digits and _ (e.g. /v2/charges/{chargeId}/capture)',
    ],
    [
      '/v2/charges/{{chargeId}}',
      'path "/v2/charges/{{chargeId}}" has a "{" inside a parameter in segment "{{chargeId}}" | write each parameter with single braces, e.g. /v2/charges/{chargeId}/capture',
    ],
    [
      '/v2/charges/{charge id}',
      'path "/v2/charges/{charge id}" contains a space | remove it, or write it as %20 if the API really has one',
    ],
    [
      '/v2/{id}/charges/{id}',
      'path "/v2/{id}/charges/{id}" names parameter {id} twice | give each parameter its own name, e.g. {sourceId} and {targetId}',
    ],
    [
      '/v2/{a}{b}',
      'path "/v2/{a}{b}" has two parameters side by side in segment "{a}{b}", which cannot be told apart | put literal text between them, or make them one parameter',
    ],
    [
      '/v2/"quoted"',
      'path "/v2/"quoted"" has a character in ""quoted"" that a path cannot carry as is | percent-encode it (e.g. %20 for a space), or use letters, digits and - . _ ~',
    ],
  ])('refuses %s and says how to fix it', (path, expected) => {
    expect(problem(path)).toBe(expected);
  });

  test('parsing an invalid template throws the same words', () => {
    expect(() => parsePathTemplate('/v2/:id')).toThrow('writes a parameter as ":id"');
  });

  test('lists the parameters in order', () => {
    expect(parsePathTemplate('/v1/{ledgerId}/accounts/{accountId}.json').params).toEqual(['ledgerId', 'accountId']);
  });
});

describe('matching a request path', () => {
  const capture = parsePathTemplate('/v2/charges/{chargeId}/capture');

  test('reads the parameters', () => {
    expect(matchPathTemplate(capture, '/v2/charges/ch_1/capture')).toEqual({ chargeId: 'ch_1' });
  });

  test('ignores a trailing slash, on the request and on the template', () => {
    expect(matchPathTemplate(capture, '/v2/charges/ch_1/capture/')).toEqual({ chargeId: 'ch_1' });
    expect(matchPathTemplate(parsePathTemplate('/v2/charges/'), '/v2/charges')).toEqual({});
  });

  test('ignores the query string, the fragment, the scheme and the host', () => {
    expect(matchPathTemplate(capture, '/v2/charges/ch_1/capture?expand=customer&x=/a/b')).toEqual({ chargeId: 'ch_1' });
    expect(matchPathTemplate(capture, 'https://api.pajaro.example/v2/charges/ch_1/capture#top')).toEqual({
      chargeId: 'ch_1',
    });
  });

  test('decodes percent-encoded values and compares literals decoded', () => {
    expect(matchPathTemplate(capture, '/v2/charges/ch%201%2Fx/capture')).toEqual({ chargeId: 'ch 1/x' });
    expect(matchPathTemplate(parsePathTemplate('/docs/a%20b'), '/docs/a b')).toEqual({});
    expect(matchPathTemplate(parsePathTemplate('/docs/a b'.replace(' ', '%20')), '/docs/a%20b')).toEqual({});
  });

  test('keeps a value whose percent-encoding is broken as it was sent', () => {
    expect(matchPathTemplate(capture, '/v2/charges/ch%E0%A4%A/capture')).toEqual({ chargeId: 'ch%E0%A4%A' });
  });

  test('refuses other segment counts, other literals and other cases', () => {
    expect(matchPathTemplate(capture, '/v2/charges/ch_1')).toBeUndefined();
    expect(matchPathTemplate(capture, '/v2/charges/ch_1/capture/extra')).toBeUndefined();
    expect(matchPathTemplate(capture, '/v2/charges/ch_1/refund')).toBeUndefined();
    expect(matchPathTemplate(capture, '/V2/charges/ch_1/capture')).toBeUndefined();
  });

  test('reads parameters inside a segment', () => {
    expect(matchPathTemplate(parsePathTemplate('/files/{name}.pdf'), '/files/report.v2.pdf')).toEqual({
      name: 'report.v2',
    });
    expect(matchPathTemplate(parsePathTemplate('/v1/{op}:cancel'), '/v1/op_7:cancel')).toEqual({ op: 'op_7' });
    expect(matchPathTemplate(parsePathTemplate('/files/{name}.pdf'), '/files/.pdf')).toBeUndefined();
  });

  test('a parameter never spans two segments, and empty segments of the request are skipped', () => {
    expect(matchPathTemplate(capture, '/v2/charges/a/b/capture')).toBeUndefined();
    expect(matchPathTemplate(capture, '//v2//charges/ch_1/capture')).toEqual({ chargeId: 'ch_1' });
  });

  test('the root template matches the root only', () => {
    const root = parsePathTemplate('/');
    expect(matchPathTemplate(root, '/')).toEqual({});
    expect(matchPathTemplate(root, 'https://api.example.com?x=1')).toEqual({});
    expect(matchPathTemplate(root, '/v2')).toBeUndefined();
  });

  test('pathOfUrl keeps only the path', () => {
    expect(pathOfUrl('https://user@api.example.com:8443/v2/a?b=c#d')).toBe('/v2/a');
    expect(pathOfUrl('v2/a')).toBe('/v2/a');
  });
});

describe('comparing two templates of one method', () => {
  const compare = (a: string, b: string) => compareTemplates(parsePathTemplate(a), parsePathTemplate(b));

  test.each([
    ['/v2/charges/{chargeId}', '/v2/charges/{id}', 'same'],
    ['/v2/charges/{chargeId}/', '/v2/charges/{id}', 'same'],
    ['/v2/charges', '/v2/refunds', 'disjoint'],
    ['/v2/charges', '/v2/charges/{id}', 'disjoint'],
    ['/v2/customers/me', '/v2/customers/{customerId}', 'narrower'],
    ['/v2/customers/{customerId}', '/v2/customers/me', 'wider'],
    ['/{a}/b', '/a/{b}', 'ambiguous'],
    ['/files/{name}.pdf', '/files/{id}', 'narrower'],
    ['/files/report.pdf', '/files/{name}.pdf', 'narrower'],
    ['/files/report.txt', '/files/{name}.pdf', 'disjoint'],
    ['/files/{name}.pdf', '/files/report.{format}', 'ambiguous'],
    ['/files/{name}.pdf', '/files/{name}.txt', 'disjoint'],
    ['/files/a{x}', '/files/b{y}', 'disjoint'],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });

  test('names a path both ambiguous templates match', () => {
    const a = parsePathTemplate('/{collection}/latest');
    const b = parsePathTemplate('/orders/{orderId}');
    const example = sharedExample(a, b);
    expect(example).toBe('/orders/latest');
    expect(matchPathTemplate(a, example)).toBeDefined();
    expect(matchPathTemplate(b, example)).toBeDefined();
    const files = sharedExample(parsePathTemplate('/files/{name}.pdf'), parsePathTemplate('/files/report.{format}'));
    expect(matchPathTemplate(parsePathTemplate('/files/{name}.pdf'), files)).toBeDefined();
    expect(matchPathTemplate(parsePathTemplate('/files/report.{format}'), files)).toBeDefined();
  });
});

test('an operation without an id gets a slug of its method and path', () => {
  expect(operationSlug('POST', '/v2/charges/{chargeId}/capture')).toBe('post-v2-charges-chargeid-capture');
  expect(operationSlug('GET', '/')).toBe('get');
});
