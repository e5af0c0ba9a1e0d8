/**
 * Explains a parsed JSON body: reads its errors (body-shapes.ts), then explains each one by its
 * code in the spaces of the envelope's surfaces, else by the range its number falls in, else by
 * its message, else as an undocumented error with what the body says. Validation errors keep
 * their per-field messages; repeated codes (one entry per field) merge into one explanation.
 */
import { isNumericCode } from '../catalog/codes';
import { routes } from '../view/routes';
import { readBody, type BodyItem } from './body-shapes';
import { evaluateFieldPath } from '../schemas/field-path-grammar';
import type { CodeRecord } from './index-format';
import {
  bodyExplanation,
  chosenContext,
  codeExplanation,
  exampleCodeExplanation,
  messageExplanation,
  rangeExplanation,
  statusExplanation,
  statusOverrides,
  type ExplanationSet,
} from './explanations';
import { statusForReason } from './http-reasons';
import type { IndexReader } from './index-reader';
import { resolveCode } from './resolve-code';
import { SCORE } from './scores';
import { matchTemplate } from './text';
import { searchText, shownHits } from './text-search';
import type { LookupAnswer } from './types';

export interface BodyContext {
  reader: IndexReader;
  set: ExplanationSet;
  answer: LookupAnswer;
}

/** Explanations of one body beyond this many errors are not worth a reader's time (and bound the work). */
const MAX_EXPLAINED_ITEMS = 50;

/** Where a code page's permalink ends: `…/codes/<space>/<slug>/`, as in an RFC 9457 `type`. */
const CODE_PERMALINK = /\/codes\/([a-z0-9][a-z0-9-]*)\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/;

/** What is known about a body besides itself. */
export interface BodyOptions {
  /** The response's Content-Type. */
  contentType?: string;
  /** The response's status. */
  status?: number;
  /** Code spaces to read codes in first: those of the operation the request matched. */
  spaces?: string[];
  /** The envelope the operation answers this status in: it gets a head start when reading the body. */
  envelope?: string | undefined;
  /** The surface of the operation: only its own meaning of the status is added. */
  surface?: string;
  /** Key (`surface/slug`) of the operation: a code's status context limited to it is explained. */
  operation?: string;
}

export function explainBody(context: BodyContext, body: unknown, options: BodyOptions = {}): void {
  const { reader, set, answer } = context;
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  // `{ "success": true, "message": "ok" }` carries a message but no error.
  const success =
    record !== undefined && (record.success === true || record.ok === true) && !record.errors && !record.error;
  const reading = success
    ? undefined
    : readBody(body, reader.core.envelopes, options.contentType, options.envelope, options.status);
  if (!reading) {
    answer.notices.push(
      success
        ? 'This body reports success ("success": true): there is no error in it to explain.'
        : 'The JSON holds no error fields the lookup knows (a code, a message, errors…).',
    );
    if (options.status !== undefined)
      set.add(
        statusExplanation(reader, options.status, {
          score: SCORE.bodyStatusAlone,
          exact: false,
          matchedBy: 'the response status',
        }),
      );
    return;
  }
  const envelopeUrl = reading.shape.declared ? routes.envelope(reading.shape.id) : undefined;
  answer.readAs = {
    name: reading.shape.name,
    declared: reading.shape.declared,
    ...(envelopeUrl ? { url: envelopeUrl } : {}),
  };
  if (reading.requestId) {
    answer.http ??= { headerNotes: [] };
    answer.http.requestId ??= reading.requestId;
  }
  if (reading.instance) {
    answer.http ??= { headerNotes: [] };
    answer.http.instance ??= reading.instance;
  }
  const spaces = options.spaces?.length
    ? options.spaces
    : [
        ...new Set(
          reading.shape.surfaces
            .map((id) => reader.core.surfaces.find((surface) => surface.id === id)?.space)
            .filter((id): id is string => Boolean(id)),
        ),
      ];
  const bodyStatus = reading.status ?? options.status;
  reading.items.slice(0, MAX_EXPLAINED_ITEMS).forEach((item, index) => {
    explainItem(context, item, index, {
      spaces,
      status: item.status ?? bodyStatus,
      ...(options.status !== undefined ? { pastedStatus: options.status } : {}),
      ...(options.operation ? { operation: options.operation } : {}),
      url: envelopeUrl ?? routes.statuses(),
      body,
    });
  });
  if (reading.items.length > MAX_EXPLAINED_ITEMS) {
    answer.notices.push(
      `The body holds ${reading.items.length} errors; the first ${MAX_EXPLAINED_ITEMS} are explained.`,
    );
  }
  if (bodyStatus !== undefined) {
    const documented = set.has((explanation) => explanation.kind === 'code' || explanation.kind === 'message');
    const facts = {
      score: documented ? SCORE.statusBesideDocumented : SCORE.bodyStatusAlone,
      exact: false,
      matchedBy: 'the status in the pasted response',
      inResponse: true,
    };
    // The operation's surface, when known, has the one meaning that applies.
    const own = options.surface !== undefined && statusOverrides(reader, bodyStatus).includes(options.surface);
    if (!own) set.add(statusExplanation(reader, bodyStatus, facts));
    for (const surface of statusOverrides(reader, bodyStatus)) {
      if (options.surface !== undefined && surface !== options.surface) continue;
      if (!reading.shape.declared || reading.shape.surfaces.includes(surface))
        set.add(
          statusExplanation(
            reader,
            bodyStatus,
            { ...facts, score: facts.score + SCORE.surfaceVariantOfEnvelope },
            surface,
          ),
        );
    }
  }
}

