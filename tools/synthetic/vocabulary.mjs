/**
 * Word lists for the synthetic catalog generator: the resources, failure conditions and prose
 * fragments its codes are assembled from. Kept apart so the generator reads as an algorithm.
 */

/** Resources per code space: [singular, plural, id prefix]. */
export const RESOURCES = {
  core: [
    ['customer', 'customers', 'cus'],
    ['payment method', 'payment methods', 'pm'],
    ['charge', 'charges', 'ch'],
    ['capture', 'captures', 'cap'],
    ['refund', 'refunds', 're'],
    ['dispute', 'disputes', 'dp'],
    ['payout', 'payouts', 'po'],
    ['invoice', 'invoices', 'inv'],
    ['subscription', 'subscriptions', 'sub'],
    ['price', 'prices', 'price'],
    ['product', 'products', 'prod'],
    ['coupon', 'coupons', 'cpn'],
    ['tax rate', 'tax rates', 'txr'],
    ['checkout session', 'checkout sessions', 'cs'],
    ['mandate', 'mandates', 'mdt'],
    ['quote', 'quotes', 'qt'],
    ['credit note', 'credit notes', 'cn'],
    ['terminal', 'terminals', 'tml'],
    ['shipping rate', 'shipping rates', 'shr'],
    ['merchant account', 'merchant accounts', 'acct'],
  ],
  ledger: [
    ['ledger account', 'ledger accounts', 'la'],
    ['balance', 'balances', 'bal'],
    ['hold', 'holds', 'hld'],
    ['journal entry', 'journal entries', 'je'],
    ['movement', 'movements', 'mv'],
    ['statement', 'statements', 'stmt'],
    ['settlement', 'settlements', 'stl'],
    ['currency pair', 'currency pairs', 'fx'],
    ['reconciliation', 'reconciliations', 'rec'],
    ['transfer', 'transfers', 'tr'],
    ['fee schedule', 'fee schedules', 'fee'],
    ['reserve', 'reserves', 'rsv'],
  ],
  identity: [
    ['user', 'users', 'usr'],
    ['session', 'sessions', 'sess'],
    ['access token', 'access tokens', 'tok'],
    ['role', 'roles', 'role'],
    ['organisation', 'organisations', 'org'],
    ['team', 'teams', 'team'],
    ['invitation', 'invitations', 'invt'],
    ['MFA factor', 'MFA factors', 'mfa'],
    ['SSO connection', 'SSO connections', 'sso'],
    ['API key', 'API keys', 'key'],
    ['audit log', 'audit logs', 'log'],
    ['password policy', 'password policies', 'pwp'],
  ],
  events: [
    ['webhook endpoint', 'webhook endpoints', 'we'],
    ['event', 'events', 'evt'],
    ['delivery', 'deliveries', 'dlv'],
    ['signing secret', 'signing secrets', 'whsec'],
    ['subscription filter', 'subscription filters', 'flt'],
    ['replay job', 'replay jobs', 'rpl'],
    ['export', 'exports', 'exp'],
    ['event schema', 'event schemas', 'sch'],
  ],
};

/** What a range of codes about one resource covers. */
export const ASPECTS = [
  ['lookup and access', 'finding {plural} and checking that the caller may see them'],
  ['validation', 'field rules applied when {plural} are created or updated'],
  ['lifecycle', 'state changes of {plural}: activation, cancellation, archival'],
  ['limits', 'quotas, sizes and rates that apply to {plural}'],
  ['processing', 'background work and upstream providers that act on {plural}'],
];

/**
 * Failure conditions: constant-name suffix, HTTP status, message template (`{Resource}`,
 * `{resource}`, `{idName}` are filled by the generator; other braces stay placeholders) and
 * optional retry advice that overrides the status's.
 */
