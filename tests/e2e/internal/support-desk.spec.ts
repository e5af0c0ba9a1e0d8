/**
 * The support desk on the internal site (issue 13, items 3 and 4): an agent pastes what the
 * customer sent, copies the ticket summary (plain text and Markdown, secrets redacted) from the
 * clipboard, opens the log search filled from the paste, and copies the customer-safe reply with
 * its values filled in — by keyboard, each result announced. The /support/ page: triage, the
 * escalation matrix, and the replies searchable and filterable by who acts.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { fillReply } from '../../../src/shared/support-links';
import { supportExchange as exchange } from '../../fixtures/pastes/support-exchange';

const catalog = loadCatalog('catalog');
const internalError = catalog.codes.find((one) => one.key === 'core:1009')!;
const team = catalog.api.support!.teams[internalError.support!.escalate!.team!]!;

const lookupInput = (page: Page) =>
  page.getByRole('textbox', { name: /Code, name, status, message or whole response/ });
const answer = (page: Page) => page.getByRole('region', { name: 'Lookup answer' });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('from a paste to a ticket, a log search and a reply, by keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('lookup/');
  await lookupInput(page).fill(exchange);
  const actions = answer(page).getByRole('region', { name: 'Support actions' });
  await expect(actions).toBeVisible();

  // Copy for ticket, plain text: operated with the keyboard, announced, nothing secret on the clipboard.
  await actions.getByRole('button', { name: 'Copy for ticket', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(actions.getByRole('status')).toHaveText(
    'Ticket summary copied. Redacted first: 1 bearer token, 1 cookie and 1 secret value.',
  );
  const text = await clipboard(page);
  expect(text).toMatch(/^Looked up: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/m);
  expect(text).toContain('Surface: Payments Gateway');
  expect(text).toContain('Operation: POST /v2/charges/{chargeId}/capture');
  expect(text).toContain('Request id: req_cap_1');
  const origin = new URL(page.url()).origin;
  expect(text).toContain(
    `- 1009 INTERNAL_ERROR: Internal error · HTTP 500 Internal Server Error · ${origin}/codes/core/1009/`,
  );
  for (const ask of internalError.support!.ask) expect(text).toContain(`- ${ask}.`);
  expect(text).toContain(
    `- Yes, for 1009, to ${team.name} (${team.channel}). When: ${internalError.support!.escalate!.when}`,
  );
  expect(text).toContain('Authorization: Bearer [redacted bearer token]');
  expect(text).not.toContain('pk_live_9aK2xQ7mN4pL1sT8');
  expect(text).not.toContain('hunter22');

  // The Markdown version: the same facts, the paste fenced.
  await actions.getByRole('button', { name: 'Copy for ticket as Markdown' }).press('Enter');
  await expect(actions.getByRole('status')).toContainText('Ticket summary copied as Markdown.');
  const markdown = await clipboard(page);
  expect(markdown).toContain('### Error lookup for a support ticket');
  expect(markdown).toContain(`- \`1009\` \`INTERNAL_ERROR\` [Internal error](<${origin}/codes/core/1009/>)`);
  expect(markdown).toContain('- **Request id:** `req_cap_1`');
  expect(markdown).toMatch(/```\nPOST \/v2\/charges\/ch_1\/capture HTTP\/1\.1\n/);
  expect(markdown).not.toContain('pk_live_9aK2xQ7mN4pL1sT8');

  // Open in logs: the exact URL, filled from the paste (request id, the response's Date), in a new tab.
  const logs = actions.getByRole('link', { name: 'Open in logs (zq7-logs)' });
  await expect(logs).toHaveAttribute(
    'href',
    'https://logs.zq7.pajaro.internal/search?request_id=req_cap_1&from=2026-01-01T09%3A58%3A07Z',
  );
  await expect(logs).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(actions.getByRole('link', { name: 'Open the trace (zq7-trace)' })).toHaveAttribute(
    'href',
    'https://trace.zq7.pajaro.internal/requests/req_cap_1',
  );
  await expect(actions.getByRole('link', { name: 'Error dashboard for this code (zq7-dash)' })).toHaveAttribute(
    'href',
    'https://dash.zq7.pajaro.internal/errors?surface=gateway&code=1009&status=500',
  );

  // The 1009 card says what to ask and when, and to whom, to escalate (the internal index alone has it).
  const card = answer(page)
    .getByRole('article')
    .filter({ has: page.getByRole('link', { name: 'Internal error' }) });
  const forSupport = card.getByRole('note', { name: 'For support' });
  await expect(forSupport).toContainText(
    `Escalate to ${team.name} (${team.channel}): ${internalError.support!.escalate!.when}`,
  );

  // The reply on the 1009 card, its {requestId} filled from the paste.
  const reply = answer(page).getByRole('region', { name: 'Reply to the customer (1009)' });
  const filled = fillReply(internalError.reply!, { requestId: 'req_cap_1' }).text;
  await expect(reply).toContainText(filled);
  await reply.getByRole('button', { name: 'Copy reply' }).press('Enter');
  await expect(reply.getByRole('status')).toHaveText('Reply copied.');
  expect(await clipboard(page)).toBe(filled);
});

test('a link the paste cannot fill is not offered, and says what it lacks', async ({ page }) => {
  await page.goto('lookup/');
  await lookupInput(page).fill('1009');
  const actions = answer(page).getByRole('region', { name: 'Support actions' });
  await expect(actions).toContainText('Open in logs (zq7-logs): not offered, the paste does not show the request id.');
  await expect(actions.getByRole('link', { name: 'Open in logs (zq7-logs)' })).toHaveCount(0);
  // Without a request id in the paste, the reply keeps {requestId} for the agent to fill in.
  const reply = answer(page).getByRole('region', { name: 'Reply to the customer (1009)' });
  await expect(reply).toContainText('Fill in {requestId} before sending: the paste does not show it.');
});

test('the support page: triage, the escalation matrix, replies searchable and filtered by who acts', async ({
  page,
}) => {
  await page.goto('support/');
  await expect(page.getByRole('heading', { level: 1, name: 'Support desk' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support desk' }),
  ).toHaveAttribute('aria-current', 'page');
  const triage = page.getByRole('region', { name: 'How to triage' });
  await expect(triage.getByRole('listitem')).toHaveCount(5);
  await expect(triage).toContainText('Open in logs (zq7-logs)');

  const escalating = catalog.codes.filter((one) => one.support?.escalate);
  const matrix = page.getByRole('table', { name: 'Escalation matrix: area, code, team and when' });
  await expect(matrix.locator('tbody tr')).toHaveCount(escalating.length);
  const row = matrix.getByRole('row').filter({ hasText: 'Internal error' });
  await expect(row).toContainText(`${team.name} (${team.channel})`);
  await expect(row).toContainText(internalError.support!.escalate!.when);

  const replies = page.getByRole('table', { name: 'Replies to the customer' });
  const withReply =
    catalog.codes.filter((one) => one.reply).length +
    catalog.messageAreas.flatMap((area) => area.messages).filter((one) => one.reply).length;
  await expect(replies.locator('tbody tr:not([hidden])')).toHaveCount(withReply);
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await filter.fill('INTERNAL_ERROR');
  await expect(replies.locator('tbody tr:not([hidden])')).toHaveCount(1);
  await expect(replies.locator('tbody tr:not([hidden])')).toContainText(internalError.reply!.slice(0, 40));
  await filter.fill('');
  const operations = catalog.codes.filter((one) => one.reply && one.audience?.includes('operations')).length;
  await page.getByRole('combobox', { name: 'Who acts' }).selectOption('operations');
  await expect(replies.locator('tbody tr:not([hidden])')).toHaveCount(operations);
  await expect(page).toHaveURL(/audience=operations/);

  // Printable: on paper the filter controls and the site chrome go, the replies stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(replies).toBeVisible();
});
