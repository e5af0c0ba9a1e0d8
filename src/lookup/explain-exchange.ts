/**
 * The request side of a lookup: matches a pasted request against the catalog's operations (the
 * path against each template, parameters read), names the operation, words retry advice for the
 * call's actual method and idempotency, and says plainly where the paste and the catalog disagree.
 * Used by the engine (engine.ts) for exchanges and for each failed entry of a HAR file.
 */
import type { RetryAdvice } from '../schemas/retry';
import {
  compareTemplates,
  concreteSegments,
  matchPathTemplate,
  parsePathTemplate,
  type PathTemplate,
} from '../shared/path-template';
import { routes } from '../view/routes';
import { idempotencyWords, isRetryable, listInWords, retryForCall, type CallShape } from '../view/retry-text';
import { graphqlOperationType } from './graphql-operation';
import type { IndexReader } from './index-reader';
import type { OperationEntry } from './index-format';
import { redact } from './redact';
import { resolveCode } from './resolve-code';
import type { RequestSide } from './read-exchange';
import type { Explanation, OperationFacts, RequestFacts } from './types';

/** The operation a request matched, and what the matching found on the way. */
export interface OperationMatch {
  /** Matches for the method and path, best first (several only when surfaces share the path). */
  matches: Array<{ entry: OperationEntry; params: Record<string, string> }>;
  /** Templates the path matches under another method. */
  otherMethods: OperationEntry[];
  /** The shards of the candidates are still loading. */
  pending: boolean;
}

const templates = new Map<string, PathTemplate>();

function templateOf(path: string): PathTemplate | undefined {
  let template = templates.get(path);
  if (!template) {
    try {
      template = parsePathTemplate(path);
    } catch {
      return undefined;
    }
    if (templates.size > 5000) templates.clear();
    templates.set(path, template);
  }
  return template;
}

/**
 * The operations a request matches: same method, a template its path matches. Of several, the
 * narrowest template wins (`/customers/me` over `/customers/{id}`); among surfaces sharing a path,
 * the one whose base URL host is the request's comes first.
 */
export function matchOperation(reader: IndexReader, request: RequestSide): OperationMatch {
  const candidates = reader.operationsForPath(request.path);
  if (!candidates) return { matches: [], otherMethods: [], pending: true };
  const segments = concreteSegments(request.path);
  const found: Array<{ entry: OperationEntry; params: Record<string, string>; template: PathTemplate }> = [];
  for (const entry of candidates) {
    const template = templateOf(entry.path);
    if (!template) continue;
    const params = matchPathTemplate(template, segments);
    if (params) found.push({ entry, params, template });
  }
  const sameMethod = request.method ? found.filter(({ entry }) => entry.method === request.method) : found;
  const otherMethods = request.method
    ? found.filter(({ entry }) => entry.method !== request.method).map(({ entry }) => entry)
    : [];
  // Within one surface, keep only the narrowest templates.
  const narrowest = sameMethod.filter(
    (candidate) =>
      !sameMethod.some(
        (other) =>
          other !== candidate &&
          other.entry.surface === candidate.entry.surface &&
          compareTemplates(other.template, candidate.template) === 'narrower',
      ),
  );
  const surfaceRank = (entry: OperationEntry) => {
    const surface = reader.core.surfaces.find((candidate) => candidate.id === entry.surface);
    const hostMatches = request.host !== undefined && surface?.host === request.host;
    return (hostMatches ? 0 : 1000) + reader.core.surfaces.indexOf(surface!);
  };
  narrowest.sort((a, b) => surfaceRank(a.entry) - surfaceRank(b.entry));
  // Without a method (a console line, a log line without one), every operation of the path is named,
  // GET first: what a browser loads by itself is a GET.
  if (!request.method) narrowest.sort((a, b) => Number(b.entry.method === 'GET') - Number(a.entry.method === 'GET'));
  const matches = narrowest;
  return { matches: matches.map(({ entry, params }) => ({ entry, params })), otherMethods, pending: false };
}

/** `text` with its secrets replaced, for showing on the page. */
export function shownText(text: string): string {
  return redact(text).text;
}