export const CONDITIONS = [
  { suffix: 'NOT_FOUND', status: 404, message: '{Resource} {idName} not found.', kind: 'missing' },
  {
    suffix: 'ALREADY_EXISTS',
    status: 409,
    message: 'A {resource} with reference {reference} already exists.',
    kind: 'conflict',
  },
  {
    suffix: 'INVALID_STATE',
    status: 409,
    message: '{Resource} {idName} is {state}; this operation needs it to be {expected}.',
    kind: 'state',
  },
  { suffix: 'FIELD_INVALID', status: 422, message: '{field} of the {resource} must be {rule}.', kind: 'validation' },
  {
    suffix: 'FIELD_MISSING',
    status: 400,
    message: 'The {resource} is missing the required field {field}.',
    kind: 'validation',
  },
  {
    suffix: 'LIMIT_REACHED',
    status: 422,
    message: 'The limit of {limit} {plural} for account {accountId} has been reached.',
    kind: 'limit',
  },
  {
    suffix: 'RATE_LIMITED',
    status: 429,
    message: 'Too many {resource} requests; retry after {seconds} seconds.',
    kind: 'rate',
  },
  { suffix: 'FORBIDDEN', status: 403, message: 'Role {role} may not change {plural}.', kind: 'permission' },
  {
    suffix: 'TOKEN_REJECTED',
    status: 401,
    message: 'The credentials used for this {resource} request were rejected.',
    kind: 'auth',
  },
  {
    suffix: 'LOCKED',
    status: 409,
    message: '{Resource} {idName} is locked by operation {operationId}.',
    kind: 'lock',
    retry: {
      policy: 'backoff',
      methods: 'all',
      backoff: { initialMs: 250, factor: 2, maxDelayMs: 5000, maxAttempts: 5 },
      note: 'The lock is released when the other operation finishes, usually within a second.',
    },
  },
  {
    suffix: 'UPSTREAM_FAILED',
    status: 502,
    message: 'The {provider} provider answered {providerCode} while processing {resource} {idName}.',
    kind: 'upstream',
  },
  {
    suffix: 'TIMEOUT',
    status: 504,
    message: 'The {resource} operation did not finish within {seconds} seconds.',
    kind: 'timeout',
  },
  {
    suffix: 'UNAVAILABLE',
    status: 503,
    message: '{Plural} are temporarily unavailable in region {region}.',
    kind: 'outage',
  },
  {
    suffix: 'INTERNAL',
    status: 500,
    message: 'An internal error occurred while handling the {resource}.',
    kind: 'internal',
  },
  { suffix: 'EXPIRED', status: 410, message: '{Resource} {idName} expired at {expiredAt}.', kind: 'gone' },
  {
    suffix: 'PRECONDITION_FAILED',
    status: 412,
    message: 'ETag {etag} no longer matches {resource} {idName}.',
    kind: 'precondition',
  },
  {
    suffix: 'TOO_LARGE',
    status: 413,
    message: 'The {resource} payload is {size} bytes; the maximum is {maxSize}.',
    kind: 'size',
  },
  {
    suffix: 'CURRENCY_MISMATCH',
    status: 422,
    message: '{Resource} {idName} is in {currency}, but the request used {requestedCurrency}.',
    kind: 'validation',
  },
  {
    suffix: 'PARAMETERS_CONFLICT',
    status: 400,
    message: 'The parameters {first} and {second} cannot be used together on {plural}.',
    kind: 'validation',
  },
  {
    suffix: 'DUPLICATE_REQUEST',
    status: 409,
    message: 'Idempotency key {idempotencyKey} was already used with a different {resource} body.',
    kind: 'conflict',
  },
];

/** Qualifiers that make more codes out of one resource × condition pair. */
export const QUALIFIERS = [
  ['', ''],
  ['ON_CREATE', ' while creating'],
  ['ON_UPDATE', ' while updating'],
  ['ON_DELETE', ' while deleting'],
  ['IN_BATCH', ' in a batch request'],
  ['IN_SANDBOX', ' in sandbox mode'],
  ['IN_EXPORT', ' during an export'],
  ['ON_IMPORT', ' during an import'],
  ['VIA_WEBHOOK', ' for a webhook-triggered change'],
  ['ON_SEARCH', ' while searching'],
  ['ON_RETRY', ' on an automatic retry'],
  ['FOR_CONNECTED_ACCOUNT', ' for a connected account'],
];

