/**
 * The support desk (issue 13): the new fields' schema, their cross-checks (one malformed catalog
 * each, messages pinned), link templating and reply filling, and the public model that leaves
 * every internal field out.
 */
import { describe, expect, test } from 'vitest';
import { catalogForAudience } from '../../src/catalog/audience';
import { checkCatalog } from '../../src/catalog/check-catalog';
import type { CatalogProblem } from '../../src/catalog/problems';
import { codeSchema } from '../../src/schemas/code';
import { fillReply, fillSupportLink } from '../../src/shared/support-links';

const ROOT = 'tests/fixtures/bad-catalogs';

function problemsOf(name: string): string {
  const dir = `${ROOT}/${name}`;
  const { catalog, problems } = checkCatalog(dir);
  expect(catalog, `${name} must not build`).toBeUndefined();
  return problems
    .map((problem: CatalogProblem) => {
      const where = `${problem.file.replace(`${dir}/`, '')}${problem.line ? `:${problem.line}` : ''}${problem.field ? `  ${problem.field}` : ''}`;
      return `${where}\n  ${problem.message}\n  Fix: ${problem.fix}`;
    })
    .join('\n\n');
}

const BASE_CODE = { code: 1, status: 404, message: 'Order {orderId} not found.', cause: 'Gone.' };

describe('schema', () => {
  test('an escalation sentence becomes { when }, and a structured one keeps team and channel', () => {
    const sentence = codeSchema.parse({ ...BASE_CODE, support: { escalate: 'When it persists.' } });
    expect(sentence.support?.escalate).toEqual({ when: 'When it persists.' });
    const structured = codeSchema.parse({
      ...BASE_CODE,
      support: { escalate: { team: 'payments-oncall', channel: '#pay', when: 'Always.' } },
    });
    expect(structured.support?.escalate).toEqual({ team: 'payments-oncall', channel: '#pay', when: 'Always.' });
  });

  test('one audience becomes a list; reply, severity and internal notes are kept as written', () => {
    const code = codeSchema.parse({
      ...BASE_CODE,
      audience: 'end-user',
      severity: 'high',
      reply: 'We could not find order {orderId}.',
      internal: 'Known issue.',
    });
    expect(code).toMatchObject({
      audience: ['end-user'],
      severity: 'high',
      reply: 'We could not find order {orderId}.',
      internal: 'Known issue.',
    });
  });
});

