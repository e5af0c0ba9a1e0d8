/** The default catalog's text as readers meet it: titles made from names, sample messages, support notes. */
import { describe, expect, test } from 'vitest';
import { nameToTitle } from '../../src/catalog/codes';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { codeTitle } from '../../src/catalog/queries';
import { fillTemplate } from '../../src/view/example-body';

describe('a title made from a constant name', () => {
  test.each([
    ['USER_NOT_FOUND', 'User not found'],
    ['API_KEY_INVALID', 'API key invalid'],
    ['WEBHOOK_URL_REJECTED', 'Webhook URL rejected'],
    ['invalidOAuthToken', 'Invalid OAuth token'],
    ['customer.id_missing', 'Customer ID missing'],
    ['PIN_LOCKED', 'PIN locked'],
  ])('%s reads "%s"', (name, title) => expect(nameToTitle(name)).toBe(title));

  test('no title of the default catalog spells an initialism in lower case', () => {
    const titles = loadCatalog('catalog').codes.map((code) => codeTitle(code));
    expect(titles.filter((title) => /\b(Api|Url|Http|Json|Id)\b/.test(title))).toEqual([]);
  });
});

describe('the default catalog', () => {
  const codes = loadCatalog('catalog').codes;

  test('every sample message fills each placeholder with a value (no literal {name} in an example body)', () => {
    const unfilled = codes
      .map((code) => `${code.key}: ${fillTemplate(code.message, code.placeholders)}`)
      .filter((line) => /\{\w+\}/.test(line));
    expect(unfilled).toEqual([]);
  });

  test('the sample of a quoted example is whole: 1002 reads "amount must be a positive integer"', () => {
    const code = codes.find((entry) => entry.key === 'core:1002')!;
    expect(fillTemplate(code.message, code.placeholders)).toBe('amount must be a positive integer');
  });

  test('each thing support asks for is one whole item (a comma inside a sentence does not split it)', () => {
    const code = codes.find((entry) => entry.key === 'core:1002')!;
    expect(code.support?.ask).toEqual(['The full response body, which lists every broken field']);
    const fragments = codes.flatMap((code) => code.support?.ask ?? []).filter((item) => /^[a-z]/.test(item));
    expect(fragments).toEqual([]);
  });
});
