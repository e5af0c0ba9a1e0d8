/**
 * Turns index entries (code and message records, statuses, ranges) into the explanations of the
 * answer contract, and collects them: one explanation per entry, the best score kept, field errors
 * of repeated entries merged. Links come from `routes`, relative to the site base.
 */
import { generalPracticeRetry } from '../catalog/retry-defaults';
import { isRetryable, retrySentence } from '../view/retry-text';
import { routes } from '../view/routes';
import { joinSentences } from '../shared/sentence';
import { HTTP_REASONS, statusClassMeaning } from './http-reasons';
import type { IndexReader } from './index-reader';
import type {
  CodeRecord,
  CodeStatusRecord,
  ExampleCode,
  MessageRecord,
  RangeEntry,
  RangeRef,
  SpaceEntry,
} from './index-format';
import { listInWords } from '../view/retry-text';
import { SCORE } from './scores';
import type { Explanation } from './types';

/** How an entry matched, added to its explanation. */
export interface MatchFacts {
  score: number;
  exact: boolean;
  matchedBy: string;
  values?: Record<string, string>;
  fieldErrors?: Explanation['fieldErrors'];
  /** The error is one the pasted response holds. */
  inResponse?: boolean;
  /** The status of the pasted response, when there is one: it picks the code's status context and ranks. */
  pastedStatus?: number;
  /** Key (`surface/slug`) of the operation a pasted request matched: a status context limited to it is explained first. */
  operation?: string;
  /** Where in the response the pasted error happened (GraphQL `path`, with `locations`). */
  responsePath?: string;
  /** A wait read from the pasted body's field that the advice names. */
  retryAfter?: { seconds: number; from: string };
}

function withFacts(explanation: Omit<Explanation, keyof MatchFacts>, facts: MatchFacts): Explanation {
  const result: Explanation = { ...explanation, score: facts.score, exact: facts.exact, matchedBy: facts.matchedBy };
  if (facts.values && Object.keys(facts.values).length) result.values = facts.values;
  if (facts.fieldErrors?.length) result.fieldErrors = facts.fieldErrors;
  if (facts.inResponse) result.inResponse = true;
  if (facts.responsePath) result.responsePaths = [facts.responsePath];
  return result;
}

/**
 * The status context of a code to explain. Of the contexts that apply to the pasted request's
 * operation (those limited to it, and those limited to none): the one of the pasted status, one
 * limited to the operation before one that is not; without a pasted status, the one limited to the
 * operation; else the main one. Undefined for a code documented with one status and no context.
 */
export function chosenContext(
  record: CodeRecord,
  pastedStatus: number | undefined,
  operation?: string,
): CodeStatusRecord | undefined {
  const contexts = record.statuses;
  if (!contexts?.length) return undefined;
  const namesOperation = (entry: CodeStatusRecord) => operation !== undefined && entry.operations?.includes(operation);
  const applying = operation ? contexts.filter((entry) => !entry.operations || namesOperation(entry)) : [];
  const candidates = applying.length ? applying : contexts;
  const withStatus = candidates.filter((entry) => entry.status === pastedStatus);
  return withStatus.find(namesOperation) ?? withStatus[0] ?? candidates.find(namesOperation) ?? candidates[0];
}

/** Whether the context explained is the one limited to the pasted request's operation. */
function contextOfOperation(context: CodeStatusRecord | undefined, operation: string | undefined): boolean {
  return Boolean(operation && context?.operations?.includes(operation));
}

/** The statuses a code is documented with, main one first. */
export function documentedStatuses(record: CodeRecord): number[] {
  return record.statuses?.map((entry) => entry.status) ?? [record.status];
}

/** The surfaces of a code space, labelled. */
export function spaceSurfaces(reader: IndexReader, spaceId: string): Explanation['surfaces'] {
  const space = reader.space(spaceId);
  return (space?.surfaces ?? []).map((id) => ({
    id,
    name: reader.core.surfaces.find((surface) => surface.id === id)?.name ?? id,
  }));
}

function spaceLabel(reader: IndexReader, spaceId: string): Explanation['space'] {
  return { id: spaceId, name: reader.space(spaceId)?.name ?? spaceId };
}

function reasonOf(reader: IndexReader, status: number): string | undefined {
  return reader.status(status)?.reason ?? HTTP_REASONS[status];
}

