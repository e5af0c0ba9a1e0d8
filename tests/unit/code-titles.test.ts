/** Titles made from constant names read as a technical writer would write them. */
import { describe, expect, test } from 'vitest';
import { nameToTitle } from '../../src/catalog/codes';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { codeTitle } from '../../src/catalog/queries';

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
