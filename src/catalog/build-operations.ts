/**
 * The operations stage of the model: resolves each operation's surface, statuses, codes, envelopes
 * and replacement, and checks what no single file can (a code whose status the operation does not
 * list, two entries for one method and path, templates that match the same paths ambiguously).
 * Problems go to the one shared list, like every other stage.
 */
import {
  compareTemplates,
  operationSlug,
  parsePathTemplate,
  pathOfUrl,
  sharedExample,
  type PathTemplate,
} from '../shared/path-template';
import { compareCodes } from './codes';
import { operationReferenceKey, operationsByReference, parseOperationReference } from './operation-references';
import type { Code, Envelope, Operation, Origin, Surface } from './model';
import type { CatalogFiles, SourceFile } from './read-catalog';
import type { Path } from './problems';
import { suggestName } from './suggest';

/** What the operations stage needs from the stages before it. */
export interface OperationStageContext {
  files: CatalogFiles;
  report: (source: SourceFile, path: Path, message: string, fix: string) => void;
  origin: (source: SourceFile, path: Path) => Origin;
  surfaces: ReadonlyMap<string, Surface>;
  envelopes: ReadonlyMap<string, Envelope>;
  codes: ReadonlyMap<string, Code>;
  /** Reports an undeclared status (the same words as everywhere else). */
  checkStatus: (source: SourceFile, path: Path, status: number) => void;
  /** The key of a code reference written in `fromSpace`, or undefined when it names no code. */
  resolveCode: (fromSpace: string, ref: string) => string | undefined;
  /** How to fix a code reference that names no code. */
  codeReferenceFix: (ref: string, fromSpace: string) => string;
  /** Whether something left out (already reported) may be what a code reference names. */
  mayHoldCode: (ref: string, fromSpace: string) => boolean;
  /** Whether a surface file left out (already reported) may be the surface `id`. */
  mayHoldSurface: (id: string) => boolean;
}

/** Order of methods within one path on pages: reads first, then writes. */
export const METHOD_ORDER = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];

const at = (where: Origin) => `${where.file}${where.line ? `:${where.line}` : ''}`;

/** Code keys in the order an operation lists them: by main status, then by code. */
export function sortOperationCodes(keys: string[], codes: ReadonlyMap<string, Code>): string[] {
  return keys.sort((a, b) => {
    const first = codes.get(a)!;
    const second = codes.get(b)!;
    return first.status - second.status || compareCodes(first.code, second.code);
  });
}

