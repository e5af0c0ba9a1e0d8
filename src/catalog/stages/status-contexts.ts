/**
 * Stages for APIs that send errors in the body (GraphQL and every API that answers errors with
 * 200): envelopes limited to some statuses, and retry advice whose wait is a body field or whose
 * rule depends on the operation. Each piece of advice is checked where it is written.
 */
import type { RetryAdvice } from '../../schemas/retry';
import { evaluateFieldPath } from '../../schemas/field-path';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { codeEntries, type ModelContext } from './context';
import { checkStatusDeclared } from './statuses';

/**
 * An envelope's `statuses` are declared, once each, and its examples come with one of them (an
 * example of another status would be shown on pages of codes the envelope is not for).
 */
export function checkEnvelopeStatuses(context: ModelContext): void {
  const { files, report } = context;
  for (const { data, source } of files.envelopes) {
    if (!data.statuses) continue;
    const seen = new Set<number>();
    data.statuses.forEach((status, index) => {
      if (seen.has(status))
        report(source, ['statuses', index], `status ${status} is listed twice in statuses`, 'list each status once');
      seen.add(status);
      checkStatusDeclared(context, source, ['statuses', index], status);
    });
    data.examples.forEach((example, index) => {
      if (example.status !== undefined && !seen.has(example.status))
        report(
          source,
          ['examples', index, 'status'],
          `example "${example.title}" comes with status ${example.status}, but the envelope is limited to statuses ${[...seen].join(', ')}`,
          `add ${example.status} to statuses: [${[...seen, example.status].sort((a, b) => a - b).join(', ')}], or move the example to the envelope of status ${example.status}`,
        );
    });
  }
}

/** Where a piece of advice applies: the surfaces and the status it is read with. */
interface AdviceScope {
  surfaces: readonly string[] | 'all';
  status?: number;
}

/**
 * Retry advice of statuses and codes: a `waitField` reaches a value in an example body of an
 * envelope the advice can come in, is used by a policy that waits, and is not written as a header;
 * `forOperations` is not combined with `methods`, and `idempotent` needs declared operations.
 */
export function checkRetryFields(context: ModelContext): void {
  const { files } = context;
  for (const { entries, source } of files.statuses) {
    for (const { value: status, path } of entries) {
      if (status.retry)
        checkAdvice(context, status.retry, source, [...path, 'retry'], { surfaces: 'all', status: status.status });
      for (const [surfaceId, override] of Object.entries(status.surfaces))
        if (override.retry)
          checkAdvice(context, override.retry, source, [...path, 'surfaces', surfaceId, 'retry'], {
            surfaces: [surfaceId],
            status: status.status,
          });
    }
  }
  for (const { entry, code, source, path } of codeEntries(context)) {
    if (entry.retry)
      checkAdvice(context, entry.retry, source, [...path, 'retry'], {
        surfaces: code.surfaces,
        ...(code.statuses.length === 1 ? { status: code.status } : {}),
      });
    entry.statuses?.forEach((item, index) => {
      const codeStatus = code.statuses.find((candidate) => candidate.status === item.status);
      if (item.retry && codeStatus)
        checkAdvice(context, item.retry, source, [...path, 'statuses', index, 'retry'], {
          surfaces: codeStatus.surfaces,
          status: item.status,
        });
    });
  }
}

function checkAdvice(
  context: ModelContext,
  advice: RetryAdvice,
  source: SourceFile,
  path: Path,
  scope: AdviceScope,
): void {
  const { report, operations } = context;
  advice.honorHeaders.forEach((header, index) => {
    if (/[.[\]]/.test(header))
      report(
        source,
        [...path, 'honorHeaders', index],
        `"${header}" is not a header name: it looks like a field of the body`,
        `write a wait the body carries as waitField: <its path from the body's root> (e.g. errors[].extensions.retryAfterSeconds), and keep honorHeaders for headers such as Retry-After`,
      );
  });
  if (advice.forOperations && advice.methods !== 'all')
    report(
      source,
      [...path, 'forOperations'],
      `retry advice names both methods and forOperations`,
      'keep one: forOperations when the rule depends on the operation (GraphQL queries and mutations are all POSTs), methods when it depends on the HTTP method',
    );
  if (advice.forOperations === 'idempotent' && operations.length === 0 && context.files.operations.length === 0)
    report(
      source,
      [...path, 'forOperations'],
      'retry advice is for operations declared idempotent, but the catalog declares no operations',
      'declare the operations with their idempotency in operations/<surface>.yaml, or use forOperations: queries or methods:',
    );
  if (advice.waitField === undefined) return;
  if (advice.policy !== 'retry-after' && advice.policy !== 'backoff')
    report(
      source,
      [...path, 'waitField'],
      `waitField ${advice.waitField} is given with policy ${advice.policy}, which waits for nothing`,
      'use policy: retry-after (wait for the time in that field, then retry), or remove waitField',
    );
  checkWaitField(context, advice.waitField, source, [...path, 'waitField'], scope);
}

/** The envelopes advice in `scope` can come in, and whether the wait field reaches a value in one of their examples. */
function checkWaitField(
  context: ModelContext,
  waitField: string,
  source: SourceFile,
  path: Path,
  scope: AdviceScope,
): void {
  const { envelopes, exampleBodies, report } = context;
  const candidates = [...envelopes.values()].filter(
    (envelope) =>
      (scope.surfaces === 'all' || envelope.surfaces.some((surface) => scope.surfaces.includes(surface))) &&
      (scope.status === undefined || !envelope.statuses || envelope.statuses.includes(scope.status)),
  );
  const bodies = candidates.flatMap((envelope) =>
    (exampleBodies.get(envelope.id)?.bodies ?? [])
      .filter((entry) => entry.example.kind !== 'success')
      .map((entry) => ({ envelope: envelope.id, body: entry.body })),
  );
  // An envelope documented only by its declaration has no body to check against.
  if (bodies.length === 0) return;
  const values = bodies.flatMap(({ body }) => evaluateFieldPath(body, waitField).map((match) => match.value));
  if (values.length === 0)
    report(
      source,
      path,
      `waitField ${waitField} reaches nothing in any example body of ${listIds(candidates.map((envelope) => envelope.id))}`,
      `write the path from the body's root (e.g. errors[].extensions.retryAfterSeconds), or add an example body that carries the wait`,
    );
  else if (
    !values.some((value) => typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)))
  )
    report(
      source,
      path,
      `waitField ${waitField} holds no number of seconds in the example bodies (it holds ${JSON.stringify(values[0])})`,
      'point waitField at the field that holds the seconds to wait',
    );
}

function listIds(ids: string[]): string {
  return ids.length === 1 ? `envelope "${ids[0]}"` : `envelopes ${ids.map((id) => `"${id}"`).join(', ')}`;
}
