/**
 * How the catalog names an operation from elsewhere (a replacement, a code's status context):
 * `METHOD /path` on the same surface, or `surface:METHOD /path`. One grammar, one lookup.
 */
import type { Operation } from './model';

export interface OperationReference {
  /** The surface written before the colon, when one was. */
  surface?: string;
  method: string;
  path: string;
}

const OPERATION_REFERENCE = /^(?:([a-z0-9][a-z0-9-]*):)?(GET|HEAD|OPTIONS|PUT|DELETE|POST|PATCH) +(\/\S*)$/;

/** What an operation reference names, or undefined when it is not written `[surface:]METHOD /path`. */
export function parseOperationReference(ref: string): OperationReference | undefined {
  const match = OPERATION_REFERENCE.exec(ref.trim());
  if (!match) return undefined;
  return { ...(match[1] ? { surface: match[1] } : {}), method: match[2]!, path: match[3]! };
}

/** The lookup key of an operation of `surface`: a trailing slash does not make another operation. */
export function operationReferenceKey(surface: string, method: string, path: string): string {
  return `${surface}:${method} ${path.replace(/\/$/, '')}`;
}

/** The operations of a catalog by their reference key (see `operationReferenceKey`). */
export function operationsByReference(operations: readonly Operation[]): Map<string, Operation> {
  return new Map(
    operations.map((operation) => [
      operationReferenceKey(operation.surface, operation.method, operation.path),
      operation,
    ]),
  );
}