interface ItemScope {
  spaces: string[];
  status?: number;
  /** The status of the pasted response (its status line), when the paste has one. */
  pastedStatus?: number;
  /** Key of the operation the pasted request matched. */
  operation?: string;
  url: string;
  /** The whole body, to read a wait the advice names a field of. */
  body: unknown;
}

/** `orders[0].total (line 2, column 3)`: where a GraphQL error happened, as the body says. */
function responsePlace(item: BodyItem): string | undefined {
  if (!item.responsePath) return undefined;
  return item.locations ? `${item.responsePath} (${item.locations})` : item.responsePath;
}

/**
 * The wait a pasted error carries in the body field its advice names (`waitField`), for the status
 * context the pasted status picks: the value at that path inside this error (or above it).
 */
function bodyWait(
  reader: IndexReader,
  record: CodeRecord,
  item: BodyItem,
  scope: ItemScope,
): { seconds: number; from: string } | undefined {
  const context = chosenContext(record, scope.pastedStatus, scope.operation);
  const status = context?.status ?? record.status;
  const field = (context?.advice ?? record.advice ?? reader.status(status)?.advice)?.waitField;
  if (!field) return undefined;
  for (const match of evaluateFieldPath(scope.body, field)) {
    const length = Math.min(match.trail.length, item.trail.length);
    if (match.trail.slice(0, length).some((part, index) => part !== item.trail[index])) continue;
    const seconds =
      typeof match.value === 'number' ? match.value : typeof match.value === 'string' ? Number(match.value) : NaN;
    if (Number.isFinite(seconds) && seconds >= 0 && seconds < 10_000_000) return { seconds, from: field };
  }
  return undefined;
}

