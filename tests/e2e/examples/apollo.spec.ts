/**
 * Fact checklist of the Apollo Server example (examples/apollo, issue 18): Apollo Server 5.5.1's
 * built-in error codes (ApolloServerErrorCode, packages/server/src/errors/index.ts:3-12), their
 * statuses (internalErrorClasses.ts; docs/source/data/errors.mdx:614-622) and real responses of a
 * standalone server, on the built site and through the lookup. UNAUTHENTICATED and FORBIDDEN are
 * not built in (docs/source/migration-from-v3.mdx:950-975) and must not appear. The two
 * ApolloServerValidationErrorCode values (errors/index.ts:14-17) are not codes of their own: they come
 * in extensions.validationErrorCode beside GRAPHQL_VALIDATION_FAILED, so they are its common messages.
 */
import { routes } from '../../../src/view/routes';
import { defineSiteGates } from '../support/gates';
import { defineBodyFacts, defineLookupFacts, definePageFacts } from './seed-facts';

/** Responses of @apollo/server 5.5.1 (startStandaloneServer, nodeEnv production), verbatim. */
const PARSE_FAILED = `{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":9}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}`;
const PQ_NOT_FOUND = `{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}`;
const PARTIAL = `{"errors":[{"message":"Invalid argument value","locations":[{"line":1,"column":15}],"path":["user"],"extensions":{"code":"BAD_USER_INPUT","argumentName":"id"}}],"data":{"hello":"world","user":null}}`;

const envelope = routes.envelope('graphql-response');
const code = (slug: string) => routes.code({ codeSpace: 'apollo-server', slug });

defineBodyFacts([
  {
    fact: 'a parse failure: 400, no data, the graphql-js message with its locations',
    route: envelope,
    json: PARSE_FAILED,
  },
  { fact: 'a persisted query not found: 200, message PersistedQueryNotFound', route: envelope, json: PQ_NOT_FOUND },
  { fact: 'a resolver error beside partial data, with path and locations', route: envelope, json: PARTIAL },
]);

definePageFacts([
  {
    fact: 'the 8 ApolloServerErrorCode values, and no UNAUTHENTICATED or FORBIDDEN (custom codes, not built in)',
    route: routes.codes(),
    shows: [
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_USER_INPUT',
      'PERSISTED_QUERY_NOT_FOUND',
      'PERSISTED_QUERY_NOT_SUPPORTED',
      'OPERATION_RESOLUTION_FAILURE',
      'BAD_REQUEST',
      'INTERNAL_SERVER_ERROR',
    ],
    omits: ['UNAUTHENTICATED', 'FORBIDDEN'],
  },
  {
    fact: 'BAD_USER_INPUT: 400 for variable coercion in v5, 200 when a resolver throws it (errors.mdx:614-618)',
    route: code('BAD_USER_INPUT'),
    shows: [
      '400 Bad Request transport error',
      '200 OK with errors execution error',
      'status400ForVariableCoercionErrors defaults to true',
      'The GraphQL operation includes an invalid value for a field argument.',
    ],
  },
  {
    fact: 'PERSISTED_QUERY_NOT_FOUND comes with 200, and the docs say to send the query string with its hash (apq.mdx:87-98)',
    route: code('PERSISTED_QUERY_NOT_FOUND'),
    shows: ['200 OK with errors', 'Send a followup request that includes both the query string and its hash.'],
    omits: [/request succeeded; there is nothing/],
  },
  {
    fact: 'INTERNAL_SERVER_ERROR: the default code; 200 from a resolver, 500 from context or plugins, 400 for a bad APQ hash',
    route: code('INTERNAL_SERVER_ERROR'),
    shows: [
      'sets the code extension to this value if no other code is set',
      '200 OK with errors',
      '500 Internal Server Error',
      '400 Bad Request',
    ],
  },
  {
    fact: 'BAD_REQUEST comes with 400, 405, 406 and 415',
    route: code('BAD_REQUEST'),
    shows: ['400 Bad Request', '405 Method Not Allowed', '406 Not Acceptable', '415 Unsupported Media Type'],
  },
  {
    fact: 'the docs give no retry rule: every retry sentence says it is general practice',
    route: code('GRAPHQL_PARSE_FAILED'),
    shows: ['The API itself states no retry rule here.'],
  },
  {
    fact: 'the two ApolloServerValidationErrorCode values (errors/index.ts:14-17): their messages, with GRAPHQL_VALIDATION_FAILED and 400',
    route: routes.messages(),
    shows: [
      'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type.',
      'INTROSPECTION_DISABLED',
      'unless the NODE_ENV environment variable is set to production',
      'recursively requests too many selections.',
      'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
      'exceeds 10,000,000',
    ],
  },
  {
    fact: '200: Apollo Server returns 200 when execution completes, though it can still include resolver-specific errors',
    route: routes.status(200),
    shows: ['(though this can still include resolver-specific errors)', '200 with errors.'],
  },
]);

defineLookupFacts([
  {
    fact: 'a raw 400 parse failure: GRAPHQL_PARSE_FAILED with 400, at line 1, column 9 of the document',
    query: ['HTTP/1.1 400 Bad Request', 'content-type: application/json; charset=utf-8', '', PARSE_FAILED].join('\n'),
    shows: ['GRAPHQL_PARSE_FAILED', 'HTTP 400 Bad Request', 'Read as GraphQL response'],
  },
  {
    fact: 'a 200 resolver error: BAD_USER_INPUT in its execution context, at user',
    query: ['HTTP/1.1 200 OK', 'content-type: application/json; charset=utf-8', '', PARTIAL].join('\n'),
    shows: ['BAD_USER_INPUT', 'HTTP 200 OK with errors', 'At user (line 1, column 15)', 'Execution error.'],
  },
  {
    fact: 'PersistedQueryNotFound: the code and what to send next',
    query: PQ_NOT_FOUND,
    shows: ['PERSISTED_QUERY_NOT_FOUND', 'Send a followup request that includes both the query string and its hash.'],
  },
]);

defineSiteGates();
