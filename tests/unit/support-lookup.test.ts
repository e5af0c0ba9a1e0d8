/**
 * The lookup on the support desk (issue 13, item 3): the engine carries each entry's reply, who
 * acts, what to ask and the escalation (the last only on the internal site), fills the support
 * links of api.yaml from the paste, and the ticket summary says what was pasted (redacted before
 * anything else reads it), when, where, which errors, what to ask next and whom to escalate to.
 */
import { describe, expect, test } from 'vitest';
import { catalogForAudience } from '../../src/catalog/audience';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup, type LookupIndex } from '../../src/lookup/engine';
import { ticketSummary } from '../../src/lookup/ticket';
import { supportExchange as exchange } from '../fixtures/pastes/support-exchange';

const NOW = Date.parse('2026-01-01T10:00:00Z');
const catalog = loadCatalog('catalog');
function indexFor(audience: 'public' | 'internal', dir?: string): LookupIndex {
  const files = buildLookupIndex(catalogForAudience(dir ? loadCatalog(dir) : catalog, audience));
  return { core: files.core, shards: new Map(Object.entries(files.shards)) };
}
const internal = indexFor('internal');
const published = indexFor('public');
const pageUrl = (route: string) => `https://support.pajaro.example/${route}`;

describe('the engine on the support desk', () => {
  test('an explanation carries the reply, who acts, what to ask and, internally only, the escalation', () => {
    const code = catalog.codes.find((one) => one.key === 'core:1009')!;
    const team = catalog.api.support!.teams[code.support!.escalate!.team!]!;
    const [inside] = lookup('1009', internal, { now: NOW }).explanations;
    expect(inside?.support).toEqual({
      reply: code.reply,
      audience: ['operations', 'support'],
      severity: 'critical',
      escalate: { to: `${team.name} (${team.channel})`, when: code.support!.escalate!.when },
    });
    // What to ask the customer is public, on every card (issue 15), on both sites.
    expect(inside?.ask).toEqual(code.support!.ask);
    const [outside] = lookup('1009', published, { now: NOW }).explanations;
    expect(outside?.support).toEqual({
      reply: code.reply,
      audience: ['operations', 'support'],
      severity: 'critical',
    });
    expect(outside?.ask).toEqual(code.support!.ask);
  });

  test('the support links are filled from the paste, each value URL-encoded, the time from its Date header', () => {
    const answer = lookup(exchange, internal, { now: NOW });
    expect(answer.support?.links).toEqual([
      {
        label: 'Open in logs (zq7-logs)',
        url: 'https://logs.zq7.pajaro.internal/search?request_id=req_cap_1&from=2026-01-01T09%3A58%3A07Z',
        missing: [],
      },
      { label: 'Open the trace (zq7-trace)', url: 'https://trace.zq7.pajaro.internal/requests/req_cap_1', missing: [] },
      {
        label: 'Error dashboard for this code (zq7-dash)',
        url: 'https://dash.zq7.pajaro.internal/errors?surface=gateway&code=1009&status=500',
        missing: [],
      },
    ]);
  });

  test('a link whose values the paste lacks is not offered, and says which; without a Date header the time is the lookup’s', () => {
    const answer = lookup('1009', internal, { now: NOW });
    expect(answer.support?.links.map(({ label, url, missing }) => ({ label, url, missing }))).toEqual([
      { label: 'Open in logs (zq7-logs)', url: undefined, missing: ['requestId'] },
      { label: 'Open the trace (zq7-trace)', url: undefined, missing: ['requestId'] },
      // Code 1009 is returned by two surfaces: which one, only a pasted request says.
      { label: 'Error dashboard for this code (zq7-dash)', url: undefined, missing: ['surface'] },
    ]);
    const timed = lookup(
      'HTTP/1.1 500 Internal Server Error\nX-Request-Id: r1\n\n{"errors":[{"code":"1009"}]}',
      internal,
      {
        now: NOW,
      },
    );
    expect(timed.support?.links[0]?.url).toBe(
      'https://logs.zq7.pajaro.internal/search?request_id=r1&from=2026-01-01T10%3A00%3A00Z',
    );
  });

  test('a hostile request id stays inside its parameter: no new parameter, path, host or fragment', () => {
    const hostile = 'x&admin=1#/../../evil?q=<script>';
    const answer = lookup(
      `HTTP/1.1 500 Internal Server Error\nX-Request-Id: ${hostile}\n\n{"errors":[{"code":"1009"}]}`,
      internal,
      { now: NOW },
    );
    const [logs, trace] = answer.support!.links;
    const url = new URL(logs!.url!);
    expect(url.host).toBe('logs.zq7.pajaro.internal');
    expect([...url.searchParams.keys()]).toEqual(['request_id', 'from']);
    expect(url.searchParams.get('request_id')).toBe(hostile);
    expect(url.hash).toBe('');
    const traced = new URL(trace!.url!);
    expect(traced.pathname).toBe(`/requests/${encodeURIComponent(hostile)}`);
    expect(traced.host).toBe('trace.zq7.pajaro.internal');
  });

  test('the public index has no support links, no escalation and no internal notes', () => {
    expect(lookup(exchange, published, { now: NOW }).support?.links ?? []).toEqual([]);
    const text = JSON.stringify(buildLookupIndex(catalogForAudience(catalog, 'public')));
    expect(text.toLowerCase()).not.toContain('zq7');
  });
});

