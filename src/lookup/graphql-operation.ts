/**
 * Whether a pasted GraphQL request is a query or a mutation (issue 18: retry advice can differ
 * between them, and every GraphQL call is a POST). Read from the request's document: the `query`
 * member of a JSON body (with `operationName` choosing among several operations), a body that is
 * the document itself, or the `query` parameter of a GET. Pure and DOM-free, like the engine.
 */

/** Characters of a document read at most: a pasted request is small; a huge one is not parsed. */
const MAX_DOCUMENT = 100_000;

type OperationType = 'query' | 'mutation' | 'subscription';

/** The operations a document defines, in order: their type and name (undefined for anonymous ones). */
export function operationsOfDocument(document: string): Array<{ type: OperationType; name?: string }> {
  const text = document.slice(0, MAX_DOCUMENT);
  const operations: Array<{ type: OperationType; name?: string }> = [];
  let braces = 0;
  let parens = 0;
  // A definition keyword (query, mutation, subscription, fragment) was read at the top level and
  // its selection set has not opened yet.
  let pending = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '#') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end + 1;
      continue;
    }
    if (char === '"') {
      const quote = text.startsWith('"""', index) ? '"""' : '"';
      let end = index + quote.length;
      while (end < text.length && !text.startsWith(quote, end)) end += text[end] === '\\' ? 2 : 1;
      index = end + quote.length;
      continue;
    }
    const top = braces === 0 && parens === 0;
    if (char === '{') {
      // A selection set at the top level with no keyword before it is the query shorthand.
      if (top && !pending) operations.push({ type: 'query' });
      if (top) pending = false;
      braces += 1;
    } else if (char === '}') braces = Math.max(0, braces - 1);
    else if (char === '(') parens += 1;
    else if (char === ')') parens = Math.max(0, parens - 1);
    else if (top && /[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index, index + 256))![0];
      index += word.length;
      if (word === 'fragment') pending = true;
      if (word === 'query' || word === 'mutation' || word === 'subscription') {
        pending = true;
        const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(index, index + 256));
        operations.push(name ? { type: word, name: name[1]! } : { type: word });
        if (name) index += name[0].length;
      }
      continue;
    }
    index += 1;
  }
  return operations;
}

/** What the reader needs of a pasted request: its target, body and headers when they were pasted. */
interface PastedRequest {
  target: string;
  body?: string | undefined;
  headers?: ReadonlyArray<{ name: string; value: string }> | undefined;
}

/**
 * The document and operation name of a pasted request, when it carries a GraphQL document. A body
 * that is a document itself must open with an operation keyword, or be sent as
 * `application/graphql`: a REST body such as `{ amount: 5 }` is not read as a shorthand query.
 */
function documentOf(request: PastedRequest): { document: string; name?: string } | undefined {
  const body = request.body?.trim();
  if (body) {
    if (body.startsWith('{') || body.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const { query, operationName } = parsed as { query?: unknown; operationName?: unknown };
        if (typeof query === 'string')
          return { document: query, ...(typeof operationName === 'string' ? { name: operationName } : {}) };
        return undefined;
      }
      // A batch (an array) holds several operations; a cut-off JSON body says nothing.
      if (parsed !== undefined || /^[[{]\s*"/.test(body)) return undefined;
    }
    const graphqlBody = request.headers?.some(
      (header) => header.name.toLowerCase() === 'content-type' && /application\/graphql/i.test(header.value),
    );
    return graphqlBody || /^(query|mutation|subscription|fragment)\b/.test(body) ? { document: body } : undefined;
  }
  const queryAt = request.target.indexOf('?');
  if (queryAt < 0) return undefined;
  const params = new URLSearchParams(request.target.slice(queryAt + 1).split('#')[0]);
  const query = params.get('query');
  if (!query) return undefined;
  const name = params.get('operationName');
  return { document: query, ...(name ? { name } : {}) };
}

/**
 * `query` or `mutation` for a pasted GraphQL request, or undefined when the paste does not say: no
 * document, a batch, a subscription, or operations of both kinds with no operationName to choose.
 */
export function graphqlOperationType(request: PastedRequest): 'query' | 'mutation' | undefined {
  const found = documentOf(request);
  if (!found) return undefined;
  let operations = operationsOfDocument(found.document);
  if (found.name !== undefined) operations = operations.filter((operation) => operation.name === found.name);
  const types = new Set(operations.map((operation) => operation.type));
  if (types.size !== 1) return undefined;
  const [type] = types;
  return type === 'subscription' ? undefined : type;
}
