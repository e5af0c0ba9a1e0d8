/**
 * The site-wide gates (tests/e2e/support/gates.ts): one sweep over every page (axe light and dark,
 * CSP and console, 375 px layout, no-JavaScript content) and one parse of the built HTML (links,
 * anchors, inline code, page heads).
 */
import { defineSiteGates } from '../support/gates';

defineSiteGates();