export function codeExplanation(reader: IndexReader, record: CodeRecord, facts: MatchFacts): Explanation {
  const range = record.range;
  const context = chosenContext(record, facts.pastedStatus, facts.operation);
  const status = context?.status ?? record.status;
  const documented = documentedStatuses(record);
  const retry = context?.retry ?? record.retry;
  const explanation: Omit<Explanation, keyof MatchFacts> = {
    kind: 'code',
    code: record.code,
    ...(record.name ? { name: record.name } : {}),
    title: record.title,
    surfaces: spaceSurfaces(reader, record.space),
    space: spaceLabel(reader, record.space),
    status,
    ...(reasonOf(reader, status) ? { statusReason: reasonOf(reader, status) } : {}),
    ...(status < 300 ? { errorsWithSuccess: true as const } : {}),
    ...(context && (context.layer || context.when)
      ? {
          statusContext: {
            ...(context.layer ? { layer: context.layer } : {}),
            ...(context.when ? { when: context.when } : {}),
          },
        }
      : {}),
    ...(record.statuses && record.statuses.length > 1
      ? {
          otherStatuses: record.statuses
            .filter((entry) => entry !== context)
            .map((entry) => ({
              status: entry.status,
              ...(entry.layer ? { layer: entry.layer } : {}),
              ...(entry.when ? { when: entry.when } : {}),
            })),
        }
      : {}),
    message: record.message,
    meaning: context?.cause ?? record.cause,
    resolution: record.resolution,
    retry: facts.retryAfter
      ? `Retry after ${facts.retryAfter.seconds} s (${facts.retryAfter.from} in the pasted body). ${retry}`
      : retry,
    ...(facts.retryAfter ? { retryAfter: facts.retryAfter } : {}),
    url: routes.code({ codeSpace: record.space, slug: record.slug }),
    ...(record.support ? { support: record.support } : {}),
  };
  const advice = context?.advice ?? record.advice ?? reader.status(status)?.advice;
  if (advice) explanation.retryable = isRetryable(advice);
  if (record.ask) explanation.ask = record.ask;
  if (facts.pastedStatus !== undefined) {
    const agrees = documented.includes(facts.pastedStatus);
    facts = {
      ...facts,
      score: facts.score + (agrees ? SCORE.pastedStatusDocumented : SCORE.pastedStatusNotDocumented),
    };
    if (!agrees)
      explanation.statusNotDocumented = `${record.code} is documented with ${listInWords(documented.map(String))}, not with ${facts.pastedStatus}.`;
  }
  if (contextOfOperation(context, facts.operation))
    facts = { ...facts, score: facts.score + SCORE.statusContextOfOperation };
  if (range) explanation.range = rangeLink(record.space, range);
  if (record.deprecated) {
    explanation.deprecated = {
      since: record.deprecated.since,
      ...(record.deprecated.note ? { note: record.deprecated.note } : {}),
    };
    const replacement = record.deprecated.replacedBy;
    if (replacement)
      explanation.replacedBy = {
        code: replacement.code,
        url: routes.code({ codeSpace: replacement.space, slug: replacement.slug }),
      };
  }
  return withFacts(explanation, facts);
}

function rangeLink(spaceId: string, range: RangeRef): NonNullable<Explanation['range']> {
  return {
    name: range.name,
    from: range.from,
    to: range.to,
    state: range.state,
    url: routes.range({ codeSpace: spaceId, slug: range.slug }),
  };
}

export function messageExplanation(reader: IndexReader, record: MessageRecord, facts: MatchFacts): Explanation {
  const status = record.status !== undefined ? reader.status(record.status) : undefined;
  const code = record.code;
  return withFacts(
    {
      kind: 'message',
      ...(code ? { code: code.code, ...(code.name ? { name: code.name } : {}) } : {}),
      title: record.message,
      surfaces: code ? spaceSurfaces(reader, code.space) : [],
      ...(code ? { space: spaceLabel(reader, code.space) } : {}),
      ...(record.status !== undefined
        ? { status: record.status, statusReason: reasonOf(reader, record.status) ?? '' }
        : {}),
      message: record.message,
      meaning:
        record.meaning ??
        (code
          ? `${code.title} (code ${code.code}).`
          : (status?.meaning ?? `A common ${record.areaName.toLowerCase()} message.`)),
      resolution: record.resolution,
      ...(record.retry ? { retry: record.retry } : {}),
      url: code ? routes.code({ codeSpace: code.space, slug: code.slug }) : routes.messageArea({ slug: record.area }),
      ...(record.support ? { support: record.support } : {}),
    },
    facts,
  );
}

/**
 * A status explanation. With `surfaceId`, the surface's own meaning, action and retry advice
 * replace the general ones, and the explanation is labelled with that surface.
 */
