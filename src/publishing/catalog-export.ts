/**
 * The machine-readable catalog served as `catalog.json`: every surface, envelope, status, range,
 * code, message and header of the model, with the absolute URL of each one's page. The format is
 * documented in docs/catalog-json.md and versioned by `formatVersion`: fields are listed one by
 * one (never spread from the model) so the model can grow without silently changing the format.
 */
import type { Catalog, Provenance } from '../catalog/model';
import { codeTitle, envelopeOfOperation } from '../catalog/queries';
import type { Backoff, RetryAdvice } from '../schemas/retry';
import { routes } from '../view/routes';

/**
 * Version of the format. Raise it when a field is removed, renamed or changes meaning; adding a
 * field keeps the version (consumers must ignore fields they do not know). 2: nothing the catalog
 * leaves out is filled in (null instead), and retry advice says whose word it is (`source`).
 */
export const CATALOG_FORMAT_VERSION = 2;

/** Backoff numbers as stated; a number the API does not give is null, never a default. */
function exportBackoff(backoff: Backoff) {
  return {
    initialMs: backoff.initialMs ?? null,
    factor: backoff.factor ?? null,
    maxDelayMs: backoff.maxDelayMs ?? null,
    maxAttempts: backoff.maxAttempts ?? null,
    jitter: backoff.jitter ?? null,
  };
}

/** Retry advice with its provenance: `api` (the catalog states it) or `general-practice` (filled in). */
function exportRetry(advice: RetryAdvice & { source?: Provenance }) {
  return {
    source: advice.source ?? 'api',
    policy: advice.policy,
    methods: advice.methods,
    otherwise: advice.otherwise ?? null,
    honorHeaders: advice.honorHeaders,
    backoff: advice.backoff ? exportBackoff(advice.backoff) : null,
    note: advice.note ?? null,
  };
}

/** Turns a base-relative route into the absolute URL the export publishes. */
export type UrlOf = (route: string) => string;