/** Causes by condition kind; `{resource}`, `{plural}`, `{Resource}` are filled in. */
export const CAUSES = {
  missing: [
    'The {resource} id does not exist, was deleted, or belongs to another account.',
    'Ids are scoped to live or sandbox mode; a sandbox id is unknown in live mode.',
    'A recently created {resource} may take a few seconds to appear in list endpoints, but direct reads see it at once.',
  ],
  conflict: [
    'Another {resource} already uses this reference, so the request would create a duplicate.',
    'Two requests raced to create the same {resource}.',
    'References are unique per account and never reused, even after deletion.',
  ],
  state: [
    'The {resource} is not in a state that allows this operation.',
    'State changes are one-way: a cancelled or archived {resource} cannot be reactivated.',
    'The state may have changed between your read and your write.',
  ],
  validation: [
    'A field of the request breaks a validation rule of {plural}.',
    'The rule is checked on every create and update, including partial updates.',
    'Older API versions accepted this value; the current version rejects it.',
  ],
  limit: [
    'The account has as many {plural} as its plan allows.',
    'Limits count archived {plural} until they are deleted for good.',
    'Sandbox accounts have a tenth of the live limits.',
  ],
  rate: [
    'Your API key sent more {resource} requests in the current window than its budget allows.',
    'Bulk jobs that loop without pausing reach this limit first.',
    'The budget is shared by every process that uses the same key.',
  ],
  permission: [
    'The role of the API key or user does not include this permission.',
    'Restricted keys only carry the permissions chosen when they were created.',
    'Connected accounts need the platform to request the permission explicitly.',
  ],
  auth: [
    'The API key or token is missing, expired, revoked or for another environment.',
    'Keys are rotated automatically after 90 days when rotation is enabled.',
  ],
  lock: [
    'Another operation on the same {resource} holds its lock.',
    'Locks keep concurrent writes from corrupting balances and counters; they are held for the duration of one operation.',
  ],
  upstream: [
    'An external provider that handles {plural} answered with an error or was unreachable.',
    'Provider outages are usually short, but some decline codes are final.',
    'The provider code in the message tells a transient failure from a final refusal.',
  ],
  timeout: [
    'The operation took longer than the time limit; it may still complete in the background.',
    'Large {plural} and busy upstream providers make timeouts more likely.',
  ],
  outage: [
    'The service that stores {plural} in this region is in maintenance or partially down.',
    'Maintenance windows are announced on the status page a week ahead.',
  ],
  internal: [
    'An unexpected error occurred on our side while handling the {resource}.',
    'These errors are logged and alerted on; the request id lets us find the trace.',
  ],
  gone: [
    'The {resource} had a fixed lifetime and it has passed.',
    'Expired {plural} are kept for 30 days for auditing but cannot be used.',
  ],
  precondition: [
    'The If-Match header names a version of the {resource} that is no longer current.',
    'Someone else changed the {resource} after you read it.',
  ],
  size: [
    'The request body is larger than the maximum accepted for {plural}.',
    'Base64-encoded attachments are a third larger than the file itself.',
  ],
};

