/**
 * The site-wide gates (tests/e2e/support/gates.ts) under the base path: one sweep over every page
 * (CSP and console, every request under the base path, 375 px layout, no-JavaScript content) and
 * one parse of the built HTML (links, anchors, inline code, page heads). The sweep runs no axe here
 * (`axe: false` in tools/test-sites.mjs): these are the default site's pages again.
 */
import { defineSiteGates } from '../support/gates';

defineSiteGates();