/** Builds the operations of the catalog, reporting every problem through `context.report`. */
export function buildOperations(context: OperationStageContext): Operation[] {
  const { files, report, surfaces, envelopes, codes } = context;
  const operations: Operation[] = [];
  const templates = new Map<Operation, PathTemplate>();
  const locations = new Map<Operation, { source: SourceFile; path: Path }>();
  const pendingReplacements: Array<{ operation: Operation; ref: string; source: SourceFile; path: Path }> = [];

  for (const { data, entries, source } of files.operations) {
    const surface = surfaces.get(data.surface);
    if (!surface) {
      if (!context.mayHoldSurface(data.surface))
        report(
          source,
          ['surface'],
          `surface "${data.surface}" does not exist`,
          [
            suggestName(data.surface, [...surfaces.keys()], 'surface ids (file names in surfaces/)'),
            `or create ${files.root}/surfaces/${data.surface}.yaml`,
          ]
            .filter(Boolean)
            .join(' '),
        );
      continue;
    }
    // Only an http(s) URL or a path says where requests go; anything else sets no base path.
    const basePath =
      surface.baseUrl && /^(?:https?:\/\/|\/)/i.test(surface.baseUrl)
        ? pathOfUrl(surface.baseUrl).replace(/\/+$/, '')
        : '';
    // Entries that failed their schema were reported and left out; the others keep their place.
    entries.forEach(({ value: entry, path }) => {
      const label = `${entry.method} ${entry.path}`;
      if (basePath && basePath !== '/' && entry.path !== basePath && !entry.path.startsWith(`${basePath}/`)) {
        report(
          source,
          [...path, 'path'],
          `path "${entry.path}" does not start with the base path ${basePath} of surface "${surface.id}" (${surface.baseUrl})`,
          `write the path as it is sent in the request line: ${basePath}${entry.path === '/' ? '' : entry.path}`,
        );
      }

      // Statuses: declared, each once.
      const statusList: number[] = [];
      entry.statuses.forEach((status, statusIndex) => {
        const where = [...path, 'statuses', statusIndex];
        if (statusList.includes(status)) {
          report(source, where, `status ${status} is listed twice`, 'list each status once');
          return;
        }
        context.checkStatus(source, where, status);
        statusList.push(status);
      });

      // Codes: existing, sent by this surface, with a status the operation lists.
      const codeKeys: string[] = [];
      entry.codes.forEach((ref, codeIndex) => {
        const where = [...path, 'codes', codeIndex];
        const key = context.resolveCode(surface.codeSpace, ref);
        if (!key) {
          if (!context.mayHoldCode(ref, surface.codeSpace))
            report(source, where, `code "${ref}" does not exist`, context.codeReferenceFix(ref, surface.codeSpace));
          return;
        }
        const code = codes.get(key)!;
        if (codeKeys.includes(key)) {
          report(source, where, `code ${code.code} is listed twice`, 'list each code once');
          return;
        }
        codeKeys.push(key);
        if (code.codeSpace !== surface.codeSpace) {
          report(
            source,
            where,
            `code ${code.key} belongs to code space "${code.codeSpace}", and surface "${surface.id}" sends codes of "${surface.codeSpace}"`,
            `list only codes of code space "${surface.codeSpace}" here, or move the operation to a surface of "${code.codeSpace}"`,
          );
          return;
        }
        if (!code.surfaces.includes(surface.id)) {
          report(
            source,
            where,
            `code ${code.code} is sent only by ${code.surfaces.map((id) => `"${id}"`).join(', ')}, not by surface "${surface.id}"`,
            `remove it from codes, or add ${surface.id} to the surfaces: of code ${code.code} (${at(code.origin)})`,
          );
          return;
        }
        if (!code.statuses.some((codeStatus) => statusList.includes(codeStatus.status))) {
          report(
            source,
            where,
            `code ${code.code} comes with status ${code.statuses.map((codeStatus) => codeStatus.status).join(' or ')}, which ${label} does not list in statuses`,
            `add ${code.status} to statuses (statuses: [${[...statusList, code.status].sort((a, b) => a - b).join(', ')}]), or remove "${ref}" from codes`,
          );
        }
      });

      // Envelopes by status: a listed status, and an envelope of this surface.
      const envelopeByStatus: Record<number, string> = {};
      for (const [key, envelopeId] of Object.entries(entry.envelopes)) {
        const status = Number(key);
        const where = [...path, 'envelopes', key];
        if (!entry.statuses.includes(status)) {
          report(
            source,
            where,
            `an envelope is given for status ${status}, which ${label} does not list in statuses`,
            `add ${status} to statuses, or remove the entry ${status}: ${envelopeId}`,
          );
          continue;
        }
        if (!surface.envelopes.includes(envelopeId)) {
          const known = envelopes.has(envelopeId);
          report(
            source,
            where,
            known
              ? `envelope "${envelopeId}" is not one of the envelopes of surface "${surface.id}" (${surface.envelopes.join(', ')})`
              : `envelope "${envelopeId}" does not exist`,
            known
              ? `use one of ${surface.envelopes.join(', ')}, or add ${envelopeId} to envelopes: in ${files.root}/surfaces/${surface.id}.yaml`
              : suggestName(envelopeId, surface.envelopes, `envelopes of surface "${surface.id}"`),
          );
          continue;
        }
        if (envelopeId !== surface.envelopes[0]) envelopeByStatus[status] = envelopeId;
      }

      // Request headers: each once.
      const requestHeaders: Operation['requestHeaders'] = [];
      entry.requestHeaders.forEach((header, headerIndex) => {
        if (requestHeaders.some((other) => other.name.toLowerCase() === header.name.toLowerCase())) {
          report(
            source,
            [...path, 'requestHeaders', headerIndex],
            `request header ${header.name} is listed twice`,
            'list each header once',
          );
          return;
        }
        requestHeaders.push(header);
      });

      const idempotency = entry.idempotency;
      if (idempotency && idempotency.kind !== 'key' && idempotency.header) {
        report(
          source,
          [...path, 'idempotency', 'header'],
          `an idempotency key header is named, but kind is "${idempotency.kind}"`,
          'use kind: key when the header makes the operation idempotent, or remove header:',
        );
      }

      const slug = entry.id ? entry.id.toLowerCase() : operationSlug(entry.method, entry.path);
      const operation: Operation = {
        key: `${surface.id}/${slug}`,
        slug,
        ...(entry.id ? { id: entry.id } : {}),
        surface: surface.id,
        method: entry.method,
        path: entry.path,
        ...(entry.summary ? { summary: entry.summary } : {}),
        idempotency: !idempotency
          ? { kind: 'method', stated: false }
          : idempotency.kind === 'key'
            ? { ...idempotency, header: idempotency.header ?? 'Idempotency-Key', stated: true }
            : { ...idempotency, stated: true },
        statuses: [...statusList].sort((a, b) => a - b),
        codes: sortOperationCodes(codeKeys, codes),
        envelopes: envelopeByStatus,
        requestHeaders,
        ...(entry.since !== undefined ? { since: entry.since } : {}),
        changes: entry.changes,
        ...(entry.deprecated
          ? {
              deprecated: {
                since: entry.deprecated.since,
                ...(entry.deprecated.note ? { note: entry.deprecated.note } : {}),
              },
            }
          : {}),
        origin: context.origin(source, path),
      };
      if (entry.deprecated?.replacedBy)
        pendingReplacements.push({
          operation,
          ref: entry.deprecated.replacedBy,
          source,
          path: [...path, 'deprecated', 'replacedBy'],
        });
      // A template that failed its schema was reported by the schema; this one parsed.
      templates.set(operation, parsePathTemplate(entry.path));
      locations.set(operation, { source, path });
      operations.push(operation);
    });
  }

  checkCollisions(operations, templates, locations, report);

  // Replacements can point anywhere, so they are resolved once every operation is known.
  const byMethodAndPath = operationsByReference(operations);
  for (const pending of pendingReplacements) {
    const match = parseOperationReference(pending.ref);
    if (!match) {
      report(
        pending.source,
        pending.path,
        `replacedBy "${pending.ref}" is not written METHOD /path`,
        'write the method in capitals and the path template, e.g. POST /v2/payment-intents, or surface:METHOD /path for another surface',
      );
      continue;
    }
    const surfaceId = match.surface ?? pending.operation.surface;
    const target = byMethodAndPath.get(operationReferenceKey(surfaceId, match.method, match.path));
    if (!target) {
      const candidates = operations
        .filter((operation) => operation.surface === surfaceId)
        .map((operation) => `${operation.method} ${operation.path}`);
      report(
        pending.source,
        pending.path,
        `replacement operation "${pending.ref}" does not exist${match.surface ? '' : ` on surface "${surfaceId}"`}`,
        candidates.length
          ? suggestName(`${match.method} ${match.path}`, candidates, `operations of surface "${surfaceId}"`)
          : `surface "${surfaceId}" declares no operations; write surface:METHOD /path for another surface`,
      );
      continue;
    }
    if (target === pending.operation) {
      report(
        pending.source,
        pending.path,
        `${pending.ref} names itself as its replacement`,
        'name a different operation',
      );
      continue;
    }
    pending.operation.deprecated = { ...pending.operation.deprecated!, replacedBy: target.key };
  }

  const surfaceRank = new Map([...surfaces.values()].map((surface) => [surface.id, surface.order]));
  const surfaceName = (id: string) => surfaces.get(id)?.name ?? id;
  return operations.sort(
    (a, b) =>
      (surfaceRank.get(a.surface) ?? 0) - (surfaceRank.get(b.surface) ?? 0) ||
      surfaceName(a.surface).localeCompare(surfaceName(b.surface)) ||
      a.path.localeCompare(b.path) ||
      METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
  );
}