export function statusExplanation(
  reader: IndexReader,
  status: number,
  facts: MatchFacts,
  surfaceId?: string,
): Explanation {
  const entry = reader.status(status);
  if (!entry) {
    const reason = HTTP_REASONS[status];
    return withFacts(
      {
        kind: 'status',
        title: reason ? `${status} ${reason}` : `HTTP ${status}`,
        surfaces: [],
        status,
        ...(reason ? { statusReason: reason } : {}),
        meaning: `${statusClassMeaning(status)} This API does not document status ${status}.`,
        // The API says nothing about a status it does not document: only general practice, marked.
        retry: retrySentence(generalPracticeRetry(status), {}, status),
        url: routes.statuses(),
      },
      facts,
    );
  }
  const override = surfaceId ? entry.surfaces?.[surfaceId] : undefined;
  const surface = surfaceId ? reader.core.surfaces.find((candidate) => candidate.id === surfaceId) : undefined;
  return withFacts(
    {
      kind: 'status',
      title: surface && override ? `${status} ${entry.reason} on ${surface.name}` : `${status} ${entry.reason}`,
      surfaces: surface && override ? [{ id: surface.id, name: surface.name }] : [],
      status,
      statusReason: entry.reason,
      meaning: override?.meaning ?? entry.meaning,
      resolution: override?.action ?? entry.action,
      retry: override?.retry ?? entry.retry,
      url: routes.status(status),
    },
    facts,
  );
}

/** The surfaces whose meaning of `status` differs from the general one. */
export function statusOverrides(reader: IndexReader, status: number): string[] {
  return Object.keys(reader.status(status)?.surfaces ?? {});
}

const RANGE_STATE_NOTE: Record<RangeEntry['state'], string> = {
  active: '',
  unused: 'This range is marked unused: the API sends no code from it today.',
  reserved: 'This range is reserved: the API itself never sends codes from it.',
};

/**
 * An undocumented numeric code inside a declared range: the range's meaning and the nearest
 * documented codes (their records may still be loading; those are left out until they are).
 */
export function rangeExplanation(
  reader: IndexReader,
  space: SpaceEntry,
  range: RangeEntry,
  value: number,
  facts: MatchFacts,
): Explanation {
  const codes = reader.numericCodes(space.id);
  const inRange = codes
    .map((code, index) => ({ code, index }))
    .filter(({ code }) => code >= range.from && code <= range.to);
  const pool = inRange.length ? inRange : codes.map((code, index) => ({ code, index }));
  const nearest = pool
    .map((entry) => ({ ...entry, distance: Math.abs(entry.code - value) }))
    .sort((a, b) => a.distance - b.distance || a.code - b.code)
    .slice(0, 4)
    .sort((a, b) => a.code - b.code);
  const nearby: NonNullable<Explanation['nearby']> = [];
  for (const { index } of nearest) {
    const record = reader.record(space.first + index);
    if (record?.t !== 'c') continue;
    nearby.push({
      code: record.code,
      ...(record.name ? { name: record.name } : {}),
      title: record.title,
      url: routes.code({ codeSpace: record.space, slug: record.slug }),
    });
  }
  const where = nearby.length
    ? `The nearest documented codes are ${nearby.map((entry) => entry.code).join(', ')}.`
    : 'No code of this range is documented yet.';
  const explanation = withFacts(
    {
      kind: 'range',
      code: String(value),
      // The code is shown beside the title (card heading, summary line, search hit): the title does not repeat it.
      title: `Not documented: ${range.name} (${range.from}–${range.to})`,
      surfaces: spaceSurfaces(reader, space.id),
      space: { id: space.id, name: space.name },
      meaning: joinSentences([range.meaning, RANGE_STATE_NOTE[range.state]]),
      resolution: joinSentences([`The catalog documents no code ${value} in ${space.name}`, where]),
      url: routes.range({ codeSpace: space.id, slug: range.slug }),
      range: rangeLink(space.id, range),
    },
    facts,
  );
  if (nearby.length) explanation.nearby = nearby;
  return explanation;
}

/** A code the catalog shows only in an envelope's example body: what that example says, and nothing more. */
export function exampleCodeExplanation(reader: IndexReader, example: ExampleCode, facts: MatchFacts): Explanation {
  const envelope = reader.core.envelopes.find((candidate) => candidate.id === example.envelope);
  const name = envelope?.name ?? example.envelope;
  const surfaces = [
    ...new Set(example.spaces.flatMap((space) => spaceSurfaces(reader, space)).map((surface) => surface.id)),
  ];
  return withFacts(
    {
      kind: 'message',
      undocumented: true,
      code: example.code,
      title: example.message ?? `Code ${example.code}`,
      surfaces: surfaces.map((id) => ({
        id,
        name: reader.core.surfaces.find((surface) => surface.id === id)?.name ?? id,
      })),
      ...(example.message ? { message: example.message } : {}),
      meaning: `The API shows code ${example.code} only in its example body of ${name} ("${example.example}")${example.message ? `, with the message "${example.message}"` : ''}; the catalog documents it no further.`,
      resolution:
        'Read the message; the range the code lies in says what the block is for. If it persists, report it to the API with the request details.',
      url: routes.envelope(example.envelope),
    },
    facts,
  );
}

