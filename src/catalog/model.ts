/**
 * The one typed catalog model every page, index and export reads. Plain serialisable data:
 * references are resolved to ids/keys, derived facts are precomputed. Nothing the catalog leaves
 * out is filled in as if the API had said it: optional fields stay unset, and the one value the
 * model does fill in — retry advice for a status that states none — carries `source:
 * 'general-practice'`, which every wording of it shows (src/view/retry-text.ts).
 */
import type { ApiData } from '../schemas/api';
import type { CodeData } from '../schemas/code';
import type { EnvelopeData } from '../schemas/envelope';
import type { HeaderData } from '../schemas/header';
import type { MessageData } from '../schemas/message';
import type { Idempotency, OperationData, RequestHeader } from '../schemas/operation';
import type { RangeData } from '../schemas/range';
import type { RetryAdvice } from '../schemas/retry';
import type { StatusData } from '../schemas/status';
import type { SurfaceData } from '../schemas/surface';
import type { StatusClass } from '../shared/status-class';

/** Where an entry was declared, for messages and "edit this" links. */
export interface Origin {
  file: string;
  line?: number;
}

export interface Surface extends SurfaceData {
  id: string;
  /** Resolved code space id (the surface id when none was given). */
  codeSpace: string;
  origin: Origin;
}

export interface Envelope extends EnvelopeData {
  id: string;
  /** Ids of the surfaces that return this envelope. */
  surfaces: string[];
  origin: Origin;
}

export type { StatusClass } from '../shared/status-class';

/**
 * Where a piece of advice comes from: `api` when the catalog states it (the API's word),
 * `general-practice` when the model filled it in from general HTTP practice because the catalog
 * is silent. Pages, the lookup and catalog.json show the second as general practice, never as
 * the API's policy.
 */
export type Provenance = 'api' | 'general-practice';

/** Retry advice as the model hands it out: the advice, and whose word it is. */
export interface RetryRule extends RetryAdvice {
  source: Provenance;
}

export interface Status extends Omit<StatusData, 'retry'> {
  statusClass: StatusClass;
  /**
   * Retry advice: the catalog's (`source: 'api'`), or general HTTP practice for the status when
   * the catalog states none (`source: 'general-practice'`).
   */
  retry: RetryRule;
  origin: Origin;
}

export interface Range extends RangeData {
  /** `from-to`, unique within its code space, e.g. `7100-7199`. */
  slug: string;
  codeSpace: string;
  /** Keys of the documented codes inside the range, sorted numerically. */
  codes: string[];
  origin: Origin;
}

export interface CodeSpace {
  id: string;
  name: string;
  description?: string;
  /** Surfaces whose codes live here. */
  surfaces: string[];
  /** Ranges, sorted by `from`. */
  ranges: Range[];
  /** Keys of the codes, sorted (numeric codes numerically, then symbolic). */
  codes: string[];
  origin?: Origin;
}

/**
 * One status a code comes with, in its context. A code written with `status:` has one, with the
 * code's own retry advice; one written with `statuses:` has one per entry, in the order written.
 */
export interface CodeStatus {
  status: number;
  /** `transport` (refused before it ran) or `execution` (reported in the body), when stated. */
  layer?: 'transport' | 'execution';
  /** Surfaces that send the code with this status: the entry's, else the code's. */
  surfaces: string[];
  /**
   * Keys of the operations this status is limited to (`gateway/get-v1-x`), when the entry names
   * some; unset when it comes from every operation that returns the code.
   */
  operations?: string[];
  when?: string;
  /** Why it happens in this context, when it differs from the code's cause. */
  cause?: string;
  /** Retry advice in this context: the entry's, else the code's own, else the status's. */
  retry: RetryRule;
  /** Whether `retry` was inherited from the status. */
  retryInherited: boolean;
  /** True for a 1xx or 2xx status: the response reports an error although its status says success. */
  errorsWithSuccess: boolean;
}

export interface Code extends Omit<
  CodeData,
  'retry' | 'related' | 'deprecated' | 'formerly' | 'surfaces' | 'status' | 'statuses'
> {
  /** The main HTTP status: `status:` as written, else the first of `statuses:`. */
  status: number;
  /** Every status the code comes with, the main one first, each in its context. */
  statuses: CodeStatus[];
  /** Unique key across the catalog: `space:code`, e.g. `gateway:7100`. */
  key: string;
  codeSpace: string;
  /** URL-safe form of the code, unique within its space. */
  slug: string;
  /** Surfaces the code can come from: those of its code space, or the subset the code names. */
  surfaces: string[];
  /** Slug of the range holding it, when the space has ranges. */
  range?: string;
  /**
   * Retry advice with the main status: the code's own, else its status's (which may be general
   * practice; see `source`). Advice per status is in `statuses`.
   */
  retry: RetryRule;
  /** Whether `retry` was inherited from the status. */
  retryInherited: boolean;
  /** Placeholder names of `message`, in order. */
  placeholderNames: string[];
  /** Keys of related codes. */
  related: string[];
  /** Keys of codes that name this one as related or as their replacement. */
  referencedBy: string[];
  deprecated?: { since: string; replacedBy?: string; note?: string };
  /** Keys this code had before (for redirects). */
  formerly: string[];
  origin: Origin;
}

export interface Message extends Omit<MessageData, 'code'> {
  /** `area-slug/index`, unique. */
  id: string;
  area: string;
  /** Key of the linked code, if any. */
  code?: string;
  placeholderNames: string[];
  origin: Origin;
}

export interface MessageArea {
  slug: string;
  name: string;
  description?: string;
  order: number;
  messages: Message[];
  origin: Origin;
}

export interface Header extends HeaderData {
  origin: Origin;
}

export interface Operation extends Omit<
  OperationData,
  'id' | 'statuses' | 'codes' | 'envelopes' | 'deprecated' | 'idempotency' | 'requestHeaders'
> {
  /** Unique key across the catalog: `surface/slug`, e.g. `gateway/post-v2-charges`. */
  key: string;
  /** URL-safe id, unique within the surface: the `id` as written, lowercased, else method and path. */
  slug: string;
  /** The `id` as written (an OpenAPI operationId), when given. */
  id?: string;
  /** Id of the surface it belongs to. */
  surface: string;
  /**
   * How it can be repeated; `stated` is false when the catalog says nothing and `kind: method`
   * (the method's usual meaning) was filled in, so pages can call it general HTTP practice.
   */
  idempotency: Idempotency & { stated: boolean };
  /** Statuses it returns, ascending. */
  statuses: number[];
  /** Keys of the codes it returns, in status order, then code order. */
  codes: string[];
  /** Envelope id by status, where it differs from the surface's default. */
  envelopes: Record<number, string>;
  requestHeaders: RequestHeader[];
  /** For deprecated operations: since when, why, and the key of the replacement. */
  deprecated?: { since: string; replacedBy?: string; note?: string };
  origin: Origin;
}

export interface Catalog {
  api: ApiData;
  surfaces: Surface[];
  envelopes: Envelope[];
  statuses: Status[];
  codeSpaces: CodeSpace[];
  /** All codes, grouped by code space, in code order. */
  codes: Code[];
  messageAreas: MessageArea[];
  headers: Header[];
  /** All operations, by surface order, then path, then method. */
  operations: Operation[];
}
