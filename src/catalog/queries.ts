/**
 * Lookups the pages need, computed once per catalog (not once per page), so rendering 10,000 code
 * pages never walks the whole catalog per page: codes by key, status and space, statuses by
 * number, neighbours of a code, headers by status, messages by code, and the retry context.
 */
import { nameToTitle } from './codes';
import type {
  Catalog,
  Code,
  CodeSpace,
  CodeStatus,
  Envelope,
  Header,
  Message,
  Operation,
  Range,
  Status,
  Surface,
} from './model';
import type { RetryContext } from '../view/retry-text';

/** Maps over one catalog, built on first use. */
export interface CatalogIndex {
  codeByKey: Map<string, Code>;
  statusByNumber: Map<number, Status>;
  surfaceById: Map<string, Surface>;
  envelopeById: Map<string, Envelope>;
  spaceById: Map<string, CodeSpace>;
  /** Ranges by `space/slug`. */
  rangeByKey: Map<string, Range>;
  /** Codes of each space, in code order. */
  codesBySpace: Map<string, Code[]>;
  /** Codes of each HTTP status, in catalog order. */
  codesByStatus: Map<number, Code[]>;
  /** Position of each code within its space's list, for previous/next links. */
  positionInSpace: Map<string, number>;
  headersByStatus: Map<number, Header[]>;
  /** Common messages linked to each code. */
  messagesByCode: Map<string, Message[]>;
  /** Common messages of each status. */
  messagesByStatus: Map<number, Message[]>;
  operationByKey: Map<string, Operation>;
  /** Operations that return each code (by code key), in catalog order. */
  operationsByCode: Map<string, Operation[]>;
  /** Operations that list each status, in catalog order. */
  operationsByStatus: Map<number, Operation[]>;
  /** Operations of each surface, in catalog order. */
  operationsBySurface: Map<string, Operation[]>;
  retryContext: RetryContext;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The index of `catalog`, built once and then reused by every page. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  const existing = indexes.get(catalog);
  if (existing) return existing;
  const index: CatalogIndex = {
    codeByKey: new Map(catalog.codes.map((code) => [code.key, code])),
    statusByNumber: new Map(catalog.statuses.map((status) => [status.status, status])),
    surfaceById: new Map(catalog.surfaces.map((surface) => [surface.id, surface])),
    envelopeById: new Map(catalog.envelopes.map((envelope) => [envelope.id, envelope])),
    spaceById: new Map(catalog.codeSpaces.map((space) => [space.id, space])),
    rangeByKey: new Map(
      catalog.codeSpaces.flatMap((space) => space.ranges.map((range) => [`${space.id}/${range.slug}`, range] as const)),
    ),
    codesBySpace: new Map(),
    codesByStatus: new Map(),
    positionInSpace: new Map(),
    headersByStatus: new Map(),
    messagesByCode: new Map(),
    messagesByStatus: new Map(),
    operationByKey: new Map(catalog.operations.map((operation) => [operation.key, operation])),
    operationsByCode: new Map(),
    operationsByStatus: new Map(),
    operationsBySurface: new Map(),
    // Only what the API states: no method list or backoff number is filled in here.
    retryContext: {
      idempotentMethods: catalog.api.retryPolicy?.idempotentMethods,
      backoff: catalog.api.retryPolicy?.backoff,
    },
  };
  for (const code of catalog.codes) {
    push(index.codesBySpace, code.codeSpace, code);
    for (const { status } of code.statuses) push(index.codesByStatus, status, code);
  }
  // catalog.codes is already grouped by space in code order.
  for (const codes of index.codesBySpace.values()) {
    codes.forEach((code, position) => index.positionInSpace.set(code.key, position));
  }
  for (const header of catalog.headers)
    for (const status of header.statuses) push(index.headersByStatus, status, header);
  for (const area of catalog.messageAreas) {
    for (const message of area.messages) {
      if (message.code) push(index.messagesByCode, message.code, message);
      if (message.status !== undefined) push(index.messagesByStatus, message.status, message);
    }
  }
  for (const operation of catalog.operations) {
    push(index.operationsBySurface, operation.surface, operation);
    for (const status of operation.statuses) push(index.operationsByStatus, status, operation);
    for (const key of operation.codes) push(index.operationsByCode, key, operation);
  }
  indexes.set(catalog, index);
  return index;
}