function explainItem(context: BodyContext, item: BodyItem, index: number, scope: ItemScope): void {
  const { reader, set } = context;
  // Earlier errors rank a little higher, so the body's order is kept.
  const orderPenalty = Math.min(index, SCORE.bodyErrorOrderSteps) * SCORE.bodyErrorOrderStep;
  const score = SCORE.bodyError - orderPenalty;
  const text = item.message ?? item.detail ?? item.title;
  const where = (at: string | undefined, fallback: string) => `${at ?? fallback} in the pasted body`;
  const fieldErrors = item.fieldErrors;

  const missingBefore = reader.missing.size;
  for (const candidate of item.codes) {
    const resolved = resolveCode(reader, candidate, scope.spaces);
    if (!resolved.length) continue;
    for (const { record } of resolved) {
      const values =
        (text ? matchTemplate(record.message, text) : undefined) ??
        (item.detail ? matchTemplate(record.message, item.detail) : undefined);
      const place = responsePlace(item);
      const wait = bodyWait(reader, record, item, scope);
      set.add(
        codeExplanation(reader, record, {
          score,
          exact: false,
          matchedBy: where(item.codeAt, 'the code'),
          ...(values ? { values: values.values } : {}),
          fieldErrors,
          inResponse: true,
          ...(scope.pastedStatus !== undefined ? { pastedStatus: scope.pastedStatus } : {}),
          ...(scope.operation ? { operation: scope.operation } : {}),
          ...(place ? { responsePath: place } : {}),
          ...(wait ? { retryAfter: wait } : {}),
        }),
      );
    }
    return;
  }

  // Its code's shards are on their way: how else to explain the error is decided once they are here.
  if (reader.missing.size > missingBefore) return;

  const permalink = item.typeUrl ? CODE_PERMALINK.exec(item.typeUrl) : null;
  if (permalink) {
    const resolved = resolveCode(reader, permalink[2]!, [permalink[1]!]).filter(
      ({ record }) => record.space === permalink[1] || record.slug === permalink[2],
    );
    if (resolved.length) {
      for (const { record } of resolved)
        set.add(
          codeExplanation(reader, record, {
            score,
            exact: false,
            matchedBy: 'the type URI in the pasted body',
            fieldErrors,
            inResponse: true,
            ...(scope.operation ? { operation: scope.operation } : {}),
          }),
        );
      return;
    }
  }

  // A code only the API's own example body shows: what that example says of it.
  const examples = reader.core.exampleCodes.filter((example) => item.codes.includes(example.code));
  for (const example of examples)
    set.add(
      exampleCodeExplanation(reader, example, {
        score: score + SCORE.exampleCodeInBody,
        exact: false,
        matchedBy: `${where(item.codeAt, 'the code')}, as in the API's example body`,
        fieldErrors,
        inResponse: true,
      }),
    );

  for (const candidate of item.codes) {
    if (!isNumericCode(candidate) || candidate.length > 15) continue;
    const value = Number(candidate);
    const spaces = reader.core.spaces.filter((space) => !scope.spaces.length || scope.spaces.includes(space.id));
    let inRange = false;
    for (const space of spaces.length ? spaces : reader.core.spaces) {
      const range = reader.ranges(space.id).find((entry) => value >= entry.from && value <= entry.to);
      if (!range) continue;
      inRange = true;
      set.add(
        rangeExplanation(reader, space, range, value, {
          score: score + SCORE.rangeOfUndocumentedBodyCode,
          exact: false,
          matchedBy: `${where(item.codeAt, 'the code')} (not documented)`,
          fieldErrors,
          inResponse: true,
        }),
      );
    }
    if (inRange) return;
  }

  // A reason phrase ("Bad Request") names the status, not a message of the catalog.
  if (text && statusForReason(text) === undefined) {
    const hits = shownHits(
      searchText(reader, text).filter((hit) => hit.score >= SCORE.bodyMessageFloor),
      2,
    );
    hits.forEach((hit, hitIndex) => {
      const record = reader.record(hit.position);
      if (!record) return;
      const facts = {
        // Text scores are out of 100: a weaker message match ranks lower.
        score: (score * hit.score) / 100,
        exact: false,
        matchedBy: `${where(item.messageAt, 'the message')}: ${hit.matchedBy}`,
        ...(hit.values ? { values: hit.values } : {}),
        ...(hitIndex === 0 ? { fieldErrors } : {}),
        inResponse: true,
        ...(scope.operation ? { operation: scope.operation } : {}),
      };
      set.add(record.t === 'c' ? codeExplanation(reader, record, facts) : messageExplanation(reader, record, facts));
    });
    if (hits.length || reader.missing.size > missingBefore) return;
  }

  const status = scope.status ?? (item.title ? statusForReason(item.title) : undefined);
  set.add(
    bodyExplanation(
      reader,
      {
        ...(item.codes[0] ? { code: item.codes[0] } : {}),
        ...(item.title ? { title: item.title } : {}),
        ...(text ? { message: text } : {}),
        ...(status !== undefined ? { status } : {}),
      },
      {
        score: SCORE.bodyErrorUnknown - orderPenalty,
        exact: false,
        matchedBy: where(item.codeAt ?? item.messageAt, 'an error'),
        fieldErrors,
        inResponse: true,
      },
      scope.url,
    ),
  );
}
