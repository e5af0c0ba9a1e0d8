/**
 * The Content-Security-Policy the site is built to work under, and that the end-to-end tests serve
 * it with (astro preview sends it when PREVIEW_CSP=1). Scripts load only from the site itself:
 * no inline scripts, no inline event handlers, no eval. 'wasm-unsafe-eval' lets Pagefind compile
 * its WebAssembly search engine; it does not allow JavaScript eval. Inline styles stay allowed
 * because Shiki colours code with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers a host should send with every page; the README's deploy guides repeat them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