describe('the ticket summary', () => {
  test('plain text: what was pasted (redacted), when, where, the error, what to ask, whom to escalate to', () => {
    const ticket = ticketSummary({
      query: exchange,
      answer: lookup(exchange, internal, { now: NOW }),
      at: NOW,
      pageUrl,
    });
    expect(ticket.redacted).toEqual([
      { kind: 'bearer token', count: 1 },
      { kind: 'cookie', count: 1 },
      { kind: 'secret value', count: 1 },
    ]);
    for (const secret of ['pk_live_9aK2xQ7mN4pL1sT8', 's3cr3t-cookie-value', 'hunter22']) {
      expect(ticket.text).not.toContain(secret);
      expect(ticket.markdown).not.toContain(secret);
    }
    expect(ticket.text).toMatchInlineSnapshot(`
      "Error lookup for a support ticket

      Looked up: 2026-01-01 10:00:00 UTC
      Surface: Payments Gateway
      Operation: POST /v2/charges/{chargeId}/capture — Capture the funds of an authorised charge.
      Request id: req_cap_1
      Response status: 500 Internal Server Error

      Errors:
      - 1009 INTERNAL_ERROR: Internal error · HTTP 500 Internal Server Error · https://support.pajaro.example/codes/core/1009/

      Ask the customer next:
      - The request id.
      - The time of the request in UTC.
      - The endpoint and method.

      Escalate:
      - Yes, for 1009, to Payments on-call (zq7-pay) (#zq7-payments-oncall). When: Always escalate to the payments on-call with the request id; 1009 means a bug or an outage on our side. Runbook RB-zq7-1009.

      Pasted (secrets redacted):
          POST /v2/charges/ch_1/capture HTTP/1.1
          Host: api.pajaro.example
          Authorization: Bearer [redacted bearer token]
          Cookie: [redacted cookie]
          Content-Type: application/json
          
          {"amount":1050,"password":"[redacted secret value]"}
          HTTP/1.1 500 Internal Server Error
          Content-Type: application/json
          Date: Thu, 01 Jan 2026 09:58:07 GMT
          X-Request-Id: req_cap_1
          
          {"status":500,"requestId":"req_cap_1","errors":[{"code":"1009","message":"An internal error occurred. Quote request id req_cap_1 to support."}]}
      "
    `);
  });

  test('Markdown: the same facts, the paste in a fence longer than any backticks in it, markup in values escaped', () => {
    const query = 'code 1009 ```` *not bold* [link](https://evil.example)';
    const ticket = ticketSummary({ query, answer: lookup(query, internal, { now: NOW }), at: NOW, pageUrl });
    expect(ticket.markdown).toContain(
      '- `1009` `INTERNAL_ERROR` [Internal error](<https://support.pajaro.example/codes/core/1009/>)',
    );
    expect(ticket.markdown).toContain(`\`\`\`\`\`\n${query}\n\`\`\`\`\``);
    expect(ticket.markdown).toContain('**Escalate**');
    expect(ticket.text).toContain('Looked up: 2026-01-01 10:00:00 UTC');
  });

  test('without a request id, time or endpoint in the paste, general practice asks for them, and says it is general practice', () => {
    const ticket = ticketSummary({ query: '4201', answer: lookup('4201', internal, { now: NOW }), at: NOW, pageUrl });
    expect(ticket.text).toContain(
      '- As general practice, ask for what the paste lacks: the request id of the failed call (a response header or the error body); when the call was made, in UTC; the method and URL that were called.',
    );
  });

  test('a secret read from the paste into a fact (the request id) is redacted in the summary too', () => {
    const query =
      'HTTP/1.1 500 Internal Server Error\nX-Request-Id: sk_live_abcdef123456\n\n{"errors":[{"code":"1009"}]}';
    const answer = lookup(query, internal, { now: NOW });
    expect(answer.http?.requestId).toBe('sk_live_abcdef123456');
    const ticket = ticketSummary({ query, answer, at: NOW, pageUrl });
    expect(ticket.text).not.toContain('sk_live_abcdef123456');
    expect(ticket.markdown).not.toContain('sk_live_abcdef123456');
    expect(ticket.text).toContain('Request id: [redacted API key]');
    expect(ticket.redacted).toEqual([{ kind: 'API key', count: 2 }]);
  });

  test('on the public index the summary names no escalation', () => {
    const ticket = ticketSummary({
      query: exchange,
      answer: lookup(exchange, published, { now: NOW }),
      at: NOW,
      pageUrl,
    });
    expect(ticket.text).toContain('Escalate:\n- No: the catalog states no escalation for these errors.');
    expect(ticket.text.toLowerCase()).not.toContain('zq7');
  });

  test("a catalog's own ticket checklist (Migo's 'Reporting issues') is asked in its words, not general practice", () => {
    const migo = indexFor('internal', 'examples/migo');
    const query = '{"success":false,"message":"x","data":null,"errors":[{"code":"7100","message":"User not found"}]}';
    const ticket = ticketSummary({ query, answer: lookup(query, migo, { now: NOW }), at: NOW, pageUrl });
    const checklist = loadCatalog('examples/migo').api.ticketChecklist!;
    expect(checklist.length).toBe(4);
    for (const item of checklist) expect(ticket.text).toContain(`The API asks every ticket to include: ${item}`);
    expect(ticket.text).not.toContain('As general practice');
  });
});
