/**
 * Stage: the operations a code's status context is limited to (`statuses[].operations`), resolved
 * once every operation is known. Each names a declared operation, on a surface that sends the code
 * with that status, listing that status; the operation then returns the code. An operation that
 * lists a code must be left one of its statuses.
 */
import { sortOperationCodes } from '../build-operations';
import type { Code, CodeStatus, Operation } from '../model';
import { operationReferenceKey, operationsByReference, parseOperationReference } from '../operation-references';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { suggestName } from '../suggest';
import { codeEntries, describeOrigin, type ModelContext } from './context';

export function resolveStatusOperations(context: ModelContext): void {
  const { operations, codes, report } = context;
  const byReference = operationsByReference(operations);
  const named = new Map<Operation, Set<string>>();
  for (const { entry, code, source, path } of codeEntries(context)) {
    entry.statuses?.forEach((item, index, all) => {
      const codeStatus = code.statuses.find((candidate) => candidate.status === item.status);
      // A status listed twice was reported where the statuses were collected; its first entry counts.
      const first = all.findIndex((other) => other.status === item.status) === index;
      if (!item.operations || !codeStatus || !first) return;
      const keys: string[] = [];
      item.operations.forEach((ref, refIndex) => {
        const where: Path = [...path, 'statuses', index, 'operations', refIndex];
        const operation = resolveOperation(context, byReference, ref, code, codeStatus, source, where);
        if (!operation) return;
        if (keys.includes(operation.key)) {
          report(source, where, `operation ${ref} is listed twice`, 'list each operation once');
          return;
        }
        if (!checkOperationFits(context, operation, ref, code, codeStatus, source, where)) return;
        keys.push(operation.key);
        if (!named.has(operation)) named.set(operation, new Set());
        named.get(operation)!.add(code.key);
      });
      if (keys.length) codeStatus.operations = keys;
    });
  }
  // A context naming an operation says the operation returns the code.
  for (const [operation, keys] of named) {
    const added = [...keys].filter((key) => !operation.codes.includes(key));
    if (added.length) operation.codes = sortOperationCodes([...operation.codes, ...added], codes);
  }
  checkOperationsLeftAStatus(context);
}

/**
 * The operation `ref` names: on the surface it names, else on a surface that sends the code with
 * this status (of several, it must say which), else on any surface (reported by the caller's check).
 */
function resolveOperation(
  context: ModelContext,
  byReference: ReadonlyMap<string, Operation>,
  ref: string,
  code: Code,
  codeStatus: CodeStatus,
  source: SourceFile,
  where: Path,
): Operation | undefined {
  const { report, operations, surfaces, mayHold } = context;
  const parsed = parseOperationReference(ref);
  if (!parsed) {
    report(
      source,
      where,
      `operation "${ref}" is not written METHOD /path`,
      'write the method in capitals and the path template as in operations/, e.g. POST /v1/orders, or surface:METHOD /path',
    );
    return undefined;
  }
  const find = (surfaceId: string) => byReference.get(operationReferenceKey(surfaceId, parsed.method, parsed.path));
  if (parsed.surface) {
    const operation = find(parsed.surface);
    if (operation) return operation;
  } else {
    const own = codeStatus.surfaces.map(find).filter((operation): operation is Operation => Boolean(operation));
    if (own.length > 1) {
      report(
        source,
        where,
        `operation "${ref}" is declared on several surfaces of code ${code.code} (${own.map((operation) => operation.surface).join(', ')})`,
        `say which: ${own.map((operation) => `"${operation.surface}:${ref}"`).join(' or ')}`,
      );
      return undefined;
    }
    const operation = own[0] ?? [...surfaces.keys()].map(find).find(Boolean);
    if (operation) return operation;
  }
  if (mayHold('operations')) return undefined;
  const scope = parsed.surface ? [parsed.surface] : codeStatus.surfaces;
  const candidates = operations
    .filter((operation) => scope.includes(operation.surface))
    .map((operation) => `${operation.method} ${operation.path}`);
  report(
    source,
    where,
    `operation "${ref}" does not exist${parsed.surface ? '' : ` on ${scope.length === 1 ? 'surface' : 'surfaces'} ${scope.map((id) => `"${id}"`).join(', ')}`}`,
    candidates.length
      ? `${suggestName(`${parsed.method} ${parsed.path}`, candidates, 'operations that can return the code')}, or declare it in operations/`
      : `declare it in operations/${scope[0] ?? '<surface>'}.yaml with its statuses, or remove operations:`,
  );
  return undefined;
}

/** The named operation is on a surface that sends the code with this status, and lists the status. */
function checkOperationFits(
  { report }: ModelContext,
  operation: Operation,
  ref: string,
  code: Code,
  codeStatus: CodeStatus,
  source: SourceFile,
  where: Path,
): boolean {
  const label = `${operation.method} ${operation.path}`;
  if (!codeStatus.surfaces.includes(operation.surface)) {
    const sendsCode = code.surfaces.includes(operation.surface);
    report(
      source,
      where,
      sendsCode
        ? `${label} is an operation of surface "${operation.surface}", which does not send code ${code.code} with status ${codeStatus.status} (this status is for ${codeStatus.surfaces.join(', ')})`
        : `${label} is an operation of surface "${operation.surface}", which does not send code ${code.code} (it comes from ${code.surfaces.join(', ')})`,
      sendsCode
        ? `name an operation of ${codeStatus.surfaces.join(', ')}, or add ${operation.surface} to surfaces: of this status`
        : `name an operation of ${code.surfaces.join(', ')}, or add ${operation.surface} to the surfaces: of code ${code.code}`,
    );
    return false;
  }
  if (!operation.statuses.includes(codeStatus.status)) {
    report(
      source,
      where,
      `${label} does not list status ${codeStatus.status} in its statuses, so it cannot return code ${code.code} with it`,
      `add ${codeStatus.status} to the statuses: of ${ref} (${describeOrigin(operation.origin)}), or name another operation`,
    );
    return false;
  }
  return true;
}

/**
 * An operation that lists a code in its `codes:` returns it with some status: when every status of
 * the code is limited to other operations, the operation's page would list the code nowhere.
 */
function checkOperationsLeftAStatus(context: ModelContext): void {
  const { operations, codes, codeSources, report } = context;
  for (const operation of operations)
    for (const key of operation.codes) {
      const code = codes.get(key)!;
      if (!code.statuses.some((status) => status.operations)) continue;
      if (code.statuses.some((status) => !status.operations || status.operations.includes(operation.key))) continue;
      const where = codeSources.get(key)!;
      const label = `${operation.method} ${operation.path}`;
      report(
        where.source,
        [...where.path, 'statuses'],
        `${label} lists code ${code.code} in its codes (${describeOrigin(operation.origin)}), but every status of the code is limited to other operations`,
        `add "${label}" to the operations: of the status the code comes with there, or remove ${code.code} from its codes:`,
      );
    }
}
