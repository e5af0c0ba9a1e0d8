/** Stage: operations (see ../build-operations.ts), resolved once surfaces, envelopes, statuses and codes are known. */
import { buildOperations } from '../build-operations';
import { referenceFix, resolveReference, splitReference } from './code-references';
import { originOf, type ModelContext } from './context';
import { checkStatusDeclared } from './statuses';

export function collectOperations(context: ModelContext): void {
  const { files, report, surfaces, envelopes, codes } = context;
  const operations = buildOperations({
    files,
    report,
    origin: originOf,
    surfaces,
    envelopes,
    codes,
    checkStatus: (source, path, status) => checkStatusDeclared(context, source, path, status),
    resolveCode: (fromSpace, ref) => resolveReference(context, fromSpace, ref),
    codeReferenceFix: (ref, fromSpace) => referenceFix(context, ref, fromSpace),
    mayHoldCode: (ref, fromSpace) => {
      const [prefix, value] = splitReference(ref, fromSpace);
      return context.mayHold('codes', value, prefix);
    },
    mayHoldSurface: (id) => context.mayHold('surfaces', id),
  });
  context.operations.push(...operations);
}