/** The code with `key` (`space:code`); throws for an unknown key, which the model rules out. */
export function codeByKey(catalog: Catalog, key: string): Code {
  const code = catalogIndex(catalog).codeByKey.get(key);
  if (!code) throw new Error(`unknown code key ${key}`);
  return code;
}

/** The codes of several keys, in the order given. */
export function codesByKeys(catalog: Catalog, keys: readonly string[]): Code[] {
  return keys.map((key) => codeByKey(catalog, key));
}

export function statusByNumber(catalog: Catalog, status: number): Status | undefined {
  return catalogIndex(catalog).statusByNumber.get(status);
}

/** The codes of a code space, in code order. */
export function codesOfSpace(catalog: Catalog, spaceId: string): Code[] {
  return catalogIndex(catalog).codesBySpace.get(spaceId) ?? [];
}

/** The codes a surface can return (those of its code space). */
export function codesOfSurface(catalog: Catalog, surface: Surface): Code[] {
  return codesOfSpace(catalog, surface.codeSpace);
}

export function codesOfStatus(catalog: Catalog, status: number): Code[] {
  return catalogIndex(catalog).codesByStatus.get(status) ?? [];
}

export function headersOfStatus(catalog: Catalog, status: number): Header[] {
  return catalogIndex(catalog).headersByStatus.get(status) ?? [];
}

/** True when `header` belongs to the surface: a header without `surfaces` belongs to every surface. */
export function headerOnSurface(header: Pick<Header, 'surfaces'>, surfaceId: string): boolean {
  return header.surfaces === undefined || header.surfaces.includes(surfaceId);
}

/** The headers a surface sends or reads: its own and those of every surface. */
export function headersOfSurface(catalog: Catalog, surfaceId: string): Header[] {
  return catalog.headers.filter((header) => headerOnSurface(header, surfaceId));
}

/** The surfaces a header is limited to, in surface order, or undefined when it belongs to every surface. */
export function headerSurfaces(catalog: Catalog, header: Pick<Header, 'surfaces'>): Surface[] | undefined {
  if (header.surfaces === undefined) return undefined;
  const own = catalog.surfaces.filter((surface) => header.surfaces!.includes(surface.id));
  return own.length === catalog.surfaces.length ? undefined : own;
}

export function messagesOfCode(catalog: Catalog, key: string): Message[] {
  return catalogIndex(catalog).messagesByCode.get(key) ?? [];
}

export function messagesOfStatus(catalog: Catalog, status: number): Message[] {
  return catalogIndex(catalog).messagesByStatus.get(status) ?? [];
}

/** The range holding a code, if its space has ranges. */
export function rangeOfCode(catalog: Catalog, code: Pick<Code, 'codeSpace' | 'range'>): Range | undefined {
  return code.range ? catalogIndex(catalog).rangeByKey.get(`${code.codeSpace}/${code.range}`) : undefined;
}

export function surfaceById(catalog: Catalog, id: string): Surface {
  const surface = catalogIndex(catalog).surfaceById.get(id);
  if (!surface) throw new Error(`unknown surface ${id}`);
  return surface;
}

export function envelopeById(catalog: Catalog, id: string): Envelope {
  const envelope = catalogIndex(catalog).envelopeById.get(id);
  if (!envelope) throw new Error(`unknown envelope ${id}`);
  return envelope;
}

export function spaceById(catalog: Catalog, id: string): CodeSpace {
  const space = catalogIndex(catalog).spaceById.get(id);
  if (!space) throw new Error(`unknown code space ${id}`);
  return space;
}

/** The codes before and after `code` within its space, for previous/next links. */
export function neighbours(catalog: Catalog, code: Code): { previous?: Code; next?: Code } {
  const index = catalogIndex(catalog);
  const codes = index.codesBySpace.get(code.codeSpace) ?? [];
  const position = index.positionInSpace.get(code.key) ?? -1;
  return { previous: codes[position - 1], next: codes[position + 1] };
}