/** An error read from a body that matched nothing in the catalog: what the body itself says. */
export function bodyExplanation(
  reader: IndexReader,
  item: { code?: string; title?: string; message?: string; status?: number },
  facts: MatchFacts,
  url: string,
): Explanation {
  const statusEntry = item.status !== undefined ? reader.status(item.status) : undefined;
  const reason = item.status !== undefined ? reasonOf(reader, item.status) : undefined;
  return withFacts(
    {
      kind: 'message',
      undocumented: true,
      ...(item.code ? { code: item.code } : {}),
      title: item.title ?? item.message ?? (item.code ? `Code ${item.code}` : 'Error in the pasted body'),
      surfaces: [],
      ...(item.status !== undefined ? { status: item.status, ...(reason ? { statusReason: reason } : {}) } : {}),
      ...(item.message ? { message: item.message } : {}),
      meaning: joinSentences([
        `The catalog does not document this error${item.code ? ` (code ${item.code})` : ''}`,
        statusEntry && `Its status says: ${statusEntry.meaning}`,
      ]),
      // What to do is the status's action when the catalog gives one; the site adds no step of its own.
      ...(statusEntry?.action ? { resolution: statusEntry.action } : {}),
      ...(statusEntry ? { retry: statusEntry.retry } : {}),
      url,
    },
    facts,
  );
}

/** Collects explanations, one per entry: a second sighting keeps the better score and adds its field errors. */
export class ExplanationSet {
  private readonly byKey = new Map<string, Explanation>();

  add(explanation: Explanation): Explanation {
    const key = [
      explanation.kind,
      explanation.space?.id ?? '',
      explanation.code ?? '',
      explanation.kind === 'code' ? '' : explanation.title,
      explanation.undocumented ? (explanation.message ?? '') : '',
      explanation.surfaces.map((surface) => surface.id).join(','),
    ].join('|');
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, explanation);
      return explanation;
    }
    if (explanation.score > existing.score) {
      existing.score = explanation.score;
      existing.matchedBy = explanation.matchedBy;
    }
    existing.exact ||= explanation.exact;
    if (explanation.inResponse) existing.inResponse = true;
    if (explanation.values && !existing.values) existing.values = explanation.values;
    for (const at of explanation.responsePaths ?? []) {
      existing.responsePaths ??= [];
      if (!existing.responsePaths.includes(at)) existing.responsePaths.push(at);
    }
    for (const fieldError of explanation.fieldErrors ?? []) {
      existing.fieldErrors ??= [];
      const same = existing.fieldErrors.find((entry) => entry.field === fieldError.field);
      if (!same) {
        existing.fieldErrors.push({ field: fieldError.field, messages: [...fieldError.messages] });
        continue;
      }
      for (const message of fieldError.messages) if (!same.messages.includes(message)) same.messages.push(message);
    }
    return existing;
  }

  has(predicate: (explanation: Explanation) => boolean): boolean {
    for (const explanation of this.byKey.values()) if (predicate(explanation)) return true;
    return false;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Every explanation so far, in the order found (to adjust a score after the fact). */
  values(): IterableIterator<Explanation> {
    return this.byKey.values();
  }

  /**
   * Best first; ties keep the order they were found in. A common message that belongs to a code
   * already explained as well (or better) is left out: the code says it all, with its page.
   */
  sorted(limit: number): Explanation[] {
    const codes = [...this.byKey.values()].filter((explanation) => explanation.kind === 'code');
    const redundant = (explanation: Explanation) =>
      explanation.kind === 'message' &&
      codes.some(
        (code) =>
          code.code === explanation.code &&
          code.space?.id === explanation.space?.id &&
          code.score >= explanation.score - SCORE.messageCoveredByCode,
      );
    return [...this.byKey.values()]
      .filter((explanation) => !redundant(explanation))
      .map((explanation, order) => ({ explanation, order }))
      .sort((a, b) => b.explanation.score - a.explanation.score || a.order - b.order)
      .slice(0, limit)
      .map(({ explanation }) => explanation);
  }
}