describe('cross-checks', () => {
  test('a reply that uses a placeholder its message lacks', () => {
    expect(problemsOf('support-reply-unknown-placeholder')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[0].reply
        the reply uses {orderID}, which the message does not have
        Fix: use the message's placeholders only: did you mean "orderId"? (placeholders of the message: orderId)"
    `);
  });
  test("a common message's reply that uses a placeholder the message lacks", () => {
    expect(problemsOf('support-message-reply-unknown-placeholder')).toMatchInlineSnapshot(`
      "messages/general.yaml:7  messages[0].reply
        the reply uses {order}, which the message does not have
        Fix: use the message's placeholders only: did you mean "orderId"? (placeholders of the message: orderId)"
    `);
  });
  test('a support link that uses a value no lookup fills', () => {
    expect(problemsOf('support-link-unknown-placeholder')).toMatchInlineSnapshot(`
      "api.yaml:9  support.links[0].url
        support link "Open in logs" uses {requestID}, which a lookup never fills
        Fix: did you mean "requestId"? (the values a link may use: requestId, code, status, timeUtc, surface, operation)"
    `);
  });
  test('a support link with a placeholder in its host', () => {
    expect(problemsOf('support-link-placeholder-in-host')).toMatchInlineSnapshot(`
      "api.yaml:9  support.links[0].url
        support link "Open in logs" has a placeholder in its scheme or host
        Fix: write the scheme and host out (https://logs.example.com/…) and put placeholders in the path or the query"
    `);
  });
  test('a support link that is not an absolute URL', () => {
    expect(problemsOf('support-link-not-a-url')).toMatchInlineSnapshot(`
      "api.yaml:9  support.links[0].url
        support link "Open in logs" is not an absolute http(s) URL
        Fix: write the whole address, e.g. https://logs.example.com/search?request_id={requestId}"
    `);
  });
  test('an escalation to a team api.yaml does not declare', () => {
    expect(problemsOf('support-escalation-undeclared-team')).toMatchInlineSnapshot(`
      "codes/shop.yaml:19  codes[1].support.escalate.team
        escalation to team "payment-oncall", which api.yaml does not declare
        Fix: did you mean "payments-oncall"? (teams in api.yaml support.teams: payments-oncall)"
    `);
  });
  test('an unknown audience and severity', () => {
    expect(problemsOf('support-bad-audience')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[0].audience
        "customer" is not an allowed value of audience
        Fix: use allowed values: end-user, developer, support, operations

      codes/shop.yaml:12  codes[0].severity
        "urgent" is not an allowed value of severity
        Fix: use allowed values: low, medium, high, critical"
    `);
  });
});

describe('support links', () => {
  const LOGS = 'https://logs.example.com/search?request_id={requestId}&from={timeUtc}';

  test('fills every value, URL-encoded', () => {
    expect(fillSupportLink(LOGS, { requestId: 'req_7Hq2LmX9', timeUtc: '2026-12-01T02:13:05Z' })).toBe(
      'https://logs.example.com/search?request_id=req_7Hq2LmX9&from=2026-12-01T02%3A13%3A05Z',
    );
  });

  test('is not shown when a value it names is missing or blank', () => {
    expect(fillSupportLink(LOGS, { requestId: 'req_1' })).toBeUndefined();
    expect(fillSupportLink(LOGS, { requestId: '  ', timeUtc: '2026-12-01T02:13:05Z' })).toBeUndefined();
  });

  test.each([
    ['a second parameter', 'x&admin=1', 'request_id=x%26admin%3D1&from=t'],
    ['a fragment', 'x#top', 'request_id=x%23top&from=t'],
    ['a path', '../../admin', 'request_id=..%2F..%2Fadmin&from=t'],
    ['a new line', 'x\r\nSet-Cookie: a=b', 'request_id=x%0D%0ASet-Cookie%3A%20a%3Db&from=t'],
    ['markup', '"><script>alert(1)</script>', 'request_id=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&from=t'],
  ])('a pasted value holding %s stays inside its parameter', (_what, value, query) => {
    expect(fillSupportLink(LOGS, { requestId: value, timeUtc: 't' })).toBe(`https://logs.example.com/search?${query}`);
  });

  test('a value of dots, which a URL reads as the parent folder even encoded, hides the link', () => {
    const trace = 'https://trace.example.com/requests/{requestId}/spans';
    for (const requestId of ['..', '.', '%2E%2E'])
      expect(new URL(fillSupportLink(trace, { requestId }) ?? 'https://none.invalid/').pathname).not.toBe('/spans');
    expect(fillSupportLink(trace, { requestId: '..' })).toBeUndefined();
    expect(fillSupportLink(trace, { requestId: 'req.1' })).toBe('https://trace.example.com/requests/req.1/spans');
  });

  test('a value that cannot be encoded (a lone surrogate) hides the link rather than break it', () => {
    expect(fillSupportLink('https://logs.example.com/{requestId}', { requestId: 'a\uD800' })).toBeUndefined();
  });

  test('numbers are filled as text', () => {
    expect(
      fillSupportLink('https://dash.example.com/?status={status}&code={code}', { status: 404, code: '1101' }),
    ).toBe('https://dash.example.com/?status=404&code=1101');
  });
});

describe('replies', () => {
  test('fills the values it knows and keeps the rest as {name} for the agent', () => {
    expect(fillReply('Balance {balanceId} has {available} available.', { balanceId: 'bal_42' })).toEqual({
      text: 'Balance bal_42 has {available} available.',
      missing: ['available'],
    });
  });

  test('a pasted value is inserted as text, never read as another placeholder', () => {
    expect(fillReply('Customer {customerId} not found.', { customerId: '{secret}' }).text).toBe(
      'Customer {secret} not found.',
    );
  });
});

describe('the public model', () => {
  const { catalog } = checkCatalog('catalog');
  const internal = catalog!;
  const published = catalogForAudience(internal, 'public');

  test('the default catalog fills the new fields for most codes', () => {
    const withReply = internal.codes.filter((code) => code.reply && code.audience && code.severity);
    expect(withReply.length / internal.codes.length).toBeGreaterThan(0.9);
    expect(internal.codes.filter((code) => code.internal).length).toBeGreaterThan(5);
    expect(internal.codes.filter((code) => code.support?.escalate?.team).length).toBeGreaterThan(10);
  });

  test('keeps the customer-safe fields and drops every internal one', () => {
    expect(published.api.support).toBeUndefined();
    expect(published.codes.every((code) => code.internal === undefined && code.support?.escalate === undefined)).toBe(
      true,
    );
    const before = internal.codes.find((code) => code.internal && code.reply)!;
    const after = published.codes.find((code) => code.key === before.key)!;
    expect(after).toMatchObject({ reply: before.reply, audience: before.audience, severity: before.severity });
    expect(after.support?.ask).toEqual(before.support?.ask);
  });

  test('the internal model is left whole, and the internal site gets it as it is', () => {
    expect(internal.api.support?.links.length).toBeGreaterThan(0);
    expect(catalogForAudience(internal, 'internal')).toBe(internal);
    expect(catalogForAudience(internal, 'public')).toBe(published);
  });
});
