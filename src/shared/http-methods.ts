/**
 * What HTTP itself says about methods, as opposed to what one API states: zod-free, so the
 * build, the wording of retry advice and the browser's lookup share the one list.
 */

/**
 * The methods RFC 9110 (section 9.2.2) defines as idempotent, among those a retry rule can name.
 * General HTTP practice, never an API's word: a page quotes it only as such.
 */
export const HTTP_IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];