/** The operation with `key` (`surface/slug`); throws for an unknown key, which the model rules out. */
export function operationByKey(catalog: Catalog, key: string): Operation {
  const operation = catalogIndex(catalog).operationByKey.get(key);
  if (!operation) throw new Error(`unknown operation key ${key}`);
  return operation;
}

/** The operations that return the code with `key`. */
export function operationsOfCode(catalog: Catalog, key: string): Operation[] {
  return catalogIndex(catalog).operationsByCode.get(key) ?? [];
}

/** The operations that list `status` among the statuses they return. */
export function operationsOfStatus(catalog: Catalog, status: number): Operation[] {
  return catalogIndex(catalog).operationsByStatus.get(status) ?? [];
}

/** The operations of a surface. */
export function operationsOfSurface(catalog: Catalog, surfaceId: string): Operation[] {
  return catalogIndex(catalog).operationsBySurface.get(surfaceId) ?? [];
}

/** `POST /v2/charges`: how an operation is named where its summary would be too long. */
export function operationLabel(operation: Pick<Operation, 'method' | 'path'>): string {
  return `${operation.method} ${operation.path}`;
}

/** The envelope an operation answers `status` in: its own for that status, else its surface's default. */
export function envelopeOfOperation(catalog: Catalog, operation: Operation, status: number): Envelope {
  const id = operation.envelopes[status] ?? surfaceById(catalog, operation.surface).envelopes[0]!;
  return envelopeById(catalog, id);
}

/**
 * The status contexts a code comes with from `operation`: those of its surface not limited to other
 * operations, main one first. A context that names the operation comes before those that name none.
 */
export function codeStatusesForOperation(code: Code, operation: Pick<Operation, 'key' | 'surface'>): CodeStatus[] {
  const applies = code.statuses.filter(
    (context) =>
      context.surfaces.includes(operation.surface) &&
      (!context.operations || context.operations.includes(operation.key)),
  );
  return [...applies.filter((context) => context.operations), ...applies.filter((context) => !context.operations)];
}

/** The status context of `code` from `operation` with `status`, when it comes with that status there. */
export function codeStatusForOperation(code: Code, operation: Operation, status: number): CodeStatus | undefined {
  return codeStatusesForOperation(code, operation).find((context) => context.status === status);
}

/** The codes an operation returns with `status`, in code order. */
export function operationCodesOfStatus(catalog: Catalog, operation: Operation, status: number): Code[] {
  return codesByKeys(catalog, operation.codes).filter((code) => codeStatusForOperation(code, operation, status));
}

/** The retry context of the catalog: the idempotent methods and backoff numbers it states, if any. */
export function retryContext(catalog: Catalog): RetryContext {
  return catalogIndex(catalog).retryContext;
}

/** The display title of a code: its title, else its name in words, else the code. */
export function codeTitle(code: Pick<Code, 'title' | 'name' | 'code'>): string {
  if (code.title) return code.title;
  if (code.name) return nameToTitle(code.name);
  return code.code;
}

/** Envelopes returned by the surfaces of a code, each once, in surface order. */
export function envelopesOfSurfaces(catalog: Catalog, surfaceIds: readonly string[]): Envelope[] {
  const seen = new Set<string>();
  const envelopes: Envelope[] = [];
  for (const surfaceId of surfaceIds) {
    for (const envelopeId of surfaceById(catalog, surfaceId).envelopes) {
      if (seen.has(envelopeId)) continue;
      seen.add(envelopeId);
      envelopes.push(envelopeById(catalog, envelopeId));
    }
  }
  return envelopes;
}

/** Counts of codes used in a range, and how many codes the range can hold. */
export function rangeUsage(range: Pick<Range, 'from' | 'to' | 'codes'>): { used: number; size: number; free: number } {
  const size = range.to - range.from + 1;
  return { used: range.codes.length, size, free: size - range.codes.length };
}