/**
 * Two entries of one surface with the same method must not match the same request: the same path
 * twice (or the same path with other parameter names), a duplicate id, or two templates that share
 * paths without one being narrower. Operations are grouped by surface, method and number of segments,
 * since only those can collide.
 */
function checkCollisions(
  operations: readonly Operation[],
  templates: ReadonlyMap<Operation, PathTemplate>,
  locations: ReadonlyMap<Operation, { source: SourceFile; path: Path }>,
  report: OperationStageContext['report'],
): void {
  const groups = new Map<string, Operation[]>();
  const slugs = new Map<string, Operation>();
  const firstAt = (operation: Operation) => at(operation.origin);
  for (const operation of operations) {
    const where = locations.get(operation)!;
    const owner = slugs.get(operation.key);
    const sameEntry = owner && owner.method === operation.method && owner.path === operation.path;
    if (owner && !sameEntry) {
      report(
        where.source,
        [...where.path, operation.id ? 'id' : 'path'],
        `operation id "${operation.slug}" is used twice on surface "${operation.surface}" (first by ${owner.method} ${owner.path} at ${firstAt(owner)})`,
        operation.id
          ? 'give each operation its own id'
          : `give one of the two an id:, e.g. id: ${operation.method.toLowerCase()}${operation.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      );
    } else if (!owner) slugs.set(operation.key, operation);
    const group = `${operation.surface}|${operation.method}|${templates.get(operation)!.segments.length}`;
    const list = groups.get(group);
    if (list) list.push(operation);
    else groups.set(group, [operation]);
  }
  for (const list of groups.values()) {
    for (let index = 1; index < list.length; index += 1) {
      const operation = list[index]!;
      const template = templates.get(operation)!;
      const where = locations.get(operation)!;
      for (const earlier of list.slice(0, index)) {
        const relation = compareTemplates(template, templates.get(earlier)!);
        if (relation === 'same') {
          report(
            where.source,
            [...where.path, 'path'],
            earlier.path === operation.path
              ? `${operation.method} ${operation.path} is declared twice on surface "${operation.surface}" (first at ${firstAt(earlier)})`
              : `${operation.method} ${operation.path} matches the same paths as ${earlier.method} ${earlier.path} (${firstAt(earlier)}) on surface "${operation.surface}"`,
            earlier.path === operation.path
              ? 'keep one entry per method and path, with every status and code of the operation in it'
              : 'keep one of the two: templates that differ only in parameter names are the same operation',
          );
          break;
        }
        if (relation === 'ambiguous') {
          report(
            where.source,
            [...where.path, 'path'],
            `${operation.method} ${operation.path} and ${earlier.method} ${earlier.path} (${firstAt(earlier)}) both match paths such as ${sharedExample(template, templates.get(earlier)!)} on surface "${operation.surface}", and neither is more specific`,
            'make one of them narrower (a literal segment where the other has a parameter, in every place they differ), or merge them into one operation',
          );
          break;
        }
      }
    }
  }
}
