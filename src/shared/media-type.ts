/** How the site reads an envelope's bodies: one rule for the build's checks and the pages. */

/**
 * True when bodies of this media type are JSON: a JSON media type (`application/json`,
 * `application/problem+json`…), or none stated — example bodies are then read as JSON, which is
 * what every catalog so far shows, and the build checks that they parse.
 */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType === undefined || /json/i.test(mediaType);
}
