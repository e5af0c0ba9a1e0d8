/**
 * A pasted GraphQL request says whether it is a query or a mutation (issue 18): the document is
 * read from a JSON body, a raw document body or a GET's query parameter, and `operationName`
 * chooses among several operations. When the paste does not say, neither does the reader.
 */
import { describe, expect, test } from 'vitest';
import { graphqlOperationType, operationsOfDocument } from '../../src/lookup/graphql-operation';
import { expectWithinBound } from './time-bound';

describe('the operations of a GraphQL document', () => {
  test.each([
    ['{ viewer { id } }', [{ type: 'query' }]],
    ['query Viewer { viewer { id } }', [{ type: 'query', name: 'Viewer' }]],
    ['mutation($id: ID!) { cancel(id: $id) { id } }', [{ type: 'mutation' }]],
    [
      'query A { a }\nmutation B { b }\nfragment F on T { query mutation }',
      [
        { type: 'query', name: 'A' },
        { type: 'mutation', name: 'B' },
      ],
    ],
    ['# mutation in a comment\nquery Q { field(arg: "mutation { x }") }', [{ type: 'query', name: 'Q' }]],
    ['query Q { f(text: """block "mutation" string""") }', [{ type: 'query', name: 'Q' }]],
    ['subscription OnOrder { order { id } }', [{ type: 'subscription', name: 'OnOrder' }]],
    ['', []],
  ])('%s', (document, expected) => {
    expect(operationsOfDocument(document)).toEqual(expected);
  });
});

describe('a pasted request is a query, a mutation, or does not say', () => {
  test.each([
    { body: '{"query":"mutation CancelOrder { cancelOrder(id: \\"ord_1\\") { id } }"}', type: 'mutation' },
    { body: '{"query":"{ order(id: 1) { id } }","variables":{}}', type: 'query' },
    { body: 'mutation { cancelOrder(id: 1) { id } }', type: 'mutation' },
    { body: '{"query":"query A { a } mutation B { b }","operationName":"B"}', type: 'mutation' },
    { body: '{"query":"query A { a } mutation B { b }"}', type: undefined },
    { body: '[{"query":"{ a }"},{"query":"mutation { b }"}]', type: undefined },
    { body: '{"extensions":{"persistedQuery":{"sha256Hash":"9f86"}}}', type: undefined },
    { body: '{"query":"subscription { order { id } }"}', type: undefined },
    { body: '{"query": "mutation {', type: undefined },
    { body: '{ amount: 5 }', type: undefined },
    { body: 'amount=5&currency=eur', type: undefined },
    { target: '/graphql?query=%7B%20viewer%20%7B%20id%20%7D%20%7D', type: 'query' },
    { target: '/graphql?query=query%20A%7Ba%7D%20mutation%20B%7Bb%7D&operationName=A', type: 'query' },
    { target: '/graphql', type: undefined },
  ])('$type: body $body, target $target', ({ body, target = '/graphql', type }) => {
    expect(graphqlOperationType({ target, ...(body !== undefined ? { body } : {}) })).toBe(type);
  });

  test('a shorthand query sent as application/graphql is a query', () => {
    const headers = [{ name: 'Content-Type', value: 'application/graphql' }];
    expect(graphqlOperationType({ target: '/graphql', body: '{ viewer { id } }', headers })).toBe('query');
  });

  test('a very long or hostile document is read in bounded time', () => {
    const deep = `mutation M { ${'a { '.repeat(50_000)}${'} '.repeat(50_000)}}`;
    const body = JSON.stringify({ query: deep });
    expect(expectWithinBound(() => graphqlOperationType({ target: '/graphql', body }), 'deep document')).toBe(
      'mutation',
    );
    const unclosed = `query Q { f(s: "${'\\'.repeat(100_000)}`;
    expect(expectWithinBound(() => operationsOfDocument(unclosed), 'unclosed string')).toEqual([
      { type: 'query', name: 'Q' },
    ]);
  });
});
