/**
 * The site-wide gates (tests/e2e/support/gates.ts): one sweep over every page (axe light and dark,
 * CSP and console, 375 px layout, no-JavaScript content) and one parse of the built HTML (links,
 * anchors, inline code, page heads).
 */
import { defineSiteGates } from '../support/gates';

// Every one of the default site's pages is swept (the other sites of its catalog sweep one of each
// kind): four parts, so both workers share it.
defineSiteGates({ sweepParts: 4 });