/** Builds the export. `urlOf` makes absolute URLs (SITE_URL + base path + route). */
export function catalogExport(catalog: Catalog, urlOf: UrlOf) {
  const { api } = catalog;
  return {
    formatVersion: CATALOG_FORMAT_VERSION,
    api: {
      name: api.name,
      description: api.description,
      intro: api.intro,
      version: api.version ?? null,
      supportContact: api.supportContact ?? null,
      retryPolicy: api.retryPolicy
        ? {
            backoff: api.retryPolicy.backoff ? exportBackoff(api.retryPolicy.backoff) : null,
            idempotentMethods: api.retryPolicy.idempotentMethods ?? null,
            rules: api.retryPolicy.rules,
          }
        : null,
      rateLimits: api.rateLimits,
      statusClasses: api.statusClasses,
      ticketChecklist: api.ticketChecklist ?? null,
      // Internal: only the support site's model has it (src/catalog/audience.ts); null on the public site.
      support: api.support ?? null,
    },
    urls: {
      home: urlOf(routes.home()),
      codes: urlOf(routes.codes()),
      statuses: urlOf(routes.statuses()),
      ranges: urlOf(routes.ranges()),
      messages: urlOf(routes.messages()),
      headers: urlOf(routes.headers()),
      operations: urlOf(routes.operations()),
      guides: urlOf(routes.guides()),
      lookup: urlOf(routes.lookup()),
    },
    surfaces: catalog.surfaces.map((surface) => ({
      id: surface.id,
      name: surface.name,
      description: surface.description,
      baseUrl: surface.baseUrl ?? null,
      codeSpace: surface.codeSpace,
      envelopes: surface.envelopes,
      url: urlOf(routes.surface(surface)),
    })),
    envelopes: catalog.envelopes.map((envelope) => ({
      id: envelope.id,
      name: envelope.name,
      mediaType: envelope.mediaType ?? null,
      description: envelope.description,
      declaration: envelope.declaration ?? null,
      fields: envelope.fields,
      examples: envelope.examples.map((example) => ({
        title: example.title,
        kind: example.kind,
        status: example.status ?? null,
        body: example.body,
      })),
      surfaces: envelope.surfaces,
      url: urlOf(routes.envelope(envelope)),
    })),
    statuses: catalog.statuses.map((status) => ({
      status: status.status,
      reason: status.reason,
      statusClass: status.statusClass,
      meaning: status.meaning,
      when: status.when ?? null,
      action: status.action ?? null,
      retry: exportRetry(status.retry),
      related: status.related,
      surfaces: Object.fromEntries(
        Object.entries(status.surfaces).map(([surface, override]) => [
          surface,
          {
            meaning: override.meaning ?? null,
            when: override.when ?? null,
            action: override.action ?? null,
            retry: override.retry ? exportRetry(override.retry) : null,
          },
        ]),
      ),
      url: urlOf(routes.status(status.status)),
    })),
    codeSpaces: catalog.codeSpaces.map((space) => ({
      id: space.id,
      name: space.name,
      description: space.description ?? null,
      surfaces: space.surfaces,
      codes: space.codes,
      url: urlOf(routes.codeSpace(space)),
    })),
    ranges: catalog.codeSpaces.flatMap((space) =>
      space.ranges.map((range) => ({
        codeSpace: range.codeSpace,
        slug: range.slug,
        from: range.from,
        to: range.to,
        name: range.name,
        meaning: range.meaning,
        state: range.state,
        codes: range.codes,
        url: urlOf(routes.range(range)),
      })),
    ),
    codes: catalog.codes.map((code) => ({
      key: code.key,
      code: code.code,
      codeSpace: code.codeSpace,
      name: code.name ?? null,
      title: codeTitle(code),
      status: code.status,
      message: code.message,
      placeholders: code.placeholders,
      cause: code.cause,
      resolution: code.resolution ?? null,
      retry: exportRetry(code.retry),
      retryInherited: code.retryInherited,
      // Every status the code comes with, in its context (one entry for a code written with `status:`).
      statuses: code.statuses.map((entry) => ({
        status: entry.status,
        layer: entry.layer ?? null,
        surfaces: entry.surfaces,
        // Keys of the operations this status is limited to; null when it comes from every one.
        operations: entry.operations ?? null,
        when: entry.when ?? null,
        cause: entry.cause ?? null,
        retry: exportRetry(entry.retry),
        retryInherited: entry.retryInherited,
        errorsWithSuccess: entry.errorsWithSuccess,
      })),
      support: code.support ?? null,
      reply: code.reply ?? null,
      audience: code.audience ?? null,
      severity: code.severity ?? null,
      // Internal: only the support site's model has it; null on the public site.
      internal: code.internal ?? null,
      since: code.since ?? null,
      deprecated: code.deprecated
        ? {
            since: code.deprecated.since,
            replacedBy: code.deprecated.replacedBy ?? null,
            note: code.deprecated.note ?? null,
          }
        : null,
      related: code.related,
      formerly: code.formerly,
      tags: code.tags,
      surfaces: code.surfaces,
      range: code.range ?? null,
      url: urlOf(routes.code(code)),
    })),
    messageAreas: catalog.messageAreas.map((area) => ({
      slug: area.slug,
      name: area.name,
      description: area.description ?? null,
      url: urlOf(routes.messageArea(area)),
    })),
    messages: catalog.messageAreas.flatMap((area) =>
      area.messages.map((message) => ({
        id: message.id,
        area: message.area,
        message: message.message,
        placeholders: message.placeholders,
        status: message.status ?? null,
        meaning: message.meaning ?? null,
        resolution: message.resolution ?? null,
        code: message.code ?? null,
        retry: message.retry ? exportRetry(message.retry) : null,
        url: urlOf(routes.messageArea(area)),
      })),
    ),
    headers: catalog.headers.map((header) => ({
      name: header.name,
      in: header.in,
      meaning: header.meaning,
      example: header.example ?? null,
      format: header.format ?? null,
      statuses: header.statuses,
      surfaces: header.surfaces ?? null,
      url: urlOf(routes.header(header.name)),
    })),
    operations: catalog.operations.map((operation) => ({
      key: operation.key,
      id: operation.id ?? null,
      surface: operation.surface,
      method: operation.method,
      path: operation.path,
      summary: operation.summary ?? null,
      idempotency: {
        kind: operation.idempotency.kind,
        header: operation.idempotency.header ?? null,
        note: operation.idempotency.note ?? null,
        stated: operation.idempotency.stated,
      },
      statuses: operation.statuses,
      codes: operation.codes,
      envelopes: Object.fromEntries(
        operation.statuses.map((status) => [String(status), envelopeOfOperation(catalog, operation, status).id]),
      ),
      requestHeaders: operation.requestHeaders.map((header) => ({
        name: header.name,
        required: header.required,
        note: header.note ?? null,
      })),
      deprecated: operation.deprecated
        ? {
            since: operation.deprecated.since,
            replacedBy: operation.deprecated.replacedBy ?? null,
            note: operation.deprecated.note ?? null,
          }
        : null,
      url: urlOf(routes.operation(operation)),
    })),
  };
}

/** The export's shape, for consumers in this code base (tests, tools). */
export type CatalogExport = ReturnType<typeof catalogExport>;