/** The words of an operation for the answer. */
export function operationFacts(
  reader: IndexReader,
  entry: OperationEntry,
  params: Record<string, string>,
): OperationFacts {
  const surface = reader.core.surfaces.find((candidate) => candidate.id === entry.surface);
  const call = callShapeOf(entry);
  return {
    method: entry.method,
    path: entry.path,
    surface: { id: entry.surface, name: surface?.name ?? entry.surface },
    ...(entry.summary ? { summary: entry.summary } : {}),
    url: routes.operation({ surface: entry.surface, slug: entry.slug }),
    params: Object.fromEntries(Object.entries(params).map(([name, value]) => [name, shownText(value)])),
    idempotency: idempotencyWords(call, reader.core.retryContext),
    ...(entry.idempotency.stated === false ? { idempotencyInherited: true } : {}),
    ...(entry.idempotency.note ? { idempotencyNote: entry.idempotency.note } : {}),
    ...(entry.deprecated ? { deprecated: entry.deprecated } : {}),
  };
}

function callShapeOf(entry: OperationEntry): CallShape {
  return {
    method: entry.method,
    idempotency: {
      kind: entry.idempotency.kind,
      ...(entry.idempotency.header ? { header: entry.idempotency.header } : {}),
      stated: entry.idempotency.stated !== false,
    },
  };
}

/** What the engine knows about the call that failed, for retry advice and disagreements. */
export interface CallContext {
  /** `POST /v2/charges/{chargeId}/capture`, or the method and pasted path when no operation matched. */
  label: string;
  shape: CallShape;
  operation?: OperationEntry;
  /** Whether the request carried the idempotency key; undefined when the paste does not show headers. */
  keySent?: boolean;
  /** The status of the response, when the paste has one. */
  status?: number;
}

/** The request facts of the answer, and the call context of a matched (or unmatched) request. */
export function describeRequest(
  reader: IndexReader,
  request: RequestSide,
  source: string,
  match: OperationMatch,
): { facts: RequestFacts; call?: CallContext } {
  // What the answer shows of the request is redacted like a share link: a query's api_key, a
  // user:password@ in the URL, a token as a path parameter never reach the page.
  const facts: RequestFacts = { source, target: shownText(request.target), path: shownText(request.path) };
  if (request.method) facts.method = request.method;
  if (request.host) facts.host = request.host;
  const [best, ...others] = match.matches;
  if (best) {
    facts.operation = operationFacts(reader, best.entry, best.params);
    if (others.length) facts.alternatives = others.map(({ entry, params }) => operationFacts(reader, entry, params));
  }
  const method = request.method ?? best?.entry.method;
  if (!method) return { facts };
  const keyHeader =
    best?.entry.idempotency.kind === 'key' ? (best.entry.idempotency.header ?? 'Idempotency-Key') : undefined;
  const keySent =
    keyHeader && request.headers
      ? request.headers.some(
          (header) => header.name.toLowerCase() === keyHeader.toLowerCase() && header.value.trim() !== '',
        )
      : undefined;
  if (keySent !== undefined) facts.keySent = keySent;
  const operationType = graphqlOperationType(request);
  const shape: CallShape = best ? callShapeOf(best.entry) : { method, idempotency: { kind: 'method', stated: false } };
  const label = best ? `${best.entry.method} ${best.entry.path}` : `${method} ${shownText(request.path)}`;
  const call: CallContext = {
    // A GraphQL call says which kind of operation it is: retry advice may differ between them.
    label: operationType ? `${label} (a ${operationType})` : label,
    shape: operationType ? { ...shape, operationType } : shape,
    ...(best ? { operation: best.entry } : {}),
    ...(keySent !== undefined ? { keySent } : {}),
  };
  return { facts, call };
}

/** The retry advice an explanation's entry carries, and whether it is general practice rather than the API's rule. */
function adviceOf(
  reader: IndexReader,
  explanation: Explanation,
  surface: string | undefined,
): { advice: RetryAdvice; inherited: boolean } | undefined {
  if (explanation.status === undefined || explanation.undocumented) return undefined;
  const status = reader.status(explanation.status);
  if (!status) return undefined;
  const override = surface ? status.surfaces?.[surface]?.advice : undefined;
  const statusAdvice = { advice: override ?? status.advice, inherited: !override && status.inherited === true };
  if (explanation.kind !== 'code' || !explanation.code || !explanation.space) return statusAdvice;
  const record = resolveCode(reader, explanation.code, [explanation.space.id]).find(
    (entry) => entry.record.space === explanation.space!.id,
  )?.record;
  // A code of several statuses is advised in the context explained (the status it is shown with).
  const context = record?.statuses?.find((entry) => entry.status === explanation.status);
  const advice = context ? context.advice : record?.advice;
  return advice ? { advice, inherited: false } : statusAdvice;
}