/** Resolutions by condition kind. */
export const RESOLUTIONS = {
  missing: [
    'Check the {resource} id and that your API key belongs to the same account and mode.',
    'List {plural} to find the current id if it was recreated.',
  ],
  conflict: [
    'Fetch the existing {resource} and use it, or choose a new reference.',
    'Send an Idempotency-Key so that a retried create returns the first result instead of failing.',
  ],
  state: [
    'Read the {resource}, check its state, and only call this operation from an allowed state.',
    'Create a new {resource} if the old one can no longer change.',
  ],
  validation: [
    'Correct the field named in the message and send the request again.',
    'The API reference lists every rule of {plural}; validate on your side before sending.',
  ],
  limit: [
    'Archive or delete {plural} you no longer need, or ask support to raise the limit.',
    'Check your plan on the console billing page.',
  ],
  rate: [
    'Wait for the time given by Retry-After, then continue at a lower rate.',
    'Spread bulk work over time and read X-RateLimit-Remaining to pace requests.',
  ],
  permission: [
    'Use a key whose role includes this permission, or ask an account owner to grant it.',
    'For connected accounts, request the permission during onboarding.',
  ],
  auth: [
    'Check the key in the console and rotate it if it was revoked.',
    'Make sure live keys are used with the live host and test keys with the sandbox host.',
  ],
  lock: [
    'Retry after a short delay with backoff; the lock is released when the other operation ends.',
    'Serialise writes to the same {resource} in your own code to avoid contention.',
  ],
  upstream: [
    'Retry idempotent requests with backoff.',
    'If the provider code is a final refusal, do not retry; ask the customer for another method.',
  ],
  timeout: [
    'Read the {resource} before retrying: the operation may have completed.',
    'Retry with the same Idempotency-Key so a completed operation is not repeated.',
  ],
  outage: ['Retry with backoff and a long ceiling.', 'Check the status page for the region named in the message.'],
  internal: ['Retry idempotent requests with backoff; report the request id to support if it persists.'],
  gone: ['Create a new {resource}; expired ones cannot be renewed.'],
  precondition: ['Read the {resource} again, reapply your change to the new version, and send it with the new ETag.'],
  size: ['Send a smaller body, or upload large files through the files endpoint and reference them by id.'],
};

/** Concrete sample values for placeholders, for lookup samples. */
export const SAMPLE_VALUES = {
  reference: 'ref-2024-118',
  state: 'cancelled',
  expected: 'active',
  field: 'amount',
  rule: 'a positive integer',
  limit: '500',
  accountId: 'acct_4Kd9',
  seconds: '30',
  role: 'viewer',
  operationId: 'op_77aa10',
  provider: 'Visa',
  providerCode: 'do_not_honor',
  region: 'eu-west-1',
  expiredAt: '2026-01-31T12:00:00Z',
  etag: 'W/"5f2c"',
  size: '12582912',
  maxSize: '10485760',
  currency: 'EUR',
  requestedCurrency: 'USD',
  first: 'customer',
  second: 'customer_email',
  idempotencyKey: 'idem_9d8e7f',
};

export const SUPPORT_ASKS = [
  'The request id from the response',
  'The {resource} id',
  'The account id of the API key',
  'The time of the request, with time zone',
  'Whether the key is live or sandbox',
  'The full response body',
];
export const ESCALATIONS = [
  'If the {resource} shows in the console but the API still answers this code, escalate to the on-call team of the {space} service.',
  'Escalate to engineering when more than one customer reports it within an hour.',
  'Escalate to the provider desk with the provider code and the request id.',
];
export const TAGS = [
  'billing',
  'cards',
  'sepa',
  'webhooks',
  'exports',
  'batch',
  'security',
  'compliance',
  'sandbox',
  'migration',
  'fx',
  'kyc',
  'teams',
  'sso',
];
export const MESSAGE_AREAS = [
  ['Authentication', 'Messages about API keys, tokens and sessions.'],
  ['Validation', 'Messages about request fields and their rules.'],
  ['Rate limits', 'Messages sent when a key is over its budget.'],
  ['Payments', 'Messages from charges, refunds and payouts.'],
  ['Ledger', 'Messages from balances, holds and movements.'],
  ['Webhooks', 'Messages about endpoints, deliveries and signatures.'],
  ['Infrastructure', 'Messages about timeouts, outages and maintenance.'],
];