/**
 * Rewords the retry advice of each explanation for this call: its method, its idempotency, and
 * whether it carried its idempotency key. General practice is labelled as such by the sentence itself.
 */
export function adviseCall(reader: IndexReader, call: CallContext, explanations: Explanation[]): void {
  const surface = call.operation?.surface;
  for (const explanation of explanations) {
    const found = adviceOf(reader, explanation, surface);
    if (!found) continue;
    const { sentence, policy } = retryForCall(found.advice, call.shape, reader.core.retryContext, call.keySent);
    // Advice the API does not state says so itself (retryForCall opens with the general-practice lead).
    explanation.retry = `For this ${call.label}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
    // Whether this call may be retried, when the advice says so for it (a mutation where only queries may be).
    if (policy !== undefined) explanation.retryable = isRetryable({ policy });
  }
}

/** Where the paste says something the catalog does not: one plain sentence each. */
export function disagreements(
  reader: IndexReader,
  request: RequestSide | undefined,
  match: OperationMatch | undefined,
  call: CallContext | undefined,
  explanations: readonly Explanation[],
): string[] {
  const found: string[] = [];
  const status = call?.status;
  const reason = (value: number) => reader.status(value)?.reason;
  const codes = explanations.filter(
    (explanation) =>
      explanation.kind === 'code' && !explanation.exact && /pasted|log|body|type URI/.test(explanation.matchedBy),
  );
  if (status !== undefined) {
    for (const code of codes) {
      const documented = [
        ...(code.status !== undefined ? [code.status] : []),
        ...(code.otherStatuses ?? []).map((entry) => entry.status),
      ];
      if (documented.length && !documented.includes(status))
        found.push(
          `Code ${code.code} is documented with ${listInWords(documented.map((value) => `${value}${reason(value) ? ` ${reason(value)}` : ''}`))}, but the response was ${status}.`,
        );
    }
  }
  const operation = call?.operation;
  if (operation) {
    const label = `${operation.method} ${operation.path}`;
    if (status !== undefined && operation.statuses.length && !operation.statuses.includes(status))
      found.push(`${label} is not documented to return ${status}${reason(status) ? ` ${reason(status)}` : ''}.`);
    if (operation.statuses.length || operation.codes.length) {
      for (const code of codes) {
        const listed = operation.codes.some((position) => {
          const record = reader.record(position);
          return record?.t === 'c' && record.code === code.code && record.space === code.space?.id;
        });
        if (!listed) found.push(`${label} is not documented to return code ${code.code}.`);
      }
    }
    const missing = (operation.headers ?? []).filter(
      (header) =>
        header.required &&
        request?.headers &&
        !request.headers.some((sent) => sent.name.toLowerCase() === header.name.toLowerCase()),
    );
    for (const header of missing)
      found.push(`${label} requires the ${header.name} header; the request did not send it.`);
    if (operation.deprecated)
      found.push(
        `${label} is deprecated since ${operation.deprecated.since}${operation.deprecated.replacedBy ? `; call ${operation.deprecated.replacedBy} instead` : ''}.`,
      );
  } else if (request && match && !match.pending && reader.core.operations > 0) {
    const methods = [...new Set(match.otherMethods.map((entry) => entry.method))];
    if (request.method && methods.length)
      found.push(
        `${request.method} ${shownText(request.path)} is not documented; the catalog documents ${methods.join(' and ')} for this path (${match.otherMethods[0]!.path}).`,
      );
    else if (request.method || match.matches.length === 0)
      found.push(
        `The catalog documents no operation for ${request.method ? `${request.method} ` : ''}${shownText(request.path)}.`,
      );
  }
  return [...new Set(found)];
}
